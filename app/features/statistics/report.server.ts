// A period report: every measure for the period, the one before it and the same period a year
// earlier, for the whole office or one unit (with everything below it). Counts only: nothing here
// reads a name, a contact or a letter. The figures are language-neutral (codes and ids), so a
// prepared report can be stored and read later in any language; names are looked up per reader.
import { unitTree } from '#app/features/reference-data/units.server.ts';
import { canChooseReportScope, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { civilDateIn } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { MEASURES, MEASURE_KEYS, periodScans, type MeasureKey, type PeriodScans } from './measures.server.ts';
import {
  bucketStarts,
  periodBounds,
  periodIsComplete,
  periodKey,
  previousPeriod,
  trendBucket,
  yearEarlier,
  type Bucket,
  type Period,
} from './periods.ts';
import { excludesMisconduct, reportScopeFor, subtreeIds, type ReportScope } from './scope.ts';
import { reportSummary, type SummaryPart } from './summary.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { ReportNames } from './labels.ts';
import type { MeasureValue, Section } from './measures.ts';
import type { ResolvedScope } from './report-queries.server.ts';

export interface MeasureResult {
  key: MeasureKey;
  section: Section;
  current: MeasureValue;
  previous: MeasureValue;
  yearEarlier: MeasureValue;
}

/** A report's figures, without names: what the page shows, the downloads hold and a prepared report stores. */
export interface ReportData {
  period: Period;
  previous: Period;
  yearEarlier: Period;
  /** False while the period is still running ("the month so far"). */
  complete: boolean;
  scope: ReportScope;
  /** Reports of misconduct left out (a handler's own unit). */
  excludesMisconduct: boolean;
  generatedAt: string;
  bucket: Bucket;
  /** The first day of each trend bucket, this period and a year earlier, index for index. */
  buckets: { current: string[]; yearEarlier: string[] };
  measures: MeasureResult[];
  summary: SummaryPart[];
}

async function scanPeriod(scope: ResolvedScope, period: Period, now: Date, timeZone: string, bucket: Bucket): Promise<PeriodScans> {
  return periodScans(scope, { ...periodBounds(period, timeZone), now, timeZone, bucket });
}

async function measuresOf(scans: PeriodScans, keys: readonly MeasureKey[]): Promise<Map<MeasureKey, MeasureValue>> {
  const values = await Promise.all(keys.map(async (key) => [key, await MEASURES[key].compute(scans)] as const));
  return new Map(values);
}

/**
 * The units a scope counts: null for the whole office, one unit, or a unit and everything below it;
 * for a reader, without the cases kept from them.
 */
export async function resolveScope(
  scope: ReportScope,
  options: { excludeMisconduct: boolean; reader: Actor | null },
): Promise<ResolvedScope> {
  const { excludeMisconduct, reader } = options;
  if (scope.kind === 'office') return { unitIds: null, excludeMisconduct, reader };
  const units = await db().unit.findMany({ select: { id: true, parentId: true } });
  if (!units.some((unit) => unit.id === scope.unitId)) throw new NotFoundError('unit');
  return { unitIds: scope.subtree ? subtreeIds(units, scope.unitId) : [scope.unitId], excludeMisconduct, reader };
}

/**
 * Computes a report. No permission check: the page (periodReport), the worker and the public
 * figures call it with the scope they are entitled to, and the page with its reader.
 */
export async function computeReport(
  scope: ReportScope,
  period: Period,
  options: { now?: Date; excludeMisconduct?: boolean; reader?: Actor; keys?: readonly MeasureKey[] } = {},
): Promise<ReportData> {
  const now = options.now ?? new Date();
  const timeZone = serviceTimeZone();
  const excludeMisconduct = options.excludeMisconduct ?? false;
  const resolved = await resolveScope(scope, { excludeMisconduct, reader: options.reader ?? null });
  const previous = previousPeriod(period);
  const earlier = yearEarlier(period);
  const bucket = trendBucket(period);
  const keys = options.keys ?? MEASURE_KEYS;

  // A year's previous period is the year before: computed once.
  const distinct = new Map<string, Period>();
  for (const p of [period, previous, earlier]) distinct.set(`${p.kind}:${periodKey(p)}`, p);
  const scans = new Map<string, PeriodScans>();
  for (const [id, p] of distinct) scans.set(id, await scanPeriod(resolved, p, now, timeZone, bucket));
  const values = new Map(await Promise.all([...scans].map(async ([id, s]) => [id, await measuresOf(s, keys)] as const)));
  const valuesOf = (p: Period) => values.get(`${p.kind}:${periodKey(p)}`)!;
  const [current, before, yearBefore] = [valuesOf(period), valuesOf(previous), valuesOf(earlier)];

  const measures = keys.map((key) => ({
    key,
    section: MEASURES[key].section,
    current: current.get(key)!,
    previous: before.get(key)!,
    yearEarlier: yearBefore.get(key)!,
  }));

  const categoryArea = async (p: Period) =>
    (await scans.get(`${p.kind}:${periodKey(p)}`)!.intake())
      .filter((row) => row.set === 'categoryArea')
      .map((row) => ({ key: `${row.category ?? ''}|${row.area ?? ''}`, count: row.n }));
  const summary =
    current.has('received') && current.has('repliedOnTime')
      ? reportSummary({
          received: current.get('received')!,
          receivedBefore: before.get('received')!,
          byCategoryArea: await categoryArea(period),
          byCategoryAreaBefore: await categoryArea(previous),
          repliedOnTime: current.get('repliedOnTime')!,
          repliedOnTimeBefore: before.get('repliedOnTime')!,
        })
      : [];

  return {
    period,
    previous,
    yearEarlier: earlier,
    complete: periodIsComplete(period, civilDateIn(now, timeZone)),
    scope,
    excludesMisconduct: excludeMisconduct,
    generatedAt: now.toISOString(),
    bucket,
    buckets: { current: bucketStarts(period, bucket), yearEarlier: bucketStarts(earlier, bucket) },
    measures,
    summary,
  };
}

/** Names of every category and unit, in the reader's language (units closed since still name old figures). */
export async function reportNames(locale: Locale): Promise<ReportNames> {
  const select = { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } as const;
  const [categories, units] = await Promise.all([db().category.findMany({ select }), db().unit.findMany({ select })]);
  return {
    category: Object.fromEntries(categories.map((row) => [row.id, localizedName(row, locale)])),
    unit: Object.fromEntries(units.map((row) => [row.id, localizedName(row, locale)])),
  };
}

/** The scope the actor gets for the unit asked for; refusals as the typed errors routes turn into 403 and 404. */
export function scopeForActor(actor: Actor, unitId: string | null): ReportScope {
  const scope = reportScopeFor(actor, unitId);
  if (scope === 'forbidden') throw new ForbiddenError('reports');
  if (scope === 'notFound') throw new NotFoundError('unit');
  return scope;
}

/** The report a member of staff asked for, within what their role may read. */
export async function periodReport(actor: Actor, choice: { period: Period; unitId: string | null }, now = new Date()): Promise<ReportData> {
  const scope = scopeForActor(actor, choice.unitId);
  return await computeReport(scope, choice.period, { now, excludeMisconduct: excludesMisconduct(actor), reader: actor });
}

/** The units a person may choose as a report's scope, in tree order (closed ones too: they have history). */
export async function scopeOptions(actor: Actor, locale: Locale): Promise<{ value: string; label: string }[]> {
  if (!canChooseReportScope(actor)) return [];
  const rows = await unitTree(locale);
  return rows.map((row) => ({ value: row.id, label: `${'\u00a0\u00a0\u00a0'.repeat(row.depth)}${row.name}` }));
}
