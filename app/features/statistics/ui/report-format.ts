// Numbers, rates, days, changes and period names of the reports in the reader's language, through
// Intl. Shared by the office report, the prepared reports and the public figures.
import { useTranslation } from 'react-i18next';
import { dateTimeFormat, formatCivilDay } from '#app/platform/time/format.ts';
import type { Change } from '../measures.ts';
import type { Bucket, Period } from '../periods.ts';

export function useReportFormat() {
  const { t, i18n } = useTranslation('reports');
  const locale = i18n.language;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const signedPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const day = (iso: string) => formatCivilDay(iso, locale);
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

  return {
    n: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    percent: (value: number) => percent.format(value),
    days: (value: number) => days.format(value),
    /** A change against another period, in words that do not rely on colour. */
    change(change: Change): string {
      switch (change.kind) {
        case 'percent':
          return signedPercent.format(change.value);
        case 'points':
          return t('change.points', { value: signed.format(change.value) });
        case 'difference':
          return signed.format(change.value);
        case 'fromZero':
          return t('change.fromZero');
        case 'none':
          return '–';
      }
    },
    day,
    /** "March 2026", "2026 Q1", "2 March – 8 March 2026" … */
    periodName(period: Period): string {
      const year = Number(period.start.slice(0, 4));
      switch (period.kind) {
        case 'month':
          return dateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(utc(period.start));
        case 'quarter':
          return t('periodName.quarter', { year, quarter: (Number(period.start.slice(5, 7)) + 2) / 3 });
        case 'year':
          return t('periodName.year', { year });
        case 'week':
          return t('periodName.week', { start: day(period.start), end: day(period.end) });
        case 'range':
          return t('periodName.range', { start: day(period.start), end: day(period.end) });
      }
    },
    /** A trend bucket's first day, short: "3/1" for a day or a week, "Mar" for a month. */
    bucketLabel(iso: string, bucket: Bucket): string {
      return bucket === 'month'
        ? dateTimeFormat(locale, { timeZone: 'UTC', month: 'short' }).format(utc(iso))
        : dateTimeFormat(locale, { timeZone: 'UTC', month: 'numeric', day: 'numeric' }).format(utc(iso));
    },
  };
}

export type ReportFormat = ReturnType<typeof useReportFormat>;
