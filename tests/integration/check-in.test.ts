// 回访, with consent only, against real PostgreSQL: consent given with the letter or later (and
// withdrawn), the one question the sweep sends 14 days after the reply by the chosen channel and
// never without consent, the answer from the track page or a clerk's call, and the supervisors'
// flag when the problem was not solved.
import { describe, expect, it } from 'vitest';
import {
  answerCheckIn,
  changeCheckInConsent,
  CheckInError,
  checkInOf,
  recordCheckInCall,
  recordCheckInCallForm,
  sendDueCheckIns,
} from '#app/features/cases/check-in.server.ts';
import { sendFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { QueueFilters, queuePage } from '#app/features/cases/queue.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { runDeadlineSweep } from '#app/jobs/deadline-sweep.server.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { staffUser } from '../support/fixtures.ts';
import { isolatedCase } from '../support/notifications.ts';
import { answeredReply } from '../support/replies.ts';
import type { Submission } from '#app/features/cases/submission.ts';

const DAY = 86_400_000;
// Noon in Shanghai.
const repliedAt = new Date('2026-10-01T04:00:00Z');

async function reload(id: string) {
  return await db().case.findUniqueOrThrow({ where: { id } });
}

/** A case accepted and answered at `repliedAt`, with the consent the letter gave. */
async function repliedCase(overrides: Partial<Submission> = {}) {
  const supervisor = await staffUser('SUPERVISOR');
  const { row } = await isolatedCase({ now: new Date(repliedAt.getTime() - 3 * DAY), overrides });
  await performCaseAction(supervisor.actor, row.id, row.version, { action: 'accept' }, new Date(repliedAt.getTime() - DAY));
  const accepted = await reload(row.id);
  await performCaseAction(supervisor.actor, row.id, accepted.version, answeredReply('已责成施工单位支付工资。'), repliedAt);
  return { supervisor, row: await reload(row.id) };
}

const checkInMessages = (caseId: string) => db().outboxMessage.findMany({ where: { caseId, template: 'case.checkIn' } });
const events = (caseId: string, type: string) => db().caseEvent.findMany({ where: { caseId, type }, orderBy: { id: 'asc' } });

async function checkInError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof CheckInError) return error.code;
    throw error;
  }
}

describe('consent given with the letter', () => {
  it('is recorded on the case and its first event, and the question goes by SMS 14 days after the reply, once', async () => {
    const { row } = await repliedCase({ checkIn: 'SMS' });
    expect(row.checkInChannel).toBe('SMS');
    expect((await events(row.id, 'SUBMITTED'))[0]!.data).toMatchObject({ checkIn: 'SMS' });

    // Day 13: not yet.
    expect(await sendDueCheckIns(new Date(repliedAt.getTime() + 13 * DAY), { caseIds: [row.id] })).toBe(0);
    expect(await checkInMessages(row.id)).toHaveLength(0);
    expect((await checkInOf(row.id)).stage).toBe('waiting');

    // Day 14, by the hourly sweep, three at once: one question, one event, one message.
    const day14 = new Date(repliedAt.getTime() + 14 * DAY);
    const reports = await Promise.all([1, 2, 3].map(() => runDeadlineSweep({ now: day14, caseIds: [row.id] })));
    expect(reports.reduce((sum, r) => sum + r.checkIns, 0)).toBe(1);
    const messages = await checkInMessages(row.id);
    expect(messages).toHaveLength(1);
    // The citizen chose SMS although they also gave an email address.
    expect(messages[0]).toMatchObject({ channel: 'SMS', recipientType: 'CITIZEN' });
    expect(await events(row.id, 'CHECK_IN_SENT')).toMatchObject([{ visibility: 'PUBLIC', actorType: 'SYSTEM', data: { channel: 'SMS' } }]);
    expect((await reload(row.id)).checkInSentAt).toEqual(day14);
    const view = await checkInOf(row.id);
    expect(view).toMatchObject({ stage: 'asked', mayAnswer: true, mayChangeConsent: false });
    // Asked once: later sweeps send nothing more.
    await runDeadlineSweep({ now: new Date(day14.getTime() + 20 * DAY), caseIds: [row.id] });
    expect(await checkInMessages(row.id)).toHaveLength(1);
  });
});

