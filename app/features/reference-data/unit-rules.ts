// When a unit may be closed or opened again: the one rule that the service enforces and the page
// uses to offer (or explain why it does not offer) the button.
export type UnitStatusRefusal = 'hasActiveChildren' | 'usedByCategories' | 'parentInactive';

export interface UnitStatusFacts {
  active: boolean;
  /** Active units directly under it. */
  activeChildren: number;
  /** Active categories whose cases go to it by default. */
  activeCategories: number;
  /** Whether its parent is active; null for a unit at the top of the tree. */
  parentActive: boolean | null;
}

/**
 * Why the unit's status cannot change now, or null. A unit is not closed while an active unit
 * sits under it or an active category sends its cases to it (no case may be routed to a closed
 * unit); it is not opened again under a closed parent.
 */
export function unitStatusRefusal(facts: UnitStatusFacts): UnitStatusRefusal | null {
  if (facts.active) {
    if (facts.activeChildren > 0) return 'hasActiveChildren';
    if (facts.activeCategories > 0) return 'usedByCategories';
    return null;
  }
  return facts.parentActive === false ? 'parentInactive' : null;
}
