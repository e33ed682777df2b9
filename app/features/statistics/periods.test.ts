import { describe, expect, it } from 'vitest';
import {
  bucketStarts,
  monthSlices,
  nextPeriod,
  periodBounds,
  periodContaining,
  periodDays,
  periodIsComplete,
  periodKey,
  previousPeriod,
  rangePeriod,
  trendBucket,
  yearEarlier,
  type Period,
} from './periods.ts';

const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: d };
};

describe('the period that contains a day', () => {
  it('a week runs Monday to Sunday', () => {
    // 2026-03-05 is a Thursday; 2026-03-08 a Sunday; 2026-03-09 a Monday.
    expect(periodContaining('week', day('2026-03-05'))).toEqual({ kind: 'week', start: '2026-03-02', end: '2026-03-08' });
    expect(periodContaining('week', day('2026-03-08'))).toEqual({ kind: 'week', start: '2026-03-02', end: '2026-03-08' });
    expect(periodContaining('week', day('2026-03-09'))).toEqual({ kind: 'week', start: '2026-03-09', end: '2026-03-15' });
  });

  it('months, quarters and years end on their last day, leap years included', () => {
    expect(periodContaining('month', day('2028-02-10'))).toEqual({ kind: 'month', start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining('month', day('2026-12-31'))).toEqual({ kind: 'month', start: '2026-12-01', end: '2026-12-31' });
    expect(periodContaining('quarter', day('2026-05-20'))).toEqual({ kind: 'quarter', start: '2026-04-01', end: '2026-06-30' });
    expect(periodContaining('quarter', day('2026-12-01'))).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining('year', day('2026-07-01'))).toEqual({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
  });
});

describe('comparisons', () => {
  const march: Period = { kind: 'month', start: '2026-03-01', end: '2026-03-31' };

  it('the previous and next period of each kind', () => {
    expect(previousPeriod(march)).toEqual({ kind: 'month', start: '2026-02-01', end: '2026-02-28' });
    expect(nextPeriod(march)).toEqual({ kind: 'month', start: '2026-04-01', end: '2026-04-30' });
    expect(previousPeriod({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' })).toEqual({
      kind: 'quarter',
      start: '2025-10-01',
      end: '2025-12-31',
    });
    expect(previousPeriod({ kind: 'week', start: '2026-01-05', end: '2026-01-11' })).toEqual({
      kind: 'week',
      start: '2025-12-29',
      end: '2026-01-04',
    });
    // A range: as many days, just before.
    expect(previousPeriod({ kind: 'range', start: '2026-03-10', end: '2026-03-19' })).toEqual({
      kind: 'range',
      start: '2026-02-28',
      end: '2026-03-09',
    });
    expect(nextPeriod({ kind: 'range', start: '2026-03-10', end: '2026-03-19' })).toEqual({
      kind: 'range',
      start: '2026-03-20',
      end: '2026-03-29',
    });
  });

  it('the same period a year earlier: weeks stay Monday to Sunday, 29 February becomes the 28th', () => {
    expect(yearEarlier(march)).toEqual({ kind: 'month', start: '2025-03-01', end: '2025-03-31' });
    expect(yearEarlier({ kind: 'week', start: '2026-03-02', end: '2026-03-08' })).toEqual({
      kind: 'week',
      start: '2025-03-03',
      end: '2025-03-09',
    });
    expect(yearEarlier({ kind: 'range', start: '2028-02-29', end: '2028-03-10' })).toEqual({
      kind: 'range',
      start: '2027-02-28',
      end: '2027-03-10',
    });
    expect(yearEarlier({ kind: 'year', start: '2026-01-01', end: '2026-12-31' })).toEqual(
      previousPeriod({ kind: 'year', start: '2026-01-01', end: '2026-12-31' }),
    );
  });
});

describe('keys, bounds and ranges', () => {
  it('names each period by a stable key (ISO weeks)', () => {
    expect(periodKey({ kind: 'week', start: '2026-03-02', end: '2026-03-08' })).toBe('2026-W10');
    // 2024-12-30 starts week 1 of 2025; 2026-12-28 starts week 53 of 2026.
    expect(periodKey({ kind: 'week', start: '2024-12-30', end: '2025-01-05' })).toBe('2025-W01');
    expect(periodKey({ kind: 'week', start: '2026-12-28', end: '2027-01-03' })).toBe('2026-W53');
    expect(periodKey({ kind: 'month', start: '2026-03-01', end: '2026-03-31' })).toBe('2026-03');
    expect(periodKey({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31' })).toBe('2026-Q4');
    expect(periodKey({ kind: 'year', start: '2026-01-01', end: '2026-12-31' })).toBe('2026');
    expect(periodKey({ kind: 'range', start: '2026-03-01', end: '2026-03-15' })).toBe('2026-03-01_2026-03-15');
  });

  it('covers whole local days in the service’s zone', () => {
    const bounds = periodBounds({ kind: 'month', start: '2026-03-01', end: '2026-03-31' }, 'Asia/Shanghai');
    expect(bounds.from.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(bounds.to.toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('checks a range: real days, in order, at most three years', () => {
    expect(rangePeriod('2026-03-01', '2026-03-01')).toEqual({ kind: 'range', start: '2026-03-01', end: '2026-03-01' });
    expect(rangePeriod('2026-02-30', '2026-03-01')).toBe('invalid');
    expect(rangePeriod('2026-03-02', '2026-03-01')).toBe('endBeforeStart');
    expect(rangePeriod('2020-01-01', '2026-03-01')).toBe('tooLong');
    expect(periodDays({ kind: 'range', start: '2026-03-01', end: '2026-03-31' })).toBe(31);
  });

  it('is complete once its last day is over', () => {
    const march: Period = { kind: 'month', start: '2026-03-01', end: '2026-03-31' };
    expect(periodIsComplete(march, day('2026-03-31'))).toBe(false);
    expect(periodIsComplete(march, day('2026-04-01'))).toBe(true);
  });
});

describe('trend buckets', () => {
  it('groups by day, week or month by the length of the period', () => {
    expect(trendBucket({ kind: 'month', start: '2026-03-01', end: '2026-03-31' })).toBe('day');
    expect(trendBucket({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' })).toBe('week');
    expect(trendBucket({ kind: 'year', start: '2026-01-01', end: '2026-12-31' })).toBe('month');
    expect(trendBucket({ kind: 'range', start: '2026-01-01', end: '2026-04-30' })).toBe('week');
  });

  it('lists each bucket’s first day; a week bucket starts on its Monday', () => {
    expect(bucketStarts({ kind: 'week', start: '2026-03-02', end: '2026-03-08' }, 'day')).toHaveLength(7);
    expect(bucketStarts({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' }, 'week')[0]).toBe('2025-12-29');
    expect(bucketStarts({ kind: 'year', start: '2026-01-01', end: '2026-12-31' }, 'month')).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
  });
});

describe('monthSlices', () => {
  it('cuts a range at the first of each month and says which slices are whole months', () => {
    expect(monthSlices('2026-01-15', '2026-04-10')).toEqual([
      { start: '2026-01-15', end: '2026-02-01', wholeMonth: false },
      { start: '2026-02-01', end: '2026-03-01', wholeMonth: true },
      { start: '2026-03-01', end: '2026-04-01', wholeMonth: true },
      { start: '2026-04-01', end: '2026-04-10', wholeMonth: false },
    ]);
  });

  it('gives a year as its twelve months, December to the next January included', () => {
    const slices = monthSlices('2025-01-01', '2026-01-01');
    expect(slices).toHaveLength(12);
    expect(slices.every((s) => s.wholeMonth)).toBe(true);
    expect(slices.at(-1)).toEqual({ start: '2025-12-01', end: '2026-01-01', wholeMonth: true });
  });

  it('gives a week as one part-month, or two across a month end, and nothing for no days', () => {
    expect(monthSlices('2026-03-02', '2026-03-09')).toEqual([{ start: '2026-03-02', end: '2026-03-09', wholeMonth: false }]);
    expect(monthSlices('2026-03-30', '2026-04-06')).toEqual([
      { start: '2026-03-30', end: '2026-04-01', wholeMonth: false },
      { start: '2026-04-01', end: '2026-04-06', wholeMonth: false },
    ]);
    expect(monthSlices('2026-03-02', '2026-03-02')).toEqual([]);
  });
});
