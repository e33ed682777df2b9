import { describe, expect, it } from 'vitest';
import { canRate, canRequestReReview, canRequestReview, canWithdraw, followUpChoices, requestWindowLapsed } from './follow-up.ts';
import { CASE_STATUSES } from './lifecycle.ts';

const due = new Date('2026-10-31T15:59:59.999Z');
const justBefore = new Date(due.getTime() - 1);
const justAfter = new Date(due.getTime() + 1);

describe('citizen follow-up rules, for every status', () => {
  it.each(CASE_STATUSES)('%s', (status) => {
    // A merged case's citizen keeps the right to withdraw while it follows its main case.
    expect(canWithdraw(status)).toBe(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'MERGED'].includes(status));
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

describe('the choices the track page offers', () => {
  const rated = { rating: 4 };
  it('are the rules above, one review request at a time with its last day', () => {
    const replied = { status: 'REPLIED' as const, reviewRequestDueAt: due, reReviewRequestDueAt: null, rating: null };
    expect(followUpChoices(replied, justBefore)).toEqual({ rate: true, review: 'review', reviewDueAt: due, withdraw: false });
    expect(followUpChoices(replied, justAfter)).toEqual({ rate: true, review: null, reviewDueAt: null, withdraw: false });
    const reviewed = { status: 'REVIEWED' as const, reviewRequestDueAt: null, reReviewRequestDueAt: due, rating: rated };
    expect(followUpChoices(reviewed, justBefore)).toEqual({ rate: true, review: 'reReview', reviewDueAt: due, withdraw: false });
    const submitted = { status: 'SUBMITTED' as const, reviewRequestDueAt: null, reReviewRequestDueAt: null, rating: null };
    expect(followUpChoices(submitted, justBefore)).toEqual({ rate: false, review: null, reviewDueAt: null, withdraw: true });
    expect(followUpChoices({ ...reviewed, status: 'FINAL' }, justBefore)).toEqual({
      rate: false,
      review: null,
      reviewDueAt: null,
      withdraw: false,
    });
  });
});
