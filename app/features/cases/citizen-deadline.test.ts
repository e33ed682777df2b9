import { describe, expect, it } from 'vitest';
import { citizenDeadlines, type CitizenDates, type CitizenDeadline } from './citizen-deadline.ts';
import { CASE_STATUSES, type CaseStatus } from './lifecycle.ts';

const accept = new Date('2026-11-10T15:59:59.999Z');
const reply = new Date('2026-12-31T15:59:59.999Z');
const review = new Date('2027-01-30T15:59:59.999Z');
const reviewOpinion = new Date('2027-02-28T15:59:59.999Z');
const reReview = new Date('2027-03-30T15:59:59.999Z');
const reReviewOpinion = new Date('2027-04-29T15:59:59.999Z');
const dates: Omit<CitizenDates, 'status'> = {
  acceptDueAt: accept,
  replyDueAt: reply,
  reviewRequestDueAt: review,
  reviewDueAt: reviewOpinion,
  reReviewRequestDueAt: reReview,
  reReviewDueAt: reReviewOpinion,
  hearingSince: null,
};
const early = new Date('2026-11-01T00:00:00Z');
const shown = (kind: CitizenDeadline['kind'], dueAt: Date, article: string, extra: Partial<CitizenDeadline> = {}): CitizenDeadline[] => [
  { kind, dueAt, article, overdue: false, paused: false, ...extra },
];

describe('the dates on the track page', () => {
  it.each(CASE_STATUSES)('%s', (status) => {
    const expected: Partial<Record<CaseStatus, CitizenDeadline[]>> = {
      SUBMITTED: shown('acceptance', accept, '22, 23'),
      ACCEPTED: shown('reply', reply, '34'),
      IN_PROGRESS: shown('reply', reply, '34'),
      REPLIED: shown('reviewRequest', review, '35'),
      REVIEW_REQUESTED: shown('reviewOpinion', reviewOpinion, '35'),
      REVIEWED: shown('reReviewRequest', reReview, '36'),
      RE_REVIEW_REQUESTED: shown('reReviewOpinion', reReviewOpinion, '36'),
    };
    expect(citizenDeadlines({ status, ...dates }, early)).toEqual(expected[status] ?? []);
  });

  it('says plainly when an answer owed is late, and drops a window of the citizen that has passed', () => {
    const late = new Date('2027-03-10T00:00:00Z');
    expect(citizenDeadlines({ status: 'REVIEW_REQUESTED', ...dates }, late)).toEqual(
      shown('reviewOpinion', reviewOpinion, '35', { overdue: true }),
    );
    expect(citizenDeadlines({ status: 'REPLIED', ...dates }, late)).toEqual([]);
  });

  it('shows the re-review clock stopped for a hearing, never late while it is', () => {
    const late = new Date('2027-05-10T00:00:00Z');
    expect(citizenDeadlines({ status: 'RE_REVIEW_REQUESTED', ...dates, hearingSince: early }, late)).toEqual(
      shown('reReviewOpinion', reReviewOpinion, '36', { paused: true }),
    );
  });
});
