// Staff sign-in and sessions. Sessions live in the database (revocable, shared by every app
// instance); the cookie holds only a random token whose SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { keyedHash, unseal } from '#app/platform/crypto/keys.server.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.server.ts';
import { requiresSecondFactor, type Actor, type StaffRole } from './permissions.ts';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, afterFailure, isLocked, NO_FAILURES } from './sign-in-lockout.ts';
import { base32Decode, verifyTotp } from './totp.server.ts';

export const STAFF_COOKIE = 'pd_staff';
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Attempts (right or wrong) at one account from one address; the address limit covers the rest. */
const SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS = 10;
/** Writing lastSeenAt on every request would turn each page view into a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60 * 1000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function cookieAttributes(): string {
  // Path=/ rather than /office: Remix fetches data from /office.data, which a cookie scoped to
  // /office would not be sent to.
  return `Path=/; HttpOnly; SameSite=Lax${env().cookieSecure ? '; Secure' : ''}`;
}

export function sessionCookie(token: string): string {
  return `${STAFF_COOKIE}=${token}; ${cookieAttributes()}`;
}

export function clearSessionCookie(): string {
  return `${STAFF_COOKIE}=; ${cookieAttributes()}; Max-Age=0`;
}

function tokenFrom(request: Request): string | null {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(/;\s*/)) {
    if (part.startsWith(`${STAFF_COOKIE}=`)) return part.slice(STAFF_COOKIE.length + 1) || null;
  }
  return null;
}

export type SignInResult =
  | { ok: true; token: string; next: 'secondFactor' | 'enrolSecondFactor' | 'changePassword' | 'done' }
  | { ok: false; reason: 'invalid' | 'rateLimited' };

interface RequestInfo {
  ipAddress: string;
  userAgent?: string | null;
  now?: Date;
}

/**
 * Checks email and password. Failures look the same whether the account exists, is inactive,
 * is locked or the password is wrong. Failures lock the address out of the account, or past the
 * hourly ceiling the whole account (sign-in-lockout.ts).
 */
export async function signIn(emailInput: string, password: string, info: RequestInfo): Promise<SignInResult> {
  const now = info.now ?? new Date();
  const email = normalizeEmail(emailInput);
  const perIp = await consumeRateLimit(`signin-ip:${info.ipAddress}`, env().SIGN_IN_RATE_LIMIT, SIGN_IN_WINDOW_SECONDS, now);
  // Keyed by account and address: a limit on the account alone would let anyone keep its holder out.
  const perAccount = await consumeRateLimit(
    `signin-account:${keyedHash('signin-email', email)}:${info.ipAddress}`,
    SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS,
    SIGN_IN_WINDOW_SECONDS,
    now,
  );
  if (!perIp.allowed || !perAccount.allowed) {
    await audit({ action: 'signIn.failure', ipAddress: info.ipAddress, details: { email, reason: 'rateLimited' } });
    return { ok: false, reason: 'rateLimited' };
  }

  const user = await db().staffUser.findUnique({ where: { email } });
  if (!user || !user.active) {
    await verifyPassword(await decoyPasswordHash(), password);
    await audit({ action: 'signIn.failure', ipAddress: info.ipAddress, details: { email, reason: user ? 'inactive' : 'unknown' } });
    return { ok: false, reason: 'invalid' };
  }
  const lockout = await db().signInLockout.findUnique({ where: { userId_address: { userId: user.id, address: info.ipAddress } } });
  const accountCount = { failures: user.failedSignIns, since: user.failedSignInsSince, lockedUntil: user.lockedUntil };
  const locked = isLocked(accountCount, now) || (lockout !== null && isLocked(lockout, now));
  // The password is checked even when locked, so a locked account answers in the same time.
  const passwordOk = await verifyPassword(user.passwordHash, password);
  if (locked || !passwordOk) {
    const lockedNow = locked ? false : await countFailure(user.id, info.ipAddress, now);
    await audit({
      action: lockedNow ? 'signIn.lockout' : 'signIn.failure',
      actorId: user.id,
      ipAddress: info.ipAddress,
      details: { email, reason: locked ? 'locked' : 'password' },
    });
    return { ok: false, reason: 'invalid' };
  }

  const needsSecondFactor = user.totpEnabledAt !== null;
  const mustEnrol = !needsSecondFactor && requiresSecondFactor(user.role);
  const token = randomBytes(32).toString('base64url');
  await db().$transaction([
    db().staffUser.update({ where: { id: user.id }, data: { lastSignInAt: now } }),
    db().signInLockout.deleteMany({ where: { userId: user.id, address: info.ipAddress } }),
    db().staffSession.create({
      data: {
        tokenHash: tokenHash(token),
        userId: user.id,
        fullySignedIn: !needsSecondFactor,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
        ipAddress: info.ipAddress,
        userAgent: info.userAgent?.slice(0, 300) ?? null,
      },
    }),
  ]);
  await audit({
    action: 'signIn.success',
    actorId: user.id,
    ipAddress: info.ipAddress,
    details: { secondFactorPending: needsSecondFactor },
  });
  const next = needsSecondFactor ? 'secondFactor' : mustEnrol ? 'enrolSecondFactor' : user.mustChangePassword ? 'changePassword' : 'done';
  return { ok: true, token, next };
}

