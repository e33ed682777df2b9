// 回访, with consent only (check-in.ts): the citizen's consent and its changes, the one question the
// hourly sweep sends when it falls due, and the answer, given by the citizen on the track page or
// by phone to a clerk. A problem not solved goes to the supervisors, with the citizen's words on
// the case's history and in their queue's "Not solved at check-in" view.
import { z } from 'zod';
import { queueCitizenMessage, queueStaffMessages, supervisorRecipients } from '#app/features/notifications/outbox.server.ts';
import { getSetting } from '#app/features/settings/settings.server.ts';
import { canRecordCheckInCall, type Actor } from '#app/features/staff/permissions.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, type FormInput } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import {
  canAnswerCheckIn,
  CHECK_IN_CHOICES,
  CHECK_IN_WORDS_MAX,
  checkInChannelOf,
  checkInChannelsFor,
  checkInRepliedBy,
  checkInStage,
  isUnsolved,
  mayChangeCheckInConsent,
  type CheckInChannel,
  type CheckInFacts,
} from './check-in.ts';
import { SOLVED, type Solved } from './follow-up.ts';
import { TERMINAL_STATUSES, type CaseStatus } from './lifecycle.ts';
import { caseForActor } from './staff-actions.server.ts';
import type { CaseEventType } from './events.ts';

export const CheckInConsentForm = z.object({
  checkIn: z.enum(CHECK_IN_CHOICES, { error: 'required' }),
});

export const CheckInAnswerForm = z.object({
  answer: z.enum(SOLVED, { error: 'required' }),
  words: z.string().trim().max(CHECK_IN_WORDS_MAX, 'tooLong').default(''),
});
export type CheckInAnswer = z.infer<typeof CheckInAnswerForm>;

/** The consent or answer does not apply to the case as it is now. */
export class CheckInError extends Error {
  constructor(readonly code: 'notAllowedNow' | 'channelUnavailable') {
    super(code);
  }
}

const CHECK_IN_SELECT = {
  id: true,
  status: true,
  checkInChannel: true,
  checkInSentAt: true,
  checkInAnswer: true,
  checkInAnsweredAt: true,
  checkInWords: true,
  contact: { select: { email: true, phone: true } },
} as const;

async function loadCheckIn(caseId: string) {
  return await db().case.findUniqueOrThrow({ where: { id: caseId }, select: CHECK_IN_SELECT });
}

type CheckInRow = Awaited<ReturnType<typeof loadCheckIn>>;

function factsOf(row: Pick<CheckInRow, 'checkInChannel' | 'checkInSentAt' | 'checkInAnswer'>): CheckInFacts {
  return { channel: row.checkInChannel, sentAt: row.checkInSentAt, answer: row.checkInAnswer };
}

const ENDED: ReadonlySet<string> = new Set<CaseStatus>(TERMINAL_STATUSES);

/** What the track page and the staff's check-in page show of it. */
export interface CheckInView {
  stage: ReturnType<typeof checkInStage>;
  channel: CheckInChannel | null;
  /** The channels the citizen's contact details allow (none: no consent can be given). */
  channels: CheckInChannel[];
  mayChangeConsent: boolean;
  mayAnswer: boolean;
  sentAt: string | null;
  answer: Solved | null;
  answeredAt: string | null;
  /** What the citizen added to the answer. */
  words: string | null;
  /** When the question is due, in days after the reply. */
  days: number;
}

function viewOf(row: CheckInRow, days: number): CheckInView {
  const facts = factsOf(row);
  const channels = checkInChannelsFor(row.contact);
  return {
    stage: checkInStage(facts),
    channel: row.checkInChannel,
    channels,
    mayChangeConsent: mayChangeCheckInConsent(row.status, facts) && channels.length > 0,
    mayAnswer: canAnswerCheckIn(facts, ENDED.has(row.status)),
    sentAt: row.checkInSentAt?.toISOString() ?? null,
    answer: row.checkInAnswer,
    answeredAt: row.checkInAnsweredAt?.toISOString() ?? null,
    words: row.checkInWords,
    days,
  };
}

