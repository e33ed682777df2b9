// What an admin may not do to their own account, so that nobody locks themselves out or lets a
// stolen password in: the rules the account service enforces and the staff page uses to explain
// why it offers no button.

/** An admin keeps their own admin role: someone must still be able to manage the system. */
export function roleChangeRefusal(facts: { self: boolean; role: string }): 'selfDemotion' | null {
  return facts.self && facts.role !== 'ADMIN' ? 'selfDemotion' : null;
}

/** Nobody deactivates their own account (an account that is signed in is active). */
export function accountStatusRefusal(facts: { self: boolean; active: boolean }): 'selfDeactivation' | null {
  return facts.self && facts.active ? 'selfDeactivation' : null;
}

/** Nobody resets their own two-step verification: that would let a stolen password alone in. */
export function secondFactorResetRefusal(facts: { self: boolean }): 'selfSecondFactorReset' | null {
  return facts.self ? 'selfSecondFactorReset' : null;
}
