// /office/audit: the audit log, newest first, 100 entries a page, paged by id (`?before=`).
// Admins only. Optional filters: one action, or one staff account (by or about it). Entries about
// a staff account, unit, category or reply template link to its admin page.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionLabelKey } from '#app/features/audit/actions.ts';
import { NO_STORE_HEADERS, auditLogPage, parseAuditFilters, type AuditRow } from '#app/features/staff/admin.server.ts';
import { canReadAuditLog } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canReadAuditLog);
  const { locale, t } = await translatorFor(request);
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const page = await auditLogPage(filters, undefined, locale);
  return data(
    {
      title: t('office-admin:audit.title'),
      page,
      // From a .server module, so sent to the browser as data rather than imported there.
      actions: AUDIT_ACTIONS,
      filters: { action: filters.action ?? null, staff: filters.staff ?? null, before: filters.before?.toString() ?? null },
    },
    { headers: NO_STORE_HEADERS },
  );
}

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
      {page.rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="audit-table-title" tabIndex={0}>
          <table className="data-table" aria-labelledby="audit-table-title">
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.at')}</th>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.target')}</th>
                <th scope="col">{t('audit.columns.ipAddress')}</th>
                <th scope="col">{t('audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.at}>{formatDate(row.at, true, 'medium')}</time>
                  </td>
                  <td>{actionLabel(row.action)}</td>
                  <td>
                    <Actor actor={row.actor} />
                  </td>
                  <td>
                    <Target target={row.target} />
                  </td>
                  <td>{row.ipAddress ?? t('common.none')}</td>
                  <td>{row.details ? <code className="audit-details">{row.details}</code> : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {olderHref || newestHref ? (
        <nav className="pagination" aria-label={t('audit.pagination.label')}>
          {newestHref ? <Link to={newestHref}>{t('audit.pagination.newest')}</Link> : null}
          {olderHref ? <Link to={olderHref}>{t('audit.pagination.older')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

function Actor({ actor }: { actor: AuditRow['actor'] }) {
  const { t } = useTranslation('office-admin');
  if (!actor) return <>{t('audit.system')}</>;
  if (!actor.name) return <>{actor.id}</>;
  return (
    <>
      <Link to={`/office/staff/${actor.id}`}>{actor.name}</Link>
      <br />
      {actor.email}
    </>
  );
}

function Target({ target }: { target: AuditRow['target'] }) {
  const { t } = useTranslation('office-admin');
  if (!target) return <>{t('common.none')}</>;
  const type = target.type ? t(`audit.targetTypes.${target.type}`, { defaultValue: target.type }) : '';
  if (target.type === 'StaffUser' && target.id && target.name) {
    return (
      <>
        {type}
        <br />
        <Link to={`/office/staff/${target.id}`}>{target.name}</Link>
        <br />
        {target.email}
      </>
    );
  }
  const page = target.type && target.id ? TARGET_PAGES[target.type]?.(target.id) : undefined;
  if (page && target.name) {
    return (
      <>
        {type}
        <br />
        <Link to={page}>{target.name}</Link>
      </>
    );
  }
  if (target.type === 'Setting' && target.id) {
    return (
      <>
        {type}
        <br />
        {t(`audit.settingNames.${target.id}`, { defaultValue: target.id })}
      </>
    );
  }
  return (
    <>
      {type}
      {target.id ? (
        <>
          <br />
          <code className="audit-details">{target.id}</code>
        </>
      ) : null}
    </>
  );
}

/** The admin page of each kind of record an entry can be about. */
const TARGET_PAGES: Partial<Record<string, (id: string) => string>> = {
  Unit: (id) => `/office/units/${id}`,
  Category: (id) => `/office/categories/${id}`,
  ReplyTemplate: (id) => `/office/reply-templates/${id}`,
};

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
