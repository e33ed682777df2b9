// Where the statute sends a case, whatever its category says (pure: routing.server.ts reads the
// settings and the unit tree). Reports of misconduct go to the discipline and supervision body
// (arts. 22, 30), matters for the courts to the political and legal affairs body (arts. 22, 28);
// a review goes to the unit above the one that replied (art. 35), a re-review to the unit above
// the one that reviewed (art. 36), and where there is none, to the review office. A unit inside
// the subtree a report accuses is never a destination.
import { parentIn, type UnitParents } from '#app/features/reference-data/unit-tree.ts';

export const ROUTE_REASONS = ['discipline', 'courts'] as const;
export type RouteReason = (typeof ROUTE_REASONS)[number];

/** The settings' units and categories, as active ids (null: none configured, or not active). */
export interface RoutingTargets {
  disciplineUnitId: string | null;
  legalUnitId: string | null;
  reviewOfficeUnitId: string | null;
  courtCategoryIds: ReadonlySet<string>;
}

export interface NewCaseRoute {
  /** Null: the office's clerks route it by hand. */
  unitId: string | null;
  reason: RouteReason | null;
}

export function routeNewCase(input: {
  kind: string;
  categoryId: string;
  /** The category's own unit. */
  categoryUnitId: string | null;
  targets: RoutingTargets;
  /** The units a report accuses: the reported unit and everything below it. */
  barred: ReadonlySet<string>;
}): NewCaseRoute {
  const allowed = (unitId: string | null) => (unitId && !input.barred.has(unitId) ? unitId : null);
  // A report never falls back to its category's unit: that may well be the unit it accuses.
  if (input.kind === 'MISCONDUCT_REPORT') return { unitId: allowed(input.targets.disciplineUnitId), reason: 'discipline' };
  if (input.targets.courtCategoryIds.has(input.categoryId)) {
    return { unitId: allowed(input.targets.legalUnitId) ?? allowed(input.categoryUnitId), reason: 'courts' };
  }
  return { unitId: allowed(input.categoryUnitId), reason: null };
}

/**
 * The body that reviews a decision (arts. 35, 36): the unit above the one that decided, or the
 * review office where there is none. Never the deciding unit or one below it, never a unit a
 * report accuses: then the review office, and failing that nobody (a supervisor assigns it).
 */
export function reviewingUnit(input: {
  decidedBy: string | null;
  parents: UnitParents;
  reviewOfficeUnitId: string | null;
  /** Units that may not take it: below the deciding unit, or accused by the case. */
  excluded: ReadonlySet<string>;
  /** Units that are active (a closed unit takes no new work). */
  active: ReadonlySet<string>;
}): string | null {
  const ok = (unitId: string | null) =>
    unitId !== null && unitId !== input.decidedBy && !input.excluded.has(unitId) && input.active.has(unitId) ? unitId : null;
  return ok(parentIn(input.parents, input.decidedBy)) ?? ok(input.reviewOfficeUnitId);
}
