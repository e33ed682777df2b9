// When a category may be taken off the portal's form or put back: the one rule that the service
// enforces and the page uses to offer (or explain why it does not offer) the button.
export type CategoryStatusRefusal = 'lastActive' | 'unitInactive';

export interface CategoryStatusFacts {
  active: boolean;
  /** Active categories in all, this one included when it is active. */
  activeCategories: number;
  /** Whether its default unit is there and active. */
  defaultUnitActive: boolean;
}

/**
 * Why the category's status cannot change now, or null. The last active category stays (the
 * portal's form needs one to offer); a category comes back only with an active default unit, so
 * no new case is routed to a closed unit.
 */
export function categoryStatusRefusal(facts: CategoryStatusFacts): CategoryStatusRefusal | null {
  if (facts.active) return facts.activeCategories <= 1 ? 'lastActive' : null;
  return facts.defaultUnitActive ? null : 'unitInactive';
}
