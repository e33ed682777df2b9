// /office/notices: every notice, scheduled, shown and ended, for supervisors and administrators.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { listNoticesForOffice } from '#app/features/notices/notices.server.ts';
import { canManageNotices } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { StaticTable } from '#app/ui/static-table.tsx';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const { locale, t } = await translatorFor(request);
  return { title: t('notices:office.list.title'), notices: await listNoticesForOffice(actor, locale) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export default function OfficeNoticesPage() {
  const { notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notices');
  const formatDate = useFormatDate();
  // A notice expires at midnight after its last day: the last day shown is the instant before.
  const lastDay = (expiresAt: string) => formatDate(new Date(new Date(expiresAt).getTime() - 1));
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
        <StaticTable
          labelledBy="notices-table-title"
          testId="office-notices"
          items={notices}
          itemId={(notice) => notice.id}
          columns={[
            {
              label: t('office.columns.title'),
              isRowHeader: true,
              cell: (notice) => <Link to={`/office/notices/${notice.id}`}>{notice.title}</Link>,
            },
            { label: t('office.columns.kind'), cell: (notice) => t(`kinds.${notice.kind}`) },
            { label: t('office.columns.publishedAt'), cell: (notice) => formatDate(notice.publishedAt, true) },
            {
              label: t('office.columns.lastDay'),
              cell: (notice) => (notice.expiresAt ? lastDay(notice.expiresAt) : t('office.list.noLastDay')),
            },
            { label: t('office.columns.state'), cell: (notice) => t(`office.state.${notice.state}`) },
          ]}
        />
      )}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
