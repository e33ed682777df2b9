// Staff accounts: creation with a one-time password, password changes and two-factor setup.
import { randomBytes } from 'node:crypto';
import { audit } from '#app/features/audit/audit.server.ts';
import { encodeCrockford } from '#app/platform/codecs/crockford.ts';
import { keyedHash, seal } from '#app/platform/crypto/keys.server.ts';
import { db } from '#app/platform/db.server.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.server.ts';
import { normalizeEmail, revokeAllSessions } from './sign-in.server.ts';
import { base32Decode, base32Encode, verifyTotp } from './totp.server.ts';
import type { StaffRole } from './permissions.ts';

/** 20 Crockford characters (100 bits), grouped for reading: shown once, changed at first sign-in. */
export function oneTimePassword(): string {
  const raw = encodeCrockford(randomBytes(13), 20);
  return raw.match(/.{5}/g)!.join('-');
}

export class StaffAccountError extends Error {
  constructor(
    readonly code: 'emailTaken' | 'unitRequired' | 'wrongPassword' | 'weakPassword' | 'badCode' | 'alreadyEnabled',
    readonly detail?: string,
  ) {
    super(code);
  }
}

export async function createStaffAccount(
  input: { email: string; name: string; role: StaffRole; unitId?: string | null },
  createdBy: { actorId: string | null; ipAddress: string | null },
): Promise<{ id: string; oneTimePassword: string }> {
  const email = normalizeEmail(input.email);
  if (input.role === 'HANDLER' && !input.unitId) throw new StaffAccountError('unitRequired');
  if (await db().staffUser.findUnique({ where: { email } })) throw new StaffAccountError('emailTaken');
  const password = oneTimePassword();
  const user = await db().staffUser.create({
    data: {
      email,
      name: input.name.trim(),
      role: input.role,
      unitId: input.unitId ?? null,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
  });
  await audit({
    action: 'staff.created',
    actorId: createdBy.actorId,
    targetType: 'StaffUser',
    targetId: user.id,
    ipAddress: createdBy.ipAddress,
    details: { email, role: input.role, unitId: input.unitId ?? null },
  });
  return { id: user.id, oneTimePassword: password };
}

export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  context: { sessionId: string; ipAddress: string },
): Promise<void> {
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new StaffAccountError('wrongPassword');
  const problem = passwordProblem(newPassword, user.email);
  if (problem) throw new StaffAccountError('weakPassword', problem);
  if (await verifyPassword(user.passwordHash, newPassword)) throw new StaffAccountError('weakPassword', 'sameAsOld');
  await db().staffUser.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
  });
  // Anyone else holding a session of this account is signed out.
  await revokeAllSessions(userId, context.sessionId);
  await audit({ action: 'password.changed', actorId: userId, targetType: 'StaffUser', targetId: userId, ipAddress: context.ipAddress });
}

/** A new TOTP secret to show as a QR code; it is kept sealed until a first code proves the app has it. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export async function enableTotp(
  userId: string,
  secretBase32: string,
  code: string,
  ipAddress: string,
  now = new Date(),
): Promise<string[]> {
  const step = verifyTotp(base32Decode(secretBase32), code, now);
  if (step === null) throw new StaffAccountError('badCode');
  const recoveryCodes = Array.from({ length: 10 }, () => encodeCrockford(randomBytes(7), 10));
  // Only while it is still off: a repeated POST must not replace the recovery codes just shown.
  const updated = await db().staffUser.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: {
      totpSecretSealed: seal(secretBase32),
      totpEnabledAt: now,
      totpLastStep: step,
      recoveryCodeHashes: recoveryCodes.map((c) => keyedHash('recovery-code', c)),
    },
  });
  if (updated.count === 0) throw new StaffAccountError('alreadyEnabled');
  await audit({ action: 'totp.enabled', actorId: userId, targetType: 'StaffUser', targetId: userId, ipAddress });
  return recoveryCodes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}
