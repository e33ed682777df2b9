import { describe, expect, it } from 'vitest';
import { parseIsoDate, weekday, type CivilDate } from '#app/platform/time/civil-date.ts';
import { preparedPath, reportsDueOn } from './prepared.ts';

const day = (iso: string) => parseIsoDate(iso)!;
const weekdays = (d: CivilDate) => weekday(d) !== 0 && weekday(d) !== 6;
const due = (iso: string, isWorkingDay = weekdays) =>
  reportsDueOn(day(iso), isWorkingDay).map((r) => `${r.kind} ${r.key} ${r.period.start}–${r.period.end}`);

describe('which reports fall due on a day', () => {
  it('prepares the weekly risk list on Fridays, for the week from Monday to Sunday', () => {
    expect(due('2026-11-27')).toEqual(['weeklySweep 2026-W48 2026-11-23–2026-11-29']);
    expect(due('2026-11-26')).toEqual([]);
  });

  it('prepares the monthly report on the 25th, for the month so far', () => {
    expect(due('2026-11-25')).toEqual(['monthly 2026-11 2026-11-01–2026-11-30']);
    // A Friday the 25th: both.
    expect(due('2026-12-25')).toEqual(['weeklySweep 2026-W52 2026-12-21–2026-12-27', 'monthly 2026-12 2026-12-01–2026-12-31']);
  });

  it('prepares the quarterly report on the first working day after the quarter', () => {
    // 30 September 2026 is a Wednesday: 1 October, a Thursday, unless it is a holiday.
    expect(due('2026-10-01')).toEqual(['quarterly 2026-Q3 2026-07-01–2026-09-30']);
    const nationalDay = (d: CivilDate) => weekdays(d) && !(d.month === 10 && d.day <= 7);
    expect(due('2026-10-01', nationalDay)).toEqual([]);
    expect(due('2026-10-08', nationalDay)).toEqual(['quarterly 2026-Q3 2026-07-01–2026-09-30']);
    // 31 December 2026 is a Thursday; 1 January 2027 a Friday: the week's list too.
    expect(due('2027-01-01')).toEqual(['weeklySweep 2026-W53 2026-12-28–2027-01-03', 'quarterly 2026-Q4 2026-10-01–2026-12-31']);
  });

  it('links the risk list to its own page and the reports to their period', () => {
    const [monthly] = reportsDueOn(day('2026-11-25'), weekdays);
    expect(preparedPath('monthly', monthly!.period, monthly!.key)).toBe('/office/reports?period=month&date=2026-11-01');
    expect(preparedPath('weeklySweep', monthly!.period, '2026-W48')).toBe('/office/reports/weekly/2026-W48');
  });
});
