// The report scans return parts that add up: counts, sums and day-count histograms, never a mean
// or a median. Parts of several stretches of time (whole months kept in the month cache, and the
// days around them counted live) are folded here into the rows the measures read. Pure.
import { z } from 'zod';
import { addCalendarDays, isoDate, parseIsoDate, weekday } from '#app/platform/time/civil-date.ts';
import type { Bucket } from './periods.ts';

// ---------------------------------------------------------------------------------------------
// Intake

export const INTAKE_SETS = ['total', 'channel', 'kind', 'category', 'area', 'unit', 'bucket', 'categoryArea'] as const;

/** Cases received, grouped one way at a time (the set); a `bucket` row is one day. */
export const IntakePart = z.object({
  set: z.enum(INTAKE_SETS),
  channel: z.string().nullable(),
  kind: z.string().nullable(),
  category: z.string().nullable(),
  area: z.string().nullable(),
  unit: z.string().nullable(),
  bucket: z.string().nullable(),
  n: z.number().int(),
  /** Complaints and reports of misconduct (the art. 41 "complained about" figure). */
  complaints: z.number().int(),
});
export type IntakePart = z.infer<typeof IntakePart>;
/** The same shape, with `bucket` the first day of the period's trend bucket. */
export type IntakeRow = IntakePart;

/** The first day of the bucket a day falls in: the day, its week's Monday, or its month's first day. */
export function bucketStart(day: string, bucket: Bucket): string {
  const date = parseIsoDate(day);
  if (!date || bucket === 'day') return day;
  if (bucket === 'month') return isoDate({ ...date, day: 1 });
  // Monday is the first day of the week (ISO 8601, as PostgreSQL's date_trunc('week')).
  return isoDate(addCalendarDays(date, -((weekday(date) + 6) % 7)));
}

function sumBy<T>(parts: readonly T[], key: (part: T) => string, add: (into: T, part: T) => void): T[] {
  const sums = new Map<string, T>();
  for (const part of parts) {
    const k = key(part);
    const into = sums.get(k);
    if (into) add(into, part);
    else sums.set(k, { ...part });
  }
  return [...sums.values()];
}

export function foldIntake(parts: readonly IntakePart[], bucket: Bucket): IntakeRow[] {
  const rebucketed = parts.map((part) => (part.bucket === null ? part : { ...part, bucket: bucketStart(part.bucket, bucket) }));
  return sumBy(
    rebucketed,
    (p) => [p.set, p.channel, p.kind, p.category, p.area, p.unit, p.bucket].join('\u0000'),
    (into, p) => {
      into.n += p.n;
      into.complaints += p.complaints;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The statutory steps (acceptance, reply)

export const STEP_SETS = ['total', 'unit', 'category'] as const;

/**
 * Steps settled in the period (and how many on time), and the steps done in it by how many days
 * they took from receipt: `days` is null on the row of steps settled but not done in the period.
 */
export const StepPart = z.object({
  set: z.enum(STEP_SETS),
  unit: z.string().nullable(),
  category: z.string().nullable(),
  days: z.number().int().nullable(),
  settled: z.number().int(),
  onTime: z.number().int(),
  done: z.number().int(),
  declined: z.number().int(),
  forwarded: z.number().int(),
});
export type StepPart = z.infer<typeof StepPart>;

export interface StepRow {
  set: (typeof STEP_SETS)[number];
  unit: string | null;
  category: string | null;
  /** Steps settled in the period, and how many of them on time. */
  settled: number;
  onTime: number;
  /** Decisions (or replies) made in the period; in total, with the median and 90th percentile of days from receipt. */
  done: number;
  median: number | null;
  p90: number | null;
  /** Acceptance only: how the decisions made in the period went. */
  declined: number;
  forwarded: number;
}

/** A step row that counts nothing yet. */
export function noSteps(set: StepRow['set'] = 'total', unit: string | null = null, category: string | null = null): StepRow {
  return { set, unit, category, settled: 0, onTime: 0, done: 0, median: null, p90: null, declined: 0, forwarded: 0 };
}

/**
 * The p-quantile of the values a histogram counts, interpolated between the two nearest as
 * PostgreSQL's percentile_cont does; null when it counts nothing.
 */
export function percentileCont(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const values = [...histogram].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const n = values.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const position = p * (n - 1);
  const at = (index: number) => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (index < seen) return value;
    }
    return values[values.length - 1]![0];
  };
  const lower = at(Math.floor(position));
  const upper = at(Math.ceil(position));
  return lower + (position - Math.floor(position)) * (upper - lower);
}

export function foldSteps(parts: readonly StepPart[]): StepRow[] {
  const groups = new Map<string, { row: StepRow; histogram: Map<number, number> }>();
  for (const part of parts) {
    const key = [part.set, part.unit, part.category].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = {
        row: noSteps(part.set, part.unit, part.category),
        histogram: new Map(),
      };
      groups.set(key, group);
    }
    const { row, histogram } = group;
    row.settled += part.settled;
    row.onTime += part.onTime;
    row.done += part.done;
    row.declined += part.declined;
    row.forwarded += part.forwarded;
    if (part.days !== null && part.done > 0) histogram.set(part.days, (histogram.get(part.days) ?? 0) + part.done);
  }
  return [...groups.values()].map(({ row, histogram }) => ({
    ...row,
    median: percentileCont(histogram, 0.5),
    p90: percentileCont(histogram, 0.9),
  }));
}

// ---------------------------------------------------------------------------------------------
// Events

export const EventPart = z.object({
  type: z.string(),
  /** For warning changes that raised the level: the level reached; null otherwise. */
  raisedTo: z.string().nullable(),
  n: z.number().int(),
});
export type EventPart = z.infer<typeof EventPart>;

export function foldEvents<T extends EventPart>(parts: readonly T[]): T[] {
  return sumBy(
    parts,
    (p) => `${p.type}\u0000${p.raisedTo ?? ''}`,
    (into, p) => {
      into.n += p.n;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Satisfaction

/** Ratings given in the period: how many, their sum, and how many said solved, partly or not. */
export const RatingPart = z.object({
  set: z.enum(STEP_SETS),
  unit: z.string().nullable(),
  category: z.string().nullable(),
  n: z.number().int(),
  sum: z.number().int(),
  solved: z.number().int(),
  partly: z.number().int(),
  notSolved: z.number().int(),
});
export type RatingPart = z.infer<typeof RatingPart>;

export interface RatingRow {
  set: (typeof STEP_SETS)[number];
  unit: string | null;
  category: string | null;
  n: number;
  mean: number | null;
  solved: number;
  partly: number;
  notSolved: number;
}

export function foldRatings(parts: readonly RatingPart[]): RatingRow[] {
  return sumBy(
    parts,
    (p) => [p.set, p.unit, p.category].join('\u0000'),
    (into, p) => {
      into.n += p.n;
      into.sum += p.sum;
      into.solved += p.solved;
      into.partly += p.partly;
      into.notSolved += p.notSolved;
    },
  ).map(({ sum, ...row }) => ({ ...row, mean: row.n > 0 ? sum / row.n : null }));
}

// ---------------------------------------------------------------------------------------------
// Outcomes (declines by reason, claims, opinions, completion reports, supervision, follow-up)

export function foldOutcomes<T extends { source: string; key: string; n: number }>(parts: readonly T[]): T[] {
  return sumBy(
    parts,
    (p) => `${p.source}\u0000${p.key}`,
    (into, p) => {
      into.n += p.n;
    },
  );
}
