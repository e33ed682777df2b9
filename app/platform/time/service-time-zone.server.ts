// The service's time zone on the server: whose calendar days the statutory clock counts, and the
// zone every page, email and report shows times in. One place, from TIME_ZONE.
import { env } from '#app/platform/env.server.ts';
import { civilDateIn, isoDate } from './civil-date.ts';

export function serviceTimeZone(): string {
  return env().TIME_ZONE;
}

/** Today's date in the service's zone, as YYYY-MM-DD (the default of date fields). */
export function serviceToday(now = new Date()): string {
  return isoDate(civilDateIn(now, serviceTimeZone()));
}
