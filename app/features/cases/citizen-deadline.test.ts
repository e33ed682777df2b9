import { describe, expect, it } from 'vitest';
import { citizenDeadline, type CitizenDeadline } from './citizen-deadline.ts';
import { CASE_STATUSES, type CaseStatus } from './lifecycle.ts';

const accept = new Date('2026-11-10T15:59:59.999Z');
const reply = new Date('2026-12-31T15:59:59.999Z');
const review = new Date('2027-01-30T15:59:59.999Z');

describe('the deadline on the track page', () => {
  it.each(CASE_STATUSES)('%s', (status) => {
    const shown = citizenDeadline({ status, acceptDueAt: accept, replyDueAt: reply, reviewRequestDueAt: review });
    const expected: Partial<Record<CaseStatus, CitizenDeadline>> = {
      SUBMITTED: { kind: 'acceptance', dueAt: accept },
      ACCEPTED: { kind: 'reply', dueAt: reply },
      IN_PROGRESS: { kind: 'reply', dueAt: reply },
      REPLIED: { kind: 'reviewRequest', dueAt: review },
    };
    expect(shown).toEqual(expected[status] ?? null);
  });
});
