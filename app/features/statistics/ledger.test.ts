import { describe, expect, it } from 'vitest';
import { deadlineStates, type LedgerFacts } from './ledger.ts';

const at = (iso: string) => new Date(`${iso}+08:00`);
const base: LedgerFacts = {
  status: 'SUBMITTED',
  acceptDueAt: at('2026-03-16T23:59:59.999'),
  decidedAt: null,
  replyDueAt: null,
  repliedAt: null,
  closedAt: null,
};

describe('whether each limit was met', () => {
  it('acceptance: decided by the limit is met, after it missed; undecided is missed once the limit passes', () => {
    const now = at('2026-06-01T00:00:00');
    expect(deadlineStates({ ...base, decidedAt: at('2026-03-16T20:00:00') }, now).acceptance).toBe('met');
    expect(deadlineStates({ ...base, decidedAt: at('2026-03-17T09:00:00') }, now).acceptance).toBe('missed');
    expect(deadlineStates(base, now).acceptance).toBe('missed');
    expect(deadlineStates(base, at('2026-03-10T00:00:00')).acceptance).toBe('pending');
    // Withdrawn before the limit: nothing was owed.
    expect(deadlineStates({ ...base, status: 'WITHDRAWN', closedAt: at('2026-03-05T00:00:00') }, now).acceptance).toBe('notApplicable');
  });

  it('reply: only for accepted cases; a merged case owes no reply of its own', () => {
    const now = at('2026-06-01T00:00:00');
    const accepted = { ...base, status: 'IN_PROGRESS', decidedAt: at('2026-03-02T00:00:00'), replyDueAt: at('2026-05-01T23:59:59.999') };
    expect(deadlineStates(base, now).reply).toBe('notApplicable');
    expect(deadlineStates({ ...accepted, repliedAt: at('2026-05-01T10:00:00') }, now).reply).toBe('met');
    expect(deadlineStates({ ...accepted, repliedAt: at('2026-05-02T10:00:00') }, now).reply).toBe('missed');
    expect(deadlineStates(accepted, now).reply).toBe('missed');
    expect(deadlineStates(accepted, at('2026-04-01T00:00:00')).reply).toBe('pending');
    expect(deadlineStates({ ...accepted, status: 'MERGED' }, now).reply).toBe('notApplicable');
  });
});