/**
 * Counts a wrong password against the account from this address and against the whole account,
 * in one transaction that holds the account row, so parallel attempts are all counted. True when
 * this failure locked either.
 */
async function countFailure(userId: string, address: string, now: Date): Promise<boolean> {
  return await db().$transaction(async (tx) => {
    const [account] = await tx.$queryRaw<{ failedSignIns: number; failedSignInsSince: Date | null; lockedUntil: Date | null }[]>`
      SELECT "failedSignIns", "failedSignInsSince", "lockedUntil" FROM "StaffUser" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (!account) return false;
    const byAccount = afterFailure(
      { failures: account.failedSignIns, since: account.failedSignInsSince, lockedUntil: account.lockedUntil },
      ACCOUNT_LOCKOUT,
      now,
    );
    await tx.staffUser.update({
      where: { id: userId },
      data: { failedSignIns: byAccount.failures, failedSignInsSince: byAccount.since, lockedUntil: byAccount.lockedUntil },
    });
    const row = await tx.signInLockout.findUnique({ where: { userId_address: { userId, address } } });
    const byAddress = afterFailure(row ?? NO_FAILURES, ADDRESS_LOCKOUT, now);
    const data = { failures: byAddress.failures, since: byAddress.since, lockedUntil: byAddress.lockedUntil };
    await tx.signInLockout.upsert({ where: { userId_address: { userId, address } }, create: { userId, address, ...data }, update: data });
    return byAccount.lockedNow || byAddress.lockedNow;
  });
}

export interface StaffSession {
  sessionId: string;
  fullySignedIn: boolean;
  actor: Actor & { name: string; email: string; mustChangePassword: boolean; totpEnabled: boolean };
}

/** The session behind the request's cookie, if it is still valid (not revoked, idle or expired). */
export async function currentSession(request: Request, now = new Date()): Promise<StaffSession | null> {
  const token = tokenFrom(request);
  if (!token) return null;
  const session = await db().staffSession.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: true } });
  if (!session || session.revokedAt || !session.user.active) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const user = session.user;
  return {
    sessionId: session.id,
    fullySignedIn: session.fullySignedIn,
    actor: {
      id: user.id,
      role: user.role as StaffRole,
      unitId: user.unitId,
      name: user.name,
      email: user.email,
      mustChangePassword: user.mustChangePassword,
      totpEnabled: user.totpEnabledAt !== null,
    },
  };
}

/**
 * For every back-office loader and action: the signed-in staff member, or a redirect to the
 * step of signing in that is still missing.
 */
export async function requireStaff(request: Request): Promise<StaffSession['actor']> {
  const session = await currentSession(request);
  const url = new URL(request.url);
  if (!session) throw redirect(`/office/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  if (!session.fullySignedIn) throw redirect('/office/sign-in/code');
  if (requiresSecondFactor(session.actor.role) && !session.actor.totpEnabled) throw redirect('/office/account/two-factor');
  if (session.actor.mustChangePassword) throw redirect('/office/account/password');
  return session.actor;
}

/** Completes a sign-in that is waiting for its second factor: a TOTP code or a recovery code. */
export async function completeSecondFactor(request: Request, code: string, ipAddress: string, now = new Date()): Promise<boolean> {
  const session = await currentSession(request, now);
  if (!session || session.fullySignedIn) return false;
  const limit = await consumeRateLimit(`totp:${session.actor.id}`, 10, SIGN_IN_WINDOW_SECONDS, now);
  if (!limit.allowed) return false;
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: session.actor.id } });
  const sealed = user.totpSecretSealed ? unseal(user.totpSecretSealed) : null;
  const step = sealed ? verifyTotp(base32Decode(sealed), code, now, user.totpLastStep) : null;
  if (step !== null) {
    await db().$transaction([
      db().staffUser.update({ where: { id: user.id }, data: { totpLastStep: step } }),
      db().staffSession.update({ where: { id: session.sessionId }, data: { fullySignedIn: true } }),
    ]);
    return true;
  }
  const recoveryHash = keyedHash('recovery-code', code.replace(/[\s-]/g, '').toUpperCase());
  if (user.recoveryCodeHashes.includes(recoveryHash)) {
    await db().$transaction([
      db().staffUser.update({
        where: { id: user.id },
        data: { recoveryCodeHashes: user.recoveryCodeHashes.filter((h) => h !== recoveryHash) },
      }),
      db().staffSession.update({ where: { id: session.sessionId }, data: { fullySignedIn: true } }),
    ]);
    await audit({ action: 'totp.recoveryCodeUsed', actorId: user.id, ipAddress });
    return true;
  }
  await audit({ action: 'signIn.secondFactorFailure', actorId: user.id, ipAddress });
  return false;
}

