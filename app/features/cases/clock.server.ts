// The statutory clock as the server runs it: the service's time zone (TIME_ZONE) and the holiday
// calendar that admins keep (features/calendar). Every deadline the server computes or shows comes
// through here, so the clock and the pages never disagree.
import { calendarNow, freshCalendar } from '#app/features/calendar/calendar-cache.server.ts';
import { clockWithCalendar, type CalendarEntry } from '#app/features/calendar/calendar-days.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import type { ClockSettings } from './deadlines.ts';

// The clock is rebuilt only when the calendar copy or the zone changes: calls on hot paths cost
// a comparison.
let built: { entries: readonly CalendarEntry[]; timeZone: string; clock: ClockSettings } | null = null;

function clockOf(entries: readonly CalendarEntry[]): ClockSettings {
  const timeZone = serviceTimeZone();
  if (built?.entries !== entries || built.timeZone !== timeZone) built = { entries, timeZone, clock: clockWithCalendar(timeZone, entries) };
  return built.clock;
}

/**
 * The clock with this process's copy of the calendar, without waiting (the copy is at most a minute
 * old, and is read again in the background when older). Calendar-day limits need nothing more.
 */
export function serviceClock(): ClockSettings {
  return clockOf(calendarNow());
}

/** The clock for working-day limits (art. 23): the calendar read first when this process's copy is old. */
export async function workingDayClock(): Promise<ClockSettings> {
  return clockOf(await freshCalendar());
}
