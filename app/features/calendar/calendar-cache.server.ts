// The holiday calendar as each process holds it, so the statutory clock (cases/clock.server.ts)
// costs no query. The table is small (a few dozen days a year) and changes a few times a year, so
// each process keeps all of it and reads it again:
//   - at once in the process where an admin changed it (calendar.server.ts calls reloadCalendar);
//   - in every other process within REFRESH_MS: a clock asked for after that reads it again, in
//     the background for serviceClock() (which stays synchronous and cheap), and before answering
//     for workingDayClock(), which every working-day deadline goes through.
// So several web processes and workers agree within a minute of a change (ADR 0015).
import { db } from '#app/platform/db.server.ts';
import { isoDate, dbDateToCivilDate } from '#app/platform/time/civil-date.ts';
import type { CalendarEntry } from './calendar-days.ts';

/** How old a process's copy may be before it is read again. */
export const CALENDAR_REFRESH_MS = 60_000;
/** After a failed read (the database is down), the old copy serves this long before the next try. */
const RETRY_MS = 5_000;

interface CalendarCache {
  entries: readonly CalendarEntry[];
  /** When the copy was read (0: never). */
  loadedAt: number;
  lastAttempt: number;
  loading: Promise<readonly CalendarEntry[]> | null;
}

// Kept on globalThis like the database client: the Remix build and the worker, loaded separately
// into one process, share one copy, so an admin's change reaches the worker's clock at once too.
declare global {
  var petitionDeskCalendar: CalendarCache | undefined;
}
function cache(): CalendarCache {
  globalThis.petitionDeskCalendar ??= { entries: [], loadedAt: 0, lastAttempt: 0, loading: null };
  return globalThis.petitionDeskCalendar;
}

/** Every day of the calendar, from the database. */
export async function readCalendar(): Promise<CalendarEntry[]> {
  const rows = await db().calendarDay.findMany({ orderBy: { day: 'asc' } });
  return rows.map((row) => ({ day: isoDate(dbDateToCivilDate(row.day)), kind: row.kind, name: row.name }));
}

/** Reads the calendar again now (one read at a time per process) and keeps it. */
export function reloadCalendar(now = Date.now()): Promise<readonly CalendarEntry[]> {
  const state = cache();
  if (state.loading) return state.loading;
  state.lastAttempt = now;
  const loading = readCalendar()
    .then((entries) => {
      state.entries = entries;
      state.loadedAt = Date.now();
      return entries;
    })
    .finally(() => {
      state.loading = null;
    });
  state.loading = loading;
  return loading;
}

const isStale = (state: CalendarCache, now: number) => now - state.loadedAt >= CALENDAR_REFRESH_MS;

/**
 * The copy this process holds, without waiting. When it is old, a read starts in the background
 * and the next caller gets the new copy; a failed read keeps the old copy.
 */
export function calendarNow(now = Date.now()): readonly CalendarEntry[] {
  const state = cache();
  if (isStale(state, now) && !state.loading && now - state.lastAttempt >= RETRY_MS) {
    reloadCalendar(now).catch(() => undefined);
  }
  return state.entries;
}

/** The calendar no older than CALENDAR_REFRESH_MS: read first when this process's copy is older. */
export async function freshCalendar(now = Date.now()): Promise<readonly CalendarEntry[]> {
  const state = cache();
  return isStale(state, now) ? await reloadCalendar(now) : state.entries;
}

/** Forgets the copy, so the next clock reads the calendar (tests). */
export function forgetCalendar(): void {
  const state = cache();
  state.entries = [];
  state.loadedAt = 0;
  state.lastAttempt = 0;
}
