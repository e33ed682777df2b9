import { describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, afterFailure, isLocked, NO_FAILURES, type FailureCount } from './sign-in-lockout.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 8, 0) + minutes * 60_000);

function fail(count: FailureCount, rule = ADDRESS_LOCKOUT, minutes: number[]) {
  let current = count;
  let lockedNow = false;
  for (const minute of minutes) ({ lockedNow, ...current } = afterFailure(current, rule, at(minute)));
  return { current, lockedNow };
}

describe('afterFailure (per address)', () => {
  it('locks on the fifth failure within 15 minutes, for 15 minutes from then', () => {
    const four = fail(NO_FAILURES, ADDRESS_LOCKOUT, [0, 1, 2, 3]);
    expect(four.lockedNow).toBe(false);
    expect(isLocked(four.current, at(3))).toBe(false);
    const five = fail(four.current, ADDRESS_LOCKOUT, [10]);
    expect(five.lockedNow).toBe(true);
    expect(five.current.lockedUntil).toEqual(at(25));
    expect(isLocked(five.current, at(24))).toBe(true);
    expect(isLocked(five.current, at(25))).toBe(false);
  });

  it('starts a new window once 15 minutes have passed since the first failure', () => {
    const { current, lockedNow } = fail(NO_FAILURES, ADDRESS_LOCKOUT, [0, 1, 2, 3, 15]);
    expect(lockedNow).toBe(false);
    expect(current).toMatchObject({ failures: 1, since: at(15), lockedUntil: null });
  });
});

describe('afterFailure (whole account)', () => {
  it('locks on the hundredth failure within an hour, until that hour is over', () => {
    const minutes = Array.from({ length: 100 }, (_, i) => i * 0.5);
    const ninetyNine = fail(NO_FAILURES, ACCOUNT_LOCKOUT, minutes.slice(0, 99));
    expect(ninetyNine.lockedNow).toBe(false);
    const hundred = fail(ninetyNine.current, ACCOUNT_LOCKOUT, [49.5]);
    expect(hundred.lockedNow).toBe(true);
    expect(hundred.current.lockedUntil).toEqual(at(60));
  });

  it('never lets more than 100 failures through in any hour, however they are spread', () => {
    // One failure every 30 s for three hours: each hour-long window counts at most 100.
    let count = NO_FAILURES;
    const counted: number[] = [];
    for (let minute = 0; minute < 180; minute += 0.5) {
      if (isLocked(count, at(minute))) continue;
      counted.push(minute);
      const { lockedUntil, failures, since } = afterFailure(count, ACCOUNT_LOCKOUT, at(minute));
      count = { lockedUntil, failures, since };
    }
    for (const start of counted) expect(counted.filter((m) => m >= start && m < start + 60).length).toBeLessThanOrEqual(100);
  });
});
