// The public transparency figures (公开数据, /statistics): what the office publishes about its own
// record, by month for the last 12 months and by year. Pure: the worker computes the raw counts
// (public-figures.server.ts), this module withholds every figure that could point at someone, and
// the page, the CSV and the JSON all read what it returns.
//
// Suppression: a count below 5, and a rate, median or mean computed from fewer than 5 cases, is
// withheld (null: "fewer than 5" on the page, left out of the downloads). When a breakdown that
// adds up to a published total has exactly one withheld row, the next smallest row is withheld too,
// so the hidden one cannot be found by subtraction. Reports of misconduct are counted in the totals
// only, never by unit (the raw unit rows are computed without them).
//
// Outcomes are published by class (申诉求决, 建议意见, 检举控告, 咨询), each class as a breakdown whose
// rows could add up to a total, so the second-row rule applies within each class.
//
// Honest figures: nothing here rewards turning people away. The page leads with how well and how
// fast the office answers; intake is shown as it is, never as a target.
import { CLAIM_OUTCOMES, OUTCOME_CLASSES, outcomesOfClass, type ClaimOutcome } from '#app/features/cases/claims.ts';
import { inOrder } from './measures.ts';

/** Counts below this, and rates from fewer cases, are withheld. */
export const PUBLIC_THRESHOLD = 5;

/** The JSON download's schema name; a change that breaks readers bumps the number (README, "Open data"). */
export const PUBLIC_SCHEMA = 'petition-desk/public-statistics/1';

/** How many complete months the page shows, and how many years (the current one so far, and those before). */
export const PUBLIC_MONTHS = 12;
export const PUBLIC_YEARS = 3;

export interface RawRate {
  numerator: number;
  denominator: number;
}

export interface RawRow {
  key: string;
  count: number;
}

/** The counts of one period as the database gives them; never published as they are. */
export interface RawPeriodFigures {
  kind: 'month' | 'year';
  key: string;
  start: string;
  end: string;
  complete: boolean;
  received: number;
  byChannel: RawRow[];
  byCategory: RawRow[];
  acceptedOnTime: RawRate;
  repliedOnTime: RawRate;
  daysToReply: { n: number; median: number | null };
  satisfaction: { n: number; mean: number | null; solved: number; partly: number; notSolved: number };
  /** Claims answered in the period, by outcome. */
  outcomes: RawRow[];
  /** Review and re-review opinions issued in the period with an outcome, and those that changed or overturned the decision. */
  opinionsChanged: RawRate;
  /** Without reports of misconduct. */
  units: { key: string; received: number; repliedOnTime: RawRate; satisfaction: { n: number; mean: number | null } }[];
}

/** A rate that may be published: the share, and how many cases it is computed from. */
export interface PublicRate {
  rate: number;
  cases: number;
}

export interface PublicPeriod {
  kind: 'month' | 'year';
  /** 2026-03 or 2026. */
  key: string;
  start: string;
  end: string;
  /** False for the current year so far. */
  complete: boolean;
  received: number | null;
  byChannel: { channel: string; received: number | null }[];
  byCategory: { category: string; received: number | null }[];
  acceptedOnTime: PublicRate | null;
  repliedOnTime: PublicRate | null;
  medianDaysToReply: { days: number; cases: number } | null;
  satisfaction: { mean: number; ratings: number; solved: number; partlySolved: number; notSolved: number } | null;
  /** Claims answered in the period, one row for each outcome, in the order of CLAIM_OUTCOMES. */
  outcomes: { outcome: ClaimOutcome; claims: number | null }[];
  /** The share of review and re-review opinions that changed or overturned the decision. */
  reviewsChanged: PublicRate | null;
  units: {
    unit: string;
    received: number | null;
    repliedOnTime: PublicRate | null;
    satisfaction: { mean: number; ratings: number } | null;
  }[];
}

/** A category or unit's name in the three languages (the downloads carry all three). */
export type PublicName = { 'zh-Hans': string; 'zh-Hant': string; en: string };

export interface PublicFigures {
  schema: typeof PUBLIC_SCHEMA;
  generatedAt: string;
  timeZone: string;
  threshold: number;
  /** Categories (by id: code and names) and units (by id: names) that the periods name. */
  categories: Record<string, { code: string; name: PublicName }>;
  units: Record<string, { name: PublicName }>;
  months: PublicPeriod[];
  years: PublicPeriod[];
}

export function publicCount(count: number): number | null {
  return count < PUBLIC_THRESHOLD ? null : count;
}

export function publicRate(rate: RawRate): PublicRate | null {
  return rate.denominator < PUBLIC_THRESHOLD ? null : { rate: rate.numerator / rate.denominator, cases: rate.denominator };
}

/**
 * A breakdown's rows with small counts withheld; when the rows add up to a published total and
 * exactly one is withheld, the smallest published one is withheld with it.
 */
export function suppressBreakdown(rows: readonly RawRow[], totalPublished: boolean): { key: string; count: number | null }[] {
  const out = rows.map((row) => ({ key: row.key, count: publicCount(row.count) }));
  const withheld = out.filter((row) => row.count === null).length;
  if (totalPublished && withheld === 1 && out.length > 1) {
    let smallest: { key: string; count: number | null } | undefined;
    for (const row of out) if (row.count !== null && (smallest === undefined || row.count < (smallest.count ?? Infinity))) smallest = row;
    if (smallest) smallest.count = null;
  }
  return out;
}

