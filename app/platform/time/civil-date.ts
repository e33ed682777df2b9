// Calendar days and wall-clock times in a time zone: the one engine that the statutory clock,
// reception slots, notice dates and every page's formatting use. Pure (Intl only), so it runs the
// same on the server and in the browser. The service's zone itself comes from TIME_ZONE
// (./service-time-zone.server.ts on the server, app/ui/time-zone.tsx in the browser).
export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number;
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

function instantFormat(timeZone: string): Intl.DateTimeFormat {
  let format = instantFormats.get(timeZone);
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
    instantFormats.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    dayFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** 0 is Sunday, 6 is Saturday. */
export function weekday(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDate(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

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

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = instantFormat(timeZone).formatToParts(new Date(instant));
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

/** The last millisecond of a local calendar day. */
export function endOfCivilDay(date: CivilDate, timeZone: string): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 23, 59, 59, 999);
  const firstGuess = naive - zoneOffsetMs(naive, timeZone);
  // A second pass settles days on which the offset changes (daylight saving elsewhere).
  const end = naive - zoneOffsetMs(firstGuess, timeZone);
  // Where clocks go back at midnight (Chile, Paraguay), 23:59:59.999 comes twice: take the second.
  const later = naive - zoneOffsetMs(end + 1, timeZone);
  return new Date(later > end && zoneOffsetMs(later, timeZone) === naive - later ? later : end);
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
