// Staff accounts: creation with a one-time password (changed at the first sign-in). Changing a
// password is in password-change.server.ts, two-step verification in two-factor.server.ts.
import { randomBytes } from 'node:crypto';
import { audit } from '#app/features/audit/audit.server.ts';
import { encodeCrockford } from '#app/platform/codecs/crockford.ts';
import { db } from '#app/platform/db.server.ts';
import { hashPassword } from './passwords.server.ts';
import { normalizeEmail } from './sign-in.server.ts';
import type { StaffRole } from './permissions.ts';

/** 20 Crockford characters (100 bits), grouped for reading: shown once, changed at first sign-in. */
export function oneTimePassword(): string {
  const raw = encodeCrockford(randomBytes(13), 20);
  return raw.match(/.{5}/g)!.join('-');
}

export class StaffAccountError extends Error {
  constructor(
    readonly code: 'emailTaken' | 'unitRequired',
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
