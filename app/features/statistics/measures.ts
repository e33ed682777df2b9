// What a report's figures are made of, and how a figure compares with the same figure in another
// period. Pure: the page, the downloads, the summary and the tests share these shapes. The figures
// themselves are computed in measures.server.ts, one function a measure.

/** What the rows of a breakdown or a ranking are: a code (channel, kind, level …) or an id (category, unit). */
export const DIMENSIONS = [
  'channel',
  'kind',
  'category',
  'area',
  'unit',
  'bucket',
  'level',
  'solved',
  'categoryArea',
  'declineReason',
  'outcome',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The report's sections, in the order of the page. */
export const SECTIONS = ['intake', 'timeliness', 'decisions', 'reviews', 'satisfaction', 'warnings', 'rankings', 'article41'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BreakdownRow {
  key: string;
  count: number;
}

export interface RankingRow {
  key: string;
  /** The figure ranked by: a count, or a mean rating. */
  value: number;
  /** How many cases (or ratings) it is computed from. */
  n: number;
}

export type MeasureValue =
  | { type: 'count'; value: number }
  | { type: 'rate'; numerator: number; denominator: number }
  | { type: 'days'; n: number; median: number | null; p90: number | null }
  | { type: 'mean'; n: number; mean: number | null }
  | { type: 'breakdown'; dimension: Dimension; rows: BreakdownRow[] }
  | { type: 'ranking'; dimension: Dimension; order: 'most' | 'lowest'; rows: RankingRow[] };

/** A scalar figure (count, rate, median days, mean) that a headline table can show and compare. */
export type ScalarValue = Extract<MeasureValue, { type: 'count' | 'rate' | 'days' | 'mean' }>;

export function isScalar(value: MeasureValue): value is ScalarValue {
  return value.type === 'count' || value.type === 'rate' || value.type === 'days' || value.type === 'mean';
}

/** The one number a scalar stands for: the count, the rate (0–1), the median days, the mean; null when there is nothing to compute it from. */
export function headline(value: ScalarValue): number | null {
  switch (value.type) {
    case 'count':
      return value.value;
    case 'rate':
      return value.denominator === 0 ? null : value.numerator / value.denominator;
    case 'days':
      return value.median;
    case 'mean':
      return value.mean;
  }
}

/** How a figure moved against another period: counts by a share of the earlier figure, rates in points, days and means as differences. */
export type Change =
  | { kind: 'percent'; value: number }
  | { kind: 'points'; value: number }
  | { kind: 'difference'; value: number }
  /** An earlier count of zero: any change is "new", not an infinite percentage. */
  | { kind: 'fromZero' }
  | { kind: 'none' };

export function change(current: ScalarValue, earlier: ScalarValue): Change {
  const now = headline(current);
  const before = headline(earlier);
  if (now === null || before === null) return { kind: 'none' };
  switch (current.type) {
    case 'count':
      if (before === 0) return now === 0 ? { kind: 'percent', value: 0 } : { kind: 'fromZero' };
      return { kind: 'percent', value: (now - before) / before };
    case 'rate':
      return { kind: 'points', value: (now - before) * 100 };
    default:
      return { kind: 'difference', value: now - before };
  }
}

/** The rows of a breakdown in a fixed order of keys (every key shown, zero when absent). */
export function inOrder(keys: readonly string[], rows: readonly BreakdownRow[]): BreakdownRow[] {
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/** The largest rows first, ties by key; the rest summed as one row keyed "other" when more than `limit`. */
export function largestFirst(rows: readonly BreakdownRow[], limit: number): BreakdownRow[] {
  const sorted = [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit).reduce((sum, row) => sum + row.count, 0);
  return [...sorted.slice(0, limit), { key: OTHER_KEY, count: rest }];
}

/** The row that sums the smaller ones beyond a breakdown's limit. */
export const OTHER_KEY = '__other__';

/** The count of a key in a breakdown (for comparing a row with the same row of another period). */
export function countOf(value: MeasureValue | undefined, key: string): number | null {
  if (!value || value.type !== 'breakdown') return null;
  return value.rows.find((row) => row.key === key)?.count ?? 0;
}

/** Ratings below this many are too few to rank a unit or a category by. */
export const MIN_RATINGS_TO_RANK = 5;