export async function checkInDays(): Promise<number> {
  return (await getSetting('checkIn')).days;
}

/** The case's check-in as the citizen (track page) or staff see it. */
export async function checkInOf(caseId: string): Promise<CheckInView> {
  const [row, days] = await Promise.all([loadCheckIn(caseId), checkInDays()]);
  return viewOf(row, days);
}

/**
 * The citizen gives, changes or withdraws consent (until the question is asked). A channel needs
 * its contact detail; choosing what is already chosen records nothing.
 */
export async function changeCheckInConsent(caseId: string, choice: (typeof CHECK_IN_CHOICES)[number], now = new Date()): Promise<void> {
  const row = await loadCheckIn(caseId);
  if (!mayChangeCheckInConsent(row.status, factsOf(row))) throw new CheckInError('notAllowedNow');
  const to = checkInChannelOf(choice);
  if (to && !checkInChannelsFor(row.contact).includes(to)) throw new CheckInError('channelUnavailable');
  if (to === row.checkInChannel) return;
  await db().$transaction(async (tx) => {
    // Only from what was read and while not yet asked: a sweep sending it meanwhile wins.
    const updated = await tx.case.updateMany({
      where: { id: caseId, checkInChannel: row.checkInChannel, checkInSentAt: null },
      data: { checkInChannel: to },
    });
    if (updated.count === 0) throw new CheckInError('notAllowedNow');
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'CHECK_IN_CONSENT_CHANGED' satisfies CaseEventType,
        visibility: 'PUBLIC',
        actorType: 'CITIZEN',
        data: { from: row.checkInChannel, to },
        createdAt: now,
      },
    });
  });
}

/**
 * The answer, by the citizen or (for a phone check-in) by the clerk who called. An answer of "not
 * solved" or "partly" tells the supervisors; the words go on the case's history, never in a mail.
 */
async function recordAnswer(
  caseId: string,
  input: CheckInAnswer,
  by: { type: 'CITIZEN' } | { type: 'STAFF'; id: string },
  now: Date,
): Promise<void> {
  const row = await loadCheckIn(caseId);
  if (!canAnswerCheckIn(factsOf(row), ENDED.has(row.status))) throw new CheckInError('notAllowedNow');
  // Staff record only what the citizen said on a check-in call; the other channels are answered online.
  if (by.type === 'STAFF' && row.checkInChannel !== 'PHONE') throw new CheckInError('notAllowedNow');
  const words = input.words || null;
  await db().$transaction(async (tx) => {
    await tx.case.update({
      where: { id: caseId },
      data: { checkInAnswer: input.answer, checkInAnsweredAt: now, checkInWords: words },
    });
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'CHECK_IN_ANSWERED' satisfies CaseEventType,
        visibility: 'PUBLIC',
        actorType: by.type,
        actorId: by.type === 'STAFF' ? by.id : null,
        message: words,
        data: { answer: input.answer, changed: row.checkInAnswer !== null },
        createdAt: now,
      },
    });
    if (isUnsolved(input.answer))
      await queueStaffMessages(tx, await supervisorRecipients(tx), 'checkIn', 'staff.checkInUnsolved', `${caseId}:${now.toISOString()}`, {
        caseId,
        data: { caseId },
      });
  });
}

export async function answerCheckIn(caseId: string, input: CheckInAnswer, now = new Date()): Promise<void> {
  await recordAnswer(caseId, input, { type: 'CITIZEN' }, now);
}

/** A clerk records what the citizen said on the phone: only for a phone check-in that fell due. */
export async function recordCheckInCall(actor: Actor, caseId: string, input: CheckInAnswer, now = new Date()): Promise<void> {
  await caseForActor(actor, caseId);
  if (!canRecordCheckInCall(actor)) throw new ForbiddenError('check-in call');
  await recordAnswer(caseId, input, { type: 'STAFF', id: actor.id }, now);
}

