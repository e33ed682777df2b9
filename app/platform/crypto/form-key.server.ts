// A fresh key for each form a page shows. A retried or repeated post of that form carries the
// same key, so the server finds what the first post did instead of doing it twice.
import { randomBytes } from 'node:crypto';

export function newFormKey(): string {
  return randomBytes(18).toString('base64url');
}
