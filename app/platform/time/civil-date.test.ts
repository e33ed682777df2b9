import { describe, expect, it } from 'vitest';
import {
  civilDateToDbDate,
  compareCivilDates,
  dbDateToCivilDate,
  formatClockTime,
  parseClockTime,
  parseIsoDate,
  startOfCivilDay,
  zonedInstant,
} from './civil-date.ts';

describe('parseIsoDate', () => {
  it('reads real calendar days only', () => {
    expect(parseIsoDate('2026-12-01')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseIsoDate(' 2028-02-29 ')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('２０２６-１２-０１')).toEqual({ year: 2026, month: 12, day: 1 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-12-32', '2026-1-1', '01/12/2026', '']) expect(parseIsoDate(bad), bad).toBeNull();
  });
});

describe('clock times', () => {
  it('reads H:MM and HH:MM, with a full-width colon too', () => {
    expect(parseClockTime('9:05')).toBe(545);
    expect(parseClockTime('09：30')).toBe(570);
    expect(parseClockTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '12:60', '1230', '', 'noon']) expect(parseClockTime(bad), bad).toBeNull();
    expect(formatClockTime(545)).toBe('09:05');
  });
});

describe('zoned instants', () => {
  it('09:30 in Shanghai is 01:30 UTC the same day', () => {
    expect(zonedInstant({ year: 2026, month: 12, day: 1 }, 570, 'Asia/Shanghai').toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(startOfCivilDay({ year: 2026, month: 12, day: 1 }, 'Asia/Shanghai').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('follows daylight saving where a zone has it', () => {
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 9 * 60, 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 1, day: 15 }, 9 * 60, 'Europe/London').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 3, day: 8 }, 12 * 60, 'America/New_York').toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it('a date column holds the calendar day at UTC midnight and gives it back', () => {
    const day = { year: 2026, month: 12, day: 1 };
    expect(civilDateToDbDate(day).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(dbDateToCivilDate(civilDateToDbDate(day))).toEqual(day);
    expect(compareCivilDates(day, { year: 2026, month: 11, day: 30 })).toBeGreaterThan(0);
    expect(compareCivilDates(day, day)).toBe(0);
  });
});