export interface CheckInSweepOptions {
  batchSize?: number;
  /** Limits the sweep to these cases (tests share one database). */
  caseIds?: readonly string[];
}

/**
 * Asks the question of every consenting citizen whose reply is `days` old: by email or SMS through
 * the outbox, or, for a phone check-in, by putting the call in the clerks' "Check-in calls" view.
 * Each case is claimed with SKIP LOCKED and marked sent in the same transaction as its message, so
 * several sweeps at once ask once. A channel whose contact detail is gone (erased under retention)
 * is skipped: there is nobody left to ask.
 */
export async function sendDueCheckIns(now = new Date(), options: CheckInSweepOptions = {}): Promise<number> {
  const batch = options.batchSize ?? 100;
  const only = options.caseIds ? Prisma.sql`AND c."id" = ANY(${[...options.caseIds]}::uuid[])` : Prisma.empty;
  const repliedBy = checkInRepliedBy(now, await checkInDays());
  let sent = 0;
  for (;;) {
    const done = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; channel: CheckInChannel }[]>`
        SELECT c."id", c."checkInChannel"::text AS "channel" FROM "Case" c
        JOIN "CaseContact" k ON k."caseId" = c."id"
        WHERE c."checkInChannel" IS NOT NULL AND c."checkInSentAt" IS NULL
          AND c."repliedAt" IS NOT NULL AND c."repliedAt" <= ${repliedBy}
          AND CASE c."checkInChannel" WHEN 'EMAIL' THEN k."email" IS NOT NULL ELSE k."phone" IS NOT NULL END
          ${only}
        ORDER BY c."repliedAt", c."id" LIMIT ${batch} FOR UPDATE OF c SKIP LOCKED`;
      for (const row of rows) {
        await tx.case.update({ where: { id: row.id }, data: { checkInSentAt: now } });
        await tx.caseEvent.create({
          data: {
            caseId: row.id,
            type: 'CHECK_IN_SENT' satisfies CaseEventType,
            visibility: 'PUBLIC',
            actorType: 'SYSTEM',
            data: { channel: row.channel },
            createdAt: now,
          },
        });
        if (row.channel !== 'PHONE')
          await queueCitizenMessage(tx, row.id, 'case.checkIn', 'checkIn', {}, { channel: row.channel === 'EMAIL' ? 'EMAIL' : 'SMS' });
      }
      return rows.length;
    });
    sent += done;
    if (done < batch) return sent;
  }
}

/** The staff page of a case's check-in: where it stands, and the form for a phone check-in's call. */
export async function staffCheckInPage(actor: Actor, caseId: string) {
  const row = await caseForActor(actor, caseId);
  const checkIn = await checkInOf(caseId);
  return {
    caseId,
    receiptNo: row.receiptNo,
    checkIn,
    canRecordCall: canRecordCheckInCall(actor) && checkIn.channel === 'PHONE' && checkIn.mayAnswer,
  };
}

export type CheckInAnswerField = keyof z.infer<typeof CheckInAnswerForm>;

/** The clerk's form after the call: the answer, and what the citizen added in their own words. */
export async function recordCheckInCallForm(
  actor: Actor,
  caseId: string,
  form: FormInput,
  now = new Date(),
): Promise<Outcome<CheckInAnswerField>> {
  const parsed = parseForm(form, CheckInAnswerForm);
  if (!parsed.ok) return refused(parsed);
  try {
    await recordCheckInCall(actor, caseId, parsed.value, now);
  } catch (error) {
    if (error instanceof CheckInError) return { ...refusedFor(error.code), values: parsed.values };
    throw error;
  }
  return { ok: true, notice: { key: 'office:checkIn.recorded' } };
}
