// The citizen's follow-up against real PostgreSQL: review and re-review windows at 30 and 31 days,
// withdrawal rules, ratings, and the sweep that closes cases whose windows passed.
import { describe, expect, it } from 'vitest';
import {
  CitizenActionError,
  closeLapsedCases,
  rateCase,
  requestReReview,
  requestReview,
  withdrawCase,
} from '#app/features/cases/citizen-actions.server.ts';
import { followUpPage, sendFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';

const DAY = 86_400_000;

async function newCase() {
  const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

async function reload(id: string) {
  return await db().case.findUniqueOrThrow({ where: { id } });
}

/** A case answered at `repliedAt`, by a supervisor. */
async function repliedCase(repliedAt: Date) {
  const supervisor = await staffUser('SUPERVISOR');
  const row = await newCase();
  await performCaseAction(supervisor.actor, row.id, row.version, { action: 'accept' }, new Date(repliedAt.getTime() - DAY));
  const accepted = await reload(row.id);
  await performCaseAction(supervisor.actor, row.id, accepted.version, answeredReply('已责成施工单位支付工资。'), repliedAt);
  return { supervisor, row: await reload(row.id) };
}

async function citizenError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof CitizenActionError) return error.code;
    throw error;
  }
}

describe('review window (art. 35): 30 days from the written reply', () => {
  // Noon in Shanghai, so that "30 days later" is unambiguous whatever the machine's zone.
  const repliedAt = new Date('2026-10-01T04:00:00Z');

  it('is open on day 30', async () => {
    const { row } = await repliedCase(repliedAt);
    expect(row.reviewRequestDueAt).toEqual(new Date('2026-10-31T15:59:59.999Z'));
    const day30 = new Date(repliedAt.getTime() + 30 * DAY);
    expect(await requestReview(row.id, '答复没有回应拖欠的加班费。', day30)).toBe('REVIEW_REQUESTED');
    const after = await reload(row.id);
    expect(after.status).toBe('REVIEW_REQUESTED');
    expect(after.reviewDueAt).not.toBeNull();
    expect(after.nextDueAt).toEqual(after.reviewDueAt);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: row.id, type: 'REVIEW_REQUESTED' } });
    expect(event).toMatchObject({ visibility: 'PUBLIC', actorType: 'CITIZEN', message: '答复没有回应拖欠的加班费。' });
  });

  it('is closed on day 31, and the sweep then closes the case with a public event', async () => {
    const { row } = await repliedCase(repliedAt);
    const day31 = new Date(repliedAt.getTime() + 31 * DAY);
    expect(await citizenError(requestReview(row.id, '不服', day31))).toBe('windowPassed');
    expect((await reload(row.id)).status).toBe('REPLIED');

    expect(await closeLapsedCases(new Date(repliedAt.getTime() + 30 * DAY))).toBe(0);
    expect((await reload(row.id)).status).toBe('REPLIED');
    expect(await closeLapsedCases(day31)).toBeGreaterThanOrEqual(1);
    expect((await reload(row.id)).status).toBe('CLOSED');
    // A second sweep changes nothing more.
    await closeLapsedCases(day31);
    expect(await db().caseEvent.count({ where: { caseId: row.id, type: 'CLOSED', visibility: 'PUBLIC', actorType: 'SYSTEM' } })).toBe(1);
  });
});

describe('re-review window (art. 36) and the final answer', () => {
  it('staff answer the review; re-review is open for 30 days; its opinion is final', async () => {
    const repliedAt = new Date('2026-09-01T04:00:00Z');
    const { row } = await repliedCase(repliedAt);
    // Independent of the reply and of each other (arts. 35, 36): a reviewer and a re-reviewer of their own.
    const reviewer = await staffUser('SUPERVISOR');
    const reReviewer = await staffUser('SUPERVISOR');
    await requestReview(row.id, '不服答复', new Date(repliedAt.getTime() + 5 * DAY));
    const requested = await reload(row.id);
    const reviewedAt = new Date(repliedAt.getTime() + 10 * DAY);
    await performCaseAction(
      reviewer.actor,
      row.id,
      requested.version,
      { action: 'issueReview', message: '经复查，维持原答复。', outcome: 'UPHELD' },
      reviewedAt,
    );
    const reviewed = await reload(row.id);
    expect(reviewed.status).toBe('REVIEWED');
    expect(reviewed.reReviewRequestDueAt).toEqual(new Date('2026-10-11T15:59:59.999Z'));

    expect(await citizenError(requestReReview(row.id, '仍然不服', new Date(reviewedAt.getTime() + 31 * DAY)))).toBe('windowPassed');
    expect(await requestReReview(row.id, '仍然不服', new Date(reviewedAt.getTime() + 30 * DAY))).toBe('RE_REVIEW_REQUESTED');
    const again = await reload(row.id);
    await performCaseAction(reReviewer.actor, row.id, again.version, {
      action: 'issueReReview',
      message: '经复核，维持复查意见。',
      outcome: 'UPHELD',
    });
    expect((await reload(row.id)).status).toBe('FINAL');
    // Nothing more can be asked.
    expect(await citizenError(requestReview(row.id, 'x'))).toBe('notAllowedNow');
    expect(await citizenError(requestReReview(row.id, 'x'))).toBe('notAllowedNow');
  });
});

