// Dates and numbers in the reader's language, always through Intl, in the service's time zone.
import { useTranslation } from 'react-i18next';

export const SERVICE_TIME_ZONE = 'Asia/Shanghai';

export function formatDate(value: string | Date, locale: string, withTime = false): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: SERVICE_TIME_ZONE,
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(value));
}

export function useFormatDate() {
  const { i18n } = useTranslation();
  return (value: string | Date, withTime = false) => formatDate(value, i18n.language, withTime);
}
