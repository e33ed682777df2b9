// The orders the staff list can be sorted in, and the sort itself (the list is small and sorted in
// the reader's collation, so it is sorted after reading rather than in SQL).
import { z } from 'zod';
import { SORT_DIRECTIONS, resolveOrder, type ListOrder, type SortDirection } from '#app/platform/http/list-order.ts';

/** The staff list: name (the default), role, unit, last sign-in. */
export const STAFF_SORTS = ['name', 'role', 'unit', 'lastSignIn'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];
export const DEFAULT_STAFF_SORT: StaffSort = 'name';

/** Most recent sign-in first; the rest alphabetically. */
export const STAFF_SORT_DEFAULT_DIRECTION: Record<StaffSort, SortDirection> = { name: 'asc', role: 'asc', unit: 'asc', lastSignIn: 'desc' };

/** The list's order, from the URL (`?sort=…&dir=…`); anything malformed means the default. */
const StaffOrderParams = z.object({
  sort: z.enum(STAFF_SORTS).optional().catch(undefined),
  dir: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
});
export type StaffOrderParams = z.infer<typeof StaffOrderParams>;

/** The order the URL asks for (`params`, as the sort form shows it) and the order it means. */
export function staffOrderFrom(search: URLSearchParams): { params: StaffOrderParams; order: ListOrder<StaffSort> } {
  const params = StaffOrderParams.parse(Object.fromEntries(search));
  return { params, order: resolveOrder(params.sort, params.dir, DEFAULT_STAFF_SORT, STAFF_SORT_DEFAULT_DIRECTION) };
}

/** What the staff list sorts on (StaffListRow in app/features/staff/admin.server.ts has all of it). */
export interface StaffSortable {
  name: string;
  email: string;
  role: string;
  unitName: string | null;
  active: boolean;
  lastSignInAt: string | null;
}

/**
 * The staff list in the order asked for: active accounts first (as the list always was), then the
 * column, names in the reader's collation; accounts without a unit or never signed in go last in
 * either direction; ties by name, then email. `roleLabel` gives the role's name as shown.
 */
export function sortStaffRows<Row extends StaffSortable>(
  rows: readonly Row[],
  order: ListOrder<StaffSort>,
  locale: string,
  roleLabel: (role: string) => string,
): Row[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = order.dir === 'asc' ? 1 : -1;
  const text = (a: string | null, b: string | null) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * collator.compare(a, b);
  };
  const column = (a: Row, b: Row): number => {
    switch (order.sort) {
      case 'name':
        return text(a.name, b.name);
      case 'role':
        return text(roleLabel(a.role), roleLabel(b.role));
      case 'unit':
        return text(a.unitName, b.unitName);
      case 'lastSignIn':
        // ISO instants compare as text.
        if (a.lastSignInAt === null || b.lastSignInAt === null) return text(a.lastSignInAt, b.lastSignInAt);
        return a.lastSignInAt === b.lastSignInAt ? 0 : sign * (a.lastSignInAt < b.lastSignInAt ? -1 : 1);
    }
  };
  return [...rows].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      column(a, b) ||
      collator.compare(a.name, b.name) ||
      (a.email < b.email ? -1 : a.email > b.email ? 1 : 0),
  );
}
