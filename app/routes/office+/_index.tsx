// /office: the case queue of whoever works cases (a handler's is their unit's), filtered through the
// URL, sorted and paged by keyset; the rules live in app/features/cases/queue.server.ts.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { QUEUE_SORT_DEFAULT_DIRECTION, SAVED_VIEWS } from '#app/features/cases/queue-order.ts';
import { officeQueue, type QueueRow } from '#app/features/cases/queue.server.ts';
import { DueBadge } from '#app/features/cases/ui/due-badge.tsx';
import { QueueFilterForm } from '#app/features/cases/ui/queue-filters.tsx';
import { NextTargetBadge } from '#app/features/early-warning/ui/warning-badges.tsx';
import { canUseQueue, startPageFor } from '#app/features/staff/permissions.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { DataTable, type DataColumn } from '#app/ui/data-table.tsx';
import { useFormatDate } from '#app/ui/format.ts';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  // Roles without a queue land on their own start page after signing in, not on a refusal.
  if (!canUseQueue(actor)) throw redirect(startPageFor(actor));
  const { locale, t } = await translatorFor(request);
  const now = new Date();
  const queue = await officeQueue(actor, new URL(request.url).searchParams, locale, now);
  return { title: t('office:queue.title'), now: now.toISOString(), ...queue };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function QueuePage() {
  const { now, view, filters, order, rows, nextCursor, options, unitFilter } = useLoaderData<typeof loader>();
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
  const orderText = t(`queue.order.${order.sort}.${order.dir}`);

  const columns: DataColumn<QueueRow, typeof order.sort>[] = [
    {
      id: 'due',
      sort: 'due',
      label: t('queue.columns.due'),
      cell: (row) => (
        <>
          {row.nextDueAt ? <DueBadge dueAt={row.nextDueAt} now={now} /> : row.merged ? t('queue.followsMain') : t('due.none')}
          {/* Art. 23: the unit's window to object, while it runs; then the objection and escalation marks. */}
          {row.objectionDueAt ? <p className="field__hint">{t('queue.objectUntil', { date: formatDate(row.objectionDueAt) })}</p> : null}
          {row.objected ? <p className="tag">{t('queue.objected')}</p> : null}
          {row.escalated ? <p className="tag">{t('queue.escalated')}</p> : null}
        </>
      ),
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
          {SAVED_VIEWS.map((v) => (
            <li key={v}>
              <Link to={`/office?view=${v}`} aria-current={view === v ? 'page' : undefined}>
                {t(`queue.views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <QueueFilterForm view={view} filters={filters} options={options} unitFilter={unitFilter} />

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
