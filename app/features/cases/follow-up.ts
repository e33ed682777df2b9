// What a citizen may do after writing in, as the statute describes it: rate the answer (art. 21),
// ask for review within 30 days of the written reply (复查, art. 35) and for re-review within 30
// days of the review opinion (复核, art. 36), or withdraw the case before it is answered.
import type { CaseStatus } from './lifecycle.ts';

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];
export const SOLVED = ['YES', 'PARTLY', 'NO'] as const;
export type Solved = (typeof SOLVED)[number];
export const RATING_COMMENT_MAX = 1000;
export const REQUEST_REASON_MAX = 5000;
export const WITHDRAW_REASON_MAX = 1000;

/**
 * Before the reply: the citizen may still change their mind, also while their case follows another
 * it was merged into. Nothing is deleted.
 */
const WITHDRAWABLE: ReadonlySet<CaseStatus> = new Set(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'MERGED']);

export function canWithdraw(status: CaseStatus): boolean {
  return WITHDRAWABLE.has(status);
}

/** Statuses in which a written answer exists. */
const ANSWERED: ReadonlySet<CaseStatus> = new Set(['REPLIED', 'REVIEW_REQUESTED', 'REVIEWED', 'RE_REVIEW_REQUESTED', 'FINAL', 'CLOSED']);

/**
 * A case is rated once a reply is published. The first rating may come at any time after that;
 * changing it is possible until the case closes (or becomes final after re-review).
 */
export function canRate(status: CaseStatus, alreadyRated: boolean): boolean {
  if (!ANSWERED.has(status)) return false;
  return !alreadyRated || (status !== 'CLOSED' && status !== 'FINAL');
}

/** The window is open up to and including its last day (the stored deadline is its last instant). */
function withinWindow(due: Date | null, now: Date): boolean {
  return due !== null && now.getTime() <= due.getTime();
}

export function canRequestReview(status: CaseStatus, reviewRequestDueAt: Date | null, now: Date): boolean {
  return status === 'REPLIED' && withinWindow(reviewRequestDueAt, now);
}

export function canRequestReReview(status: CaseStatus, reReviewRequestDueAt: Date | null, now: Date): boolean {
  return status === 'REVIEWED' && withinWindow(reReviewRequestDueAt, now);
}

export type ReviewRequest = 'review' | 'reReview';

/** Which request for another look is open now, if any (never both: each follows its own answer). */
export function openReviewRequest(
  c: { status: CaseStatus; reviewRequestDueAt: Date | null; reReviewRequestDueAt: Date | null },
  now: Date,
): ReviewRequest | null {
  if (canRequestReview(c.status, c.reviewRequestDueAt, now)) return 'review';
  return canRequestReReview(c.status, c.reReviewRequestDueAt, now) ? 'reReview' : null;
}

/** A window that has passed without a request: the sweep closes the case. */
export function requestWindowLapsed(status: CaseStatus, due: Date | null, now: Date): boolean {
  return (status === 'REPLIED' || status === 'REVIEWED') && due !== null && now.getTime() > due.getTime();
}

/** What the citizen may do about their case now: the track page lists it, each page and action checks it. */
export interface FollowUpChoices {
  rate: boolean;
  /** Which request for another look is open (openReviewRequest). */
  review: ReviewRequest | null;
  /** The last day of that request's window. */
  reviewDueAt: Date | null;
  withdraw: boolean;
}

export function followUpChoices(
  c: { status: CaseStatus; reviewRequestDueAt: Date | null; reReviewRequestDueAt: Date | null; rating: object | null },
  now: Date,
): FollowUpChoices {
  const review = openReviewRequest(c, now);
  return {
    rate: canRate(c.status, c.rating !== null),
    review,
    reviewDueAt: review === 'review' ? c.reviewRequestDueAt : review === 'reReview' ? c.reReviewRequestDueAt : null,
    withdraw: canWithdraw(c.status),
  };
}