describe('withdrawal', () => {
  it('is possible before the reply, keeps everything, and tells the staff', async () => {
    const handler = await staffUser('HANDLER', 'human-resources');
    const row = await newCase();
    expect(await withdrawCase(row.id, '问题已自行解决')).toBe('WITHDRAWN');
    const after = await reload(row.id);
    expect(after.status).toBe('WITHDRAWN');
    expect(after.nextDueAt).toBeNull();
    expect(await db().caseContact.count({ where: { caseId: row.id } })).toBe(1);
    expect(await db().caseEvent.count({ where: { caseId: row.id, type: 'WITHDRAWN', visibility: 'PUBLIC', actorType: 'CITIZEN' } })).toBe(
      1,
    );
    expect(await db().outboxMessage.count({ where: { caseId: row.id, staffId: handler.user.id } })).toBe(1);
    expect(await citizenError(withdrawCase(row.id, ''))).toBe('notAllowedNow');
  });

  it('is refused once the case is answered', async () => {
    const { row } = await repliedCase(new Date());
    expect(await citizenError(withdrawCase(row.id, ''))).toBe('notAllowedNow');
    expect((await reload(row.id)).status).toBe('REPLIED');
  });
});

describe('satisfaction rating (art. 21)', () => {
  it('needs a reply, can change until the case closes, and is kept once', async () => {
    const unanswered = await newCase();
    expect(await citizenError(rateCase(unanswered.id, { rating: 5, solved: 'YES', comment: '' }))).toBe('notAllowedNow');

    const { supervisor, row } = await repliedCase(new Date());
    await rateCase(row.id, { rating: 2, solved: 'PARTLY', comment: '加班费还没有发' });
    await rateCase(row.id, { rating: 4, solved: 'YES', comment: '' });
    const rating = await db().satisfactionRating.findUniqueOrThrow({ where: { caseId: row.id } });
    expect(rating).toMatchObject({ rating: 4, solved: 'YES', comment: null });
    expect(await db().satisfactionRating.count({ where: { caseId: row.id } })).toBe(1);

    const replied = await reload(row.id);
    await performCaseAction(supervisor.actor, row.id, replied.version, { action: 'close', message: null });
    expect(await citizenError(rateCase(row.id, { rating: 1, solved: 'NO', comment: '' }))).toBe('notAllowedNow');
    expect((await db().satisfactionRating.findUniqueOrThrow({ where: { caseId: row.id } })).rating).toBe(4);
  });
});

describe('the hourly sweep', () => {
  it('closes a replied case once its review window has passed', async () => {
    const { runDeadlineSweep } = await import('#app/jobs/deadline-sweep.server.ts');
    const repliedAt = new Date('2026-08-01T04:00:00Z');
    const { row } = await repliedCase(repliedAt);
    const report = await runDeadlineSweep({ now: new Date(repliedAt.getTime() + 31 * DAY), caseIds: [row.id] });
    expect(report.closed).toBe(1);
    expect((await reload(row.id)).status).toBe('CLOSED');
    expect((await runDeadlineSweep({ now: new Date(repliedAt.getTime() + 32 * DAY), caseIds: [row.id] })).closed).toBe(0);
  });
});

describe('the forms of the follow-up pages (sendFollowUp)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it('report each missing or overlong field as a code, and keep what was typed', async () => {
    const { row } = await repliedCase(new Date());
    expect(await sendFollowUp('rate', row.id, form({ comment: '还行' }))).toEqual({
      ok: false,
      status: 400,
      errors: { rating: 'required', solved: 'required' },
      values: { comment: '还行' },
      formError: null,
    });
    expect(await sendFollowUp('review', row.id, form({ reason: 'x'.repeat(5001) }))).toMatchObject({
      status: 400,
      errors: { reason: 'tooLong' },
    });
    expect(await sendFollowUp('withdraw', row.id, form({ reason: '' }))).toMatchObject({ status: 400, errors: { confirm: 'required' } });
  });

  it('refuse what the case no longer allows (409), and do what it allows', async () => {
    const { row } = await repliedCase(new Date());
    expect(await sendFollowUp('withdraw', row.id, form({ confirm: 'yes' }))).toMatchObject({
      ok: false,
      status: 409,
      formError: 'notAllowedNow',
    });
    expect((await followUpPage(row.id)).choices).toMatchObject({ rate: true, review: 'review', withdraw: false });
    expect(await sendFollowUp('review', row.id, form({ reason: '答复没有回应加班费。' }))).toEqual({ ok: true });
    expect((await reload(row.id)).status).toBe('REVIEW_REQUESTED');
    expect(await sendFollowUp('review', row.id, form({ reason: '再次申请' }))).toMatchObject({ status: 409, formError: 'notAllowedNow' });
    expect(await sendFollowUp('rate', row.id, form({ rating: '5', solved: 'YES' }))).toEqual({ ok: true });
  });
});
