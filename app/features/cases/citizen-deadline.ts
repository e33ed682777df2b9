// The deadline the citizen's track page shows: the one that runs for them now. Before the reply,
// the authority's (accept or not, then reply); after it, their own window to ask for a review.
// Later steps (review and re-review opinions) are announced by the answers themselves.
import type { CaseStatus } from './lifecycle.ts';

export type CitizenDeadline = { kind: 'acceptance' | 'reply' | 'reviewRequest'; dueAt: Date } | null;

export function citizenDeadline(c: {
  status: CaseStatus;
  acceptDueAt: Date;
  replyDueAt: Date | null;
  reviewRequestDueAt: Date | null;
}): CitizenDeadline {
  if (c.status === 'SUBMITTED') return { kind: 'acceptance', dueAt: c.acceptDueAt };
  if ((c.status === 'ACCEPTED' || c.status === 'IN_PROGRESS') && c.replyDueAt) return { kind: 'reply', dueAt: c.replyDueAt };
  if (c.status === 'REPLIED' && c.reviewRequestDueAt) return { kind: 'reviewRequest', dueAt: c.reviewRequestDueAt };
  return null;
}
