// /office: the case queue of whoever works cases (a handler's is their unit's), filtered through the
// URL, sorted and paged by keyset, with cases pinned for safety first. Clerks and supervisors tick
// rows and apply one action to them all; the keyboard moves, ticks and triages. The rules live in
// app/features/cases/queue.server.ts, bulk-actions.server.ts and saved-views.server.ts.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigate, useNavigation } from '@remix-run/react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_FIELDS, selectionValue, type BulkAction } from '#app/features/cases/bulk-actions.ts';
import { QUEUE_SORT_DEFAULT_DIRECTION, SAVED_VIEWS } from '#app/features/cases/queue-order.ts';
import { postQueue } from '#app/features/cases/queue-page.server.ts';
import { officeQueue, type QueueRow } from '#app/features/cases/queue.server.ts';
import { caseHref as caseAt, queueSearch } from '#app/features/cases/triage.ts';
import { DueBadge } from '#app/features/cases/ui/due-badge.tsx';
import { BulkActionForm, BulkResultNotice, useRowSelection } from '#app/features/cases/ui/queue-bulk.tsx';
import { QueueFilterBar } from '#app/features/cases/ui/queue-filters.tsx';
import { Marked } from '#app/features/cases/ui/search-marks.tsx';
import { SafetyFlag } from '#app/features/early-warning/ui/safety-flag.tsx';
import { NextTargetBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { shortUnitName } from '#app/features/reference-data/unit-names.ts';
import { canUseQueue, startPageFor } from '#app/features/staff/permissions.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { redirectWithNotice } from '#app/platform/http/notice.server.ts';
import { refusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { DataTable, type DataColumn } from '#app/ui/data-table.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { ShortcutsHelp, useKeyboardShortcuts, useShortcutsHelp, type Shortcut } from '#app/ui/keyboard-shortcuts.tsx';
import { RowCheckbox } from '#app/ui/row-checkbox.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import { useHydrated } from '#app/ui/use-hydrated.ts';

export const loader = /* @__PURE__ */ route(async ({ request, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  // Roles without a queue land on their own start page after signing in, not on a refusal.
  if (!canUseQueue(actor)) throw redirect(startPageFor(actor));
  const { locale, t } = await translatorFor(request);
  const now = new Date();
  const queue = await officeQueue(actor, new URL(request.url).searchParams, locale, now, { ipAddress: context.clientIp });
  return { title: t('office:queue.title'), now: now.toISOString(), ...queue };
});

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const posted = await postQueue(actor, await readForm(request), { ipAddress: context.clientIp });
  if (posted.kind === 'view') {
    if (!posted.outcome.ok) return refusal(posted.outcome);
    const query = posted.query ?? new URL(request.url).search.slice(1).replace(/(^|&)index(=[^&]*)?/, '');
    return redirectWithNotice(query ? `/office?${query}` : '/office', posted.outcome.notice);
  }
  // The result lists case by case what was done, which a one-line notice cannot: the page shows it.
  if (!posted.outcome.ok) return refusal(posted.outcome);
  return data({ result: posted.outcome.result }, { headers: NO_STORE });
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

type Row = QueueRow;

export default function QueuePage() {
  const page = useLoaderData<typeof loader>();
  const { now, view, filters, order, rows, nextCursor, options, unitFilter, bulk, savedViews, rankedOnly } = page;
  const posted = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const hydrated = useHydrated();
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const { t: tw } = useTranslation('office-warning');
  const formatDate = useFormatDate();
  const location = useLocation();
  const ids = rows.map((row) => row.id);
  const selection = useRowSelection(ids);
  const [current, setCurrent] = useState(-1);
  const [bulkAction, setBulkAction] = useState<BulkAction | ''>('');
  const help = useShortcutsHelp();
  const bulkForm = useFormErrors(posted && 'errors' in posted ? posted : null, {
    fields: BULK_FIELDS,
    prefix: (field) => `office:bulk.errors.${field}`,
    formPrefix: 'office:bulk.errors.form',
  });
  // The summary links to the bulk form's own field ids.
  const bulkSummary = bulkForm.summary.map((entry) =>
    entry.field === 'cases'
      ? { message: entry.message }
      : entry.field && entry.field !== 'bulkAction'
        ? { ...entry, field: `bulk-${entry.field}` }
        : entry,
  );
  const result = posted && 'result' in posted ? posted.result : null;
  // A refused "save this view" names its one field; a refused bulk action, its own.
  const viewForm = useFormErrors(posted && 'errors' in posted && 'name' in posted.errors ? posted : null, {
    fields: ['name'] as const,
    prefix: () => 'office:queue.savedView.errors',
  });

  const unitName = new Map(options.units.map((u) => [u.value, u.label]));
  const pageHref = (after: string | null) => {
    const params = new URLSearchParams(location.search);
    if (after) params.set('after', after);
    else params.delete('after');
    const search = params.toString();
    return search ? `/office?${search}` : '/office';
  };
  // A case opened from here knows its queue: "Save and next" and j/k there follow this view.
  const queue = queueSearch(location.search);
  const caseHref = (id: string) => caseAt(id, queue);
  const isLaterPage = new URLSearchParams(location.search).has('after');
  const orderText = t(`queue.order.${order.sort}.${order.dir}`);
  const canBulk = bulk.actions.length > 0;

  // The keyboard: j/k move between rows, x ticks, a opens accept-and-assign, Enter opens, / searches.
  const focusRow = (index: number) => {
    setCurrent(index);
    document.querySelectorAll<HTMLAnchorElement>('[data-testid="queue"] a.reference')[index]?.focus();
  };
  const shortcuts: Shortcut[] = [
    {
      key: 'j',
      label: t('shortcuts.queue.next'),
      run: () => focusRow(Math.min(current + 1, rows.length - 1)),
      available: () => rows.length > 0,
    },
    { key: 'k', label: t('shortcuts.queue.previous'), run: () => focusRow(Math.max(current - 1, 0)), available: () => rows.length > 0 },
    {
      key: 'Enter',
      label: t('shortcuts.queue.open'),
      run: () => navigate(caseHref(rows[current]!.id)),
      available: () => current >= 0 && current < rows.length,
    },
    {
      key: 'x',
      label: t('shortcuts.queue.select'),
      run: () => selection.toggle(rows[current]!.id),
      available: () => canBulk && current >= 0,
    },
    {
      key: 'a',
      label: t('shortcuts.queue.acceptAssign'),
      run: () => {
        if (selection.count === 0 && current >= 0) selection.set(rows[current]!.id, true, false);
        setBulkAction('acceptAssign');
        setPendingFocus('field-bulk-unitId');
      },
      available: () => bulk.actions.includes('acceptAssign') && (selection.count > 0 || current >= 0),
    },
    { key: '/', label: t('shortcuts.queue.search'), run: () => document.getElementById('field-q')?.focus() },
  ];
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!pendingFocus) return;
    const element = document.getElementById(pendingFocus);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
    setPendingFocus(null);
  }, [pendingFocus]);
  useKeyboardShortcuts(shortcuts, help.open);

  const columns: DataColumn<Row, typeof order.sort>[] = [
    ...(canBulk
      ? [
          {
            id: 'select',
            label: t('bulk.selectColumn'),
            className: 'data-table__select',
            header: hydrated ? (
              <RowCheckbox
                name="all"
                value="page"
                label={t('bulk.selectAll')}
                isSelected={selection.all}
                isIndeterminate={selection.some}
                onChange={(on) => selection.setAll(on)}
              />
            ) : (
              <span className="visually-hidden">{t('bulk.selectColumn')}</span>
            ),
            cell: (row: Row) => (
              <RowCheckbox
                name="cases"
                value={selectionValue(row.id, row.version)}
                label={t('bulk.selectCase', { receiptNo: row.receiptNo })}
                isSelected={selection.isSelected(row.id)}
                onChange={(on, extend) => selection.set(row.id, on, extend)}
              />
            ),
          } satisfies DataColumn<Row, typeof order.sort>,
        ]
      : []),
    {
      id: 'receipt',
      label: t('queue.columns.receipt'),
      isRowHeader: true,
      className: 'data-table__nowrap',
      cell: (row) => (
        <Link to={caseHref(row.id)} className="reference" onFocus={() => setCurrent(ids.indexOf(row.id))}>
          {row.receiptNo}
        </Link>
      ),
    },
    {
      id: 'subject',
      label: t('queue.columns.subject'),
      className: 'data-table__subject',
      cell: (row) => (
        <>
          {row.welfareConcern ? <SafetyFlag pinned={row.pinned} /> : null}
          <span className="queue-subject" title={row.subject}>
            {row.subjectMarks ? <Marked segments={row.subjectMarks} /> : row.subject}
          </span>
          {row.bodySnippet ? (
            <span className="queue-snippet">
              <Marked segments={row.bodySnippet} />
            </span>
          ) : null}
        </>
      ),
    },
    { id: 'status', label: t('queue.columns.status'), className: 'data-table__nowrap', cell: (row) => tc(`status.${row.status}.title`) },
    {
      id: 'unit',
      label: t('queue.columns.unit'),
      className: 'data-table__unit',
      cell: (row) => {
        if (!row.unitId) return t('queue.unassigned');
        const full = unitName.get(row.unitId) ?? '';
        return <UnitName full={full} />;
      },
    },
    {
      id: 'warning',
      sort: 'warning',
      label: t('queue.columns.warning'),
      className: 'data-table__nowrap',
      cell: (row) =>
        row.warningLevel === 'NONE' ? (
          t('warning.NONE')
        ) : (
          <span className={`warning-level warning-level--${row.warningLevel}`}>{t(`warning.${row.warningLevel}`)}</span>
        ),
    },
    {
      id: 'due',
      sort: 'due',
      label: t('queue.columns.due'),
      className: 'data-table__nowrap',
      cell: (row) => (
        <span className="queue-due">
          {row.nextDueAt ? <DueBadge dueAt={row.nextDueAt} now={now} /> : row.merged ? t('queue.followsMain') : t('due.none')}
          {/* Art. 23: the unit's window to object, while it runs; then the objection and escalation marks. */}
          {row.objectionDueAt ? (
            <span className="queue-due__note">{t('queue.objectUntil', { date: formatDate(row.objectionDueAt, false, 'medium') })}</span>
          ) : null}
          {row.objected ? <span className="tag">{t('queue.objected')}</span> : null}
          {row.escalated ? <span className="tag">{t('queue.escalated')}</span> : null}
          {row.toPost ? <span className="tag tag--to-post">{t('writtenNotices.toPost')}</span> : null}
        </span>
      ),
    },
    {
      id: 'target',
      label: tw('queueTarget.column'),
      className: 'data-table__nowrap',
      cell: (row) => (row.nextTargetDueAt ? <NextTargetBadge dueAt={row.nextTargetDueAt} now={now} /> : tw('queueTarget.none')),
    },
    {
      id: 'received',
      sort: 'received',
      label: t('queue.columns.received'),
      className: 'data-table__nowrap',
      cell: (row) => formatDate(row.receivedAt, false, 'medium'),
    },
  ];

  const table =
    rows.length > 0 ? (
      <DataTable
        label={t('queue.caption', { order: orderText })}
        testId="queue"
        columns={columns}
        items={rows}
        itemId={(row) => row.id}
        // Best match first while searching: no column is the order, and every header still sorts.
        order={order}
        sortDefaults={QUEUE_SORT_DEFAULT_DIRECTION}
        resetParams={['after']}
        cards
        rowClassName={(row) =>
          [
            row.pinned ? 'queue-row--pinned' : '',
            ids.indexOf(row.id) === current ? 'queue-row--current' : '',
            selection.isSelected(row.id) ? 'queue-row--selected' : '',
          ]
            .filter(Boolean)
            .join(' ')
        }
      />
    ) : null;

  return (
    <>
      <div className="queue-heading">
        <h1>{t('queue.title')}</h1>
        <ShortcutsHelp
          shortcuts={shortcuts}
          title={t('shortcuts.title')}
          buttonLabel={t('shortcuts.button')}
          closeLabel={t('shortcuts.close')}
          keyNames={{ Enter: t('shortcuts.keys.enter') }}
          isOpen={help.isOpen}
          onOpenChange={help.setOpen}
        />
      </div>
      <ErrorSummary errors={viewForm.summary.length > 0 ? viewForm.summary.map((e) => ({ ...e, field: 'view-name' })) : bulkSummary} />
      <SavedViews view={view} search={location.search} savedViews={savedViews} nameError={viewForm.error('name')} />

      <QueueFilterBar view={view} filters={filters} options={options} unitFilter={unitFilter} search={location.search} />

      {result ? <BulkResultNotice result={result} /> : null}
      <p role="status" className="queue-status">
        {rows.length === 0 ? t('queue.empty') : t('queue.showing', { count: rows.length, order: orderText })}
        {rankedOnly ? ` ${t('queue.rankedOnly')}` : ''}
      </p>
      {canBulk && rows.length > 0 ? (
        <Form method="post" noValidate className="bulk-form">
          {table}
          <BulkActionForm
            options={bulk}
            form={bulkForm}
            action={bulkAction}
            onAction={setBulkAction}
            selectedCount={selection.count}
            busy={navigation.state !== 'idle'}
          />
        </Form>
      ) : (
        table
      )}
      <nav className="pagination" aria-label={t('queue.pages')}>
        {isLaterPage ? <Link to={pageHref(null)}>{t('queue.firstPage')}</Link> : null}
        {nextCursor ? <Link to={pageHref(nextCursor)}>{t('queue.nextPage')}</Link> : null}
      </nav>
    </>
  );
}

