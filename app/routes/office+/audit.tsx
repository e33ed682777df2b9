// /office/audit: the audit log, newest first, 100 entries a page, paged by id (`?before=`).
// Admins only. Optional filters: one action, or one staff account (by or about it). Entries about
// a staff account, unit, category or reply template link to its admin page.
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionLabelKey } from '#app/features/audit/actions.ts';
import { auditLogPage, parseAuditFilters } from '#app/features/audit/log.server.ts';
import { Actor, Target } from '#app/features/audit/ui/audit-cells.tsx';
import { canReadAuditLog } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canReadAuditLog);
  const { locale, t } = await translatorFor(request);
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const page = await auditLogPage(actor, filters, locale);
  return {
    title: t('office-admin:audit.title'),
    page,
    // From a .server module, so sent to the browser as data rather than imported there.
    actions: AUDIT_ACTIONS,
    filters: { action: filters.action ?? null, staff: filters.staff ?? null, before: filters.before?.toString() ?? null },
  };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

function href(params: Record<string, string | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/office/audit?${query}` : '/office/audit';
}

export default function AuditPage() {
  const { page, filters, actions } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const actionLabel = (action: string) => t(auditActionLabelKey(action));
  const olderHref = page.olderBefore ? href({ action: filters.action, staff: filters.staff, before: page.olderBefore }) : null;
  const newestHref = filters.before ? href({ action: filters.action, staff: filters.staff }) : null;

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.lead')}</p>

      <Form method="get" className="filters" aria-label={t('audit.filters.label')}>
        <SelectField
          name="action"
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.allActions')}
          defaultValue={filters.action ?? ''}
          options={actions.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
        {filters.staff ? <input type="hidden" name="staff" value={filters.staff} /> : null}
        <div className="filters__actions">
          <Button variant="secondary">{t('audit.filters.submit')}</Button>
        </div>
      </Form>

      {filters.staff ? (
        <p className="notice">
          {page.staff ? t('audit.filters.staff', { name: page.staff.name, email: page.staff.email }) : t('audit.filters.staffUnknown')}{' '}
          <Link to={href({ action: filters.action })}>{t('audit.filters.clearStaff')}</Link>
        </p>
      ) : null}

      <h2 id="audit-table-title">{filters.before ? t('audit.tableTitleOlder') : t('audit.tableTitle')}</h2>
      <SimpleTable
        labelledBy="audit-table-title"
        region
        items={page.rows}
        itemKey={(row) => row.id}
        empty={<p>{t('audit.empty')}</p>}
        columns={[
          { label: t('audit.columns.at'), cell: (row) => <time dateTime={row.at}>{formatDate(row.at, true, 'medium')}</time> },
          { label: t('audit.columns.action'), cell: (row) => actionLabel(row.action) },
          { label: t('audit.columns.actor'), cell: (row) => <Actor actor={row.actor} /> },
          { label: t('audit.columns.target'), cell: (row) => <Target target={row.target} /> },
          { label: t('audit.columns.ipAddress'), cell: (row) => row.ipAddress ?? t('common.none') },
          {
            label: t('audit.columns.details'),
            cell: (row) => (row.details ? <code className="audit-details">{row.details}</code> : t('common.none')),
          },
        ]}
      />

      {olderHref || newestHref ? (
        <nav className="pagination" aria-label={t('audit.pagination.label')}>
          {newestHref ? <Link to={newestHref}>{t('audit.pagination.newest')}</Link> : null}
          {olderHref ? <Link to={olderHref}>{t('audit.pagination.older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
