// Wall-clock dates and times in the service's time zone, as staff type them ("2026-12-01",
// "09:30"), and the instants they stand for. Reception slots and notice dates are entered this way.
import { addCalendarDays, civilDateIn, endOfCivilDay, isoDate, type CivilDate } from '#app/features/cases/deadlines.ts';

export type { CivilDate };
export { addCalendarDays, civilDateIn, isoDate };

/** A strict YYYY-MM-DD that names a real calendar day (no 2026-02-30), or null. */
export function parseIsoDate(input: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.normalize('NFKC').trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** "9:30", "09:30" or "09：30" (full-width colon) as minutes after midnight, or null. */
export function parseClockTime(input: string): number | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(input.normalize('NFKC').trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the zone's clocks show `minutes` after midnight on `date`. */
export function zonedInstant(date: CivilDate, minutes: number, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const firstGuess = naive - zoneOffsetMs(naive, timeZone);
  // A second pass settles times near a change of offset (daylight saving elsewhere).
  return new Date(naive - zoneOffsetMs(firstGuess, timeZone));
}

/** The first instant of a local calendar day (the one after the previous day's last millisecond). */
export function startOfCivilDay(date: CivilDate, timeZone: string): Date {
  return new Date(endOfCivilDay(addCalendarDays(date, -1), timeZone).getTime() + 1);
}

/** A @db.Date column's value: midnight UTC of the calendar day, whatever the zone. */
export function civilDateToDbDate(date: CivilDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

export function dbDateToCivilDate(value: Date): CivilDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}
