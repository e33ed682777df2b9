import { describe, it, expect } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  TERMINAL_STATUSES,
  activeDeadlineField,
  allowedActions,
  nextStatus,
  type CaseAction,
  type CaseStatus,
} from './lifecycle.ts';

// Written out by hand from the lifecycle in docs/architecture.md, independently of the module's table:
// EXPECTED[status][action] is the status after the action, or null when it is not allowed.
const EXPECTED: Record<CaseStatus, Record<CaseAction, CaseStatus | null>> = {
  SUBMITTED: {
    accept: 'ACCEPTED',
    setClaims: null,
    decline: 'NOT_ACCEPTED',
    forward: 'TRANSFERRED',
    merge: 'MERGED',
    withdraw: 'WITHDRAWN',
    assign: 'SUBMITTED',
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'SUBMITTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: 'SUBMITTED',
    decideObjection: 'SUBMITTED',
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'SUBMITTED',
    recordConflict: 'SUBMITTED',
    correctReport: 'SUBMITTED',
  },
  ACCEPTED: {
    accept: null,
    setClaims: 'ACCEPTED',
    decline: null,
    forward: null,
    merge: 'MERGED',
    withdraw: 'WITHDRAWN',
    assign: 'ACCEPTED',
    startWork: 'IN_PROGRESS',
    extend: 'ACCEPTED',
    reply: 'REPLIED',
    settle: 'REPLIED',
    note: 'ACCEPTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: 'ACCEPTED',
    decideObjection: 'ACCEPTED',
    fileReport: 'ACCEPTED',
    decideReport: 'ACCEPTED',
    unmerge: null,
    recuse: 'ACCEPTED',
    recordConflict: 'ACCEPTED',
    correctReport: 'ACCEPTED',
  },
  IN_PROGRESS: {
    accept: null,
    setClaims: 'IN_PROGRESS',
    decline: null,
    forward: null,
    merge: 'MERGED',
    withdraw: 'WITHDRAWN',
    assign: 'IN_PROGRESS',
    startWork: null,
    extend: 'IN_PROGRESS',
    reply: 'REPLIED',
    settle: 'REPLIED',
    note: 'IN_PROGRESS',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: 'IN_PROGRESS',
    decideObjection: 'IN_PROGRESS',
    fileReport: 'IN_PROGRESS',
    decideReport: 'IN_PROGRESS',
    unmerge: null,
    recuse: 'IN_PROGRESS',
    recordConflict: 'IN_PROGRESS',
    correctReport: 'IN_PROGRESS',
  },
  REPLIED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'REPLIED',
    requestReview: 'REVIEW_REQUESTED',
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: 'CLOSED',
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: 'REPLIED',
    decideReport: 'REPLIED',
    unmerge: null,
    recuse: 'REPLIED',
    recordConflict: 'REPLIED',
    correctReport: 'REPLIED',
  },
  REVIEW_REQUESTED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: 'REVIEW_REQUESTED',
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'REVIEW_REQUESTED',
    requestReview: null,
    issueReview: 'REVIEWED',
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'REVIEW_REQUESTED',
    recordConflict: 'REVIEW_REQUESTED',
    correctReport: 'REVIEW_REQUESTED',
  },
  REVIEWED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'REVIEWED',
    requestReview: null,
    issueReview: null,
    requestReReview: 'RE_REVIEW_REQUESTED',
    issueReReview: null,
    close: 'CLOSED',
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'REVIEWED',
    recordConflict: 'REVIEWED',
    correctReport: 'REVIEWED',
  },
  RE_REVIEW_REQUESTED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: 'RE_REVIEW_REQUESTED',
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'RE_REVIEW_REQUESTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: 'FINAL',
    close: null,
    startHearing: 'RE_REVIEW_REQUESTED',
    recordHearing: 'RE_REVIEW_REQUESTED',
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'RE_REVIEW_REQUESTED',
    recordConflict: 'RE_REVIEW_REQUESTED',
    correctReport: 'RE_REVIEW_REQUESTED',
  },
  FINAL: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'FINAL',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'FINAL',
    recordConflict: 'FINAL',
    correctReport: 'FINAL',
  },
  CLOSED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'CLOSED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'CLOSED',
    recordConflict: 'CLOSED',
    correctReport: 'CLOSED',
  },
  NOT_ACCEPTED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'NOT_ACCEPTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'NOT_ACCEPTED',
    recordConflict: 'NOT_ACCEPTED',
    correctReport: 'NOT_ACCEPTED',
  },
  TRANSFERRED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'TRANSFERRED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'TRANSFERRED',
    recordConflict: 'TRANSFERRED',
    correctReport: 'TRANSFERRED',
  },
  MERGED: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    // Its citizen may still withdraw while it follows its main case (arts. 35, 36 rights stay theirs).
    withdraw: 'WITHDRAWN',
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'MERGED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: 'SUBMITTED',
    recuse: 'MERGED',
    recordConflict: 'MERGED',
    correctReport: 'MERGED',
  },
  WITHDRAWN: {
    accept: null,
    setClaims: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    settle: null,
    note: 'WITHDRAWN',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
    startHearing: null,
    recordHearing: null,
    object: null,
    decideObjection: null,
    fileReport: null,
    decideReport: null,
    unmerge: null,
    recuse: 'WITHDRAWN',
    recordConflict: 'WITHDRAWN',
    correctReport: 'WITHDRAWN',
  },
};

