import { describe, it, expect } from 'vitest';
import { addCalendarDays, civilDateIn, endOfCivilDay, isoDate } from '#app/platform/time/civil-date.ts';
import {
  DEADLINE_ARTICLE,
  articleList,
  DUE_SOON_DAYS,
  ExtensionError,
  STATUTORY_LIMITS,
  acceptanceDeadline,
  calendarDaysUntil,
  calendarDeadline,
  dueState,
  isWorkingDay,
  latestReplyDeadlineForNewCase,
  reReviewOpinionDeadline,
  reReviewRequestDeadline,
  replyDeadline,
  reviewOpinionDeadline,
  reviewRequestDeadline,
  unitObjectionDeadline,
  workingDayDeadline,
  clockIn,
  type ClockSettings,
} from './deadlines.ts';

const SHANGHAI = clockIn('Asia/Shanghai');

const DAY = 86_400_000;
const utc = (iso: string) => new Date(iso);
/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const shanghai = (local: string) => new Date(`${local}+08:00`);
/** The end of a Shanghai calendar day, as the UTC instant it is. */
const endOfShanghaiDay = (isoDay: string) => new Date(`${isoDay}T15:59:59.999Z`);

function localParts(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
  }).format(instant);
}

function clock(holidays: string[] = [], extraWorkingDays: string[] = []): ClockSettings {
  return { timeZone: 'Asia/Shanghai', holidays: new Set(holidays), extraWorkingDays: new Set(extraWorkingDays) };
}

describe('statutory limits', () => {
  it('are those of the 信访工作条例', () => {
    expect(STATUTORY_LIMITS).toEqual({
      acceptanceDays: 15,
      unitObjectionWorkingDays: 5,
      replyDays: 60,
      maxExtensionDays: 30,
      reviewRequestDays: 30,
      reviewOpinionDays: 30,
      reReviewRequestDays: 30,
      reReviewOpinionDays: 30,
    });
    expect(DEADLINE_ARTICLE).toEqual({
      acceptance: '22, 23',
      unitObjection: '23',
      // Art. 22(3): an assignment may ask for a completion report by a day the office sets.
      completionReport: '22',
      reply: '34',
      reviewRequest: '35',
      reviewOpinion: '35',
      reReviewRequest: '36',
      reReviewOpinion: '36',
      // 督办: the superior body orders a missed step corrected (arts. 44, 45).
      supervision: '44, 45',
    });
    expect(clockIn('Asia/Shanghai')).toEqual({ timeZone: 'Asia/Shanghai', holidays: new Set(), extraWorkingDays: new Set() });
  });
});

