import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, afterPasswordChange, startPageFor } from './permissions.ts';

describe('where each role starts in the back office', () => {
  it('sends case workers to the queue and the others to a page they may use', () => {
    const start = Object.fromEntries(STAFF_ROLES.map((role) => [role, startPageFor({ id: 'x', role, unitId: null })]));
    expect(start).toEqual({
      CLERK: '/office',
      HANDLER: '/office',
      SUPERVISOR: '/office',
      ANALYST: '/office/statistics',
      ADMIN: '/office/staff',
    });
  });

  it('after the first password change each role lands on its start page; after a chosen change, on My account', () => {
    for (const role of STAFF_ROLES) {
      const actor = { id: 'x', role, unitId: null };
      expect(afterPasswordChange(actor, true)).toBe(startPageFor(actor));
      expect(afterPasswordChange(actor, false)).toBe('/office/account');
    }
    expect(afterPasswordChange({ id: 'x', role: 'CLERK', unitId: null }, true)).toBe('/office');
  });
});