describe('without consent nothing is sent', () => {
  it('a case whose citizen did not agree is never asked, and nobody is prompted to call', async () => {
    const { row } = await repliedCase();
    expect(row.checkInChannel).toBeNull();
    expect(await sendDueCheckIns(new Date(repliedAt.getTime() + 60 * DAY), { caseIds: [row.id] })).toBe(0);
    expect(await checkInMessages(row.id)).toHaveLength(0);
    expect(await events(row.id, 'CHECK_IN_SENT')).toHaveLength(0);
    const clerk = await staffUser('CLERK');
    const calls = await queuePage(clerk.actor, QueueFilters.parse({ checkIn: 'calls' }), new Date(), 500);
    expect(calls.rows.some((r) => r.id === row.id)).toBe(false);
    // The question is not there to answer either.
    expect(await checkInError(answerCheckIn(row.id, { answer: 'NO', words: '' }))).toBe('notAllowedNow');
  });

  it('consent withdrawn before the question is due stops it, and each change is a public event', async () => {
    const { row } = await repliedCase({ checkIn: 'EMAIL' });
    await changeCheckInConsent(row.id, 'NONE', new Date(repliedAt.getTime() + 2 * DAY));
    // Saying the same again records nothing.
    await changeCheckInConsent(row.id, 'NONE', new Date(repliedAt.getTime() + 3 * DAY));
    expect(await events(row.id, 'CHECK_IN_CONSENT_CHANGED')).toMatchObject([
      { visibility: 'PUBLIC', actorType: 'CITIZEN', data: { from: 'EMAIL', to: null } },
    ]);
    expect(await sendDueCheckIns(new Date(repliedAt.getTime() + 30 * DAY), { caseIds: [row.id] })).toBe(0);
    expect(await checkInMessages(row.id)).toHaveLength(0);
  });

  it('consent given on the track page after the due day is asked at the next sweep', async () => {
    const { row } = await repliedCase();
    const outcome = await sendFollowUp('checkIn', row.id, new URLSearchParams({ checkIn: 'EMAIL' }));
    expect(outcome.ok).toBe(true);
    expect((await reload(row.id)).checkInChannel).toBe('EMAIL');
    expect(await sendDueCheckIns(new Date(repliedAt.getTime() + 40 * DAY), { caseIds: [row.id] })).toBe(1);
    expect(await checkInMessages(row.id)).toMatchObject([{ channel: 'EMAIL' }]);
    // Once asked, consent can no longer change (409), and nothing is recorded.
    const late = await sendFollowUp('checkIn', row.id, new URLSearchParams({ checkIn: 'NONE' }));
    expect(late).toMatchObject({ ok: false, status: 409, formError: 'notAllowedNow' });
  });

  it('a channel needs its contact detail, said next to the choice', async () => {
    const { row } = await repliedCase({ phone: null });
    const outcome = await sendFollowUp('checkIn', row.id, new URLSearchParams({ checkIn: 'SMS' }));
    expect(outcome).toMatchObject({ ok: false, status: 400, errors: { checkIn: 'channelUnavailable' } });
    const bogus = await sendFollowUp('checkIn', row.id, new URLSearchParams({ checkIn: 'CARRIER_PIGEON' }));
    expect(bogus).toMatchObject({ ok: false, status: 400, errors: { checkIn: 'required' } });
    expect((await reload(row.id)).checkInChannel).toBeNull();
  });

  it('a case declined, forwarded or withdrawn will not be answered: no consent to give', async () => {
    const { row } = await isolatedCase({ overrides: { checkIn: 'EMAIL' } });
    await sendFollowUp('withdraw', row.id, new URLSearchParams({ confirm: 'yes' }));
    expect(await checkInError(changeCheckInConsent(row.id, 'SMS'))).toBe('notAllowedNow');
    expect((await checkInOf(row.id)).mayChangeConsent).toBe(false);
  });
});

