// The public figures: computed from the same scans as the office reports, withheld where small
// (public-figures.ts), stored as one row that the worker recomputes every hour, and read by the
// page and the downloads from memory, so a busy /statistics costs no query at all. Counts only.
import { z } from 'zod';
import { CHANNELS } from '#app/features/cases/attributes.ts';
import { CLAIM_OUTCOMES } from '#app/features/cases/claims.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { civilDateIn, type CivilDate } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { inOrder, largestFirst } from './measures.ts';
import { periodBounds, periodContaining, periodIsComplete, periodKey, previousPeriod, type Period } from './periods.ts';
import {
  PUBLIC_MONTHS,
  PUBLIC_SCHEMA,
  PUBLIC_THRESHOLD,
  PUBLIC_YEARS,
  publishPeriod,
  type PublicFigures,
  type PublicName,
  type RawPeriodFigures,
  type RawRate,
} from './public-figures.ts';
import {
  scanAcceptance,
  scanIntake,
  scanOutcomes,
  scanRatings,
  scanReply,
  type OutcomeRow,
  type ResolvedScope,
  type ScanWindow,
  type StepRow,
} from './report-queries.server.ts';

// The stored row is JSON written by some version of the worker: read back through this schema, so a
// row that does not fit (an older shape, a damaged row) is treated as absent and computed again.
const Rate = z.object({ rate: z.number(), cases: z.number() }).nullable();
const Count = z.number().nullable();
const Name = z.object({ 'zh-Hans': z.string(), 'zh-Hant': z.string(), en: z.string() });
const PeriodSchema = z.object({
  kind: z.enum(['month', 'year']),
  key: z.string(),
  start: z.string(),
  end: z.string(),
  complete: z.boolean(),
  received: Count,
  byChannel: z.array(z.object({ channel: z.string(), received: Count })),
  byCategory: z.array(z.object({ category: z.string(), received: Count })),
  acceptedOnTime: Rate,
  repliedOnTime: Rate,
  medianDaysToReply: z.object({ days: z.number(), cases: z.number() }).nullable(),
  satisfaction: z
    .object({ mean: z.number(), ratings: z.number(), solved: z.number(), partlySolved: z.number(), notSolved: z.number() })
    .nullable(),
  outcomes: z.array(z.object({ outcome: z.enum(CLAIM_OUTCOMES), claims: Count })),
  reviewsChanged: Rate,
  units: z.array(
    z.object({
      unit: z.string(),
      received: Count,
      repliedOnTime: Rate,
      satisfaction: z.object({ mean: z.number(), ratings: z.number() }).nullable(),
    }),
  ),
});
const StoredFigures = z.object({
  schema: z.literal(PUBLIC_SCHEMA),
  generatedAt: z.string(),
  timeZone: z.string(),
  threshold: z.number(),
  categories: z.record(z.string(), z.object({ code: z.string(), name: Name })),
  units: z.record(z.string(), z.object({ name: Name })),
  months: z.array(PeriodSchema),
  years: z.array(PeriodSchema),
}) satisfies z.ZodType<PublicFigures>;

const STORE_KEY = 'public';
/** How long a process keeps the figures before reading the row again (the worker refreshes it hourly). */
const MEMORY_TTL_MS = 60_000;

/** The periods shown on a day: the last 12 complete months, the current year so far and the years before. */
export function publicPeriods(today: CivilDate): { months: Period[]; years: Period[] } {
  const months: Period[] = [];
  let month = previousPeriod(periodContaining('month', today));
  for (let i = 0; i < PUBLIC_MONTHS; i++) {
    months.unshift(month);
    month = previousPeriod(month);
  }
  const years: Period[] = [];
  let year = periodContaining('year', today);
  for (let i = 0; i < PUBLIC_YEARS; i++) {
    years.push(year);
    year = previousPeriod(year);
  }
  return { months, years };
}

const OFFICE: ResolvedScope = { unitIds: null, excludeMisconduct: false, reader: null };
/** The per-unit figures leave reports of misconduct out: they are counted in the totals only. */
const BY_UNIT: ResolvedScope = { unitIds: null, excludeMisconduct: true, reader: null };

