// Changing a password: by choice from My account, or forced after a one-time password. The current
// password is checked, the new one must pass the policy (passwords.server.ts), every other session
// of the account ends, and the change is audited.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { db } from '#app/platform/db.server.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.server.ts';
import { PASSWORD_INPUT_MAX } from './sign-in-forms.server.ts';
import { revokeAllSessions, type StaffSession } from './sign-in.server.ts';

/** passwordProblem's upper limit, for the message. */
export const PASSWORD_MAX_LENGTH = 256;
const ATTEMPTS_PER_WINDOW = 10;
const ATTEMPT_WINDOW_SECONDS = 15 * 60;

export const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];

const PasswordForm = z.object({
  currentPassword: z.string('currentMissing').min(1, 'currentMissing').max(PASSWORD_INPUT_MAX, 'wrongPassword'),
  newPassword: z.string('newMissing').min(1, 'newMissing').max(PASSWORD_INPUT_MAX, 'weak.tooLong'),
  confirmPassword: z.string('confirmMissing').min(1, 'confirmMissing').max(PASSWORD_INPUT_MAX, 'mismatch'),
});

const WeakDetail = z.enum(['tooShort', 'tooLong', 'containsEmail', 'tooSimple', 'sameAsOld']).catch('tooSimple');

export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  context: { sessionId: string; ipAddress: string },
): Promise<'changed' | 'wrongPassword' | { weak: string }> {
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) return 'wrongPassword';
  const problem = passwordProblem(newPassword, user.email);
  if (problem) return { weak: problem };
  if (await verifyPassword(user.passwordHash, newPassword)) return { weak: 'sameAsOld' };
  await db().staffUser.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
  });
  // Anyone else holding a session of this account is signed out.
  await revokeAllSessions(userId, context.sessionId);
  await audit({ action: 'password.changed', actorId: userId, targetType: 'StaffUser', targetId: userId, ipAddress: context.ipAddress });
  return 'changed';
}

/** The password page's post. Passwords are never shown again, so no values come back. */
export async function changePasswordWithForm(
  session: StaffSession,
  form: URLSearchParams,
  ipAddress: string,
): Promise<Outcome<PasswordField>> {
  const parsed = parseForm(form, PasswordForm);
  // A confirmation that differs is said together with any other problem.
  const { newPassword, confirmPassword } = parsed.values;
  const mismatch = newPassword !== undefined && confirmPassword !== undefined && confirmPassword !== '' && newPassword !== confirmPassword;
  if (!parsed.ok || mismatch) {
    const errors = parsed.ok ? {} : parsed.errors;
    return refused({ errors: { ...errors, confirmPassword: errors.confirmPassword ?? (mismatch ? 'mismatch' : undefined) }, values: {} });
  }
  // A stolen session must not become a way to guess the password at leisure.
  const limit = await consumeRateLimit(`password-change:${session.actor.id}`, ATTEMPTS_PER_WINDOW, ATTEMPT_WINDOW_SECONDS);
  if (!limit.allowed) return refusedFor('tooMany', 429);
  const result = await changePassword(session.actor.id, parsed.value.currentPassword, parsed.value.newPassword, {
    sessionId: session.sessionId,
    ipAddress,
  });
  if (result === 'wrongPassword') return refused({ errors: { currentPassword: 'wrongPassword' }, values: {} });
  if (result !== 'changed') return refused({ errors: { newPassword: `weak.${WeakDetail.parse(result.weak)}` }, values: {} });
  return { ok: true, notice: { key: 'office-auth:account.notices.password' } };
}