/** Ends the session on the server, not just in the browser. */
export async function signOut(request: Request, ipAddress: string): Promise<void> {
  const token = tokenFrom(request);
  if (!token) return;
  const session = await db().staffSession.findUnique({ where: { tokenHash: tokenHash(token) } });
  if (!session || session.revokedAt) return;
  await db().staffSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
  await audit({ action: 'signOut', actorId: session.userId, ipAddress });
}

/** Ends every session of an account (password change, deactivation, an admin's decision). */
export async function revokeAllSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const result = await db().staffSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

/** requireStaff plus a permission check: a role that may not use the page gets 403. */
export async function requireStaffAllowed(
  request: Request,
  allowed: (actor: StaffSession['actor']) => boolean,
): Promise<StaffSession['actor']> {
  const actor = await requireStaff(request);
  if (!allowed(actor)) throw new Response('Forbidden', { status: 403 });
  return actor;
}

const ORIGIN = 'http://office.invalid';
/**
 * Where to go after signing in: only a path of this site under /office (never another site, a
 * protocol-relative URL or a sign-in page again). Anything else is dropped, not corrected.
 */
const RedirectTo = z
  .string()
  .max(2000)
  .refine((value) => value.startsWith('/') && !value.startsWith('//') && !value.includes('\\'))
  .transform((value) => new URL(value, ORIGIN))
  .refine((url) => url.origin === ORIGIN && (url.pathname === '/office' || url.pathname.startsWith('/office/')))
  .refine((url) => !url.pathname.startsWith('/office/sign-'))
  .transform((url) => `${url.pathname}${url.search}`);

/** The request's ?redirectTo=, if it is a safe back-office path. */
export function officeRedirectTarget(request: Request): string | null {
  const parsed = RedirectTo.safeParse(new URL(request.url).searchParams.get('redirectTo'));
  return parsed.success ? parsed.data : null;
}
