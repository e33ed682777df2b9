import { describe, expect, it } from 'vitest';
import { acceptanceDeadline, isWorkingDay, replyDeadline, unitObjectionDeadline } from '#app/features/cases/deadlines.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { parseIsoDate, type CivilDate } from '#app/platform/time/civil-date.ts';
import { AddDayForm, checkCalendarDay, clockWithCalendar, planImport, type CalendarEntry } from './calendar-days.ts';

/**
 * The official 2026 schedule for the Spring Festival, from 国务院办公厅关于2026年部分节假日安排的通知
 * (2025-11-04, published by Xinhua): 2月15日（腊月二十八，周日）至23日（正月初七，周一）放假调休，共9天；
 * 2月14日（周六）、2月28日（周六）上班. Checked against the published text.
 */
const SPRING_FESTIVAL_2026: CalendarEntry[] = [
  { day: '2026-02-14', kind: 'WORKDAY', name: '春节补班' },
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map(
    (d): CalendarEntry => ({ day: `2026-02-${d}`, kind: 'HOLIDAY', name: '春节' }),
  ),
  { day: '2026-02-28', kind: 'WORKDAY', name: '春节补班' },
];
const WITH_CALENDAR = clockWithCalendar('Asia/Shanghai', SPRING_FESTIVAL_2026);
const WITHOUT_CALENDAR = clockWithCalendar('Asia/Shanghai', []);
const shanghai = (local: string) => new Date(`${local}+08:00`);
const endOfShanghaiDay = (isoDay: string) => new Date(`${isoDay}T15:59:59.999Z`);
const day = (iso: string): CivilDate => parseIsoDate(iso) ?? { year: 0, month: 0, day: 0 };

describe('a calendar day', () => {
  it('is a real day in range; a make-up working day falls on a weekend', () => {
    expect(checkCalendarDay('2026-02-14', 'WORKDAY')).toEqual({ ok: true, date: { year: 2026, month: 2, day: 14 } });
    expect(checkCalendarDay('2026-04-04', 'HOLIDAY').ok).toBe(true); // 清明, a Saturday inside the holiday
    expect(checkCalendarDay('2026-02-30', 'HOLIDAY')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkCalendarDay('14/02/2026', 'HOLIDAY')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkCalendarDay('2206-02-14', 'HOLIDAY')).toEqual({ ok: false, problem: 'outOfRange' });
    expect(checkCalendarDay('2026-02-13', 'WORKDAY')).toEqual({ ok: false, problem: 'workdayNotWeekend' }); // a Friday
  });

  it('is read from the add form with each problem as a code', () => {
    expect(parseForm({ day: '２０２６-０２-１４', kind: 'WORKDAY', name: '  春节  补班 ' }, AddDayForm)).toMatchObject({
      ok: true,
      value: { day: '2026-02-14', kind: 'WORKDAY', name: '春节 补班' },
    });
    expect(parseForm({ day: '2026-10-01', kind: 'HOLIDAY', name: '' }, AddDayForm)).toMatchObject({ ok: true, value: { name: null } });
    expect(parseForm({ day: '', name: 'x'.repeat(101) }, AddDayForm)).toMatchObject({
      ok: false,
      errors: { day: 'required', kind: 'required', name: 'tooLong' },
    });
    expect(parseForm({ day: '2026-02-13', kind: 'WORKDAY' }, AddDayForm)).toMatchObject({
      ok: false,
      errors: { day: 'workdayNotWeekend' },
    });
    expect(parseForm({ day: '2026-13-01', kind: 'HOLIDAY' }, AddDayForm)).toMatchObject({ ok: false, errors: { day: 'invalid' } });
  });
});

