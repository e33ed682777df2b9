// Dates and times in words, in the reader's language and the service's time zone, through Intl.
// Pure: the server, the browser and the email renderer share it. Building an Intl.DateTimeFormat
// costs far more than using one, so each (language, zone, style) is built once.
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export type DateStyle = 'long' | 'medium';

/** An instant as its local date ("2026年12月1日"), with the time when asked ("… 08:11"). */
export function formatInstant(value: string | Date, locale: string, timeZone: string, withTime = false, style: DateStyle = 'long'): string {
  return dateTimeFormat(locale, {
    timeZone,
    dateStyle: style,
    ...(withTime ? { timeStyle: style === 'long' ? 'short' : 'medium' } : {}),
  }).format(new Date(value));
}

/**
 * A calendar day given as YYYY-MM-DD. It is a date, not an instant: its UTC midnight is formatted
 * in UTC so that no zone moves it to the day before.
 */
export function formatCivilDay(isoDay: string, locale: string, style: 'full' | 'long' = 'long'): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', dateStyle: style }).format(new Date(`${isoDay}T00:00:00Z`));
}

/**
 * "09:00–09:30" in the zone, on a 24-hour clock. Each end is formatted on its own and joined here:
 * Intl's formatRange puts thin or plain spaces around the dash depending on the ICU version, so
 * Node and the browser wrote the same range differently and React threw the server's HTML away.
 */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date, locale: string, timeZone: string): string {
  const format = dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${format.format(new Date(startsAt))}–${format.format(new Date(endsAt))}`;
}