const rateOf = (row: StepRow | undefined): RawRate => ({ numerator: row?.onTime ?? 0, denominator: row?.settled ?? 0 });

/** Review and re-review opinions with an outcome, and those of them that changed or overturned the decision. */
function opinionsChanged(rows: OutcomeRow[]): RawRate {
  const opinions = rows.filter((row) => (row.source === 'review' || row.source === 'reReview') && row.key !== '');
  return {
    numerator: opinions.filter((row) => row.key === 'CHANGED' || row.key === 'OVERTURNED').reduce((sum, row) => sum + row.n, 0),
    denominator: opinions.reduce((sum, row) => sum + row.n, 0),
  };
}

async function rawPeriod(p: Period, now: Date, timeZone: string, today: CivilDate): Promise<RawPeriodFigures> {
  const window: ScanWindow = { ...periodBounds(p, timeZone), now, timeZone, bucket: 'month' };
  const [intake, acceptance, reply, ratings, outcomes, unitIntake, unitReply, unitRatings] = await Promise.all([
    scanIntake(OFFICE, window),
    scanAcceptance(OFFICE, window),
    scanReply(OFFICE, window),
    scanRatings(OFFICE, window),
    scanOutcomes(OFFICE, window),
    scanIntake(BY_UNIT, window),
    scanReply(BY_UNIT, window),
    scanRatings(BY_UNIT, window),
  ]);
  const total = (rows: { set: string }[]) => rows.find((row) => row.set === 'total');
  const rows = (set: 'channel' | 'category') =>
    intake.filter((row) => row.set === set).map((row) => ({ key: row[set] ?? '', count: row.n }));
  const replyTotal = reply.find((row) => row.set === 'total');
  const ratingTotal = ratings.find((row) => row.set === 'total');
  const unitKeys = new Set([
    ...unitIntake.filter((row) => row.set === 'unit').map((row) => row.unit ?? ''),
    ...unitReply.filter((row) => row.set === 'unit').map((row) => row.unit ?? ''),
    ...unitRatings.filter((row) => row.set === 'unit').map((row) => row.unit ?? ''),
  ]);
  return {
    kind: p.kind === 'year' ? 'year' : 'month',
    key: periodKey(p),
    start: p.start,
    end: p.end,
    complete: periodIsComplete(p, today),
    received: (total(intake) as { n: number } | undefined)?.n ?? 0,
    byChannel: inOrder(CHANNELS, rows('channel')),
    // Small categories are summed as "other" before suppression, so more of them can be published.
    byCategory: largestFirst(rows('category'), 20),
    acceptedOnTime: rateOf(acceptance.find((row) => row.set === 'total')),
    repliedOnTime: rateOf(replyTotal),
    daysToReply: { n: replyTotal?.done ?? 0, median: replyTotal?.median ?? null },
    satisfaction: {
      n: ratingTotal?.n ?? 0,
      mean: ratingTotal?.mean ?? null,
      solved: ratingTotal?.solved ?? 0,
      partly: ratingTotal?.partly ?? 0,
      notSolved: ratingTotal?.notSolved ?? 0,
    },
    outcomes: outcomes.filter((row) => row.source === 'claim').map((row) => ({ key: row.key, count: row.n })),
    opinionsChanged: opinionsChanged(outcomes),
    units: [...unitKeys].map((key) => {
      const rating = unitRatings.find((row) => row.set === 'unit' && (row.unit ?? '') === key);
      return {
        key,
        received: unitIntake.find((row) => row.set === 'unit' && (row.unit ?? '') === key)?.n ?? 0,
        repliedOnTime: rateOf(unitReply.find((row) => row.set === 'unit' && (row.unit ?? '') === key)),
        satisfaction: { n: rating?.n ?? 0, mean: rating?.mean ?? null },
      };
    }),
  };
}

const nameOf = (row: { nameZhHans: string; nameZhHant: string; nameEn: string }): PublicName => ({
  'zh-Hans': row.nameZhHans,
  'zh-Hant': row.nameZhHant,
  en: row.nameEn,
});

