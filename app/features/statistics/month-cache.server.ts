// The month cache of the report scans. A year's report for the whole office would otherwise read a
// year of cases several times over (about 10 s at a million cases). A month that has ended is
// counted once per scope and scan; its parts (counts, sums, day histograms: scan-parts.ts) are
// kept in ReportMonthCache and added to the parts of the days counted live around it. Triggers on
// the case tables forget the months a change falls in (migration 20261203200116, ADR 0011).
import { createHash } from 'node:crypto';
import { barredReportUnits } from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { civilDateIn, isoDate, parseIsoDate, startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { monthSlices } from './periods.ts';
import type { ResolvedScope } from './report-queries.server.ts';
import type { z } from 'zod';

export const CACHED_SCANS = ['intake', 'acceptance', 'reply', 'events', 'ratings', 'targets', 'outcomes'] as const;
export type CachedScan = (typeof CACHED_SCANS)[number];

/** The instants a scan counts, and the zone its days are in. */
export interface ScanStretch {
  from: Date;
  to: Date;
  now: Date;
  timeZone: string;
}

/**
 * A month kept this long is counted again even if nothing forgot it: the bound on how stale a
 * month can be if a change commits while the same month is being counted (the trigger cannot
 * delete a row that is not committed yet).
 */
const KEPT_FOR_MS = 24 * 3_600_000;

const keys = new WeakMap<ResolvedScope, Promise<string>>();

/**
 * What a scope counts, as a short key: its units, whether reports of misconduct are left out, what
 * is kept from its reader (the accused units their unit sits under, and the cases they withdrew
 * from), and the zone that cuts its months. Readers from whom nothing is kept share the key of no reader.
 */
export function scopeKey(scope: ResolvedScope, timeZone: string): Promise<string> {
  let key = keys.get(scope);
  if (!key) {
    key = (async () => {
      const reader = scope.reader;
      const barred = reader ? barredReportUnits(reader) : [];
      const withdrew = reader
        ? (await db().recusal.findFirst({ where: { staffId: reader.id }, select: { caseId: true } })) !== null
        : false;
      const parts = {
        units: scope.unitIds ? [...scope.unitIds].sort() : null,
        noMisconduct: scope.excludeMisconduct,
        barred: barred === 'anyUnit' ? barred : [...barred].sort(),
        withdrawn: withdrew && reader ? reader.id : null,
        timeZone,
      };
      return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
    })();
    // A failed lookup is not remembered: the public figures' scopes live as long as the process.
    key.catch(() => keys.delete(scope));
    keys.set(scope, key);
  }
  return key;
}

interface Stretch {
  from: Date;
  to: Date;
  /** A whole calendar month that has ended: kept in the cache. */
  kept: boolean;
}

/**
 * The stretches of a window: whole months that have ended, and the days around them, the live
 * ones joined. A window that does not start and end on a day's first moment is counted live whole.
 */
export function stretchesOf(window: ScanStretch): Stretch[] {
  const first = civilDateIn(window.from, window.timeZone);
  const afterLast = civilDateIn(window.to, window.timeZone);
  const aligned =
    startOfCivilDay(first, window.timeZone).getTime() === window.from.getTime() &&
    startOfCivilDay(afterLast, window.timeZone).getTime() === window.to.getTime();
  if (!aligned) return [{ from: window.from, to: window.to, kept: false }];
  const stretches: Stretch[] = [];
  for (const slice of monthSlices(isoDate(first), isoDate(afterLast))) {
    const from = startOfCivilDay(parseIsoDate(slice.start)!, window.timeZone);
    const to = startOfCivilDay(parseIsoDate(slice.end)!, window.timeZone);
    const kept = slice.wholeMonth && to.getTime() <= window.now.getTime();
    const last = stretches.at(-1);
    if (!kept && last && !last.kept) last.to = to;
    else stretches.push({ from, to, kept });
  }
  return stretches;
}

/**
 * The parts of a scan over the window: kept months from the cache (counted and kept on first
 * use), the rest counted live. The parts add up to what one scan of the whole window would give.
 */
export async function throughMonthCache<Part>(
  scan: CachedScan,
  scope: ResolvedScope,
  window: ScanStretch,
  count: (stretch: ScanStretch) => Promise<Part[]>,
  schema: z.ZodType<Part>,
): Promise<Part[]> {
  const stretches = stretchesOf(window);
  const kept = stretches.filter((s) => s.kept);
  const live = stretches.filter((s) => !s.kept).map((s) => count({ ...window, from: s.from, to: s.to }));
  if (kept.length === 0) return (await Promise.all(live)).flat();

  const key = await scopeKey(scope, window.timeZone);
  const fresh = new Date(Date.now() - KEPT_FOR_MS);
  const rows = await db().reportMonthCache.findMany({
    where: { scopeKey: key, scan, from: { in: kept.map((s) => s.from) }, computedAt: { gt: fresh } },
    select: { from: true, to: true, rows: true },
  });
  const cached = new Map(
    rows.filter((row) => kept.some((s) => s.to.getTime() === row.to.getTime())).map((row) => [row.from.getTime(), row.rows]),
  );
  const months = kept.map(async (stretch) => {
    const stored = cached.get(stretch.from.getTime());
    if (stored !== undefined) {
      const parsed = schema.array().safeParse(stored);
      // A row an older version wrote in another shape is counted again.
      if (parsed.success) return parsed.data;
    }
    const parts = await count({ ...window, from: stretch.from, to: stretch.to });
    const json = JSON.stringify(parts);
    await db().$executeRaw`
      INSERT INTO "ReportMonthCache" ("scopeKey", "scan", "from", "to", "rows", "computedAt")
      VALUES (${key}, ${scan}, ${stretch.from}::timestamptz, ${stretch.to}::timestamptz, ${json}::jsonb, now())
      ON CONFLICT ("scopeKey", "scan", "from") DO UPDATE SET "to" = EXCLUDED."to", "rows" = EXCLUDED."rows", "computedAt" = EXCLUDED."computedAt"`;
    return parts;
  });
  return [...(await Promise.all(months)), ...(await Promise.all(live))].flat();
}

/** Forgets every kept month (the benchmark's cold runs; a change of the scans' definitions). */
export async function forgetReportMonths(): Promise<void> {
  await db().reportMonthCache.deleteMany();
}
