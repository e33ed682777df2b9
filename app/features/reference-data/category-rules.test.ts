import { describe, expect, it } from 'vitest';
import { categoryStatusRefusal } from './category-rules.ts';

const active = { active: true, activeCategories: 5, defaultUnitActive: true };
const inactive = { ...active, active: false };

describe('categoryStatusRefusal', () => {
  it('takes a category off the form while another stays', () => {
    expect(categoryStatusRefusal(active)).toBeNull();
    expect(categoryStatusRefusal({ ...active, activeCategories: 2 })).toBeNull();
    // Its own unit being closed does not keep an active category on the form.
    expect(categoryStatusRefusal({ ...active, defaultUnitActive: false })).toBeNull();
  });

  it('never takes the last active category off the form', () => {
    expect(categoryStatusRefusal({ ...active, activeCategories: 1 })).toBe('lastActive');
  });

  it('puts a category back only with an active default unit', () => {
    expect(categoryStatusRefusal(inactive)).toBeNull();
    expect(categoryStatusRefusal({ ...inactive, activeCategories: 0 })).toBeNull();
    expect(categoryStatusRefusal({ ...inactive, defaultUnitActive: false })).toBe('unitInactive');
  });
});