/** A unit's short name in the table; its full name on hover, on focus of the row, and for screen readers. */
function UnitName({ full }: { full: string }) {
  return (
    <span className="unit-name" title={full}>
      <span className="unit-name__short" aria-hidden="true">
        {shortUnitName(full)}
      </span>
      <span className="unit-name__full">{full}</span>
    </span>
  );
}

/** The built-in views, the person's own, and saving the current filters as one of them. */
function SavedViews(props: {
  view: string | null;
  search: string;
  savedViews: { id: string; name: string; query: string }[];
  nameError?: string;
}) {
  const { view, search, savedViews } = props;
  const { t } = useTranslation('office');
  const query = search.startsWith('?') ? search.slice(1) : search;
  const current = (q: string) => (q === query ? 'page' : undefined);
  const link = (to: string, label: ReactNode, isCurrent: boolean) => (
    <Link to={to} aria-current={isCurrent ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <div className="views-bar">
      <nav aria-label={t('queue.savedViews')}>
        <ul className="saved-views">
          <li>{link('/office', t('queue.views.all'), !view && !search)}</li>
          {SAVED_VIEWS.map((v) => (
            <li key={v}>{link(`/office?view=${v}`, t(`queue.views.${v}`), view === v && query === `view=${v}`)}</li>
          ))}
          {savedViews.map((saved) => (
            <li key={saved.id} className="saved-views__own">
              <Link to={saved.query ? `/office?${saved.query}` : '/office'} aria-current={current(saved.query)}>
                {saved.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <details className="views-bar__save" open={props.nameError ? true : undefined}>
        <summary>{t('queue.savedView.manage')}</summary>
        <Form method="post" className="views-bar__form">
          <input type="hidden" name="intent" value="saveView" />
          <input type="hidden" name="query" value={query} />
          <TextField
            name="name"
            id="field-view-name"
            label={t('queue.savedView.name')}
            hint={t('queue.savedView.hint')}
            error={props.nameError}
            width="medium"
          />
          <Button variant="secondary">{t('queue.savedView.save')}</Button>
        </Form>
        {savedViews.length > 0 ? (
          <ul className="views-bar__own">
            {savedViews.map((saved) => (
              <li key={saved.id}>
                <Form method="post">
                  <input type="hidden" name="intent" value="deleteView" />
                  <input type="hidden" name="viewId" value={saved.id} />
                  <Button variant="link">{t('queue.savedView.delete', { name: saved.name })}</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
      </details>
    </div>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
