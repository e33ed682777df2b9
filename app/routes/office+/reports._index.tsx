// /office/reports: a period report (a week, month, quarter, year or any range) for the whole office
// or one unit with the units below it, beside the previous period and the same period a year
// earlier, with its charts, a printable layout and CSV and Excel downloads. Counts only.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { canExportLedger, canViewReports } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { nextPeriod, previousPeriod } from '#app/features/statistics/periods.ts';
import { preparedRiskWeeks } from '#app/features/statistics/prepared.server.ts';
import { parseReportQuery, reportSearch } from '#app/features/statistics/report-query.ts';
import { periodReport, reportNames, scopeOptions } from '#app/features/statistics/report.server.ts';
import { ReportChoiceForm, ReportDownloads, REPORT_FORM } from '#app/features/statistics/ui/report-choice.tsx';
import { useReportFormat } from '#app/features/statistics/ui/report-format.ts';
import { ReportView, SummaryText } from '#app/features/statistics/ui/report-view.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { civilDateIn } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import { PrintButton } from '#app/ui/print-button.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewReports);
  const { locale, t } = await translatorFor(request);
  const now = new Date();
  const choice = parseReportQuery(new URL(request.url).searchParams, civilDateIn(now, serviceTimeZone()));
  const [units, riskWeeks] = await Promise.all([scopeOptions(actor, locale), preparedRiskWeeks(actor, 1)]);
  const common = { title: t('reports:title'), units, canExportLedger: canExportLedger(actor), latestRiskWeek: riskWeeks[0] ?? null };
  if (!choice.ok) {
    return data(
      { ...common, problem: { errors: choice.errors, values: choice.values }, report: null, names: null },
      { status: 400, headers: NO_STORE },
    );
  }
  const [report, names] = await Promise.all([periodReport(actor, choice, now), reportNames(locale)]);
  return data({ ...common, problem: null, report, names, values: choice.values }, { headers: NO_STORE });
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export default function ReportsPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const form = useFormErrors(loaded.problem, REPORT_FORM);
  const report = loaded.report;
  const unitId = report?.scope.kind === 'unit' ? report.scope.unitId : null;
  const scopeName =
    report && loaded.names
      ? report.scope.kind === 'office'
        ? t('scope.office')
        : t(report.scope.subtree ? 'scope.subtree' : 'scope.unit', { unit: loaded.names.unit[report.scope.unitId] ?? t('unknown') })
      : null;
  return (
    <>
      <PageHeader errors={form.summary} title={t('title')} />
      {loaded.latestRiskWeek ? (
        <p className="no-print">
          <Link to={`/office/reports/weekly/${loaded.latestRiskWeek}`}>{t('risk.latest', { week: loaded.latestRiskWeek })}</Link>
        </p>
      ) : null}
      {report && loaded.names ? (
        <p className="lead" data-testid="report-period">
          {format.periodName(report.period)} · {scopeName}
        </p>
      ) : null}
      <ReportChoiceForm
        values={report ? ('values' in loaded ? loaded.values : {}) : (loaded.problem?.values ?? {})}
        form={form}
        units={loaded.units}
        period={report?.period ?? null}
        unitId={unitId}
      />
      {report && loaded.names ? (
        <>
          <nav aria-label={t('periodNav.label')} className="period-nav no-print">
            <ul className="inline-list">
              <li>
                <Link to={reportSearch(previousPeriod(report.period), unitId)}>
                  {t('periodNav.previous', { period: format.periodName(previousPeriod(report.period)) })}
                </Link>
              </li>
              <li>
                <Link to={reportSearch(nextPeriod(report.period), unitId)}>
                  {t('periodNav.next', { period: format.periodName(nextPeriod(report.period)) })}
                </Link>
              </li>
            </ul>
          </nav>
          {report.complete ? null : <p className="figures-note">{t('soFar', { date: format.day(report.generatedAt.slice(0, 10)) })}</p>}
          {report.excludesMisconduct ? <p className="figures-note">{t('scope.misconductLeftOut')}</p> : null}
          <p className="figures-note">
            {t('comparedWith', { previous: format.periodName(report.previous), yearEarlier: format.periodName(report.yearEarlier) })}
          </p>
          <SummaryText parts={report.summary} names={loaded.names} previousKind={report.period.kind} />
          <div className="report-actions no-print">
            <ReportDownloads period={report.period} unitId={unitId} />
            <PrintButton />
            {loaded.canExportLedger ? (
              <p>
                <Link to={`/office/reports/ledger${reportSearch(report.period, unitId)}`}>{t('ledger.link')}</Link>
              </p>
            ) : null}
          </div>
          <ReportView report={report} names={loaded.names} />
        </>
      ) : null}
    </>
  );
}
