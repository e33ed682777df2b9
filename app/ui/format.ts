// Dates in the reader's language, in the service's time zone, for components.
import { useTranslation } from 'react-i18next';
import { formatCivilDay, formatInstant, formatTimeRange, type DateStyle } from '#app/platform/time/format.ts';
import { useTimeZone } from './time-zone.tsx';

export function useFormatDate() {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  return (value: string | Date, withTime = false, style: DateStyle = 'long') =>
    formatInstant(value, i18n.language, timeZone, withTime, style);
}

/** Calendar days (YYYY-MM-DD, with their weekday) and time ranges, as reception days show them. */
export function useFormatDay() {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  return {
    day: (isoDay: string) => formatCivilDay(isoDay, i18n.language, 'full'),
    timeRange: (startsAt: string, endsAt: string) => formatTimeRange(startsAt, endsAt, i18n.language, timeZone),
  };
}
