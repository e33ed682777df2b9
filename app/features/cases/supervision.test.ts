import { describe, expect, it } from 'vitest';
import { clockIn } from './deadlines.ts';
import { SUPERVISION_WORKING_DAYS, supervisingUnit, supervisionDueAt, supervisionSettled } from './supervision.ts';

const missed = new Date('2026-03-02T04:00:00Z'); // a Monday, noon in Shanghai

describe('supervision items (督办)', () => {
  it('belong to the unit above, or to the office at the top of the tree', () => {
    const parents = new Map<string, string | null>([
      ['bureau', null],
      ['hr', 'bureau'],
    ]);
    expect(supervisingUnit(parents, 'hr')).toBe('bureau');
    expect(supervisingUnit(parents, 'bureau')).toBeNull();
    expect(supervisingUnit(parents, null)).toBeNull();
  });

  it('are due five working days after the miss, a weekend skipped', () => {
    expect(SUPERVISION_WORKING_DAYS).toBe(5);
    const due = supervisionDueAt(missed, clockIn('Asia/Shanghai'));
    // Monday's miss: due by the end of the next Monday, Shanghai time.
    expect(due.toISOString()).toBe('2026-03-09T15:59:59.999Z');
  });

  it('settle once the missed step is done or the case ends, not before', () => {
    const dueAt = new Date('2026-03-01T15:59:59.999Z');
    const told = { acceptanceNoticeLate: false };
    expect(supervisionSettled({ status: 'SUBMITTED', nextDueAt: dueAt, missedDueAt: dueAt, ...told })).toBe(false);
    // Accepted: the case now works against its reply date.
    expect(supervisionSettled({ status: 'ACCEPTED', nextDueAt: new Date('2026-04-30T15:59:59.999Z'), missedDueAt: dueAt, ...told })).toBe(
      true,
    );
    expect(supervisionSettled({ status: 'NOT_ACCEPTED', nextDueAt: null, missedDueAt: dueAt, ...told })).toBe(true);
    expect(supervisionSettled({ status: 'REPLIED', nextDueAt: null, missedDueAt: dueAt, ...told })).toBe(true);
  });

  it('stay open while a citizen answered on paper has not been told the acceptance decision past its date', () => {
    const replyDueAt = new Date('2026-04-30T15:59:59.999Z');
    // Accepted in time, the notice still unposted after the 15 days: the sweep marked no missedDueAt.
    const late = { acceptanceNoticeLate: true };
    expect(supervisionSettled({ status: 'ACCEPTED', nextDueAt: replyDueAt, missedDueAt: null, ...late })).toBe(false);
    // A refusal ends the case, but the citizen has not heard of it.
    expect(supervisionSettled({ status: 'NOT_ACCEPTED', nextDueAt: null, missedDueAt: null, ...late })).toBe(false);
    // Delivered: the step is done.
    expect(supervisionSettled({ status: 'ACCEPTED', nextDueAt: replyDueAt, missedDueAt: null, acceptanceNoticeLate: false })).toBe(true);
  });
});