/** Computes the figures as of `now` (the worker, and the first request before the worker has run). */
export async function computePublicFigures(now = new Date()): Promise<PublicFigures> {
  const timeZone = serviceTimeZone();
  const today = civilDateIn(now, timeZone);
  const { months, years } = publicPeriods(today);
  // One period at a time: the worker shares the database with the office.
  const published = [];
  for (const p of [...months, ...years]) published.push(publishPeriod(await rawPeriod(p, now, timeZone, today)));
  const select = { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } as const;
  const [categories, units] = await Promise.all([
    db().category.findMany({ select: { ...select, code: true } }),
    db().unit.findMany({ select }),
  ]);
  const named = new Set(published.flatMap((p) => [...p.byCategory.map((row) => row.category), ...p.units.map((row) => row.unit)]));
  return {
    schema: PUBLIC_SCHEMA,
    generatedAt: now.toISOString(),
    timeZone,
    threshold: PUBLIC_THRESHOLD,
    categories: Object.fromEntries(categories.filter((c) => named.has(c.id)).map((c) => [c.id, { code: c.code, name: nameOf(c) }])),
    units: Object.fromEntries(units.filter((u) => named.has(u.id)).map((u) => [u.id, { name: nameOf(u) }])),
    months: published.filter((p) => p.kind === 'month'),
    years: published.filter((p) => p.kind === 'year'),
  };
}

let memory: { figures: PublicFigures; readAt: number } | null = null;
let computing: Promise<PublicFigures> | null = null;

/** Recomputes and stores the figures (the worker's hourly job); safe to run on several workers at once. */
export async function refreshPublicFigures(now = new Date()): Promise<PublicFigures> {
  const figures = await computePublicFigures(now);
  // A slower run that started earlier (another worker) never overwrites newer figures.
  const written = await db().$executeRaw`
    INSERT INTO "PublishedStatistics" ("key", "computedAt", "data")
    VALUES (${STORE_KEY}, ${now}, ${JSON.stringify(figures)}::jsonb)
    ON CONFLICT ("key") DO UPDATE SET "computedAt" = EXCLUDED."computedAt", "data" = EXCLUDED."data"
    WHERE "PublishedStatistics"."computedAt" <= EXCLUDED."computedAt"`;
  if (written > 0) memory = { figures, readAt: Date.now() };
  return figures;
}

/**
 * The figures as the page and the downloads read them: from memory for a minute, else the stored
 * row, else (before the worker's first run, or when the stored row does not fit the schema)
 * computed once however many requests wait for it.
 */
export async function publicFigures(): Promise<PublicFigures> {
  if (memory && Date.now() - memory.readAt < MEMORY_TTL_MS) return memory.figures;
  const row = await db().publishedStatistics.findUnique({ where: { key: STORE_KEY } });
  const stored = row ? StoredFigures.safeParse(row.data) : null;
  if (stored?.success) {
    memory = { figures: stored.data, readAt: Date.now() };
    return memory.figures;
  }
  computing ??= refreshPublicFigures()
    .then((figures) => {
      // Kept even when a newer row that did not fit stayed in place: it is not read again for a minute.
      memory = { figures, readAt: Date.now() };
      return figures;
    })
    .finally(() => {
      computing = null;
    });
  return await computing;
}

/** ?period=2026 or 2026-03 on the public page: which period's details to show. */
const PeriodParam = z.string().regex(/^\d{4}(-\d{2})?$/);

/**
 * The public page's figures and the period whose details it shows: the one asked for, else the
 * latest year. A period that is not published (or not a period) is a page that is not there.
 */
export async function publicFiguresPage(asked: string | null): Promise<{ figures: PublicFigures; detailKey: string | null }> {
  const figures = await publicFigures();
  if (asked === null) return { figures, detailKey: figures.years[0]?.key ?? null };
  const parsed = PeriodParam.safeParse(asked);
  const detail = parsed.success ? [...figures.years, ...figures.months].find((p) => p.key === parsed.data) : undefined;
  if (!detail) throw new NotFoundError('period');
  return { figures, detailKey: detail.key };
}

/** Forgets the figures held in memory (tests, and the benchmark's cold runs). */
export function forgetPublicFigures(): void {
  memory = null;
}
