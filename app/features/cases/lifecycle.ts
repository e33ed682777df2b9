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
  // 逐条确认诉求: the claims listed at acceptance, edited until the reply.
  'setClaims',
  'decline',
  'forward',
  'merge',
  'withdraw',
  'assign',
  'startWork',
  'extend',
  'reply',
  // Art. 33: the case ends in a mediation or settlement agreement instead of a decision.
  'settle',
  'note',
  'requestReview',
  'issueReview',
  'requestReReview',
  'issueReReview',
  'close',
  // Art. 36: a hearing stops the re-review clock until its outcome is recorded.
  'startHearing',
  'recordHearing',
  // Art. 23: the unit that received a case outside its remit objects; the routing office decides.
  'object',
  'decideObjection',
  // Art. 22(3): the unit's completion report on an assigned case, accepted or sent back for rework.
  'fileReport',
  'decideReport',
  // A supervisor undoes a mistaken merge.
  'unmerge',
  // Art. 28: a member of staff withdraws for a conflict of interest, or a supervisor records one.
  'recuse',
  'recordConflict',
  // Arts. 30, 46(5): the body a report of misconduct is about, corrected by the office.
  'correctReport',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Steps that never change the status and may be taken whatever it is. */
const ANY_TIME = { note: 'stay', recuse: 'stay', recordConflict: 'stay', correctReport: 'stay' } as const;

const OPEN_BEFORE_REPLY = {
  ...ANY_TIME,
  assign: 'stay',
  withdraw: 'WITHDRAWN',
  merge: 'MERGED',
  object: 'stay',
  decideObjection: 'stay',
} as const;

/** The completion report of an assignment (art. 22(3)) may come before or after the reply. */
const REPORTING = { fileReport: 'stay', decideReport: 'stay' } as const;

type Target = CaseStatus | 'stay';

const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, Target>>> = {
  SUBMITTED: {
    ...OPEN_BEFORE_REPLY,
    accept: 'ACCEPTED',
    decline: 'NOT_ACCEPTED',
    forward: 'TRANSFERRED',
  },
  // An agreement answers the case as a reply does: the citizen keeps the 30 days to ask for review (art. 35).
  ACCEPTED: {
    ...OPEN_BEFORE_REPLY,
    ...REPORTING,
    setClaims: 'stay',
    startWork: 'IN_PROGRESS',
    extend: 'stay',
    reply: 'REPLIED',
    settle: 'REPLIED',
  },
  IN_PROGRESS: { ...OPEN_BEFORE_REPLY, ...REPORTING, setClaims: 'stay', extend: 'stay', reply: 'REPLIED', settle: 'REPLIED' },
  REPLIED: { ...ANY_TIME, ...REPORTING, requestReview: 'REVIEW_REQUESTED', close: 'CLOSED' },
  REVIEW_REQUESTED: { ...ANY_TIME, assign: 'stay', issueReview: 'REVIEWED' },
  REVIEWED: { ...ANY_TIME, requestReReview: 'RE_REVIEW_REQUESTED', close: 'CLOSED' },
  RE_REVIEW_REQUESTED: { ...ANY_TIME, assign: 'stay', startHearing: 'stay', recordHearing: 'stay', issueReReview: 'FINAL' },
  FINAL: { ...ANY_TIME },
  CLOSED: { ...ANY_TIME },
  NOT_ACCEPTED: { ...ANY_TIME },
  TRANSFERRED: { ...ANY_TIME },
  // A merged case follows its main case until the reply reaches it; its citizen may still withdraw,
  // and a supervisor may undo the merge (back to SUBMITTED, or to ACCEPTED when the main case's
  // acceptance had reached it: staff-actions.server.ts decides).
  MERGED: { ...ANY_TIME, withdraw: 'WITHDRAWN', unmerge: 'SUBMITTED' },
  WITHDRAWN: { ...ANY_TIME },
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

/**
 * Statuses in which no further work is due from staff. A merged case is among them: its main case
 * carries the work (and the deadlines) until the reply reaches it.
 */
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
