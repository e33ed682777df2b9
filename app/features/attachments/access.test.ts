import { describe, expect, it } from 'vitest';
import { isForReader, maySeeFiles, type FileCase } from './access.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const HR = '11111111-1111-4111-8111-111111111111';
const HOUSING = '22222222-2222-4222-8222-222222222222';
const HR_BRANCH = '33333333-3333-4333-8333-333333333333';
const DISCIPLINE = '44444444-4444-4444-8444-444444444444';
const LINEAGE: Record<string, string[]> = { [HR]: [HR], [HOUSING]: [HOUSING], [HR_BRANCH]: [HR_BRANCH, HR], [DISCIPLINE]: [DISCIPLINE] };
const nobody = { reportedUnitId: null, recusedStaffIds: [] };
const complaint: FileCase = { id: 'case-a', unitId: HR, kind: 'COMPLAINT', ...nobody };
// A report about HR, still with the unit it accuses (registered before the office corrected whom it was about).
const report: FileCase = { id: 'case-b', unitId: HR, kind: 'MISCONDUCT_REPORT', reportedUnitId: HR, recusedStaffIds: [] };
// A report about HR with the discipline body, as the routing sends it.
const routed: FileCase = { ...report, id: 'case-c', unitId: DISCIPLINE };
const staff = (role: Actor['role'], unitId: string | null = null): Actor => ({
  id: `${role}-${unitId}`,
  role,
  unitId,
  unitLineage: unitId ? LINEAGE[unitId] : [],
});

describe('who may see the files of a case', () => {
  it('the citizen: only the case their track session opened', () => {
    expect(maySeeFiles({ citizenOf: 'case-a' }, complaint)).toBe(true);
    expect(maySeeFiles({ citizenOf: 'case-b' }, complaint)).toBe(false);
    expect(maySeeFiles({ citizenOf: null }, complaint)).toBe(false);
  });

  it("staff: whoever may see the case; analysts, admins and other units' handlers never", () => {
    expect(maySeeFiles(staff('CLERK'), complaint)).toBe(true);
    expect(maySeeFiles(staff('SUPERVISOR'), complaint)).toBe(true);
    expect(maySeeFiles(staff('HANDLER', HR), complaint)).toBe(true);
    expect(maySeeFiles(staff('HANDLER', HOUSING), complaint)).toBe(false);
    expect(maySeeFiles(staff('ANALYST'), complaint)).toBe(false);
    expect(maySeeFiles(staff('ADMIN'), complaint)).toBe(false);
  });

  it('a report of misconduct: withheld from the handlers of the unit it is about, like its contact', () => {
    expect(maySeeFiles(staff('HANDLER', HR), report)).toBe(false);
    expect(maySeeFiles(staff('CLERK'), report)).toBe(true);
    expect(maySeeFiles(staff('SUPERVISOR'), report)).toBe(true);
    expect(maySeeFiles({ citizenOf: 'case-b' }, report)).toBe(true);
  });

  it('a report of misconduct: withheld from everyone in the unit it is about and below it, whatever their role', () => {
    for (const unit of [HR, HR_BRANCH]) {
      for (const role of ['HANDLER', 'CLERK', 'SUPERVISOR'] as const)
        expect([role, unit, maySeeFiles(staff(role, unit), routed)]).toEqual([role, unit, false]);
    }
    expect(maySeeFiles(staff('HANDLER', DISCIPLINE), routed)).toBe(true);
    expect(maySeeFiles(staff('SUPERVISOR', HOUSING), routed)).toBe(true);
    // Without knowing where someone sits in the tree, the bar holds.
    expect(maySeeFiles({ id: 'x', role: 'SUPERVISOR', unitId: HOUSING }, routed)).toBe(false);
  });

  it('a case withheld from whoever withdrew from it (art. 28)', () => {
    const clerk = staff('CLERK');
    expect(maySeeFiles(clerk, { ...complaint, recusedStaffIds: [clerk.id] })).toBe(false);
    expect(maySeeFiles(staff('SUPERVISOR'), { ...complaint, recusedStaffIds: [clerk.id] })).toBe(true);
  });

  it("a unit's completion report files are the office's, never the citizen's", () => {
    expect(isForReader({ citizenOf: 'case-a' }, 'completionReport')).toBe(false);
    expect(isForReader({ citizenOf: 'case-a' }, 'evidence')).toBe(true);
    expect(isForReader(staff('CLERK'), 'completionReport')).toBe(true);
  });
});
