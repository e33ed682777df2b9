import { describe, expect, it } from 'vitest';
import { STAFF_SORT_DEFAULT_DIRECTION, sortStaffRows, type StaffSortable } from './list-order.ts';

describe('sortStaffRows', () => {
  const row = (name: string, extra: Partial<StaffSortable> = {}): StaffSortable => ({
    name,
    email: `${name.toLowerCase()}@example.gov.cn`,
    role: 'CLERK',
    unitName: null,
    active: true,
    lastSignInAt: null,
    ...extra,
  });
  const rows = [
    row('Chen', { role: 'HANDLER', unitName: 'Housing', lastSignInAt: '2026-03-02T08:00:00.000Z' }),
    row('Ai', { role: 'ADMIN', lastSignInAt: '2026-03-05T08:00:00.000Z' }),
    row('Bo', { role: 'CLERK', unitName: 'Education' }),
    row('Aaron', { active: false, role: 'ADMIN', unitName: 'Audit', lastSignInAt: '2026-03-09T08:00:00.000Z' }),
  ];
  const label = (role: string) => ({ ADMIN: 'Administrator', CLERK: 'Clerk', HANDLER: 'Handler' })[role] ?? role;
  const names = (sort: Parameters<typeof sortStaffRows>[1]) => sortStaffRows(rows, sort, 'en', label).map((r) => r.name);

  it('keeps active accounts first and sorts the rest by the column', () => {
    expect(names({ sort: 'name', dir: 'asc' })).toEqual(['Ai', 'Bo', 'Chen', 'Aaron']);
    expect(names({ sort: 'name', dir: 'desc' })).toEqual(['Chen', 'Bo', 'Ai', 'Aaron']);
    expect(names({ sort: 'role', dir: 'asc' })).toEqual(['Ai', 'Bo', 'Chen', 'Aaron']);
    expect(names({ sort: 'role', dir: 'desc' })).toEqual(['Chen', 'Bo', 'Ai', 'Aaron']);
  });

  it('puts accounts without a unit or a sign-in last in either direction', () => {
    expect(names({ sort: 'unit', dir: 'asc' })).toEqual(['Bo', 'Chen', 'Ai', 'Aaron']);
    expect(names({ sort: 'unit', dir: 'desc' })).toEqual(['Chen', 'Bo', 'Ai', 'Aaron']);
    expect(names({ sort: 'lastSignIn', dir: STAFF_SORT_DEFAULT_DIRECTION.lastSignIn })).toEqual(['Ai', 'Chen', 'Bo', 'Aaron']);
    expect(names({ sort: 'lastSignIn', dir: 'asc' })).toEqual(['Chen', 'Ai', 'Bo', 'Aaron']);
  });

  it('sorts Chinese names in the reader’s collation', () => {
    const chinese = [row('赵六'), row('王五'), row('李四')];
    expect(sortStaffRows(chinese, { sort: 'name', dir: 'asc' }, 'zh-Hans', label).map((r) => r.name)).toEqual(['李四', '王五', '赵六']);
  });
});
