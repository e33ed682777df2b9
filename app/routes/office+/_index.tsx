import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import { CASE_STATUSES } from '#app/features/cases/lifecycle.ts';
import { QUEUE_SORT_DEFAULT_DIRECTION } from '#app/features/cases/queue-order.ts';
import { QueueFilters, queueOrder, queuePage, type QueueRow } from '#app/features/cases/queue.server.ts';
import { DueBadge } from '#app/features/cases/ui/due-badge.tsx';
import { NextTargetBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canUseQueue, startPageFor } from '#app/features/staff/permissions.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { SORT_DIRECTIONS } from '#app/platform/http/list-order.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { DataTable, type DataColumn } from '#app/ui/data-table.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

/** Pages with a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

export const links = officeLinks;

const SAVED_VIEWS = ['mine', 'unit', 'dueSoon', 'overdue'] as const;
type SavedView = (typeof SAVED_VIEWS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  // Roles without a queue land on their own start page after signing in, not on a refusal.
  if (!canUseQueue(actor)) throw redirect(startPageFor(actor));
  const { locale, t } = await translatorFor(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const view = SAVED_VIEWS.find((v) => v === params.view) ?? null;
  const filters = QueueFilters.parse(params);
  // Saved views are filters with a name.
  if (view === 'mine') filters.assigneeId = actor.id;
  if (view === 'unit' && actor.unitId) filters.unitId = actor.unitId;
  if (view === 'dueSoon') filters.due = 'soon';
  if (view === 'overdue') filters.due = 'overdue';
  // A handler's queue is their unit's, whatever the filters say.
  const scope = actor.role === 'HANDLER' ? { unitId: actor.unitId ?? '00000000-0000-0000-0000-000000000000' } : {};
  const now = new Date();
  const [page, options] = await Promise.all([queuePage(filters, scope, now), officeOptions(locale)]);
  return {
    title: t('office:queue.title'),
    now: now.toISOString(),
    view,
    filters,
    order: queueOrder(filters),
    rows: page.rows,
    nextCursor: page.nextCursor,
    options,
    isHandler: actor.role === 'HANDLER',
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function QueuePage() {
  const { now, view, filters, order, rows, nextCursor, options, isHandler } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const { t: tw } = useTranslation('office-warning');
  const formatDate = useFormatDate();
  const location = useLocation();
  const categoryName = new Map(options.categories.map((c) => [c.value, c.label]));
  const unitName = new Map(options.units.map((u) => [u.value, u.label]));
  const pageHref = (after: string | null) => {
    const params = new URLSearchParams(location.search);
    if (after) params.set('after', after);
    else params.delete('after');
    const search = params.toString();
    return search ? `/office?${search}` : '/office';
  };
  const isLaterPage = new URLSearchParams(location.search).has('after');
  const statusOptions = CASE_STATUSES.map((s) => ({ value: s, label: tc(`status.${s}.title`) }));
  const orderText = t(`queue.order.${order.sort}.${order.dir}`);

  const columns: DataColumn<QueueRow, typeof order.sort>[] = [
    {
      id: 'due',
      sort: 'due',
      label: t('queue.columns.due'),
      cell: (row) => (row.nextDueAt ? <DueBadge dueAt={row.nextDueAt} now={now} /> : t('due.none')),
    },
    {
      id: 'receipt',
      label: t('queue.columns.receipt'),
      isRowHeader: true,
      cell: (row) => (
        <Link to={`/office/cases/${row.id}`} className="reference">
          {row.receiptNo}
        </Link>
      ),
    },
    { id: 'subject', label: t('queue.columns.subject'), cell: (row) => row.subject },
    { id: 'status', label: t('queue.columns.status'), cell: (row) => tc(`status.${row.status}.title`) },
    { id: 'kind', label: t('queue.columns.kind'), cell: (row) => tc(`kinds.${row.kind}.label`) },
    { id: 'category', label: t('queue.columns.category'), cell: (row) => categoryName.get(row.categoryId) },
    { id: 'unit', label: t('queue.columns.unit'), cell: (row) => (row.unitId ? unitName.get(row.unitId) : t('queue.unassigned')) },
    {
      id: 'warning',
      sort: 'warning',
      label: t('queue.columns.warning'),
      cell: (row) =>
        row.warningLevel === 'NONE' ? (
          t('warning.NONE')
        ) : (
          <span className={`warning-level warning-level--${row.warningLevel}`}>{t(`warning.${row.warningLevel}`)}</span>
        ),
    },
    { id: 'received', sort: 'received', label: t('queue.columns.received'), cell: (row) => formatDate(row.receivedAt) },
    {
      id: 'target',
      label: tw('queueTarget.column'),
      cell: (row) => (row.nextTargetDueAt ? <NextTargetBadge dueAt={row.nextTargetDueAt} now={now} /> : tw('queueTarget.none')),
    },
  ];

  return (
    <>
      <h1>{t('queue.title')}</h1>
      <nav aria-label={t('queue.savedViews')}>
        <ul className="saved-views">
          <li>
            <Link to="/office" aria-current={!view && !location.search ? 'page' : undefined}>
              {t('queue.views.all')}
            </Link>
          </li>
          {SAVED_VIEWS.map((v: SavedView) => (
            <li key={v}>
              <Link to={`/office?view=${v}`} aria-current={view === v ? 'page' : undefined}>
                {t(`queue.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" className="filters" aria-label={t('queue.filters')}>
        {view ? <input type="hidden" name="view" value={view} /> : null}
        <TextField name="q" label={t('queue.search')} hint={t('queue.searchHint')} defaultValue={filters.q} className="filters__search" />
        <SelectField
          name="status"
          label={t('queue.status')}
          placeholder={t('queue.openCases')}
          defaultValue={filters.status}
          options={statusOptions}
        />
        <SelectField
          name="kind"
          label={t('queue.kind')}
          placeholder={t('queue.any')}
          defaultValue={filters.kind}
          options={CASE_KINDS.map((k) => ({ value: k, label: tc(`kinds.${k}.label`) }))}
        />
        <SelectField
          name="categoryId"
          label={t('queue.category')}
          placeholder={t('queue.any')}
          defaultValue={filters.categoryId}
          options={options.categories}
        />
        {isHandler ? null : (
          <SelectField
            name="unitId"
            label={t('queue.unit')}
            placeholder={t('queue.any')}
            defaultValue={filters.unitId}
            options={options.units}
          />
        )}
        <SelectField
          name="assigneeId"
          label={t('queue.assignee')}
          placeholder={t('queue.any')}
          defaultValue={filters.assigneeId}
          options={options.handlers}
        />
        <SelectField
          name="warningLevel"
          label={t('queue.warningLevel')}
          placeholder={t('queue.any')}
          defaultValue={filters.warningLevel}
          options={WARNING_LEVELS.map((w) => ({ value: w, label: t(`warning.${w}`) }))}
        />
        <SelectField
          name="channel"
          label={t('queue.channel')}
          placeholder={t('queue.any')}
          defaultValue={filters.channel}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
        <SelectField
          name="due"
          label={t('queue.due')}
          placeholder={t('queue.any')}
          defaultValue={filters.due}
          options={[
            { value: 'soon', label: t('queue.dueSoon') },
            { value: 'overdue', label: t('queue.overdue') },
          ]}
        />
        <TextField name="receivedFrom" label={t('queue.receivedFrom')} hint="YYYY-MM-DD" defaultValue={filters.receivedFrom} />
        <TextField name="receivedTo" label={t('queue.receivedTo')} hint="YYYY-MM-DD" defaultValue={filters.receivedTo} />
        {/* Without JavaScript the order is chosen here; with it, also by the column headers. */}
        <SelectField
          name="sort"
          label={t('queue.sortBy')}
          placeholder={t('queue.sortDefault')}
          defaultValue={filters.sort === 'due' ? undefined : filters.sort}
          options={[
            { value: 'received', label: t('queue.sorts.received') },
            { value: 'warning', label: t('queue.sorts.warning') },
          ]}
        />
        <SelectField
          name="dir"
          label={t('sorting.direction')}
          placeholder={t('sorting.directionDefault')}
          defaultValue={filters.dir}
          options={SORT_DIRECTIONS.map((d) => ({ value: d, label: t(`sorting.${d}`) }))}
        />
        <div className="filters__actions">
          <Button>{t('queue.apply')}</Button>
          <Link to="/office">{t('queue.clear')}</Link>
        </div>
      </Form>

      <p role="status">{rows.length === 0 ? t('queue.empty') : t('queue.showing', { count: rows.length, order: orderText })}</p>
      {rows.length > 0 ? (
        <DataTable
          label={t('queue.caption', { order: orderText })}
          testId="queue"
          columns={columns}
          items={rows}
          itemId={(row) => row.id}
          order={order}
          sortDefaults={QUEUE_SORT_DEFAULT_DIRECTION}
          resetParams={['after']}
        />
      ) : null}
      <nav className="pagination" aria-label={t('queue.pages')}>
        {isLaterPage ? <Link to={pageHref(null)}>{t('queue.firstPage')}</Link> : null}
        {nextCursor ? <Link to={pageHref(nextCursor)}>{t('queue.nextPage')}</Link> : null}
      </nav>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
