// A period report as the office reads and prints it: the summary, then each section's figures
// beside the previous period and the same period a year earlier, with the trend, the on-time rates
// and the spread by category and unit drawn as charts, each with its table.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, GroupedBarChart, LineChart } from '#app/ui/charts.tsx';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import { keyLabel, type ReportNames } from '../labels.ts';
import { change, headline, isScalar, OTHER_KEY, SECTIONS, type MeasureValue, type ScalarValue } from '../measures.ts';
import { useReportFormat, type ReportFormat } from './report-format.ts';
import type { MeasureResult, ReportData } from '../report.server.ts';
import type { SummaryPart } from '../summary.ts';
import type { TFunction } from 'i18next';

interface ReportViewProps {
  report: ReportData;
  names: ReportNames;
}

/** A scalar in words: "12", "91.7%", "9 days", "4.1". */
export function scalarText(value: ScalarValue, format: ReportFormat): string {
  const number = headline(value);
  if (number === null) return '–';
  switch (value.type) {
    case 'count':
      return format.n(number);
    case 'rate':
      return format.percent(number);
    case 'days':
      return format.days(number);
    case 'mean':
      return format.decimal(number);
  }
}

/** What a scalar is computed from ("of 120", "from 37 ratings"), so a rate is never read without its base. */
function scalarBase(value: ScalarValue, t: TFunction, format: ReportFormat): string | null {
  switch (value.type) {
    case 'rate':
      return t('reports:base.rate', { numerator: format.n(value.numerator), denominator: format.n(value.denominator) });
    case 'days':
      return value.p90 === null ? null : t('reports:base.days', { n: format.n(value.n), p90: format.days(value.p90) });
    case 'mean':
      return t('reports:base.mean', { n: format.n(value.n) });
    default:
      return null;
  }
}

export function SummaryText({ parts, names, previousKind }: { parts: SummaryPart[]; names: ReportNames; previousKind: string }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  if (parts.length === 0) return null;
  const previous = t(`previousWord.${previousKind}`);
  const text = parts.map((part, index) => {
    const category = part.names?.category ? (names.category[part.names.category] ?? t('unknown')) : '';
    const values = {
      ...part.values,
      ...(typeof part.values.percent === 'number' ? { percent: format.n(part.values.percent) } : {}),
      ...(typeof part.values.cases === 'number' ? { cases: format.n(part.values.cases) } : {}),
      previous,
      category,
    };
    const sentence = t(`summary.${part.key}`, values);
    const joiner = index === 0 ? '' : part.key.startsWith('mainly') ? t('summary.comma') : t('summary.semicolon');
    return `${joiner}${sentence}`;
  });
  return <p className="report-summary">{`${text.join('')}${t('summary.end')}`}</p>;
}

function HeadlineTable({ id, measures }: { id: string; measures: MeasureResult[] }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const rows = measures.filter((m) => isScalar(m.current));
  if (rows.length === 0) return null;
  const cell = (value: MeasureValue) => (isScalar(value) ? scalarText(value, format) : '');
  const moved = (m: MeasureResult, other: MeasureValue) =>
    isScalar(m.current) && isScalar(other) ? format.change(change(m.current, other)) : '';
  return (
    <SimpleTable
      labelledBy={id}
      className="stats-table"
      // Wide in some languages: a focusable region, so the keyboard can scroll it.
      region
      items={rows}
      itemKey={(m) => m.key}
      columns={[
        { label: t('columns.measure'), isRowHeader: true, cell: (m) => t(`measures.${m.key}`) },
        {
          label: t('columns.current'),
          className: 'num',
          cell: (m) => {
            const base = isScalar(m.current) ? scalarBase(m.current, t, format) : null;
            return (
              <>
                {cell(m.current)}
                {base ? <span className="figures-note"> ({base})</span> : null}
              </>
            );
          },
        },
        { label: t('columns.previous'), className: 'num', cell: (m) => cell(m.previous) },
        { label: t('columns.changePrevious'), className: 'num', cell: (m) => moved(m, m.previous) },
        { label: t('columns.yearEarlier'), className: 'num', cell: (m) => cell(m.yearEarlier) },
        { label: t('columns.changeYearEarlier'), className: 'num', cell: (m) => moved(m, m.yearEarlier) },
      ]}
    />
  );
}

