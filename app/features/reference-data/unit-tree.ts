// The unit tree as a map from each unit to its parent: who is above whom. Pure, so the permission
// rules and the pages can ask it; unit-tree.server.ts reads the map from the database.

/** Each unit's parent (null at the top of the tree). */
export type UnitParents = ReadonlyMap<string, string | null>;

/** No real tree is this deep; the bound stops a hand-made cycle from looping. */
const MAX_DEPTH = 1000;

/** The unit and every unit above it, nearest first (empty for no unit). */
export function lineageIn(parents: UnitParents, unitId: string | null): string[] {
  const out: string[] = [];
  let current = unitId;
  while (current && !out.includes(current) && out.length < MAX_DEPTH) {
    out.push(current);
    current = parents.get(current) ?? null;
  }
  return out;
}

/** The unit and every unit below it (empty for no unit). */
export function subtreeIn(parents: UnitParents, unitId: string | null): Set<string> {
  const out = new Set<string>();
  if (!unitId) return out;
  for (const id of parents.keys()) if (lineageIn(parents, id).includes(unitId)) out.add(id);
  out.add(unitId);
  return out;
}

/** The unit directly above, or null at the top (or for a unit the map does not know). */
export function parentIn(parents: UnitParents, unitId: string | null): string | null {
  return unitId ? (parents.get(unitId) ?? null) : null;
}