describe('the answer', () => {
  it('"not solved" with words goes to the supervisors: a message without the words, and their queue view', async () => {
    const { row } = await repliedCase({ checkIn: 'EMAIL' });
    await sendDueCheckIns(new Date(repliedAt.getTime() + 14 * DAY), { caseIds: [row.id] });
    const supervisor = await staffUser('SUPERVISOR');
    const outcome = await sendFollowUp('solved', row.id, new URLSearchParams({ answer: 'NO', words: '工资只付了一半。' }));
    expect(outcome.ok).toBe(true);
    const after = await reload(row.id);
    expect(after).toMatchObject({ checkInAnswer: 'NO', checkInWords: '工资只付了一半。' });
    expect(after.checkInAnsweredAt).not.toBeNull();
    expect(await events(row.id, 'CHECK_IN_ANSWERED')).toMatchObject([
      { visibility: 'PUBLIC', actorType: 'CITIZEN', message: '工资只付了一半。', data: { answer: 'NO', changed: false } },
    ]);
    const flagged = await db().outboxMessage.findMany({ where: { caseId: row.id, template: 'staff.checkInUnsolved' } });
    expect(flagged.some((m) => m.staffId === supervisor.user.id)).toBe(true);
    expect(JSON.stringify(flagged.map((m) => m.data))).not.toContain('工资只付了一半');
    const view = await queuePage(supervisor.actor, QueueFilters.parse({ checkIn: 'unsolved' }), new Date(), 500);
    expect(view.rows.some((r) => r.id === row.id)).toBe(true);
  });

  it('"solved" tells nobody, leaves the unsolved view, and a changed answer is another event', async () => {
    const { row } = await repliedCase({ checkIn: 'SMS' });
    await sendDueCheckIns(new Date(repliedAt.getTime() + 14 * DAY), { caseIds: [row.id] });
    await answerCheckIn(row.id, { answer: 'PARTLY', words: '' });
    expect(await db().outboxMessage.count({ where: { caseId: row.id, template: 'staff.checkInUnsolved' } })).toBeGreaterThan(0);
    const before = await db().outboxMessage.count({ where: { caseId: row.id, template: 'staff.checkInUnsolved' } });
    await answerCheckIn(row.id, { answer: 'YES', words: '' });
    expect(await db().outboxMessage.count({ where: { caseId: row.id, template: 'staff.checkInUnsolved' } })).toBe(before);
    expect((await events(row.id, 'CHECK_IN_ANSWERED')).map((e) => e.data)).toMatchObject([
      { answer: 'PARTLY', changed: false },
      { answer: 'YES', changed: true },
    ]);
    const supervisor = await staffUser('SUPERVISOR');
    const view = await queuePage(supervisor.actor, QueueFilters.parse({ checkIn: 'unsolved' }), new Date(), 500);
    expect(view.rows.some((r) => r.id === row.id)).toBe(false);
  });

  it('too many words are refused next to the field', async () => {
    const { row } = await repliedCase({ checkIn: 'EMAIL' });
    await sendDueCheckIns(new Date(repliedAt.getTime() + 14 * DAY), { caseIds: [row.id] });
    const outcome = await sendFollowUp('solved', row.id, new URLSearchParams({ answer: 'NO', words: '字'.repeat(1001) }));
    expect(outcome).toMatchObject({ ok: false, status: 400, errors: { words: 'tooLong' } });
    expect((await reload(row.id)).checkInAnswer).toBeNull();
  });
});

describe('a check-in by phone', () => {
  it("puts the call in the clerks' view when due (no message), and the clerk records the answer", async () => {
    const { row } = await repliedCase({ checkIn: 'PHONE' });
    const clerk = await staffUser('CLERK');
    expect(await sendDueCheckIns(new Date(repliedAt.getTime() + 14 * DAY), { caseIds: [row.id] })).toBe(1);
    expect(await checkInMessages(row.id)).toHaveLength(0);
    const calls = await queuePage(clerk.actor, QueueFilters.parse({ checkIn: 'calls' }), new Date(), 500);
    expect(calls.rows.some((r) => r.id === row.id)).toBe(true);

    // An analyst sees no case at all, so records no call on one.
    const analyst = await staffUser('ANALYST');
    await expect(recordCheckInCall(analyst.actor, row.id, { answer: 'YES', words: '' })).rejects.toBeInstanceOf(NotFoundError);
    const refused = await recordCheckInCallForm(clerk.actor, row.id, new URLSearchParams({ words: '说还要再看看' }));
    expect(refused).toMatchObject({ ok: false, status: 400, errors: { answer: 'required' } });

    const done = await recordCheckInCallForm(clerk.actor, row.id, new URLSearchParams({ answer: 'NO', words: '说还没拿到钱' }));
    expect(done).toMatchObject({ ok: true });
    expect(await events(row.id, 'CHECK_IN_ANSWERED')).toMatchObject([
      { actorType: 'STAFF', actorId: clerk.user.id, message: '说还没拿到钱' },
    ]);
    const after = await queuePage(clerk.actor, QueueFilters.parse({ checkIn: 'calls' }), new Date(), 500);
    expect(after.rows.some((r) => r.id === row.id)).toBe(false);
  });

  it('a clerk cannot record a call for a check-in by email', async () => {
    const { row } = await repliedCase({ checkIn: 'EMAIL' });
    await sendDueCheckIns(new Date(repliedAt.getTime() + 14 * DAY), { caseIds: [row.id] });
    const clerk = await staffUser('CLERK');
    expect(await recordCheckInCallForm(clerk.actor, row.id, new URLSearchParams({ answer: 'YES' }))).toMatchObject({
      ok: false,
      status: 409,
      formError: 'notAllowedNow',
    });
  });
});
