// The public-holiday calendar as the statutory clock reads it: only the days that differ from
// "Monday to Friday are working days". A holiday is a day off (on any weekday, or on a weekend
// inside a holiday run such as 清明 on a Saturday); a make-up working day (调休, 补班) is a Saturday
// or Sunday worked instead of a day in the holiday. Pure: the admin page, the import and the clock
// share these rules.
import { z } from 'zod';
import { clockIn, type ClockSettings } from '#app/features/cases/deadlines.ts';
import { isoDate, parseIsoDate, weekday, type CivilDate } from '#app/platform/time/civil-date.ts';

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A day of the calendar: YYYY-MM-DD, what it is, and its name if it has one. */
export interface CalendarEntry {
  day: string;
  kind: CalendarDayKind;
  name: string | null;
}

export const CALENDAR_LIMITS = {
  /** Characters of a day's name (the column is VARCHAR(100)). */
  nameMax: 100,
  /** Years the calendar takes: a typo such as 2062 for 2026 is refused, not stored. */
  firstYear: 2000,
  lastYear: 2100,
  /** Days one import may bring: a few years of holidays, not a list of every day. */
  maxImportDays: 1000,
  /** The file an import reads (a CSV or an .ics of several years is a few kilobytes). */
  maxFileBytes: 512 * 1024,
  /** The longest run one calendar event may cover (the longest holiday run is 9 days). */
  maxEventDays: 31,
} as const;

/** Why a day is refused; each is a key under office-admin:calendar.errors.day. */
export type DayProblem = 'invalid' | 'outOfRange' | 'workdayNotWeekend';

export function isWeekend(date: CivilDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** A day as the calendar takes it, or why not: a real date in range; a make-up working day on a weekend. */
export function checkCalendarDay(day: string, kind: CalendarDayKind): { ok: true; date: CivilDate } | { ok: false; problem: DayProblem } {
  const date = parseIsoDate(day);
  if (!date) return { ok: false, problem: 'invalid' };
  if (date.year < CALENDAR_LIMITS.firstYear || date.year > CALENDAR_LIMITS.lastYear) return { ok: false, problem: 'outOfRange' };
  // Monday to Friday are working days already: a make-up working day only means something on a weekend.
  if (kind === 'WORKDAY' && !isWeekend(date)) return { ok: false, problem: 'workdayNotWeekend' };
  return { ok: true, date };
}

/** YYYY-MM-DD of a real day, written the one way the calendar stores it, or null. */
export function normalizedDay(input: string): string | null {
  const date = parseIsoDate(input);
  return date ? isoDate(date) : null;
}

/** A name as stored: trimmed, blank is none. */
export function cleanName(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** The add form: a day, what it is, an optional name. Errors are codes (platform/http/forms.ts). */
export const AddDayForm = z
  .object({
    // Full-width digits as Chinese input methods type them are read as digits (parseIsoDate).
    day: z
      .string()
      .trim()
      .min(1, { error: 'required' })
      .transform((value) => normalizedDay(value) ?? value),
    kind: z.enum(CALENDAR_DAY_KINDS, { error: 'required' }),
    name: z
      .string()
      .optional()
      .transform((value) => cleanName(value))
      .pipe(z.string().max(CALENDAR_LIMITS.nameMax, { error: 'tooLong' }).nullable()),
  })
  .superRefine((value, ctx) => {
    const checked = checkCalendarDay(value.day, value.kind);
    if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['day'], message: checked.problem });
  });
export type AddDayField = 'day' | 'kind' | 'name';
export const ADD_DAY_FIELDS: readonly AddDayField[] = ['day', 'kind', 'name'];

/** The remove button's form: the day to take out of the calendar. */
export const RemoveDayForm = z.object({
  day: z
    .string()
    .trim()
    .refine((value) => parseIsoDate(value) !== null, { error: 'invalid' }),
});

/** The statutory clock of a zone with this calendar (deadlines.ts counts working days with it). */
export function clockWithCalendar(timeZone: string, entries: Iterable<Pick<CalendarEntry, 'day' | 'kind'>>): ClockSettings {
  const base = clockIn(timeZone);
  const holidays = new Set<string>();
  const extraWorkingDays = new Set<string>();
  for (const entry of entries) (entry.kind === 'HOLIDAY' ? holidays : extraWorkingDays).add(entry.day);
  return { ...base, holidays, extraWorkingDays };
}

/** What an import would change: the days it adds, the days it changes (kind or name), the days it leaves as they are. */
export interface ImportPlan {
  added: CalendarEntry[];
  changed: { before: CalendarEntry; after: CalendarEntry }[];
  unchanged: number;
}

/** Compares imported days with the stored ones. Imports never remove a day: removing is one day at a time. */
export function planImport(stored: readonly CalendarEntry[], imported: readonly CalendarEntry[]): ImportPlan {
  const byDay = new Map(stored.map((entry) => [entry.day, entry]));
  const plan: ImportPlan = { added: [], changed: [], unchanged: 0 };
  for (const entry of imported) {
    const before = byDay.get(entry.day);
    if (!before) plan.added.push(entry);
    // A file without a name keeps the name an admin gave.
    else if (before.kind !== entry.kind || (entry.name !== null && entry.name !== before.name))
      plan.changed.push({ before, after: { ...entry, name: entry.name ?? before.name } });
    else plan.unchanged++;
  }
  return plan;
}
