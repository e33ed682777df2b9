// Reception days and slot times in the reader's language, through Intl, in the service's time zone.
import { useTranslation } from 'react-i18next';
import { SERVICE_TIME_ZONE } from '#app/ui/format.ts';

/** A calendar day given as YYYY-MM-DD, with its weekday (people plan visits by weekday). */
export function formatDay(isoDay: string, locale: string): string {
  // The day is a calendar date, not an instant: format its UTC midnight in UTC so no zone moves it.
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** "09:00–09:30" in the service's time zone. */
export function formatTimeRange(startsAt: string, endsAt: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: SERVICE_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

export function useVisitFormat() {
  const { i18n } = useTranslation();
  return {
    day: (isoDay: string) => formatDay(isoDay, i18n.language),
    timeRange: (startsAt: string, endsAt: string) => formatTimeRange(startsAt, endsAt, i18n.language),
  };
}
