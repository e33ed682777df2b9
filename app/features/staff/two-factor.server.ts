// Two-step verification (TOTP): the set-up page's secret, sealed in the form so the browser can
// neither read, choose nor reuse it; turning it on with a first code; the recovery codes, shown once.
// Admins and supervisors are sent to the set-up until it is on.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { encodeCrockford } from '#app/platform/codecs/crockford.ts';
import { keyedHash, seal, unseal } from '#app/platform/crypto/keys.server.ts';
import { db } from '#app/platform/db.server.ts';
import { rawForm } from '#app/platform/http/forms.ts';
import { requiresSecondFactor } from './permissions.ts';
import { base32Decode, base32Encode, otpauthUri, verifyTotp } from './totp.server.ts';
import type { StaffSession } from './sign-in.server.ts';

/** A new TOTP secret to show as a QR code; it is kept sealed until a first code proves the app has it. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/**
 * Turns two-step verification on once a first code proves the app has the secret, and returns
 * the ten recovery codes (only their keyed hashes are kept). Null for a wrong code; 'alreadyOn'
 * when it is on already, so a repeated POST never replaces the codes just shown.
 */
export async function enableTotp(
  userId: string,
  secretBase32: string,
  code: string,
  ipAddress: string,
  now = new Date(),
): Promise<string[] | null | 'alreadyOn'> {
  const step = verifyTotp(base32Decode(secretBase32), code, now);
  if (step === null) return null;
  const recoveryCodes = Array.from({ length: 10 }, () => encodeCrockford(randomBytes(7), 10));
  const updated = await db().staffUser.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: {
      totpSecretSealed: seal(secretBase32),
      totpEnabledAt: now,
      totpLastStep: step,
      recoveryCodeHashes: recoveryCodes.map((c) => keyedHash('recovery-code', c)),
    },
  });
  if (updated.count === 0) return 'alreadyOn';
  await audit({ action: 'totp.enabled', actorId: userId, targetType: 'StaffUser', targetId: userId, ipAddress });
  return recoveryCodes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

/** How long a page's secret stays usable: enough to install an app, short enough not to linger. */
const SETUP_TTL_MS = 30 * 60 * 1000;

/** The secret travels in a hidden field, sealed with the server's key and bound to the account and a time. */
const SealedSetup = z.object({
  userId: z.string(),
  secret: z.string().regex(/^[A-Z2-7]{16,128}$/),
  issuedAt: z.number().int(),
});

function sealSetup(userId: string, secret: string, now = Date.now()): string {
  return seal(JSON.stringify({ userId, secret, issuedAt: now } satisfies z.infer<typeof SealedSetup>));
}

function openSetup(sealed: string, userId: string, now = Date.now()): string | null {
  const plain = unseal(sealed);
  if (!plain) return null;
  let json: unknown;
  try {
    json = JSON.parse(plain);
  } catch {
    return null;
  }
  const parsed = SealedSetup.safeParse(json);
  if (!parsed.success || parsed.data.userId !== userId) return null;
  const age = now - parsed.data.issuedAt;
  return age >= -60_000 && age <= SETUP_TTL_MS ? parsed.data.secret : null;
}

export interface SetupView {
  sealed: string;
  /** Server-generated SVG markup of the otpauth:// URI (no user input in it but the account's email). */
  qrSvg: string;
  /** The key in groups of four, for typing into an app by hand. */
  key: string;
}

async function setupView(secret: string, sealed: string, account: string, issuer: string): Promise<SetupView> {
  // Imported here rather than at the top, so that it stays out of the browser's bundle.
  const { toString } = await import('qrcode');
  const qrSvg = await toString(otpauthUri(secret, account, issuer), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { sealed, qrSvg, key: secret.match(/.{1,4}/g)?.join(' ') ?? secret };
}

async function freshSetup(session: StaffSession, issuer: string): Promise<SetupView> {
  const secret = newTotpSecret();
  return await setupView(secret, sealSetup(session.actor.id, secret), session.actor.email, issuer);
}

export interface TwoFactorPage {
  required: boolean;
  enabled: boolean;
  /** Null when it is on already: nothing to set up (changing the phone goes through an administrator). */
  setup: SetupView | null;
}

export async function twoFactorPage(session: StaffSession, issuer: string): Promise<TwoFactorPage> {
  const enabled = session.actor.totpEnabled;
  return { required: requiresSecondFactor(session.actor.role), enabled, setup: enabled ? null : await freshSetup(session, issuer) };
}

const CodeField = z
  .string('missing')
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'missing')
      .regex(/^\d{6}$/, 'format'),
  );

export type EnableOutcome =
  | { ok: true; recoveryCodes: string[]; continueTo: string }
  | { ok: false; alreadyOn: true }
  | { ok: false; alreadyOn: false; error: 'missing' | 'format' | 'wrong' | 'expired'; setup: SetupView };

/** The set-up form's post: the sealed secret and the first code. */
export async function enableTwoFactorWithForm(
  session: StaffSession,
  form: URLSearchParams,
  ipAddress: string,
  issuer: string,
): Promise<EnableOutcome> {
  if (session.actor.totpEnabled) return { ok: false, alreadyOn: true };
  const raw = rawForm(form);
  const sealed = z.string().max(2000).safeParse(raw.setup);
  const secret = sealed.success ? openSetup(sealed.data, session.actor.id) : null;
  // Expired or tampered with: start again with a new secret rather than trust the field.
  if (!sealed.success || !secret) return { ok: false, alreadyOn: false, error: 'expired', setup: await freshSetup(session, issuer) };
  const sameSetup = await setupView(secret, sealed.data, session.actor.email, issuer);
  const code = CodeField.safeParse(raw.code);
  if (!code.success) {
    const error = code.error.issues[0]?.message === 'format' ? 'format' : 'missing';
    return { ok: false, alreadyOn: false, error, setup: sameSetup };
  }
  const recoveryCodes = await enableTotp(session.actor.id, secret, code.data, ipAddress);
  if (recoveryCodes === 'alreadyOn') return { ok: false, alreadyOn: true };
  if (!recoveryCodes) return { ok: false, alreadyOn: false, error: 'wrong', setup: sameSetup };
  const continueTo = session.actor.mustChangePassword
    ? '/office/account/password'
    : requiresSecondFactor(session.actor.role)
      ? '/office'
      : '/office/account';
  return { ok: true, recoveryCodes, continueTo };
}