/**
 * Answered claims by outcome, every outcome listed. Each class is suppressed as a breakdown of its
 * own (its rows sum to the class's claims, which a reader could know from elsewhere).
 */
export function publishOutcomes(rows: readonly RawRow[]): PublicPeriod['outcomes'] {
  const published = new Map<string, number | null>();
  for (const outcomeClass of OUTCOME_CLASSES)
    for (const row of suppressBreakdown(inOrder(outcomesOfClass(outcomeClass), rows), true)) published.set(row.key, row.count);
  return CLAIM_OUTCOMES.map((outcome) => ({ outcome, claims: published.get(outcome) ?? null }));
}

export function publishPeriod(raw: RawPeriodFigures): PublicPeriod {
  const received = publicCount(raw.received);
  const s = raw.satisfaction;
  return {
    kind: raw.kind,
    key: raw.key,
    start: raw.start,
    end: raw.end,
    complete: raw.complete,
    received,
    byChannel: suppressBreakdown(raw.byChannel, received !== null).map((row) => ({ channel: row.key, received: row.count })),
    byCategory: suppressBreakdown(raw.byCategory, received !== null).map((row) => ({ category: row.key, received: row.count })),
    acceptedOnTime: publicRate(raw.acceptedOnTime),
    repliedOnTime: publicRate(raw.repliedOnTime),
    medianDaysToReply:
      raw.daysToReply.n < PUBLIC_THRESHOLD || raw.daysToReply.median === null
        ? null
        : { days: raw.daysToReply.median, cases: raw.daysToReply.n },
    satisfaction:
      s.n < PUBLIC_THRESHOLD || s.mean === null
        ? null
        : { mean: s.mean, ratings: s.n, solved: s.solved / s.n, partlySolved: s.partly / s.n, notSolved: s.notSolved / s.n },
    outcomes: publishOutcomes(raw.outcomes),
    reviewsChanged: publicRate(raw.opinionsChanged),
    units: raw.units
      .filter((unit) => unit.key !== '')
      .map((unit) => ({
        unit: unit.key,
        received: publicCount(unit.received),
        repliedOnTime: publicRate(unit.repliedOnTime),
        satisfaction:
          unit.satisfaction.n < PUBLIC_THRESHOLD || unit.satisfaction.mean === null
            ? null
            : { mean: unit.satisfaction.mean, ratings: unit.satisfaction.n },
      }))
      .sort((a, b) => (b.received ?? 0) - (a.received ?? 0) || a.unit.localeCompare(b.unit)),
  };
}

export type PublicCsvCell = string | number | null;

/**
 * The figures as one long table (one row per figure): period, figure, what it is about, value,
 * cases it is computed from. Withheld figures are left out. Names in the reader's language.
 */
export function publicCsvRows(figures: PublicFigures, language: keyof PublicName): PublicCsvCell[][] {
  const rows: PublicCsvCell[][] = [
    ['period_kind', 'period', 'start', 'end', 'complete', 'figure', 'dimension', 'code', 'name', 'value', 'cases'],
  ];
  const category = (id: string) => figures.categories[id];
  const unit = (id: string) => figures.units[id];
  for (const p of [...figures.months, ...figures.years]) {
    const head = [p.kind, p.key, p.start, p.end, p.complete ? 'yes' : 'no'];
    const add = (figure: string, dimension: string, code: string, name: string, value: number | null, cases: number | null) => {
      if (value !== null) rows.push([...head, figure, dimension, code, name, value, cases]);
    };
    add('received', '', '', '', p.received, null);
    for (const row of p.byChannel) add('received', 'channel', row.channel, '', row.received, null);
    for (const row of p.byCategory)
      add(
        'received',
        'category',
        category(row.category)?.code ?? row.category,
        category(row.category)?.name[language] ?? '',
        row.received,
        null,
      );
    add('accepted_on_time_rate', '', '', '', p.acceptedOnTime?.rate ?? null, p.acceptedOnTime?.cases ?? null);
    add('replied_on_time_rate', '', '', '', p.repliedOnTime?.rate ?? null, p.repliedOnTime?.cases ?? null);
    add('median_days_to_reply', '', '', '', p.medianDaysToReply?.days ?? null, p.medianDaysToReply?.cases ?? null);
    const s = p.satisfaction;
    add('satisfaction_mean', '', '', '', s?.mean ?? null, s?.ratings ?? null);
    add('satisfaction_solved_share', '', '', '', s?.solved ?? null, s?.ratings ?? null);
    add('satisfaction_partly_solved_share', '', '', '', s?.partlySolved ?? null, s?.ratings ?? null);
    add('satisfaction_not_solved_share', '', '', '', s?.notSolved ?? null, s?.ratings ?? null);
    for (const row of p.outcomes) add('claims_answered', 'outcome', row.outcome, '', row.claims, null);
    add('reviews_changed_rate', '', '', '', p.reviewsChanged?.rate ?? null, p.reviewsChanged?.cases ?? null);
    for (const u of p.units) {
      const name = unit(u.unit)?.name[language] ?? '';
      add('received', 'unit', u.unit, name, u.received, null);
      add('replied_on_time_rate', 'unit', u.unit, name, u.repliedOnTime?.rate ?? null, u.repliedOnTime?.cases ?? null);
      add('satisfaction_mean', 'unit', u.unit, name, u.satisfaction?.mean ?? null, u.satisfaction?.ratings ?? null);
    }
  }
  return rows;
}
