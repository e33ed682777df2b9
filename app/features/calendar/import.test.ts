import { describe, expect, it } from 'vitest';
import { isWorkdaySummary, parseCalendarCsv, parseCalendarFile, parseCalendarIcs } from './import.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//holidays//ZH', ...events, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) =>
  ['BEGIN:VEVENT', `UID:${lines.join('').length}-${Math.random()}@test`, ...lines, 'END:VEVENT'].join('\r\n');

/** The Spring Festival of 2026 as the State Council set it (see calendar-days.test.ts). */
const SPRING_FESTIVAL_DAYS = [
  '2026-02-15',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-21',
  '2026-02-22',
  '2026-02-23',
];

describe('CSV', () => {
  it('reads date,kind,name with a header, a byte-order mark, CRLF, any case, 休 and 班, and quoted names', () => {
    const text =
      '\uFEFFdate,kind,name\r\n2026-02-14,WORKDAY,春节补班\r\n\r\n2026-02-15,holiday,春节\r\n2026-02-28,班\r\n2026-10-01,休,"国庆节, 中秋节"\r\n';
    expect(parseCalendarFile(bytes(text))).toEqual({
      ok: true,
      format: 'csv',
      days: [
        { day: '2026-02-14', kind: 'WORKDAY', name: '春节补班' },
        { day: '2026-02-15', kind: 'HOLIDAY', name: '春节' },
        { day: '2026-02-28', kind: 'WORKDAY', name: null },
        { day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节, 中秋节' },
      ],
    });
  });

  it('takes a file without a header, and the same day twice as one', () => {
    expect(parseCalendarCsv('2026-05-01,holiday,劳动节\n2026-05-01,holiday\n')).toEqual({
      ok: true,
      format: 'csv',
      days: [{ day: '2026-05-01', kind: 'HOLIDAY', name: '劳动节' }],
    });
  });

  it('names the line of the first problem', () => {
    expect(parseCalendarCsv('date,kind\n2026-05-01\n')).toEqual({ ok: false, problem: { code: 'csvColumns', line: 2 } });
    expect(parseCalendarCsv('2026-05-01,holiday,a,b\n')).toEqual({ ok: false, problem: { code: 'csvColumns', line: 1 } });
    expect(parseCalendarCsv('2026-05-01,holiday\n2026-05-02,day off\n')).toEqual({ ok: false, problem: { code: 'csvKind', line: 2 } });
    expect(parseCalendarCsv('2026-05-01,holiday\n2026/05/02,holiday\n')).toEqual({
      ok: false,
      problem: { code: 'invalid', line: 2, day: '2026/05/02' },
    });
    expect(parseCalendarCsv('2026-05-08,workday\n')).toEqual({
      ok: false,
      problem: { code: 'workdayNotWeekend', line: 1, day: '2026-05-08' },
    });
    expect(parseCalendarCsv('1999-05-01,holiday\n')).toEqual({ ok: false, problem: { code: 'outOfRange', line: 1, day: '1999-05-01' } });
    expect(parseCalendarCsv(`2026-05-01,holiday,${'节'.repeat(101)}\n`)).toMatchObject({
      ok: false,
      problem: { code: 'nameTooLong', line: 1 },
    });
    expect(parseCalendarCsv('2026-05-09,workday\n2026-05-09,holiday\n')).toEqual({
      ok: false,
      problem: { code: 'conflict', line: 2, day: '2026-05-09' },
    });
    expect(parseCalendarCsv('2026-05-01,holiday,"unclosed\n')).toMatchObject({ ok: false, problem: { code: 'csvMalformed' } });
    expect(parseCalendarCsv('date,kind,name\n\n')).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it('refuses files that are empty, too large, too long or not UTF-8', () => {
    expect(parseCalendarFile(new Uint8Array(0))).toEqual({ ok: false, problem: { code: 'none' } });
    expect(parseCalendarFile(new Uint8Array(513 * 1024).fill(0x41))).toEqual({ ok: false, problem: { code: 'tooLarge' } });
    expect(parseCalendarFile(new Uint8Array([0xb4, 0xba, 0xbd, 0xda, 0x2c]))).toEqual({ ok: false, problem: { code: 'encoding' } }); // GBK
    const many = Array.from(
      { length: 1001 },
      (_, i) => `${2001 + Math.floor(i / 300)}-01-${String((i % 28) + 1).padStart(2, '0')},holiday`,
    );
    expect(parseCalendarCsv(many.join('\n'))).toEqual({ ok: false, problem: { code: 'tooMany' } });
  });
});

describe('iCalendar', () => {
  it('expands whole-day events to each day, DTEND exclusive, and marks make-up working days by their summary', () => {
    const file = ics(
      event('DTSTART;VALUE=DATE:20260215', 'DTEND;VALUE=DATE:20260224', 'SUMMARY:春节'),
      event('DTSTART;VALUE=DATE:20260214', 'SUMMARY:春节补班'),
      event('DTSTART;VALUE=DATE:20260228', 'DTEND;VALUE=DATE:20260301', 'SUMMARY:春节 (班)'),
      event('DTSTART;VALUE=DATE:20260501', 'DURATION:P5D', 'SUMMARY:Labour Day'),
      event('DTSTART;VALUE=DATE:20260509', 'SUMMARY:Labour Day (working day)'),
      event('DTSTART;VALUE=DATE:20261001', 'STATUS:CANCELLED', 'SUMMARY:cancelled'),
    );
    const result = parseCalendarFile(bytes(file));
    expect(result).toMatchObject({ ok: true, format: 'ics' });
    if (!result.ok) return;
    expect(result.days.filter((d) => d.kind === 'HOLIDAY' && d.name === '春节').map((d) => d.day)).toEqual(SPRING_FESTIVAL_DAYS);
    expect(result.days.filter((d) => d.kind === 'WORKDAY')).toEqual([
      { day: '2026-02-14', kind: 'WORKDAY', name: '春节补班' },
      { day: '2026-02-28', kind: 'WORKDAY', name: '春节 (班)' },
      { day: '2026-05-09', kind: 'WORKDAY', name: 'Labour Day (working day)' },
    ]);
    expect(result.days.filter((d) => d.name === 'Labour Day').map((d) => d.day)).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
    ]);
    expect(result.days.some((d) => d.day === '2026-10-01')).toBe(false);
  });

  it('refuses timed, repeating, overlong, contradictory and malformed events, naming the event', () => {
    expect(parseCalendarIcs(ics(event('DTSTART:20260215T090000Z', 'SUMMARY:会议')))).toEqual({
      ok: false,
      problem: { code: 'icsTimed', event: '会议' },
    });
    expect(parseCalendarIcs(ics(event('DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'SUMMARY:元旦')))).toEqual({
      ok: false,
      problem: { code: 'icsRecurring', event: '元旦' },
    });
    expect(parseCalendarIcs(ics(event('DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20260301', 'SUMMARY:寒假')))).toEqual({
      ok: false,
      problem: { code: 'icsTooLong', event: '寒假' },
    });
    expect(parseCalendarIcs(ics(event('DTSTART;VALUE=DATE:20260213', 'SUMMARY:补班')))).toEqual({
      ok: false,
      problem: { code: 'workdayNotWeekend', day: '2026-02-13', event: '补班' },
    });
    expect(
      parseCalendarIcs(ics(event('DTSTART;VALUE=DATE:20260214', 'SUMMARY:补班'), event('DTSTART;VALUE=DATE:20260214', 'SUMMARY:春节'))),
    ).toEqual({
      ok: false,
      problem: { code: 'conflict', day: '2026-02-14', event: '春节' },
    });
    expect(parseCalendarFile(bytes('BEGIN:VCALENDAR\r\nthis is not\r\n'))).toEqual({ ok: false, problem: { code: 'icsMalformed' } });
    expect(parseCalendarIcs(ics())).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it('tells a make-up working day by its summary (the documented rule)', () => {
    for (const summary of ['春节补班', '國慶節補班', '上班', '班', '（班）', '春节 [班]', 'Working day', 'make-up working day', 'Workday'])
      expect(isWorkdaySummary(summary), summary).toBe(true);
    for (const summary of ['春节', '休', '班车停运', 'Spring Festival', 'Non-working day', 'National Day holiday'])
      expect(isWorkdaySummary(summary), summary).toBe(false);
  });
});
