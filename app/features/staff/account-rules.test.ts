import { describe, expect, it } from 'vitest';
import { accountStatusRefusal, roleChangeRefusal, secondFactorResetRefusal } from './account-rules.ts';

describe('what an admin may not do to their own account', () => {
  it('keeps their own admin role', () => {
    expect(roleChangeRefusal({ self: true, role: 'CLERK' })).toBe('selfDemotion');
    expect(roleChangeRefusal({ self: true, role: 'ADMIN' })).toBeNull();
    expect(roleChangeRefusal({ self: false, role: 'CLERK' })).toBeNull();
  });

  it('does not deactivate their own account', () => {
    expect(accountStatusRefusal({ self: true, active: true })).toBe('selfDeactivation');
    expect(accountStatusRefusal({ self: false, active: true })).toBeNull();
    expect(accountStatusRefusal({ self: false, active: false })).toBeNull();
  });

  it('does not reset their own two-step verification', () => {
    expect(secondFactorResetRefusal({ self: true })).toBe('selfSecondFactorReset');
    expect(secondFactorResetRefusal({ self: false })).toBeNull();
  });
});
