// /office/notices: every notice, scheduled, shown and ended, for supervisors and administrators.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { listNoticesForOffice } from '#app/features/notices/notices.server.ts';
import { canManageNotices } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const { locale, t } = await translatorFor(request);
  return data(
    { title: t('notices:office.list.title'), notices: await listNoticesForOffice(actor, locale) },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export default function OfficeNoticesPage() {
  const { notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notices');
  const formatDate = useFormatDate();
  return (
    <>
      <h1>{t('office.list.title')}</h1>
      <p>{t('office.list.lead')}</p>
      <p>
        <Link to="/office/notices/new" className="button button--primary">
          {t('office.list.create')}
        </Link>
      </p>
      <h2 id="notices-table-title">{t('office.list.tableTitle')}</h2>
      {notices.length === 0 ? (
        <p>{t('office.list.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby="notices-table-title" data-testid="office-notices">
            <thead>
              <tr>
                <th scope="col">{t('office.columns.title')}</th>
                <th scope="col">{t('office.columns.kind')}</th>
                <th scope="col">{t('office.columns.publishedAt')}</th>
                <th scope="col">{t('office.columns.lastDay')}</th>
                <th scope="col">{t('office.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((notice) => (
                <tr key={notice.id}>
                  <th scope="row">
                    <Link to={`/office/notices/${notice.id}`}>{notice.title}</Link>
                  </th>
                  <td>{t(`kinds.${notice.kind}`)}</td>
                  <td>{formatDate(notice.publishedAt, true)}</td>
                  <td>{notice.expiresAt ? formatDate(new Date(new Date(notice.expiresAt).getTime() - 1)) : t('office.list.noLastDay')}</td>
                  <td>{t(`office.state.${notice.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