function BreakdownTable({ id, measure, names }: { id: string; measure: MeasureResult; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const current = measure.current;
  if (current.type !== 'breakdown') return null;
  const countIn = (value: MeasureValue, key: string) =>
    value.type === 'breakdown' ? format.n(value.rows.find((row) => row.key === key)?.count ?? 0) : '';
  const total = current.rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <SimpleTable
      labelledBy={id}
      // Long names scroll sideways in some languages: a focusable region (axe: scrollable-region-focusable).
      region
      className="stats-table"
      items={current.rows}
      itemKey={(row) => row.key}
      empty={<p>{t('noneInPeriod')}</p>}
      columns={[
        {
          label: t(`dimensions.${current.dimension}`),
          isRowHeader: true,
          cell: (row) => keyLabel(current.dimension, row.key, names, t, format.day),
        },
        { label: t('columns.current'), className: 'num', cell: (row) => format.n(row.count) },
        { label: t('columns.share'), className: 'num', cell: (row) => (total === 0 ? '–' : format.percent(row.count / total)) },
        { label: t('columns.previous'), className: 'num', cell: (row) => countIn(measure.previous, row.key) },
        { label: t('columns.yearEarlier'), className: 'num', cell: (row) => countIn(measure.yearEarlier, row.key) },
      ]}
    />
  );
}

