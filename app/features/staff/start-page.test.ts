import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, startPageFor } from './permissions.ts';

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
});
