// The service's time zone (TIME_ZONE) in the browser: the server renders it on <html
// data-time-zone>, and both renders read it from this context, so a date reads the same before
// and after hydration and in every page, email and report.
import { createContext, useContext } from 'react';

export const TIME_ZONE_ATTRIBUTE = 'data-time-zone';

export const TimeZoneContext = createContext<string>('UTC');

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
