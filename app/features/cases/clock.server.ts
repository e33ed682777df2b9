// The statutory clock as the server runs it: the service's time zone (TIME_ZONE). Every deadline
// the server computes or shows comes through here, so the clock and the pages never disagree.
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { clockIn, type ClockSettings } from './deadlines.ts';

export function serviceClock(): ClockSettings {
  return clockIn(serviceTimeZone());
}