describe('the working-day clock with the Spring Festival of 2026', () => {
  it('takes the holidays off and counts the make-up Saturdays', () => {
    expect(isWorkingDay(day('2026-02-13'), WITH_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay(day('2026-02-14'), WITH_CALENDAR)).toBe(true); // Saturday, 补班
    expect(isWorkingDay(day('2026-02-14'), WITHOUT_CALENDAR)).toBe(false);
    for (const d of ['15', '16', '17', '18', '19', '20', '21', '22', '23'])
      expect(isWorkingDay(day(`2026-02-${d}`), WITH_CALENDAR)).toBe(false);
    expect(isWorkingDay(day('2026-02-24'), WITH_CALENDAR)).toBe(true); // Tuesday, back at work
    expect(isWorkingDay(day('2026-02-28'), WITH_CALENDAR)).toBe(true); // Saturday, 补班
    expect(isWorkingDay(day('2026-03-01'), WITH_CALENDAR)).toBe(false); // Sunday
  });

  it('moves the unit objection limit (5 working days, art. 23) past the holiday', () => {
    // Thursday 12 Feb: Fri 13, Sat 14 (补班), then nine days off, Tue 24, Wed 25, Thu 26.
    expect(unitObjectionDeadline(shanghai('2026-02-12T10:00:00'), WITH_CALENDAR)).toEqual(endOfShanghaiDay('2026-02-26'));
    expect(unitObjectionDeadline(shanghai('2026-02-12T10:00:00'), WITHOUT_CALENDAR)).toEqual(endOfShanghaiDay('2026-02-19'));
    // Friday 13 Feb: the make-up Saturday is the first of the five.
    expect(unitObjectionDeadline(shanghai('2026-02-13T10:00:00'), WITH_CALENDAR)).toEqual(endOfShanghaiDay('2026-02-27'));
    // Received on a holiday: counting starts after it.
    expect(unitObjectionDeadline(shanghai('2026-02-18T10:00:00'), WITH_CALENDAR)).toEqual(endOfShanghaiDay('2026-02-28'));
    // Wednesday 25 Feb: Thu 26, Fri 27, Sat 28 (补班), Mon 2 and Tue 3 March.
    expect(unitObjectionDeadline(shanghai('2026-02-25T10:00:00'), WITH_CALENDAR)).toEqual(endOfShanghaiDay('2026-03-03'));
    expect(unitObjectionDeadline(shanghai('2026-02-25T10:00:00'), WITHOUT_CALENDAR)).toEqual(endOfShanghaiDay('2026-03-04'));
  });

  it('leaves calendar-day limits as the statute counts them', () => {
    const received = shanghai('2026-02-12T10:00:00');
    expect(acceptanceDeadline(received, WITH_CALENDAR)).toEqual(acceptanceDeadline(received, WITHOUT_CALENDAR));
    expect(acceptanceDeadline(received, WITH_CALENDAR)).toEqual(endOfShanghaiDay('2026-02-27'));
    expect(replyDeadline(received, 30, WITH_CALENDAR)).toEqual(replyDeadline(received, 30, WITHOUT_CALENDAR));
  });
});

describe('planning an import', () => {
  const stored: CalendarEntry[] = [
    { day: '2026-02-14', kind: 'WORKDAY', name: '春节补班' },
    { day: '2026-02-15', kind: 'HOLIDAY', name: '春节（手工）' },
    { day: '2026-02-16', kind: 'WORKDAY', name: null },
  ];

  it('adds new days, changes days whose kind or name differ, and keeps the rest', () => {
    const plan = planImport(stored, [
      { day: '2026-02-14', kind: 'WORKDAY', name: null }, // no name in the file: the admin's stays
      { day: '2026-02-15', kind: 'HOLIDAY', name: '春节' },
      { day: '2026-02-16', kind: 'HOLIDAY', name: null },
      { day: '2026-02-17', kind: 'HOLIDAY', name: '春节' },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.added).toEqual([{ day: '2026-02-17', kind: 'HOLIDAY', name: '春节' }]);
    expect(plan.changed).toEqual([
      { before: stored[1], after: { day: '2026-02-15', kind: 'HOLIDAY', name: '春节' } },
      { before: stored[2], after: { day: '2026-02-16', kind: 'HOLIDAY', name: null } },
    ]);
  });
});
