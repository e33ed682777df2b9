// The keyed fingerprint of a phone number or email address: how a repeat from the same person is
// recognised, and how staff find a case by the number a caller gives, without either being stored
// or compared in clear.
import { keyedHash } from '#app/platform/crypto/keys.server.ts';

/** `value` as the submission normalised it (normalizePhone; email addresses in any case). */
export function contactFingerprint(kind: 'phone' | 'email', value: string): string {
  return keyedHash(`contact-${kind}`, kind === 'email' ? value.toLowerCase() : value);
}
