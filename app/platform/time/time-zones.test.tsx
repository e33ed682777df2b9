// The configured TIME_ZONE is the one zone of the statutory clock and of every page: run the
// deadline and formatting code under a second zone and check that both follow it.
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { acceptanceDeadline, calendarDaysUntil, clockIn } from '#app/features/cases/deadlines.ts';
import { createI18n } from '#app/i18n/instance.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { TimeZoneContext } from '#app/ui/time-zone.tsx';
import { civilDateIn, endOfCivilDay, isoDate } from './civil-date.ts';
import { formatInstant, formatTimeRange } from './format.ts';

// 2026-12-01 02:30 UTC: already 1 December in Shanghai (10:30), still 30 November in Los Angeles (18:30).
const instant = new Date('2026-12-01T02:30:00Z');
const SECOND_ZONE = 'America/Los_Angeles';

describe('a second time zone', () => {
  it('moves the statutory clock to that zone’s calendar days', () => {
    expect(isoDate(civilDateIn(instant, 'Asia/Shanghai'))).toBe('2026-12-01');
    expect(isoDate(civilDateIn(instant, SECOND_ZONE))).toBe('2026-11-30');
    // 15 days after 30 November, ending at midnight Los Angeles time (08:00 UTC the next day).
    expect(acceptanceDeadline(instant, clockIn(SECOND_ZONE))).toEqual(endOfCivilDay({ year: 2026, month: 12, day: 15 }, SECOND_ZONE));
    expect(acceptanceDeadline(instant, clockIn(SECOND_ZONE)).toISOString()).toBe('2026-12-16T07:59:59.999Z');
    expect(acceptanceDeadline(instant, clockIn('Asia/Shanghai')).toISOString()).toBe('2026-12-16T15:59:59.999Z');
    expect(calendarDaysUntil(new Date('2026-12-01T09:00:00Z'), instant, clockIn(SECOND_ZONE))).toBe(1);
    expect(calendarDaysUntil(new Date('2026-12-01T09:00:00Z'), instant, clockIn('Asia/Shanghai'))).toBe(0);
  });

  it('formats dates and time ranges in that zone', () => {
    expect(formatInstant(instant, 'en-GB', SECOND_ZONE)).toBe('30 November 2026');
    expect(formatInstant(instant, 'en-GB', 'Asia/Shanghai')).toBe('1 December 2026');
    expect(formatTimeRange('2026-12-01T17:00:00Z', '2026-12-01T17:30:00Z', 'en-GB', SECOND_ZONE)).toBe('09:00–09:30');
  });

  it('writes a time range the same way in every language and runtime: two times and an en dash, no spaces', () => {
    for (const locale of ['en', 'en-GB', 'zh-Hans', 'zh-Hant']) {
      expect(formatTimeRange('2026-12-01T01:00:00Z', '2026-12-01T01:30:00Z', locale, 'Asia/Shanghai')).toBe('09:00–09:30');
    }
  });

  it('is the zone components format in, from the context the server and the browser provide', async () => {
    const i18n = await createI18n('en', { common: {} });
    function When() {
      const formatDate = useFormatDate();
      return <span>{formatDate(instant)}</span>;
    }
    const render = (zone: string) =>
      renderToStaticMarkup(
        <TimeZoneContext.Provider value={zone}>
          <I18nextProvider i18n={i18n}>
            <When />
          </I18nextProvider>
        </TimeZoneContext.Provider>,
      );
    expect(render(SECOND_ZONE)).toBe('<span>November 30, 2026</span>');
    expect(render('Asia/Shanghai')).toBe('<span>December 1, 2026</span>');
  });
});
