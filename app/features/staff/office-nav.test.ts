import { describe, expect, it } from 'vitest';
import { officeNav } from './office-nav.ts';
import { STAFF_ROLES } from './permissions.ts';

describe('the back office navigation', () => {
  it('offers each role the pages it may use, and My account to everyone', () => {
    const links = Object.fromEntries(STAFF_ROLES.map((role) => [role, officeNav({ id: 'x', role, unitId: 'u' }).map((item) => item.to)]));
    expect(links.HANDLER).toEqual(['/office', '/office/warnings', '/office/reports', '/office/account']);
    expect(links.ANALYST).toEqual(['/office/statistics', '/office/reports', '/office/account']);
    expect(links.CLERK).not.toContain('/office/reports');
    // A handler without a unit has no unit report to read.
    expect(officeNav({ id: 'x', role: 'HANDLER', unitId: null }).map((item) => item.to)).not.toContain('/office/reports');
    expect(links.ADMIN).toEqual(
      expect.arrayContaining([
        '/office/staff',
        '/office/units',
        '/office/categories',
        '/office/reply-templates',
        '/office/calendar',
        '/office/settings',
        '/office/audit',
      ]),
    );
    expect(links.ADMIN).not.toContain('/office/cases/new');
    for (const role of STAFF_ROLES) expect(links[role]?.at(-1)).toBe('/office/account');
  });

  it('marks only the queue as active on its exact path', () => {
    expect(officeNav({ id: 'x', role: 'CLERK', unitId: null }).filter((item) => item.end)).toEqual([
      { to: '/office', label: 'office:shell.queue', end: true },
    ]);
  });
});
