// When failed sign-ins lock an account. A lock on the whole account would let anyone who knows a
// staff email keep that person out by sending five wrong passwords every quarter hour, so the
// short lock holds per account AND client address: the attacker locks out only their own address.
// A hard ceiling on the whole account stays, as ASVS 5.0 asks (no more than 100 failed attempts an
// hour per account), so many addresses together still cannot guess without end. Admins can lift
// both (app/features/staff/admin.server.ts, audited as staff.unlocked).

export interface LockoutRule {
  /** Failures within `windowMs` that lock. */
  failures: number;
  windowMs: number;
  /** How long the lock holds; `null`: until the window that filled up is over. */
  lockMs: number | null;
}

/** Five wrong passwords from one address lock that address out of the account for 15 minutes. */
export const ADDRESS_LOCKOUT: LockoutRule = { failures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };
/** A hundred failures within an hour, from anywhere, lock the account until that hour is over. */
export const ACCOUNT_LOCKOUT: LockoutRule = { failures: 100, windowMs: 60 * 60 * 1000, lockMs: null };

/** A run of failures: how many since when, and the lock they led to. */
export interface FailureCount {
  failures: number;
  since: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: FailureCount = { failures: 0, since: null, lockedUntil: null };

export function isLocked(count: FailureCount, now: Date): boolean {
  return count.lockedUntil !== null && count.lockedUntil > now;
}

/**
 * The count after one more failure at `now`. A failure outside the current window starts a new
 * one; the failure that reaches the rule's number locks, and the count starts again.
 */
export function afterFailure(count: FailureCount, rule: LockoutRule, now: Date): FailureCount & { lockedNow: boolean } {
  const inWindow = count.since !== null && now.getTime() - count.since.getTime() < rule.windowMs;
  const since = inWindow && count.since ? count.since : now;
  const failures = (inWindow ? count.failures : 0) + 1;
  if (failures < rule.failures) return { failures, since, lockedUntil: count.lockedUntil, lockedNow: false };
  const lockedUntil = new Date(rule.lockMs === null ? since.getTime() + rule.windowMs : now.getTime() + rule.lockMs);
  return { failures: 0, since: null, lockedUntil, lockedNow: true };
}
