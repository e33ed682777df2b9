// /office/reports/weekly/:key: the weekly risk list (周风险清单) as the worker prepared it on Friday
// morning, the page the supervisors' email links to: open clusters and their trend, orange and red
// cases, cases overdue or due within 3 days, review requests pending and completion reports sent back
// for rework. Issues and cases, never people.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { canViewRiskList } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { preparedRiskList, preparedRiskWeeks } from '#app/features/statistics/prepared.server.ts';
import { reportNames } from '#app/features/statistics/report.server.ts';
import { useReportFormat } from '#app/features/statistics/ui/report-format.ts';
import { RiskListView } from '#app/features/statistics/ui/risk-list.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import { PrintButton } from '#app/ui/print-button.tsx';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { key: 'isoWeek' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewRiskList);
  const { key } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const [{ list, preparedAt }, weeks, names] = await Promise.all([
    preparedRiskList(actor, key),
    preparedRiskWeeks(actor),
    reportNames(locale),
  ]);
  return data({ title: t('reports:risk.title'), key, list, preparedAt, weeks, names }, { headers: NO_STORE });
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export default function WeeklyRiskList() {
  const { key, list, preparedAt, weeks, names } = useLoaderData<typeof loader>();
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const formatDate = useFormatDate();
  return (
    <>
      <PageHeader title={t('risk.title')} />
      <p className="lead" data-testid="risk-week">
        {format.periodName(list.week)}
      </p>
      <p className="figures-note">{t('risk.preparedAt', { when: formatDate(preparedAt, true) })}</p>
      <p>{t('risk.lead')}</p>
      <div className="report-actions no-print">
        <PrintButton />
      </div>
      <RiskListView list={list} names={names} />
      {weeks.length > 1 ? (
        <nav aria-label={t('risk.otherWeeks')} className="period-nav no-print">
          <h2>{t('risk.otherWeeks')}</h2>
          <ul className="inline-list">
            {weeks.map((week) => (
              <li key={week}>
                <Link to={`/office/reports/weekly/${week}`} aria-current={week === key ? 'page' : undefined}>
                  {week}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
