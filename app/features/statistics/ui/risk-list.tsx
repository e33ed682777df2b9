// The weekly risk list's sections as tables: clusters with their trend in words, then the cases
// (by receipt number, linked to their page), each section with how many there are in all.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import { useReportFormat } from './report-format.ts';
import type { ReportNames } from '../labels.ts';
import type { RiskCase, RiskCluster, RiskList, RiskSection } from '../prepared.server.ts';

function trendKey(row: RiskCluster): 'rising' | 'falling' | 'steady' {
  if (row.addedThisWeek > row.addedWeekBefore) return 'rising';
  if (row.addedThisWeek < row.addedWeekBefore) return 'falling';
  return 'steady';
}

function CaseSection({
  id,
  section,
  names,
}: {
  id: 'warned' | 'due' | 'reviews' | 'returned';
  section: RiskSection<RiskCase>;
  names: ReportNames;
}) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby={`risk-${id}`}>
      <h2 id={`risk-${id}`}>
        {t(`risk.sections.${id}`)} ({format.n(section.total)})
      </h2>
      {section.total > section.rows.length ? (
        <p>{t('risk.more', { shown: format.n(section.rows.length), total: format.n(section.total) })}</p>
      ) : null}
      <SimpleTable
        labelledBy={`risk-${id}`}
        items={section.rows}
        itemKey={(row) => row.id}
        empty={<p>{t('risk.none')}</p>}
        testId={`risk-${id}`}
        columns={[
          {
            label: t('risk.columns.receiptNo'),
            isRowHeader: true,
            cell: (row) => <Link to={`/office/cases/${row.id}`}>{row.receiptNo}</Link>,
          },
          { label: t('risk.columns.level'), cell: (row) => t(`levels.${row.level}`) },
          { label: t('risk.columns.status'), cell: (row) => t(`common:status.${row.status}.title`) },
          { label: t('risk.columns.unit'), cell: (row) => (row.unitId ? (names.unit[row.unitId] ?? t('unknown')) : t('unassigned')) },
          { label: t('risk.columns.category'), cell: (row) => names.category[row.categoryId] ?? t('unknown') },
          { label: t('risk.columns.due'), cell: (row) => (row.nextDueAt ? formatDate(row.nextDueAt, true) : '–') },
        ]}
      />
    </section>
  );
}

export function RiskListView({ list, names }: { list: RiskList; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  return (
    <>
      <section aria-labelledby="risk-clusters">
        <h2 id="risk-clusters">
          {t('risk.sections.clusters')} ({format.n(list.clusters.total)})
        </h2>
        <SimpleTable
          labelledBy="risk-clusters"
          items={list.clusters.rows}
          itemKey={(row) => row.id}
          empty={<p>{t('risk.none')}</p>}
          testId="risk-clusters"
          columns={[
            { label: t('risk.columns.category'), isRowHeader: true, cell: (row) => names.category[row.categoryId] ?? t('unknown') },
            { label: t('risk.columns.area'), cell: (row) => row.area ?? t('noArea') },
            { label: t('risk.columns.level'), cell: (row) => t(`levels.${row.level}`) },
            { label: t('risk.columns.confirmed'), cell: (row) => t(row.confirmed ? 'risk.yes' : 'risk.no') },
            { label: t('risk.columns.openCases'), className: 'num', cell: (row) => format.n(row.openCases) },
            { label: t('risk.columns.thisWeek'), className: 'num', cell: (row) => format.n(row.addedThisWeek) },
            { label: t('risk.columns.weekBefore'), className: 'num', cell: (row) => format.n(row.addedWeekBefore) },
            { label: t('risk.columns.trend'), cell: (row) => t(`risk.trend.${trendKey(row)}`) },
          ]}
        />
      </section>
      <CaseSection id="warned" section={list.warned} names={names} />
      <CaseSection id="due" section={list.due} names={names} />
      <CaseSection id="reviews" section={list.reviews} names={names} />
      {list.returned ? (
        <CaseSection id="returned" section={list.returned} names={names} />
      ) : (
        <p className="figures-note">{t('risk.notListed')}</p>
      )}
    </>
  );
}
