// The periods a report covers: a week (Monday to Sunday), a month, a quarter, a year, or any range
// of days, as calendar days in the service's time zone. Pure, so the page, the exports and the
// scheduled reports agree on what "March" or "last week" means, and each period knows the one
// before it and the same period a year earlier.
import {
  addCalendarDays,
  compareCivilDates,
  daysBetween,
  isoDate,
  parseIsoDate,
  startOfCivilDay,
  weekday,
  type CivilDate,
} from '#app/platform/time/civil-date.ts';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isPeriodKind(value: unknown): value is PeriodKind {
  return typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value);
}

/** A range longer than this would be slow to count and unreadable as one report. */
export const MAX_RANGE_DAYS = 3 * 366;

/** First and last day, both included, as YYYY-MM-DD. */
export interface Period {
  kind: PeriodKind;
  start: string;
  end: string;
}

function civil(iso: string): CivilDate {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`not a calendar day: ${iso}`);
  return date;
}

function period(kind: PeriodKind, start: CivilDate, end: CivilDate): Period {
  return { kind, start: isoDate(start), end: isoDate(end) };
}

function lastDayOfMonth(year: number, month: number): CivilDate {
  return addCalendarDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
}

/** The week, month, quarter or year that contains `day`. */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, day: CivilDate): Period {
  switch (kind) {
    case 'week': {
      // Monday is the first day of the week (GB/T 7408, ISO 8601); weekday() counts from Sunday.
      const monday = addCalendarDays(day, -((weekday(day) + 6) % 7));
      return period('week', monday, addCalendarDays(monday, 6));
    }
    case 'month':
      return period('month', { year: day.year, month: day.month, day: 1 }, lastDayOfMonth(day.year, day.month));
    case 'quarter': {
      const first = day.month - ((day.month - 1) % 3);
      return period('quarter', { year: day.year, month: first, day: 1 }, lastDayOfMonth(day.year, first + 2));
    }
    case 'year':
      return period('year', { year: day.year, month: 1, day: 1 }, { year: day.year, month: 12, day: 31 });
  }
}

/** Days in the period, both ends included. */
export function periodDays(p: Period): number {
  return daysBetween(civil(p.start), civil(p.end)) + 1;
}

/** The period just before: the previous week, month, quarter or year, or as many days before a range. */
export function previousPeriod(p: Period): Period {
  const start = civil(p.start);
  if (p.kind === 'range') {
    const days = periodDays(p);
    return period('range', addCalendarDays(start, -days), addCalendarDays(start, -1));
  }
  return periodContaining(p.kind, addCalendarDays(start, -1));
}

/** The period just after (for the page's "next" link). */
export function nextPeriod(p: Period): Period {
  const end = civil(p.end);
  if (p.kind === 'range') {
    const days = periodDays(p);
    return period('range', addCalendarDays(end, 1), addCalendarDays(end, days));
  }
  return periodContaining(p.kind, addCalendarDays(end, 1));
}

/** The same day a year earlier; 29 February becomes 28 February. */
function yearBefore(date: CivilDate): CivilDate {
  const candidate = { year: date.year - 1, month: date.month, day: date.day };
  return parseIsoDate(isoDate(candidate)) ? candidate : { year: date.year - 1, month: date.month, day: date.day - 1 };
}

/**
 * The same period a year earlier. A week is the week 52 weeks before (Monday to Sunday again, so
 * weekdays compare with weekdays); a range keeps its dates, a year back.
 */
export function yearEarlier(p: Period): Period {
  const start = civil(p.start);
  switch (p.kind) {
    case 'week':
      return periodContaining('week', addCalendarDays(start, -364));
    case 'range':
      return period('range', yearBefore(start), yearBefore(civil(p.end)));
    default:
      return periodContaining(p.kind, yearBefore(start));
  }
}

/**
 * A short stable name: 2026-W10 (the ISO week of its Monday's Thursday), 2026-03, 2026-Q1, 2026,
 * or 2026-03-01_2026-03-15. Used in file names and to send each scheduled report once.
 */
