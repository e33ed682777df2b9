// The dates the citizen's track page shows: those that run now, each with its article, and whether
// it has passed. Before the reply, the authority's (accept or not, then reply); after it, the
// citizen's own window to ask for a review, then the review opinion's due date (art. 35), the
// window to ask for a re-review and the re-review opinion's (art. 36), stopped while a hearing is
// under way. A merged case shows its main case's dates.
import { DEADLINE_ARTICLE } from './deadlines.ts';
import type { CaseStatus } from './lifecycle.ts';

export type CitizenDeadlineKind = 'acceptance' | 'reply' | 'reviewRequest' | 'reviewOpinion' | 'reReviewRequest' | 'reReviewOpinion';

export interface CitizenDeadline {
  kind: CitizenDeadlineKind;
  dueAt: Date;
  article: string;
  /** An answer owed to the citizen is late: the page says so plainly. */
  overdue: boolean;
  /** The clock is stopped for a hearing (art. 36): the date moves when the hearing is held. */
  paused: boolean;
}

export interface CitizenDates {
  status: CaseStatus;
  acceptDueAt: Date;
  replyDueAt: Date | null;
  reviewRequestDueAt: Date | null;
  reviewDueAt: Date | null;
  reReviewRequestDueAt: Date | null;
  reReviewDueAt: Date | null;
  hearingSince: Date | null;
}

/** Which date runs in each status: an answer owed by the authority, or a window of the citizen's. */
const RUNNING: Partial<Record<CaseStatus, { kind: CitizenDeadlineKind; field: keyof CitizenDates; owed: boolean }>> = {
  SUBMITTED: { kind: 'acceptance', field: 'acceptDueAt', owed: true },
  ACCEPTED: { kind: 'reply', field: 'replyDueAt', owed: true },
  IN_PROGRESS: { kind: 'reply', field: 'replyDueAt', owed: true },
  REPLIED: { kind: 'reviewRequest', field: 'reviewRequestDueAt', owed: false },
  REVIEW_REQUESTED: { kind: 'reviewOpinion', field: 'reviewDueAt', owed: true },
  REVIEWED: { kind: 'reReviewRequest', field: 'reReviewRequestDueAt', owed: false },
  RE_REVIEW_REQUESTED: { kind: 'reReviewOpinion', field: 'reReviewDueAt', owed: true },
};

export function citizenDeadlines(c: CitizenDates, now: Date): CitizenDeadline[] {
  const running = RUNNING[c.status];
  if (!running) return [];
  const value = c[running.field];
  if (!(value instanceof Date)) return [];
  const paused = running.kind === 'reReviewOpinion' && c.hearingSince !== null;
  const passed = now.getTime() > value.getTime();
  // A window of the citizen's that has passed is no longer a date for them (the case closes).
  if (!running.owed && passed) return [];
  return [
    { kind: running.kind, dueAt: value, article: DEADLINE_ARTICLE[running.kind], overdue: running.owed && passed && !paused, paused },
  ];
}
