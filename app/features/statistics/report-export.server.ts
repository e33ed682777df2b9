// A period report as files: CSV (one file, every table in it, named in a first column) and Excel
// (one sheet per table). The report's figures only, in the reader's language with stable codes
// beside the names: no name, contact, receipt number or letter text. Every download is written to
// the audit log before it leaves.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { toCsv, type CsvCell } from '#app/platform/codecs/csv.ts';
import { toXlsx, XLSX_CONTENT_TYPE, type Sheet } from '#app/platform/codecs/xlsx.server.ts';
import { civilDateIn } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { keyLabel, type ReportNames } from './labels.ts';
import { OTHER_KEY, headline, isScalar, type MeasureValue } from './measures.ts';
import { periodKey, type Period } from './periods.ts';
import { parseReportQuery } from './report-query.ts';
import { periodReport, reportNames, type ReportData } from './report.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { DownloadFile } from '#app/platform/http/file-response.ts';
import type { TFunction } from 'i18next';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A scalar as a spreadsheet number: a count, a rate in percent to one decimal, days, a mean. */
function number(value: MeasureValue): number | null {
  if (!isScalar(value)) return null;
  const figure = headline(value);
  if (figure === null) return null;
  return value.type === 'rate' ? Math.round(figure * 1000) / 10 : Math.round(figure * 100) / 100;
}

function base(value: MeasureValue): number | null {
  switch (value.type) {
    case 'rate':
      return value.denominator;
    case 'days':
    case 'mean':
      return value.n;
    default:
      return null;
  }
}

/** The report's tables, each a header row and its rows. */
export function reportTables(report: ReportData, names: ReportNames, t: TFunction): Sheet[] {
  const c = (key: string) => t(`reports:columns.${key}`);
  const headlineRows: CsvCell[][] = [
    [c('measure'), c('code'), c('current'), c('basedOn'), c('previous'), c('yearEarlier')],
    ...report.measures
      .filter((m) => isScalar(m.current))
      .map((m) => [t(`reports:measures.${m.key}`), m.key, number(m.current), base(m.current), number(m.previous), number(m.yearEarlier)]),
  ];
  const sheets: Sheet[] = [{ name: t('reports:export.headline'), rows: headlineRows }];
  for (const m of report.measures) {
    const value = m.current;
    if (value.type === 'breakdown' && m.key === 'receivedTrend') {
      const earlier = new Map(m.yearEarlier.type === 'breakdown' ? m.yearEarlier.rows.map((row) => [row.key, row.count]) : []);
      const now = new Map(value.rows.map((row) => [row.key, row.count]));
      sheets.push({
        name: t(`reports:measures.${m.key}`),
        rows: [
          [c('bucketStart'), c('current'), c('yearEarlierBucketStart'), c('yearEarlier')],
          ...report.buckets.current.map((bucket, index) => {
            const before = report.buckets.yearEarlier[index] ?? null;
            return [bucket, now.get(bucket) ?? 0, before, before === null ? null : (earlier.get(before) ?? 0)];
          }),
        ],
      });
    } else if (value.type === 'breakdown') {
      const countIn = (other: MeasureValue, key: string) =>
        other.type === 'breakdown' ? (other.rows.find((row) => row.key === key)?.count ?? 0) : null;
      sheets.push({
        name: t(`reports:measures.${m.key}`),
        rows: [
          [t(`reports:dimensions.${value.dimension}`), c('code'), c('current'), c('previous'), c('yearEarlier')],
          ...value.rows.map((row) => [
            keyLabel(value.dimension, row.key, names, t),
            row.key === OTHER_KEY ? null : row.key,
            row.count,
            countIn(m.previous, row.key),
            countIn(m.yearEarlier, row.key),
          ]),
        ],
      });
    } else if (value.type === 'ranking') {
      sheets.push({
        name: t(`reports:measures.${m.key}`),
        rows: [
          [c('rank'), t(`reports:dimensions.${value.dimension}`), c('code'), c('value'), c('basedOn')],
          ...value.rows.map((row, index) => [
            index + 1,
            keyLabel(value.dimension, row.key, names, t),
            row.key,
            Math.round(row.value * 100) / 100,
            row.n,
          ]),
        ],
      });
    }
  }
  return sheets;
}

/** All tables in one CSV: the table's name first on every row, then its own columns. */
export function reportCsv(sheets: readonly Sheet[], t: TFunction): string {
  const width = Math.max(...sheets.map((sheet) => Math.max(...sheet.rows.map((row) => row.length))));
  const pad = (row: readonly CsvCell[]) => [...row, ...Array<CsvCell>(width - row.length).fill(null)];
  const rows: CsvCell[][] = [];
  for (const sheet of sheets) {
    const [header, ...body] = sheet.rows;
    if (!header) continue;
    rows.push([t('reports:columns.table'), ...pad(header)]);
    for (const row of body) rows.push([sheet.name, ...pad(row)]);
  }
  return toCsv(rows);
}

function scopeSlug(report: ReportData): string {
  return report.scope.kind === 'office' ? 'office' : `unit-${report.scope.unitId.slice(0, 8)}`;
}

export type ExportFile = DownloadFile;

/**
 * The report the actor may read, as a file; the download is audited as `export` first, naming
 * the period, scope and format (never the figures).
 */
export async function exportReport(
  actor: Actor,
  choice: { period: Period; unitId: string | null },
  format: ExportFormat,
  locale: Locale,
  t: TFunction,
  context: { ipAddress: string },
  now = new Date(),
): Promise<ExportFile> {
  const report = await periodReport(actor, choice, now);
  const names = await reportNames(locale);
  const sheets = reportTables(report, names, t);
  const fileName = `report-${periodKey(report.period)}-${scopeSlug(report)}.${format}`;
  await audit({
    action: 'export',
    actorId: actor.id,
    targetType: 'Report',
    ipAddress: context.ipAddress,
    details: {
      what: 'report',
      format,
      locale,
      period: periodKey(report.period),
      periodKind: report.period.kind,
      scope: report.scope.kind === 'office' ? 'office' : report.scope.unitId,
      tables: sheets.length,
    },
  });
  return format === 'csv'
    ? { fileName, contentType: 'text/csv; charset=utf-8', body: reportCsv(sheets, t) }
    : { fileName, contentType: XLSX_CONTENT_TYPE, body: await toXlsx(sheets) };
}

const FORMAT = z.enum(EXPORT_FORMATS);

/**
 * The download buttons' form: the report's period and unit (as the report page's query) and the
 * format. Null when the form does not name a report (only a hand-made request gets that far).
 */
export async function downloadReport(
  actor: Actor,
  form: URLSearchParams,
  locale: Locale,
  t: TFunction,
  context: { ipAddress: string },
  now = new Date(),
): Promise<ExportFile | null> {
  const format = FORMAT.safeParse(form.get('format'));
  const choice = parseReportQuery(form, civilDateIn(now, serviceTimeZone()));
  if (!format.success || !choice.ok) return null;
  return await exportReport(actor, choice, format.data, locale, t, context, now);
}
