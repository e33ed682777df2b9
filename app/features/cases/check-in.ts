// 回访: some days after the reply, one question to the citizen, "Has your problem been solved?", and
// only if they agreed to it, by the channel they chose. Without consent nothing is sent and staff
// are not prompted to call. The citizen may give, change or withdraw consent at any time; each
// change is an event on the case. A problem not solved (or only partly) goes to the supervisors.
import type { Solved } from './follow-up.ts';
import type { CaseStatus } from './lifecycle.ts';

export const CHECK_IN_CHANNELS = ['EMAIL', 'SMS', 'PHONE'] as const;
export type CheckInChannel = (typeof CHECK_IN_CHANNELS)[number];

/** The form's choices: no follow-up (the default), or one channel. */
export const CHECK_IN_CHOICES = ['NONE', ...CHECK_IN_CHANNELS] as const;
export type CheckInChoice = (typeof CHECK_IN_CHOICES)[number];

export const CHECK_IN_WORDS_MAX = 1000;
/** Days after the reply, unless the admins set another number (settings: checkIn). */
export const CHECK_IN_DAYS_DEFAULT = 14;
export const CHECK_IN_DAYS_MAX = 90;

const DAY_MS = 86_400_000;

/** The channel a form's choice names, or null for "no follow-up". */
export function checkInChannelOf(choice: CheckInChoice): CheckInChannel | null {
  return choice === 'NONE' ? null : choice;
}

/** The details the chosen channel needs: an email address for email, a phone number for SMS or a call. */
export function checkInNeeds(channel: CheckInChannel): 'email' | 'phone' {
  return channel === 'EMAIL' ? 'email' : 'phone';
}

/** The channels the contact details given allow; none for an anonymous report (no details at all). */
export function checkInChannelsFor(contact: { email: string | null; phone: string | null } | null): CheckInChannel[] {
  if (!contact) return [];
  return CHECK_IN_CHANNELS.filter((channel) => (checkInNeeds(channel) === 'email' ? contact.email : contact.phone));
}

/** When the question is due: `days` after the reply. A consent given later is asked at the next sweep. */
export function checkInDueAt(repliedAt: Date, days: number): Date {
  return new Date(repliedAt.getTime() + days * DAY_MS);
}

/** The cut-off a sweep at `now` uses: replies at or before it are due for their question. */
export function checkInRepliedBy(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export type CheckInStage = 'none' | 'waiting' | 'asked' | 'answered';

export interface CheckInFacts {
  channel: CheckInChannel | null;
  sentAt: Date | null;
  answer: Solved | null;
}

/**
 * Where the check-in stands: no consent (and never asked), consent given and the question not yet
 * due, asked and waiting for the answer, or answered. A question once asked stays answerable even
 * if consent is withdrawn afterwards: the citizen may still want to say it.
 */
export function checkInStage(facts: CheckInFacts): CheckInStage {
  if (facts.answer) return 'answered';
  if (facts.sentAt) return 'asked';
  return facts.channel ? 'waiting' : 'none';
}

/** Cases that end without a written reply: nothing to ask about afterwards. */
const NO_REPLY_COMING: ReadonlySet<CaseStatus> = new Set(['NOT_ACCEPTED', 'TRANSFERRED', 'WITHDRAWN']);

/** Consent may be given, changed or withdrawn until the question is asked, on a case that will be answered. */
export function mayChangeCheckInConsent(status: CaseStatus, facts: CheckInFacts): boolean {
  return facts.sentAt === null && !NO_REPLY_COMING.has(status);
}

/** The citizen may answer once the question was asked, and change the answer until the case ends. */
export function canAnswerCheckIn(facts: CheckInFacts, caseEnded: boolean): boolean {
  return facts.sentAt !== null && !(caseEnded && facts.answer !== null);
}

/** An answer the supervisors must hear of: not solved, or only partly. */
export function isUnsolved(answer: Solved): boolean {
  return answer !== 'YES';
}
