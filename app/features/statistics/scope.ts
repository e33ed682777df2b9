// Whose cases a report counts. Supervisors and analysts choose the whole office or one unit with
// everything below it; administrators read the whole office; handlers read their own unit only,
// without the reports of misconduct (the unit a report concerns never sees a trace of it, art. 30).
import { canChooseReportScope, canViewReports, type Actor } from '#app/features/staff/permissions.ts';

export type ReportScope = { kind: 'office' } | { kind: 'unit'; unitId: string; subtree: boolean };

/** Why a requested scope is refused: no reports at all, or a unit the person may not choose. */
export type ScopeRefusal = 'forbidden' | 'notFound';

/**
 * The scope a person gets for the unit they asked for (null: no unit asked for). A handler asking
 * for another unit is answered as if it did not exist; an administrator asking for a unit is refused.
 */
export function reportScopeFor(actor: Actor, requestedUnitId: string | null): ReportScope | ScopeRefusal {
  if (!canViewReports(actor)) return 'forbidden';
  if (actor.role === 'HANDLER') {
    if (actor.unitId === null) return 'forbidden';
    if (requestedUnitId !== null && requestedUnitId !== actor.unitId) return 'notFound';
    return { kind: 'unit', unitId: actor.unitId, subtree: false };
  }
  if (requestedUnitId === null) return { kind: 'office' };
  return canChooseReportScope(actor) ? { kind: 'unit', unitId: requestedUnitId, subtree: true } : 'forbidden';
}

/** Whether the person's reports leave reports of misconduct out (a handler's own unit may be the one reported). */
export function excludesMisconduct(actor: Actor): boolean {
  return actor.role === 'HANDLER';
}

/** A unit and every unit below it, from the parent links of all units (cycles cannot loop). */
export function subtreeIds(units: readonly { id: string; parentId: string | null }[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const seen = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return [...seen];
}