export function periodKey(p: Period): string {
  const start = civil(p.start);
  switch (p.kind) {
    case 'week': {
      const thursday = addCalendarDays(start, 3);
      const week = Math.floor(daysBetween({ year: thursday.year, month: 1, day: 1 }, thursday) / 7) + 1;
      return `${thursday.year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return p.start.slice(0, 7);
    case 'quarter':
      return `${start.year}-Q${(start.month + 2) / 3}`;
    case 'year':
      return String(start.year);
    case 'range':
      return `${p.start}_${p.end}`;
  }
}

/** The instants the period covers: from the first moment of its first day to the first moment after its last. */
export function periodBounds(p: Period, timeZone: string): { from: Date; to: Date } {
  return { from: startOfCivilDay(civil(p.start), timeZone), to: startOfCivilDay(addCalendarDays(civil(p.end), 1), timeZone) };
}

/** Whether the period has ended by `today` (its figures will not grow any more). */
export function periodIsComplete(p: Period, today: CivilDate): boolean {
  return compareCivilDates(civil(p.end), today) < 0;
}

export type RangeProblem = 'invalid' | 'endBeforeStart' | 'tooLong';

/** A range of days from the form, or why not. */
export function rangePeriod(from: string, to: string): Period | RangeProblem {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start || !end) return 'invalid';
  if (compareCivilDates(end, start) < 0) return 'endBeforeStart';
  const p = period('range', start, end);
  return periodDays(p) > MAX_RANGE_DAYS ? 'tooLong' : p;
}

/** How a trend chart groups the period's days: by day up to two months, by week up to a half-year, else by month. */
export type Bucket = 'day' | 'week' | 'month';

export function trendBucket(p: Period): Bucket {
  if (p.kind === 'week' || p.kind === 'month') return 'day';
  if (p.kind === 'quarter') return 'week';
  if (p.kind === 'year') return 'month';
  const days = periodDays(p);
  return days <= 62 ? 'day' : days <= 186 ? 'week' : 'month';
}

/** The first day of each bucket in the period, in order (the first may start before the period). */
export function bucketStarts(p: Period, bucket: Bucket): string[] {
  const end = civil(p.end);
  const start = civil(p.start);
  let cursor: CivilDate =
    bucket === 'day'
      ? start
      : bucket === 'week'
        ? addCalendarDays(start, -((weekday(start) + 6) % 7))
        : { year: start.year, month: start.month, day: 1 };
  const out: string[] = [];
  while (compareCivilDates(cursor, end) <= 0) {
    out.push(isoDate(cursor));
    cursor =
      bucket === 'day'
        ? addCalendarDays(cursor, 1)
        : bucket === 'week'
          ? addCalendarDays(cursor, 7)
          : { year: cursor.month === 12 ? cursor.year + 1 : cursor.year, month: cursor.month === 12 ? 1 : cursor.month + 1, day: 1 };
  }
  return out;
}

/** Days from `start` up to (not including) `end`, as YYYY-MM-DD, and whether they are one whole calendar month. */
export interface MonthSlice {
  start: string;
  end: string;
  wholeMonth: boolean;
}

/**
 * Cuts the days from `start` up to `end` (not included) at the first of each month: whole months
 * in the middle, and the part-months at either end (what the month cache can keep, and what it
 * counts live).
 */
export function monthSlices(start: string, end: string): MonthSlice[] {
  const last = civil(end);
  const slices: MonthSlice[] = [];
  let cursor = civil(start);
  while (compareCivilDates(cursor, last) < 0) {
    const next = cursor.month === 12 ? { year: cursor.year + 1, month: 1, day: 1 } : { year: cursor.year, month: cursor.month + 1, day: 1 };
    const sliceEnd = compareCivilDates(next, last) < 0 ? next : last;
    slices.push({
      start: isoDate(cursor),
      end: isoDate(sliceEnd),
      wholeMonth: cursor.day === 1 && compareCivilDates(sliceEnd, next) === 0,
    });
    cursor = sliceEnd;
  }
  return slices;
}
