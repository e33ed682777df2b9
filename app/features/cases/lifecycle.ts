// The case lifecycle of docs/architecture.md as one table: for each status, the actions allowed and
// the status each leads to. Every transition appends a CaseEvent (see staff-actions.server.ts and
// citizen-actions.server.ts).
export const CASE_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'IN_PROGRESS',
  'REPLIED',
  'REVIEW_REQUESTED',
  'REVIEWED',
  'RE_REVIEW_REQUESTED',
  'FINAL',
  'CLOSED',
  'NOT_ACCEPTED',
  'TRANSFERRED',
  'MERGED',
  'WITHDRAWN',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'accept',
  'decline',
  'forward',
  'merge',
  'withdraw',
  'assign',
  'startWork',
  'extend',
  'reply',
  'note',
  'requestReview',
  'issueReview',
  'requestReReview',
  'issueReReview',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OPEN_BEFORE_REPLY = { assign: 'stay', note: 'stay', withdraw: 'WITHDRAWN', merge: 'MERGED' } as const;

type Target = CaseStatus | 'stay';

const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, Target>>> = {
  SUBMITTED: {
    ...OPEN_BEFORE_REPLY,
    accept: 'ACCEPTED',
    decline: 'NOT_ACCEPTED',
    forward: 'TRANSFERRED',
  },
  ACCEPTED: { ...OPEN_BEFORE_REPLY, startWork: 'IN_PROGRESS', extend: 'stay', reply: 'REPLIED' },
  IN_PROGRESS: { ...OPEN_BEFORE_REPLY, extend: 'stay', reply: 'REPLIED' },
  REPLIED: { note: 'stay', requestReview: 'REVIEW_REQUESTED', close: 'CLOSED' },
  REVIEW_REQUESTED: { note: 'stay', assign: 'stay', issueReview: 'REVIEWED' },
  REVIEWED: { note: 'stay', requestReReview: 'RE_REVIEW_REQUESTED', close: 'CLOSED' },
  RE_REVIEW_REQUESTED: { note: 'stay', assign: 'stay', issueReReview: 'FINAL' },
  FINAL: { note: 'stay' },
  CLOSED: { note: 'stay' },
  NOT_ACCEPTED: { note: 'stay' },
  TRANSFERRED: { note: 'stay' },
  MERGED: { note: 'stay' },
  WITHDRAWN: { note: 'stay' },
};

/** The status an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  const target = TRANSITIONS[status][action];
  if (target === undefined) return null;
  return target === 'stay' ? status : target;
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[status][action] !== undefined);
}

/** Statuses in which no further work is due from staff. */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'FINAL',
  'CLOSED',
  'NOT_ACCEPTED',
  'TRANSFERRED',
  'MERGED',
  'WITHDRAWN',
]);

/** Statuses in which staff still owe the citizen something: every status but the terminal ones. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));

export function isOpenStatus(status: CaseStatus): boolean {
  return !TERMINAL_STATUSES.has(status);
}

/** Which stored deadline staff are working against in each status. */
export function activeDeadlineField(status: CaseStatus): 'acceptDueAt' | 'replyDueAt' | 'reviewDueAt' | 'reReviewDueAt' | null {
  switch (status) {
    case 'SUBMITTED':
      return 'acceptDueAt';
    case 'ACCEPTED':
    case 'IN_PROGRESS':
      return 'replyDueAt';
    case 'REVIEW_REQUESTED':
      return 'reviewDueAt';
    case 'RE_REVIEW_REQUESTED':
      return 'reReviewDueAt';
    default:
      return null;
  }
}
