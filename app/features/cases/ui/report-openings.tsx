// What the reporter of misconduct can check on the track page (arts. 30, 46(5)): whom they
// reported, that nobody there can open the report, and which units did open it and when (unit
// names only, never people).
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';

type When = string | Date;

export interface ReportOpeningsView {
  reportedUnit: string | null;
  official: string | null;
  openings: { unit: string | null; first: When; last: When; times: number }[];
}

export function ReportOpenings({ report }: { report: ReportOpeningsView }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <section aria-labelledby="report-title" className="report-openings" data-testid="report-openings">
      <h2 id="report-title">{t('case.report.title')}</h2>
      <p>
        {report.reportedUnit ? t('case.report.about', { unit: report.reportedUnit }) : t('case.report.aboutUnknown')}
        {report.official ? ` ${t('case.report.official', { official: report.official })}` : null}
      </p>
      <p data-testid="report-bar">
        {report.reportedUnit ? t('case.report.barred', { unit: report.reportedUnit }) : t('case.report.barredNone')}
      </p>
      <h3 id="report-opened-title">{t('case.report.openedTitle')}</h3>
      {report.openings.length === 0 ? (
        <p>{t('case.report.notOpened')}</p>
      ) : (
        <table className="openings-table" aria-labelledby="report-opened-title" data-testid="report-openings-table">
          <thead>
            <tr>
              <th scope="col">{t('case.report.columns.unit')}</th>
              <th scope="col">{t('case.report.columns.first')}</th>
              <th scope="col">{t('case.report.columns.last')}</th>
              <th scope="col">{t('case.report.columns.times')}</th>
            </tr>
          </thead>
          <tbody>
            {report.openings.map((o) => (
              <tr key={o.unit ?? ''}>
                <th scope="row">{o.unit ?? t('case.report.office')}</th>
                <td>{formatDate(o.first, true)}</td>
                <td>{formatDate(o.last, true)}</td>
                <td>{count.format(o.times)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field__hint">{t('case.report.namesNever')}</p>
    </section>
  );
}
