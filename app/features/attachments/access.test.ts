import { describe, expect, it } from 'vitest';
import { maySeeFiles, type FileCase } from './access.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const HR = '11111111-1111-4111-8111-111111111111';
const HOUSING = '22222222-2222-4222-8222-222222222222';
const complaint: FileCase = { id: 'case-a', unitId: HR, kind: 'COMPLAINT' };
const report: FileCase = { id: 'case-b', unitId: HR, kind: 'MISCONDUCT_REPORT' };
const staff = (role: Actor['role'], unitId: string | null = null): Actor => ({ id: `${role}-${unitId}`, role, unitId });

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
});
