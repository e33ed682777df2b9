import { describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT } from '#app/features/staff/sign-in-lockout.ts';
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  STAFF_COOKIE,
  completeSecondFactor,
  currentSession,
  revokeAllSessions,
  signIn,
  signOut,
} from '#app/features/staff/sign-in.server.ts';
import { base32Decode, totp } from '#app/features/staff/totp.server.ts';
import { enableTotp, newTotpSecret } from '#app/features/staff/two-factor.server.ts';
import { db } from '#app/platform/db.server.ts';
import { staffUser } from '../support/fixtures.ts';

const ip = () => `192.0.2.${Math.floor(Math.random() * 250)}`;
const requestWith = (token: string) => new Request('http://localhost/office', { headers: { Cookie: `${STAFF_COOKIE}=${token}` } });

describe('signing in', () => {
  it('creates a server-side session for the right password', async () => {
    const { user, password } = await staffUser('CLERK');
    const result = await signIn(user.email.toUpperCase(), password, { ipAddress: ip() });
    expect(result).toMatchObject({ ok: true, next: 'done' });
    if (!result.ok) return;
    const session = await currentSession(requestWith(result.token));
    expect(session?.actor.id).toBe(user.id);
    expect(await db().staffSession.count({ where: { tokenHash: result.token } })).toBe(0); // only its hash is stored
    expect(await db().auditLog.count({ where: { actorId: user.id, action: 'signIn.success' } })).toBe(1);
  });

  it('gives the same answer for an unknown account and a wrong password, and audits both', async () => {
    const { user } = await staffUser('CLERK');
    const unknown = await signIn('nobody@example.gov.cn', 'whatever-password', { ipAddress: ip() });
    const wrong = await signIn(user.email, 'wrong password!', { ipAddress: ip() });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(await db().auditLog.count({ where: { actorId: user.id, action: 'signIn.failure' } })).toBe(1);
  });

  it('locks one address out of the account after five wrong passwords, not the account itself', async () => {
    const { user, password } = await staffUser('HANDLER', 'housing');
    const attacker = ip();
    const start = new Date();
    for (let i = 0; i < 5; i++) await signIn(user.email, `wrong-${i}`, { ipAddress: attacker, now: start });
    expect(await db().auditLog.count({ where: { actorId: user.id, action: 'signIn.lockout' } })).toBe(1);

    // The address that failed is refused even the right password for 15 minutes, and answers as for a wrong one...
    const oneMinute = new Date(start.getTime() + 60_000);
    expect(await signIn(user.email, password, { ipAddress: attacker, now: oneMinute })).toEqual({ ok: false, reason: 'invalid' });
    // ...while the holder, from their own address, still signs in.
    expect(await signIn(user.email, password, { ipAddress: `holder-${attacker}`, now: oneMinute })).toMatchObject({ ok: true });
    const later = await signIn(user.email, password, {
      ipAddress: attacker,
      now: new Date(start.getTime() + ADDRESS_LOCKOUT.windowMs + 1000),
    });
    expect(later.ok).toBe(true);
    expect(await db().signInLockout.count({ where: { userId: user.id } })).toBe(0);
  });

  it('cannot keep a holder out by failing every quarter hour from one address', async () => {
    const { user, password } = await staffUser('CLERK');
    const attacker = ip();
    let now = new Date();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) await signIn(user.email, `wrong-${round}-${i}`, { ipAddress: attacker, now });
      expect(await signIn(user.email, password, { ipAddress: `holder-${attacker}`, now })).toMatchObject({ ok: true });
      now = new Date(now.getTime() + ADDRESS_LOCKOUT.lockMs! + 1000);
    }
  });

  it('locks the whole account for the rest of the hour after 100 failures from many addresses', async () => {
    const { user, password } = await staffUser('CLERK');
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    // 25 addresses, 4 wrong passwords each (under the per-address lock): 100 failures in 100 s.
    for (let n = 0; n < 100; n++) await signIn(user.email, `wrong-${n}`, { ipAddress: `spread-${n % 25}-${user.id}`, now: at(n) });
    const account = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(account.lockedUntil).toEqual(new Date(start.getTime() + ACCOUNT_LOCKOUT.windowMs));
    expect(await db().auditLog.count({ where: { actorId: user.id, action: 'signIn.lockout' } })).toBe(1);
    // No address gets in until the hour is over, and nothing more is counted meanwhile.
    expect(await signIn(user.email, password, { ipAddress: `fresh-${user.id}`, now: at(200) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(user.email, password, { ipAddress: `fresh-${user.id}`, now: at(3601) })).toMatchObject({ ok: true });
  });

  it('rate-limits attempts from one address', async () => {
    const address = ip();
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await signIn(`nobody${i}@example.gov.cn`, 'x', { ipAddress: `rl-${address}` }));
    expect(results.at(-1)).toEqual({ ok: false, reason: 'rateLimited' });
  });

  it('asks an administrator without two-factor sign-in to set it up', async () => {
    const { user, password } = await staffUser('ADMIN');
    expect(await signIn(user.email, password, { ipAddress: ip() })).toMatchObject({ ok: true, next: 'enrolSecondFactor' });
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes, and after 12 hours however active', async () => {
    const { user, password } = await staffUser('CLERK');
    const start = new Date();
    const result = await signIn(user.email, password, { ipAddress: ip(), now: start });
    if (!result.ok) throw new Error('sign-in failed');
    const request = requestWith(result.token);
    expect(await currentSession(request, new Date(start.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull();
    expect(await currentSession(request, new Date(start.getTime() + 2 * SESSION_IDLE_MS + 1000))).toBeNull();

    // Active every 20 minutes, the session still ends at the absolute limit.
    const active = await signIn(user.email, password, { ipAddress: ip(), now: start });
    if (!active.ok) throw new Error('sign-in failed');
    let at = start.getTime();
    while (at + 20 * 60_000 < start.getTime() + SESSION_ABSOLUTE_MS) {
      at += 20 * 60_000;
      expect(await currentSession(requestWith(active.token), new Date(at))).not.toBeNull();
    }
    expect(await currentSession(requestWith(active.token), new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1))).toBeNull();
  });

  it('end on the server at sign-out, and when revoked', async () => {
    const { user, password } = await staffUser('SUPERVISOR');
    const a = await signIn(user.email, password, { ipAddress: ip() });
    const b = await signIn(user.email, password, { ipAddress: ip() });
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    await signOut(requestWith(a.token), '127.0.0.1');
    expect(await currentSession(requestWith(a.token))).toBeNull();
    expect(await currentSession(requestWith(b.token))).not.toBeNull();
    expect(await revokeAllSessions(user.id)).toBe(1);
    expect(await currentSession(requestWith(b.token))).toBeNull();
  });
});

describe('two-factor sign-in', () => {
  it('needs a valid TOTP code, refuses the same code twice, and accepts a recovery code once', async () => {
    const { user, password } = await staffUser('SUPERVISOR');
    const secret = newTotpSecret();
    const enrolledAt = new Date(Date.now() - 120_000);
    expect(await enableTotp(user.id, secret, '000000', '127.0.0.1', enrolledAt)).toBeNull();
    const recovery = await enableTotp(user.id, secret, totp(base32Decode(secret), enrolledAt), '127.0.0.1', enrolledAt);
    if (!Array.isArray(recovery)) throw new Error(`two-step verification not turned on: ${String(recovery)}`);
    expect(recovery).toHaveLength(10);
    // A repeated set-up never replaces the codes just shown.
    expect(await enableTotp(user.id, secret, totp(base32Decode(secret), enrolledAt), '127.0.0.1', enrolledAt)).toBe('alreadyOn');

    const first = await signIn(user.email, password, { ipAddress: ip() });
    expect(first).toMatchObject({ ok: true, next: 'secondFactor' });
    if (!first.ok) return;
    expect((await currentSession(requestWith(first.token)))?.fullySignedIn).toBe(false);
    expect(await completeSecondFactor(requestWith(first.token), '000000', '127.0.0.1')).toBe(false);
    const code = totp(base32Decode(secret), new Date());
    expect(await completeSecondFactor(requestWith(first.token), code, '127.0.0.1')).toBe(true);
    expect((await currentSession(requestWith(first.token)))?.fullySignedIn).toBe(true);

    const second = await signIn(user.email, password, { ipAddress: ip() });
    if (!second.ok) return;
    expect(await completeSecondFactor(requestWith(second.token), code, '127.0.0.1')).toBe(false); // replayed
    expect(await completeSecondFactor(requestWith(second.token), recovery[0]!, '127.0.0.1')).toBe(true);

    const third = await signIn(user.email, password, { ipAddress: ip() });
    if (!third.ok) return;
    expect(await completeSecondFactor(requestWith(third.token), recovery[0]!, '127.0.0.1')).toBe(false); // used up
  });
});
