// Keyed hashes and sealed (encrypted and authenticated) values, from the server's secrets.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '#app/platform/env.server.ts';

/** HMAC-SHA256 under HMAC_KEY, separated by purpose so one hash cannot stand in for another. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', env().HMAC_KEY).update(`${purpose}\u0000${value}`).digest('hex');
}

export function keyedBytes(purpose: string, value: string): Buffer {
  return createHmac('sha256', env().HMAC_KEY).update(`${purpose}\u0000${value}`).digest();
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

let derived: { secret: string; key: Buffer } | null = null;

function sealingKey(): Buffer {
  const secret = env().SESSION_SECRET;
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'petition-desk', 'sealed-cookie-v1', 32)) };
  }
  return derived.key;
}

/** AES-256-GCM: the value can be neither read nor altered without SESSION_SECRET. */
export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function unseal(sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 29) return null;
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
