// The keyed side of access codes (access-code.ts has the format): the code a form's idempotency
// key derives, and the hash that is all the database keeps of it.
import { hashesEqual, keyedBytes, keyedHash } from '#app/platform/crypto/keys.server.ts';
import { ACCESS_CODE_BYTES, buildAccessCode } from './access-code.ts';

export function accessCodeHash(accessCode: string): string {
  return keyedHash('access-code', accessCode);
}

/**
 * The access code is derived from the form's idempotency key under the server's HMAC key, so a
 * retried POST (refresh, double click, flaky network) can show the same code again without the
 * code ever being stored.
 */
export function accessCodeFor(idempotencyKey: string): string {
  return buildAccessCode(keyedBytes('access-code-seed', idempotencyKey).subarray(0, ACCESS_CODE_BYTES));
}

// A fixed hash to compare against when there is no case, so that failure takes as long as a wrong code.
const NO_SUCH_CASE_HASH = '0'.repeat(64);

/** Whether a typed code opens a case by its stored hash (null: no such case, compared all the same). */
export function accessCodeOpens(storedHash: string | null, accessCode: string): boolean {
  const matches = hashesEqual(storedHash ?? NO_SUCH_CASE_HASH, accessCodeHash(accessCode));
  return storedHash !== null && matches;
}
