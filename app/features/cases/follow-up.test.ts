import { describe, expect, it } from 'vitest';
import { canRate, canRequestReReview, canRequestReview, canWithdraw, requestWindowLapsed } from './follow-up.ts';
import { CASE_STATUSES } from './lifecycle.ts';

const due = new Date('2026-10-31T15:59:59.999Z');
const justBefore = new Date(due.getTime() - 1);
const justAfter = new Date(due.getTime() + 1);

describe('citizen follow-up rules, for every status', () => {
  it.each(CASE_STATUSES)('%s', (status) => {
    expect(canWithdraw(status)).toBe(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'].includes(status));
    expect(canRequestReview(status, due, justBefore)).toBe(status === 'REPLIED');
    expect(canRequestReReview(status, due, justBefore)).toBe(status === 'REVIEWED');
    const answered = ['REPLIED', 'REVIEW_REQUESTED', 'REVIEWED', 'RE_REVIEW_REQUESTED', 'FINAL', 'CLOSED'].includes(status);
    expect(canRate(status, false)).toBe(answered);
    expect(canRate(status, true)).toBe(answered && status !== 'CLOSED' && status !== 'FINAL');
  });
});

describe('request windows', () => {
  it('are open up to and including their last instant', () => {
    expect(canRequestReview('REPLIED', due, due)).toBe(true);
    expect(canRequestReview('REPLIED', due, justAfter)).toBe(false);
    expect(canRequestReReview('REVIEWED', due, due)).toBe(true);
    expect(canRequestReReview('REVIEWED', due, justAfter)).toBe(false);
  });

  it('need a deadline', () => {
    expect(canRequestReview('REPLIED', null, justBefore)).toBe(false);
    expect(canRequestReReview('REVIEWED', null, justBefore)).toBe(false);
  });

  it('lapse only for replied or reviewed cases, after the deadline', () => {
    expect(requestWindowLapsed('REPLIED', due, justAfter)).toBe(true);
    expect(requestWindowLapsed('REVIEWED', due, justAfter)).toBe(true);
    expect(requestWindowLapsed('REPLIED', due, due)).toBe(false);
    expect(requestWindowLapsed('REVIEW_REQUESTED', due, justAfter)).toBe(false);
    expect(requestWindowLapsed('REPLIED', null, justAfter)).toBe(false);
  });
});
