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
    decline: 'NOT_ACCEPTED',
    forward: 'TRANSFERRED',
    merge: 'MERGED',
    withdraw: 'WITHDRAWN',
    assign: 'SUBMITTED',
    startWork: null,
    extend: null,
    reply: null,
    note: 'SUBMITTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  ACCEPTED: {
    accept: null,
    decline: null,
    forward: null,
    merge: 'MERGED',
    withdraw: 'WITHDRAWN',
    assign: 'ACCEPTED',
    startWork: 'IN_PROGRESS',
    extend: 'ACCEPTED',
    reply: 'REPLIED',
    note: 'ACCEPTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  IN_PROGRESS: {
    accept: null,
    decline: null,
    forward: null,
    merge: 'MERGED',
    withdraw: 'WITHDRAWN',
    assign: 'IN_PROGRESS',
    startWork: null,
    extend: 'IN_PROGRESS',
    reply: 'REPLIED',
    note: 'IN_PROGRESS',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  REPLIED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'REPLIED',
    requestReview: 'REVIEW_REQUESTED',
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: 'CLOSED',
  },
  REVIEW_REQUESTED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: 'REVIEW_REQUESTED',
    startWork: null,
    extend: null,
    reply: null,
    note: 'REVIEW_REQUESTED',
    requestReview: null,
    issueReview: 'REVIEWED',
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  REVIEWED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'REVIEWED',
    requestReview: null,
    issueReview: null,
    requestReReview: 'RE_REVIEW_REQUESTED',
    issueReReview: null,
    close: 'CLOSED',
  },
  RE_REVIEW_REQUESTED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: 'RE_REVIEW_REQUESTED',
    startWork: null,
    extend: null,
    reply: null,
    note: 'RE_REVIEW_REQUESTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: 'FINAL',
    close: null,
  },
  FINAL: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'FINAL',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  CLOSED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'CLOSED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  NOT_ACCEPTED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'NOT_ACCEPTED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  TRANSFERRED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'TRANSFERRED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  MERGED: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'MERGED',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
  },
  WITHDRAWN: {
    accept: null,
    decline: null,
    forward: null,
    merge: null,
    withdraw: null,
    assign: null,
    startWork: null,
    extend: null,
    reply: null,
    note: 'WITHDRAWN',
    requestReview: null,
    issueReview: null,
    requestReReview: null,
    issueReReview: null,
    close: null,
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
];

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

  it('covers all 13 × 15 pairs', () => {
    let pairs = 0;
    for (const status of ALL_STATUSES)
      for (const action of ALL_ACTIONS) {
        expect(nextStatus(status, action), `${status} ${action}`).toBe(EXPECTED[status][action]);
        pairs++;
      }
    expect(pairs).toBe(195);
  });

  it('allows a note in every status, and it never changes the status', () => {
    for (const status of ALL_STATUSES) expect(nextStatus(status, 'note')).toBe(status);
  });

  it('lets nothing but a note happen to a terminal case', () => {
    for (const status of TERMINAL_STATUSES) {
      for (const action of ALL_ACTIONS) {
        expect(nextStatus(status, action), `${status} ${action}`).toBe(action === 'note' ? status : null);
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
    expect(allowedActions('SUBMITTED')).toEqual(['accept', 'decline', 'forward', 'merge', 'withdraw', 'assign', 'note']);
    expect(allowedActions('ACCEPTED')).toEqual(['merge', 'withdraw', 'assign', 'startWork', 'extend', 'reply', 'note']);
    expect(allowedActions('IN_PROGRESS')).toEqual(['merge', 'withdraw', 'assign', 'extend', 'reply', 'note']);
    expect(allowedActions('REPLIED')).toEqual(['note', 'requestReview', 'close']);
    expect(allowedActions('REVIEW_REQUESTED')).toEqual(['assign', 'note', 'issueReview']);
    expect(allowedActions('REVIEWED')).toEqual(['note', 'requestReReview', 'close']);
    expect(allowedActions('RE_REVIEW_REQUESTED')).toEqual(['assign', 'note', 'issueReReview']);
    for (const status of ['FINAL', 'CLOSED', 'NOT_ACCEPTED', 'TRANSFERRED', 'MERGED', 'WITHDRAWN'] as const) {
      expect(allowedActions(status), status).toEqual(['note']);
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

  it('are exactly the statuses that allow only a note', () => {
    for (const status of ALL_STATUSES) {
      const onlyNote = ALL_ACTIONS.every((action) => (EXPECTED[status][action] !== null) === (action === 'note'));
      expect(TERMINAL_STATUSES.has(status), status).toBe(onlyNote);
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
