// The statutory clock of the 信访工作条例 (in force 2022-05-01). Pure functions: every deadline
// is the end of a local calendar day, counted from the day after the starting event, in the
// service's time zone (TIME_ZONE), which every caller passes in its ClockSettings.
import {
  addCalendarDays,
  civilDateIn,
  daysBetween,
  endOfCivilDay,
  isoDate,
  weekday,
  type CivilDate,
} from '#app/platform/time/civil-date.ts';

export interface ClockSettings {
  /** IANA zone whose calendar days count (TIME_ZONE). */
  timeZone: string;
  /** Public holidays as YYYY-MM-DD; they are not working days. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休), as YYYY-MM-DD. */
  extraWorkingDays: ReadonlySet<string>;
}

/** The clock of a zone with no holiday calendar: weekends are the only days off. */
export function clockIn(timeZone: string): ClockSettings {
  return { timeZone, holidays: new Set(), extraWorkingDays: new Set() };
}

export const STATUTORY_LIMITS = {
  /** Arts. 22, 23: register and accept, forward, assign or decline; tell the citizen. */
  acceptanceDays: 15,
  /** Art. 23: a unit that receives a case outside its remit objects within 5 working days. */
  unitObjectionWorkingDays: 5,
  /** Art. 34: handle and reply within 60 days of acceptance. */
  replyDays: 60,
  /** Art. 34: one extension of at most 30 days. */
  maxExtensionDays: 30,
  /** Art. 35: the citizen may ask for review within 30 days of the written reply. */
  reviewRequestDays: 30,
  /** Art. 35: the review opinion is due within 30 days of the request. */
  reviewOpinionDays: 30,
  /** Art. 36: the citizen may ask for re-review within 30 days of the review opinion. */
  reReviewRequestDays: 30,
  /** Art. 36: the re-review opinion is due within 30 days of the request. */
  reReviewOpinionDays: 30,
} as const;

export type DeadlineKind =
  | 'acceptance'
  | 'unitObjection'
  | 'completionReport'
  | 'reply'
  | 'reviewRequest'
  | 'reviewOpinion'
  | 'reReviewRequest'
  | 'reReviewOpinion'
  /** 督办: the unit above sees a missed step put right (supervision.ts). */
  | 'supervision';

/** The article of the 信访工作条例 each deadline comes from, shown beside it. */
export const DEADLINE_ARTICLE: Record<DeadlineKind, string> = {
  acceptance: '22, 23',
  unitObjection: '23',
  completionReport: '22',
  reply: '34',
  reviewRequest: '35',
  reviewOpinion: '35',
  reReviewRequest: '36',
  reReviewOpinion: '36',
  supervision: '44, 45',
};

/** Articles as a reader writes a list of them: 第22、23条 in Chinese, "22, 23" in English. */
export function articleList(articles: string, language: string): string {
  return language.startsWith('zh') ? articles.replace(/\s*,\s*/g, '、') : articles;
}

/** N calendar days after the day of `start`: the day of the event itself is not counted. */
export function calendarDeadline(start: Date, days: number, clock: ClockSettings): Date {
  return endOfCivilDay(addCalendarDays(civilDateIn(start, clock.timeZone), days), clock.timeZone);
}

export function isWorkingDay(date: CivilDate, clock: ClockSettings): boolean {
  const iso = isoDate(date);
  if (clock.extraWorkingDays.has(iso)) return true;
  if (clock.holidays.has(iso)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export function workingDayDeadline(start: Date, workingDays: number, clock: ClockSettings): Date {
  let date = civilDateIn(start, clock.timeZone);
  let counted = 0;
  while (counted < workingDays) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, clock)) counted++;
  }
  return endOfCivilDay(date, clock.timeZone);
}

export function acceptanceDeadline(receivedAt: Date, clock: ClockSettings): Date {
  return calendarDeadline(receivedAt, STATUTORY_LIMITS.acceptanceDays, clock);
}

export function unitObjectionDeadline(assignedAt: Date, clock: ClockSettings): Date {
  return workingDayDeadline(assignedAt, STATUTORY_LIMITS.unitObjectionWorkingDays, clock);
}

export class ExtensionError extends Error {}

/** Reply due 60 days after acceptance, plus the single extension of 1–30 days when granted. */
export function replyDeadline(acceptedAt: Date, extensionDays: number | null, clock: ClockSettings): Date {
  const extra = extensionDays ?? 0;
  if (!Number.isInteger(extra) || extra < 0 || extra > STATUTORY_LIMITS.maxExtensionDays) {
    throw new ExtensionError(`an extension is 1–${STATUTORY_LIMITS.maxExtensionDays} days`);
  }
  return calendarDeadline(acceptedAt, STATUTORY_LIMITS.replyDays + extra, clock);
}

export function reviewRequestDeadline(repliedAt: Date, clock: ClockSettings): Date {
  return calendarDeadline(repliedAt, STATUTORY_LIMITS.reviewRequestDays, clock);
}

export function reviewOpinionDeadline(requestedAt: Date, clock: ClockSettings): Date {
  return calendarDeadline(requestedAt, STATUTORY_LIMITS.reviewOpinionDays, clock);
}

export function reReviewRequestDeadline(reviewedAt: Date, clock: ClockSettings): Date {
  return calendarDeadline(reviewedAt, STATUTORY_LIMITS.reReviewRequestDays, clock);
}

export function reReviewOpinionDeadline(requestedAt: Date, clock: ClockSettings): Date {
  return calendarDeadline(requestedAt, STATUTORY_LIMITS.reReviewOpinionDays, clock);
}

/**
 * Art. 36: the time a hearing takes does not count towards the re-review's 30 days. The days from
 * the day the hearing began to the day it was held, both counted, are added to the deadline.
 */
export function hearingPauseDays(since: Date, heldOn: CivilDate, clock: ClockSettings): number {
  return Math.max(0, daysBetween(civilDateIn(since, clock.timeZone), heldOn)) + 1;
}

/** A deadline moved later by whole calendar days (still the end of a local day). */
export function postponedDeadline(dueAt: Date, days: number, clock: ClockSettings): Date {
  return endOfCivilDay(addCalendarDays(civilDateIn(dueAt, clock.timeZone), days), clock.timeZone);
}

/**
 * The date a new case's reply is due at the latest without an extension: acceptance on its last
 * day, then the 60 days. The confirmation page states it; an extension is announced separately.
 */
export function latestReplyDeadlineForNewCase(receivedAt: Date, clock: ClockSettings): Date {
  return calendarDeadline(receivedAt, STATUTORY_LIMITS.acceptanceDays + STATUTORY_LIMITS.replyDays, clock);
}

export type DueState = 'overdue' | 'dueSoon' | 'onTrack';
export const DUE_SOON_DAYS = 3;

export function dueState(dueAt: Date, now: Date): DueState {
  const remaining = dueAt.getTime() - now.getTime();
  if (remaining < 0) return 'overdue';
  return remaining <= DUE_SOON_DAYS * 86_400_000 ? 'dueSoon' : 'onTrack';
}

/** Whole local calendar days from today to the due day: 0 means due today, negative means overdue. */
export function calendarDaysUntil(dueAt: Date, now: Date, clock: ClockSettings): number {
  return daysBetween(civilDateIn(now, clock.timeZone), civilDateIn(dueAt, clock.timeZone));
}