const ALL_STATUSES: CaseStatus[] = [
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
];

const ALL_ACTIONS: CaseAction[] = [
  'accept',
  'setClaims',
  'decline',
  'forward',
  'merge',
  'withdraw',
  'assign',
  'startWork',
  'extend',
  'reply',
  'settle',
  'note',
  'requestReview',
  'issueReview',
  'requestReReview',
  'issueReReview',
  'close',
  'startHearing',
  'recordHearing',
  'object',
  'decideObjection',
  'fileReport',
  'decideReport',
  'unmerge',
  'recuse',
  'recordConflict',
  'correctReport',
];

/** Steps that keep the record and may be taken whatever the status: they never change it. */
const RECORD_KEEPING: CaseAction[] = ['note', 'recuse', 'recordConflict', 'correctReport'];

describe('statuses and actions', () => {
  it('are exactly the ones in the design', () => {
    expect([...CASE_STATUSES]).toEqual(ALL_STATUSES);
    expect([...CASE_ACTIONS]).toEqual(ALL_ACTIONS);
    expect(Object.keys(EXPECTED)).toEqual(ALL_STATUSES);
    for (const status of ALL_STATUSES) expect(Object.keys(EXPECTED[status])).toEqual(ALL_ACTIONS);
  });
});

describe('nextStatus', () => {
  for (const status of ALL_STATUSES) {
    describe(status, () => {
      for (const action of ALL_ACTIONS) {
        const expected = EXPECTED[status][action];
        it(`${action} → ${expected ?? 'not allowed'}`, () => {
          expect(nextStatus(status, action)).toBe(expected);
        });
      }
    });
  }

  it('covers all 13 × 27 pairs', () => {
    let pairs = 0;
    for (const status of ALL_STATUSES)
      for (const action of ALL_ACTIONS) {
        expect(nextStatus(status, action), `${status} ${action}`).toBe(EXPECTED[status][action]);
        pairs++;
      }
    expect(pairs).toBe(351);
  });

  it('allows a note (and the other record-keeping steps) in every status, and they never change the status', () => {
    for (const status of ALL_STATUSES) for (const action of RECORD_KEEPING) expect(nextStatus(status, action)).toBe(status);
  });

  it('lets nothing but record-keeping happen to a terminal case, except that a merged case may be withdrawn or unmerged', () => {
    for (const status of TERMINAL_STATUSES) {
      for (const action of ALL_ACTIONS) {
        const expected = RECORD_KEEPING.includes(action)
          ? status
          : status === 'MERGED' && action === 'withdraw'
            ? 'WITHDRAWN'
            : status === 'MERGED' && action === 'unmerge'
              ? 'SUBMITTED'
              : null;
        expect(nextStatus(status, action), `${status} ${action}`).toBe(expected);
      }
    }
  });

  it('reaches every status from SUBMITTED', () => {
    const reached = new Set<CaseStatus>(['SUBMITTED']);
    const queue: CaseStatus[] = ['SUBMITTED'];
    while (queue.length > 0) {
      const status = queue.shift()!;
      for (const action of ALL_ACTIONS) {
        const next = nextStatus(status, action);
        if (next !== null && !reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...ALL_STATUSES].sort());
  });
});

describe('allowedActions', () => {
  it('lists exactly the actions with a transition, in CASE_ACTIONS order', () => {
    for (const status of ALL_STATUSES) {
      const expected = ALL_ACTIONS.filter((action) => EXPECTED[status][action] !== null);
      expect(allowedActions(status), status).toEqual(expected);
    }
  });

  it('matches the design for a few statuses, spelled out', () => {
    const keeping = ['recuse', 'recordConflict', 'correctReport'];
    expect(allowedActions('SUBMITTED')).toEqual([
      'accept',
      'decline',
      'forward',
      'merge',
      'withdraw',
      'assign',
      'note',
      'object',
      'decideObjection',
      ...keeping,
    ]);
    const reporting = ['fileReport', 'decideReport'];
    expect(allowedActions('ACCEPTED')).toEqual([
      'setClaims',
      'merge',
      'withdraw',
      'assign',
      'startWork',
      'extend',
      'reply',
      'settle',
      'note',
      'object',
      'decideObjection',
      ...reporting,
      ...keeping,
    ]);
    expect(allowedActions('IN_PROGRESS')).toEqual([
      'setClaims',
      'merge',
      'withdraw',
      'assign',
      'extend',
      'reply',
      'settle',
      'note',
      'object',
      'decideObjection',
      ...reporting,
      ...keeping,
    ]);
    expect(allowedActions('REPLIED')).toEqual(['note', 'requestReview', 'close', ...reporting, ...keeping]);
    expect(allowedActions('REVIEW_REQUESTED')).toEqual(['assign', 'note', 'issueReview', ...keeping]);
    expect(allowedActions('REVIEWED')).toEqual(['note', 'requestReReview', 'close', ...keeping]);
    expect(allowedActions('RE_REVIEW_REQUESTED')).toEqual(['assign', 'note', 'issueReReview', 'startHearing', 'recordHearing', ...keeping]);
    expect(allowedActions('MERGED')).toEqual(['withdraw', 'note', 'unmerge', ...keeping]);
    for (const status of ['FINAL', 'CLOSED', 'NOT_ACCEPTED', 'TRANSFERRED', 'WITHDRAWN'] as const) {
      expect(allowedActions(status), status).toEqual(['note', ...keeping]);
    }
  });

  it('returns a fresh array each time', () => {
    const a = allowedActions('SUBMITTED');
    a.push('close');
    expect(allowedActions('SUBMITTED')).not.toContain('close');
  });
});

describe('TERMINAL_STATUSES', () => {
  it('are the statuses in which no further work is due', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['CLOSED', 'FINAL', 'MERGED', 'NOT_ACCEPTED', 'TRANSFERRED', 'WITHDRAWN']);
  });

  it('are exactly the statuses that allow only record-keeping, and the merged status, which follows its main case', () => {
    for (const status of ALL_STATUSES) {
      const onlyKeeping = ALL_ACTIONS.every((action) => (EXPECTED[status][action] !== null) === RECORD_KEEPING.includes(action));
      expect(TERMINAL_STATUSES.has(status), status).toBe(onlyKeeping || status === 'MERGED');
    }
  });
});

describe('activeDeadlineField', () => {
  it('names the deadline staff work against in each status', () => {
    const expected: Record<CaseStatus, ReturnType<typeof activeDeadlineField>> = {
      SUBMITTED: 'acceptDueAt',
      ACCEPTED: 'replyDueAt',
      IN_PROGRESS: 'replyDueAt',
      REPLIED: null,
      REVIEW_REQUESTED: 'reviewDueAt',
      REVIEWED: null,
      RE_REVIEW_REQUESTED: 'reReviewDueAt',
      FINAL: null,
      CLOSED: null,
      NOT_ACCEPTED: null,
      TRANSFERRED: null,
      MERGED: null,
      WITHDRAWN: null,
    };
    for (const status of ALL_STATUSES) expect(activeDeadlineField(status), status).toBe(expected[status]);
  });

  it('has no staff deadline in a terminal status', () => {
    for (const status of TERMINAL_STATUSES) expect(activeDeadlineField(status), status).toBeNull();
  });
});
