import { describe, expect, it } from 'vitest';
import { unitStatusRefusal } from './unit-rules.ts';

const active = { active: true, activeChildren: 0, activeCategories: 0, parentActive: true };
const inactive = { ...active, active: false };

describe('unitStatusRefusal', () => {
  it('closes a unit that nothing active depends on', () => {
    expect(unitStatusRefusal(active)).toBeNull();
    expect(unitStatusRefusal({ ...active, parentActive: null })).toBeNull();
  });

  it('keeps a unit open while an active unit is under it or an active category sends cases to it', () => {
    expect(unitStatusRefusal({ ...active, activeChildren: 1 })).toBe('hasActiveChildren');
    expect(unitStatusRefusal({ ...active, activeCategories: 2 })).toBe('usedByCategories');
    expect(unitStatusRefusal({ ...active, activeChildren: 1, activeCategories: 2 })).toBe('hasActiveChildren');
  });

  it('opens a unit again only under an active parent, or at the top', () => {
    expect(unitStatusRefusal(inactive)).toBeNull();
    expect(unitStatusRefusal({ ...inactive, parentActive: null })).toBeNull();
    expect(unitStatusRefusal({ ...inactive, parentActive: false })).toBe('parentInactive');
    // What depends on a closed unit does not stop it from opening again.
    expect(unitStatusRefusal({ ...inactive, activeChildren: 3 })).toBeNull();
  });
});