describe('civil dates', () => {
  it('civilDateIn reads the calendar date in the zone', () => {
    expect(civilDateIn(utc('2026-03-01T15:30:00Z'), 'Asia/Shanghai')).toEqual({ year: 2026, month: 3, day: 1 });
    expect(civilDateIn(utc('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(civilDateIn(utc('2026-03-01T16:00:00Z'), 'UTC')).toEqual({ year: 2026, month: 3, day: 1 });
    expect(civilDateIn(utc('2026-03-01T03:00:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('addCalendarDays rolls over months, years and leap days', () => {
    expect(addCalendarDays({ year: 2026, month: 3, day: 1 }, 15)).toEqual({ year: 2026, month: 3, day: 16 });
    expect(addCalendarDays({ year: 2026, month: 12, day: 20 }, 15)).toEqual({ year: 2027, month: 1, day: 4 });
    expect(addCalendarDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addCalendarDays({ year: 2027, month: 2, day: 28 }, 1)).toEqual({ year: 2027, month: 3, day: 1 });
    expect(addCalendarDays({ year: 2026, month: 1, day: 1 }, -1)).toEqual({ year: 2025, month: 12, day: 31 });
    expect(addCalendarDays({ year: 2026, month: 1, day: 1 }, 0)).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it('isoDate zero-pads', () => {
    expect(isoDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(isoDate({ year: 2026, month: 12, day: 31 })).toBe('2026-12-31');
  });
});

describe('endOfCivilDay', () => {
  it('is 23:59:59.999 Shanghai time = 15:59:59.999Z', () => {
    expect(endOfCivilDay({ year: 2026, month: 3, day: 16 }, 'Asia/Shanghai')).toEqual(utc('2026-03-16T15:59:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 1, day: 1 }, 'Asia/Shanghai')).toEqual(utc('2026-01-01T15:59:59.999Z'));
  });

  it('handles other fixed offsets', () => {
    expect(endOfCivilDay({ year: 2026, month: 3, day: 16 }, 'UTC')).toEqual(utc('2026-03-16T23:59:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 3, day: 16 }, 'Asia/Kolkata')).toEqual(utc('2026-03-16T18:29:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 3, day: 16 }, 'Pacific/Kiritimati')).toEqual(utc('2026-03-16T09:59:59.999Z'));
  });

  it('gives 23:59:59.999 local in Europe/London on the days the clocks change', () => {
    // Spring forward 2026-03-29 01:00 GMT → BST: the day ends at 23:59:59.999 BST = 22:59:59.999Z.
    expect(endOfCivilDay({ year: 2026, month: 3, day: 28 }, 'Europe/London')).toEqual(utc('2026-03-28T23:59:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 3, day: 29 }, 'Europe/London')).toEqual(utc('2026-03-29T22:59:59.999Z'));
    // Fall back 2026-10-25 02:00 BST → GMT: the day ends at 23:59:59.999 GMT.
    expect(endOfCivilDay({ year: 2026, month: 10, day: 24 }, 'Europe/London')).toEqual(utc('2026-10-24T22:59:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 10, day: 25 }, 'Europe/London')).toEqual(utc('2026-10-25T23:59:59.999Z'));
  });

  it('gives 23:59:59.999 local in America/New_York on the days the clocks change', () => {
    expect(endOfCivilDay({ year: 2026, month: 3, day: 8 }, 'America/New_York')).toEqual(utc('2026-03-09T03:59:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 11, day: 1 }, 'America/New_York')).toEqual(utc('2026-11-02T04:59:59.999Z'));
  });

  it('takes the second 23:59:59.999 where clocks go back at midnight (America/Santiago)', () => {
    // 2026-04-05 00:00 -03 becomes 2026-04-04 23:00 -04, so 4 April has 25 hours.
    expect(endOfCivilDay({ year: 2026, month: 4, day: 4 }, 'America/Santiago')).toEqual(utc('2026-04-05T03:59:59.999Z'));
    // 2026-09-06 00:00 -04 becomes 01:00 -03: 5 September still ends at 23:59:59.999 -04.
    expect(endOfCivilDay({ year: 2026, month: 9, day: 5 }, 'America/Santiago')).toEqual(utc('2026-09-06T03:59:59.999Z'));
    expect(endOfCivilDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).toEqual(utc('2026-09-07T02:59:59.999Z'));
  });

  it.each(['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe'])(
    'is the last millisecond of every day of 2026 in %s',
    (timeZone) => {
      let date = { year: 2026, month: 1, day: 1 };
      for (let i = 0; i < 365; i++, date = addCalendarDays(date, 1)) {
        const end = endOfCivilDay(date, timeZone);
        expect(localParts(end, timeZone), isoDate(date)).toBe(`${isoDate(date)}, 23:59:59.999`);
        expect(isoDate(civilDateIn(new Date(end.getTime() + 1), timeZone)), isoDate(date)).not.toBe(isoDate(date));
      }
    },
  );
});

describe('acceptanceDeadline (15 calendar days, not counting the day of receipt)', () => {
  it('ends at 23:59:59.999 Shanghai time on the 15th day after receipt', () => {
    expect(acceptanceDeadline(shanghai('2026-03-01T10:00:00'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
    expect(acceptanceDeadline(shanghai('2026-03-01T10:00:00'), SHANGHAI)).toEqual(utc('2026-03-16T15:59:59.999Z'));
  });

  it('counts from the Shanghai date whatever the time of day', () => {
    expect(acceptanceDeadline(shanghai('2026-03-01T00:00:00.000'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
    expect(acceptanceDeadline(shanghai('2026-03-01T23:30:00'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
    expect(acceptanceDeadline(shanghai('2026-03-01T23:59:59.999'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
  });

  it('uses the Shanghai date, not the UTC date, for a receipt late in the Shanghai evening', () => {
    // 23:30 in Shanghai on 1 March is 15:30Z on 1 March; 00:30 on 2 March is still 1 March in UTC.
    expect(acceptanceDeadline(utc('2026-03-01T15:30:00Z'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
    expect(acceptanceDeadline(utc('2026-03-01T16:30:00Z'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-17'));
    // 23:30 Shanghai on 28 Feb is 28 Feb in UTC too; 00:30 Shanghai on 1 March is 28 Feb in UTC.
    expect(acceptanceDeadline(utc('2026-02-28T15:30:00Z'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-15'));
    expect(acceptanceDeadline(utc('2026-02-28T16:30:00Z'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
  });

  it('crosses month and year ends and leap days', () => {
    expect(acceptanceDeadline(shanghai('2026-12-20T12:00:00'), SHANGHAI)).toEqual(endOfShanghaiDay('2027-01-04'));
    expect(acceptanceDeadline(shanghai('2028-02-20T12:00:00'), SHANGHAI)).toEqual(endOfShanghaiDay('2028-03-06'));
    expect(acceptanceDeadline(shanghai('2027-02-20T12:00:00'), SHANGHAI)).toEqual(endOfShanghaiDay('2027-03-07'));
  });

  it('counts calendar days: weekends and holidays do not extend it', () => {
    const holidays = clock(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(acceptanceDeadline(shanghai('2026-03-01T10:00:00'), holidays)).toEqual(endOfShanghaiDay('2026-03-16'));
  });

  it('is calendarDeadline with 15 days', () => {
    const at = shanghai('2026-07-07T07:07:07');
    expect(acceptanceDeadline(at, SHANGHAI)).toEqual(calendarDeadline(at, 15, SHANGHAI));
  });

  it('honours the clock time zone', () => {
    const london: ClockSettings = clockIn('Europe/London');
    // Received 20 March (GMT); the 15th day after, 4 April, is in BST.
    expect(acceptanceDeadline(utc('2026-03-20T12:00:00Z'), london)).toEqual(utc('2026-04-04T22:59:59.999Z'));
  });
});

describe('replyDeadline (60 days, one extension of at most 30)', () => {
  const accepted = shanghai('2026-03-16T09:00:00');

  it('is 60 days after acceptance without an extension', () => {
    expect(replyDeadline(accepted, null, SHANGHAI)).toEqual(endOfShanghaiDay('2026-05-15'));
  });

  it('adds the extension', () => {
    expect(replyDeadline(accepted, 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-05-16'));
    expect(replyDeadline(accepted, 10, SHANGHAI)).toEqual(endOfShanghaiDay('2026-05-25'));
    expect(replyDeadline(accepted, 30, SHANGHAI)).toEqual(endOfShanghaiDay('2026-06-14'));
  });

  it('counts from the Shanghai date of acceptance', () => {
    expect(replyDeadline(shanghai('2026-03-16T23:30:00'), null, SHANGHAI)).toEqual(endOfShanghaiDay('2026-05-15'));
    expect(replyDeadline(shanghai('2026-03-17T00:30:00'), null, SHANGHAI)).toEqual(endOfShanghaiDay('2026-05-16'));
  });

  it('rejects an extension over 30 days, negative or not a whole number', () => {
    for (const bad of [31, 60, -1, -30, 1.5, 29.999, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => replyDeadline(accepted, bad, SHANGHAI), String(bad)).toThrow(ExtensionError);
    }
  });

  it('throws an ExtensionError that is an Error', () => {
    let caught: unknown;
    try {
      replyDeadline(accepted, 31, SHANGHAI);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExtensionError);
    expect(caught).toBeInstanceOf(Error);
  });
});

describe('review windows (30 days each)', () => {
  const at = shanghai('2026-06-01T12:00:00');
  const due = endOfShanghaiDay('2026-07-01');

  it('review request, review opinion, re-review request and re-review opinion are 30 days', () => {
    expect(reviewRequestDeadline(at, SHANGHAI)).toEqual(due);
    expect(reviewOpinionDeadline(at, SHANGHAI)).toEqual(due);
    expect(reReviewRequestDeadline(at, SHANGHAI)).toEqual(due);
    expect(reReviewOpinionDeadline(at, SHANGHAI)).toEqual(due);
  });

  it('count from the Shanghai date', () => {
    const lateEvening = utc('2026-06-01T15:45:00Z'); // 23:45 in Shanghai
    const afterMidnight = utc('2026-06-01T16:15:00Z'); // 00:15 on 2 June in Shanghai
    for (const fn of [reviewRequestDeadline, reviewOpinionDeadline, reReviewRequestDeadline, reReviewOpinionDeadline]) {
      expect(fn(lateEvening, SHANGHAI)).toEqual(due);
      expect(fn(afterMidnight, SHANGHAI)).toEqual(endOfShanghaiDay('2026-07-02'));
    }
  });
});

describe('latestReplyDeadlineForNewCase', () => {
  it('is acceptance on the last day followed by the reply period, without an extension', () => {
    const received = shanghai('2026-03-01T10:00:00');
    const acceptedOnLastDay = acceptanceDeadline(received, SHANGHAI);
    expect(latestReplyDeadlineForNewCase(received, SHANGHAI)).toEqual(replyDeadline(acceptedOnLastDay, null, SHANGHAI));
    expect(latestReplyDeadlineForNewCase(received, SHANGHAI)).toEqual(endOfShanghaiDay('2026-05-15')); // 15 + 60 days
  });

  it('is never earlier than any reply deadline a new case can get without an extension', () => {
    const received = shanghai('2026-03-01T10:00:00');
    const latest = latestReplyDeadlineForNewCase(received, SHANGHAI);
    for (let day = 0; day <= 15; day++) {
      const accepted = new Date(received.getTime() + day * DAY);
      for (const extension of [null, 0]) {
        expect(replyDeadline(accepted, extension, SHANGHAI).getTime()).toBeLessThanOrEqual(latest.getTime());
      }
    }
  });
});

describe('working days', () => {
  it('isWorkingDay: Monday to Friday, minus holidays, plus extra working days', () => {
    const plain = clock();
    expect(isWorkingDay({ year: 2026, month: 3, day: 6 }, plain)).toBe(true); // Friday
    expect(isWorkingDay({ year: 2026, month: 3, day: 7 }, plain)).toBe(false); // Saturday
    expect(isWorkingDay({ year: 2026, month: 3, day: 8 }, plain)).toBe(false); // Sunday
    expect(isWorkingDay({ year: 2026, month: 3, day: 9 }, plain)).toBe(true); // Monday
    const configured = clock(['2026-10-01'], ['2026-10-10']);
    expect(isWorkingDay({ year: 2026, month: 10, day: 1 }, configured)).toBe(false); // Thursday, holiday
    expect(isWorkingDay({ year: 2026, month: 10, day: 10 }, configured)).toBe(true); // Saturday, 调休
  });

  it('skips weekends', () => {
    // From Friday 6 March: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13.
    expect(workingDayDeadline(shanghai('2026-03-06T10:00:00'), 5, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-13'));
    expect(workingDayDeadline(shanghai('2026-03-06T10:00:00'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-09'));
    // From the weekend the count starts on Monday.
    expect(workingDayDeadline(shanghai('2026-03-07T10:00:00'), 5, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-13'));
    expect(workingDayDeadline(shanghai('2026-03-08T10:00:00'), 5, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-13'));
    // From Monday: Tue 10 … Mon 16.
    expect(workingDayDeadline(shanghai('2026-03-09T10:00:00'), 5, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-16'));
  });

  it('does not count the starting day and uses the Shanghai date', () => {
    // 23:30 on Friday in Shanghai is Friday; 00:30 on Saturday in Shanghai is still Friday in UTC.
    expect(workingDayDeadline(utc('2026-03-06T15:30:00Z'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-09'));
    expect(workingDayDeadline(utc('2026-03-05T15:30:00Z'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-06')); // Thu → Fri
    expect(workingDayDeadline(utc('2026-03-05T16:30:00Z'), 1, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-09')); // Fri → Mon
  });

  it('zero working days is the end of the starting day', () => {
    expect(workingDayDeadline(shanghai('2026-03-07T10:00:00'), 0, SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-07'));
  });

  it('skips configured holidays', () => {
    // Tuesday 10 March a holiday: Mon 9, Wed 11, Thu 12, Fri 13, Mon 16.
    expect(workingDayDeadline(shanghai('2026-03-06T10:00:00'), 5, clock(['2026-03-10']))).toEqual(endOfShanghaiDay('2026-03-16'));
    // A holiday on a weekend changes nothing.
    expect(workingDayDeadline(shanghai('2026-03-06T10:00:00'), 5, clock(['2026-03-07']))).toEqual(endOfShanghaiDay('2026-03-13'));
  });

  it('counts extra working days (调休) around a Golden Week', () => {
    const goldenWeek = clock(
      ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      ['2026-09-27', '2026-10-10'], // Sunday and Saturday worked instead
    );
    // From Friday 25 Sept: Sun 27 (调休), Mon 28, Tue 29, Wed 30, then the holiday, Thu 8 Oct.
    expect(workingDayDeadline(shanghai('2026-09-25T10:00:00'), 5, goldenWeek)).toEqual(endOfShanghaiDay('2026-10-08'));
    // From Wednesday 30 Sept: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
    expect(workingDayDeadline(shanghai('2026-09-30T10:00:00'), 5, goldenWeek)).toEqual(endOfShanghaiDay('2026-10-13'));
    // Without the configuration: Thu 1, Fri 2, Mon 5, Tue 6, Wed 7.
    expect(workingDayDeadline(shanghai('2026-09-30T10:00:00'), 5, SHANGHAI)).toEqual(endOfShanghaiDay('2026-10-07'));
  });

  it('unitObjectionDeadline is 5 working days', () => {
    expect(unitObjectionDeadline(shanghai('2026-03-06T10:00:00'), SHANGHAI)).toEqual(endOfShanghaiDay('2026-03-13'));
    expect(unitObjectionDeadline(shanghai('2026-03-06T10:00:00'), clock(['2026-03-10']))).toEqual(endOfShanghaiDay('2026-03-16'));
  });
});

describe('dueState', () => {
  const due = endOfShanghaiDay('2026-03-16');
  const at = (offsetMs: number) => new Date(due.getTime() + offsetMs);

  it('is overdue once the deadline has passed, by even a millisecond', () => {
    expect(dueState(due, at(1))).toBe('overdue');
    expect(dueState(due, at(DAY))).toBe('overdue');
  });

  it('is dueSoon from exactly 3 days before until the deadline itself', () => {
    expect(DUE_SOON_DAYS).toBe(3);
    expect(dueState(due, at(0))).toBe('dueSoon');
    expect(dueState(due, at(-1))).toBe('dueSoon');
    expect(dueState(due, at(-DAY))).toBe('dueSoon');
    expect(dueState(due, at(-3 * DAY))).toBe('dueSoon');
  });

  it('is onTrack with more than 3 days left', () => {
    expect(dueState(due, at(-3 * DAY - 1))).toBe('onTrack');
    expect(dueState(due, at(-30 * DAY))).toBe('onTrack');
  });
});

describe('calendarDaysUntil', () => {
  const due = endOfShanghaiDay('2026-03-16');

  it('is 0 on the due day, from its first to its last millisecond', () => {
    expect(calendarDaysUntil(due, shanghai('2026-03-16T00:00:00.000'), SHANGHAI)).toBe(0);
    expect(calendarDaysUntil(due, due, SHANGHAI)).toBe(0);
  });

  it('is 1 the day before, even a millisecond before midnight', () => {
    expect(calendarDaysUntil(due, shanghai('2026-03-15T23:59:59.999'), SHANGHAI)).toBe(1);
    expect(calendarDaysUntil(due, shanghai('2026-03-15T00:00:00'), SHANGHAI)).toBe(1);
  });

  it('counts whole Shanghai calendar days ahead', () => {
    expect(calendarDaysUntil(due, shanghai('2026-03-01T09:00:00'), SHANGHAI)).toBe(15);
    expect(calendarDaysUntil(due, utc('2026-02-28T16:30:00Z'), SHANGHAI)).toBe(15); // 00:30 on 1 March in Shanghai
    expect(calendarDaysUntil(due, utc('2026-02-28T15:30:00Z'), SHANGHAI)).toBe(16); // 23:30 on 28 Feb in Shanghai
  });

  it('is negative when overdue', () => {
    expect(calendarDaysUntil(due, new Date(due.getTime() + 1), SHANGHAI)).toBe(-1);
    expect(calendarDaysUntil(due, shanghai('2026-03-20T12:00:00'), SHANGHAI)).toBe(-4);
  });

  it('is not disturbed by a 23-hour day in a DST zone', () => {
    const london: ClockSettings = clockIn('Europe/London');
    const londonDue = endOfCivilDay({ year: 2026, month: 3, day: 30 }, 'Europe/London');
    expect(calendarDaysUntil(londonDue, utc('2026-03-28T12:00:00Z'), london)).toBe(2);
    expect(calendarDaysUntil(londonDue, utc('2026-03-28T23:59:59.999Z'), london)).toBe(2);
  });
});

describe('articleList', () => {
  it('lists articles with 、 in Chinese and a comma in English', () => {
    expect(articleList('22, 23', 'zh-Hans')).toBe('22、23');
    expect(articleList('22, 23', 'zh-Hant')).toBe('22、23');
    expect(articleList('22, 23', 'en')).toBe('22, 23');
    expect(articleList('34', 'zh-Hans')).toBe('34');
  });
});