function RankingTable({ id, measure, names }: { id: string; measure: MeasureResult; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const current = measure.current;
  if (current.type !== 'ranking') return null;
  const mean = measure.key.endsWith('LowestSatisfaction');
  return (
    <SimpleTable
      labelledBy={id}
      region
      className="stats-table"
      items={current.rows.map((row, index) => ({ ...row, rank: index + 1 }))}
      itemKey={(row) => row.key}
      empty={<p>{mean ? t('tooFewRatings') : t('noneInPeriod')}</p>}
      columns={[
        { label: t('columns.rank'), className: 'num', cell: (row) => format.n(row.rank) },
        {
          label: t(`dimensions.${current.dimension}`),
          isRowHeader: true,
          cell: (row) => keyLabel(current.dimension, row.key, names, t, format.day),
        },
        {
          label: mean ? t('columns.meanRating') : t('columns.cases'),
          className: 'num',
          cell: (row) => (mean ? format.decimal(row.value) : format.n(row.value)),
        },
        ...(mean ? [{ label: t('columns.ratings'), className: 'num', cell: (row: { n: number }) => format.n(row.n) }] : []),
      ]}
    />
  );
}

function TrendChart({ report }: { report: ReportData }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const measure = report.measures.find((m) => m.key === 'receivedTrend');
  if (!measure || measure.current.type !== 'breakdown') return null;
  const countsOf = (value: MeasureValue) => new Map(value.type === 'breakdown' ? value.rows.map((row) => [row.key, row.count]) : []);
  const now = countsOf(measure.current);
  const before = countsOf(measure.yearEarlier);
  const rows = report.buckets.current.map((bucket, index) => {
    const earlier = report.buckets.yearEarlier[index] ?? null;
    return {
      key: bucket,
      current: now.get(bucket) ?? 0,
      earlier: earlier === null ? null : (before.get(earlier) ?? 0),
      earlierKey: earlier,
    };
  });
  const id = 'chart-trend';
  const total = rows.reduce((sum, row) => sum + row.current, 0);
  const peak = rows.reduce((best, row) => (row.current > best.current ? row : best), rows[0] ?? { key: '', current: 0 });
  return (
    <LineChart
      id={id}
      title={t(`charts.trend.title.${report.bucket}`)}
      description={t('charts.trend.description', {
        total: format.n(total),
        peak: peak.key ? format.day(peak.key) : '–',
        peakCount: format.n(peak.current),
      })}
      xLabels={rows.map((row) => format.bucketLabel(row.key, report.bucket))}
      series={[
        { label: t('columns.current'), values: rows.map((row) => row.current), style: 'solid' },
        { label: t('columns.yearEarlier'), values: rows.map((row) => row.earlier), style: 'dashed' },
      ]}
      formatValue={format.n}
      table={
        <SimpleTable
          labelledBy={`${id}-title`}
          region
          className="stats-table"
          items={rows}
          itemKey={(row) => row.key}
          columns={[
            { label: t(`charts.trend.bucket.${report.bucket}`), isRowHeader: true, cell: (row) => format.day(row.key) },
            { label: t('columns.current'), className: 'num', cell: (row) => format.n(row.current) },
            {
              label: t('columns.yearEarlier'),
              className: 'num',
              cell: (row) => (row.earlier === null ? '–' : format.n(row.earlier)),
            },
          ]}
        />
      }
    />
  );
}

function RatesChart({ report }: { report: ReportData }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const keys = ['acceptedOnTime', 'repliedOnTime'] as const;
  const measures = keys.map((key) => report.measures.find((m) => m.key === key));
  if (measures.some((m) => !m)) return null;
  const rateOf = (value: MeasureValue) => (isScalar(value) ? headline(value) : null);
  const periods = [
    { label: t('columns.current'), pick: (m: MeasureResult) => m.current },
    { label: t('columns.previous'), pick: (m: MeasureResult) => m.previous },
    { label: t('columns.yearEarlier'), pick: (m: MeasureResult) => m.yearEarlier },
  ];
  const id = 'chart-rates';
  const groups = keys.map((key) => t(`measures.${key}`));
  const present = measures as MeasureResult[];
  const text = (value: MeasureValue) => (isScalar(value) ? scalarText(value, format) : '–');
  return (
    <GroupedBarChart
      id={id}
      title={t('charts.rates.title')}
      description={t('charts.rates.description', {
        accepted: text(present[0]!.current),
        replied: text(present[1]!.current),
      })}
      groups={groups}
      series={periods.map((p) => ({ label: p.label, values: present.map((m) => rateOf(p.pick(m))) }))}
      max={1}
      formatValue={format.percent}
      table={
        <SimpleTable
          labelledBy={`${id}-title`}
          region
          className="stats-table"
          items={present}
          itemKey={(m) => m.key}
          columns={[
            { label: t('columns.measure'), isRowHeader: true, cell: (m) => t(`measures.${m.key}`) },
            ...periods.map((p) => ({
              label: p.label,
              className: 'num',
              cell: (m: MeasureResult) => {
                const value = p.pick(m);
                return value.type === 'rate'
                  ? `${text(value)} (${t('base.rate', { numerator: format.n(value.numerator), denominator: format.n(value.denominator) })})`
                  : '–';
              },
            })),
          ]}
        />
      }
    />
  );
}

/** Bars for the largest rows of a breakdown (ten at most), with the full table beside them. */
function SpreadChart({ measure, names }: { measure: MeasureResult; names: ReportNames }) {
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const current = measure.current;
  if (current.type !== 'breakdown') return null;
  const id = `chart-${measure.key}`;
  const shown = current.rows.filter((row) => row.key !== OTHER_KEY && row.count > 0).slice(0, 10);
  const largest = shown[0];
  return (
    <BarChart
      id={id}
      title={t(`measures.${measure.key}`)}
      description={
        largest
          ? t('charts.spread.description', {
              name: keyLabel(current.dimension, largest.key, names, t, format.day),
              cases: format.n(largest.count),
              shown: format.n(shown.length),
            })
          : t('noneInPeriod')
      }
      rows={shown.map((row) => ({
        key: row.key,
        label: keyLabel(current.dimension, row.key, names, t, format.day),
        value: row.count,
        text: format.n(row.count),
      }))}
      table={<BreakdownTable id={`${id}-title`} measure={measure} names={names} />}
    />
  );
}

const CHARTED = new Set(['receivedByCategory', 'receivedByUnit']);

export function ReportView({ report, names }: ReportViewProps) {
  const { t } = useTranslation('reports');
  const bySection = (section: string) => report.measures.filter((m) => m.section === section);
  return (
    <>
      {SECTIONS.map((section) => {
        const measures = bySection(section);
        if (measures.length === 0) return null;
        const headingId = `section-${section}`;
        const tables = measures.filter((m) => !isScalar(m.current) && m.key !== 'receivedTrend');
        return (
          <section key={section} aria-labelledby={headingId} className="report-section">
            <h2 id={headingId}>{t(`sections.${section}`)}</h2>
            <HeadlineTable id={headingId} measures={measures} />
            {section === 'intake' ? <TrendChart report={report} /> : null}
            {section === 'timeliness' ? <RatesChart report={report} /> : null}
            {tables.map((m) => {
              if (CHARTED.has(m.key)) return <SpreadChart key={m.key} measure={m} names={names} />;
              const id = `table-${m.key}`;
              return (
                <Fragment key={m.key}>
                  <h3 id={id}>{t(`measures.${m.key}`)}</h3>
                  {m.current.type === 'ranking' ? (
                    <RankingTable id={id} measure={m} names={names} />
                  ) : (
                    <BreakdownTable id={id} measure={m} names={names} />
                  )}
                </Fragment>
              );
            })}
            {section === 'article41' ? <p className="figures-note">{t('pending.article41')}</p> : null}
          </section>
        );
      })}
      <details className="report-definitions">
        <summary>{t('definitions.title')}</summary>
        <ul>
          {(
            [
              'settled',
              'onTime',
              'days',
              'outcomes',
              'opinions',
              'satisfaction',
              'checkIn',
              'targets',
              'clusters',
              'complaints',
              'supervised',
            ] as const
          ).map((key) => (
            <li key={key}>{t(`definitions.${key}`)}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
