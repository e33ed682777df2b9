// Receipt numbers (受理编号) such as XF-2611-7KQ4-M2P7: the prefix, the year and month of
// receipt, seven random Crockford characters (35 bits) and a check character (see app/platform/codecs/crockford.ts).
// They are not sequential, so nobody can count cases or guess a neighbour's number.
import { encodeCrockford, hasValidCheckCharacter, checkCharacter, normalizeCrockford } from '#app/platform/codecs/crockford.ts';

export const RECEIPT_PREFIX = 'XF';
export const RECEIPT_RANDOM_CHARS = 7;
export const RECEIPT_RANDOM_BYTES = 5;

const yearMonthFormats = new Map<string, Intl.DateTimeFormat>();

function yearMonth(date: Date, timeZone: string): string {
  let format = yearMonthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: '2-digit', month: '2-digit' });
    yearMonthFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}`;
}

/** Builds a receipt number from 5 random bytes; the caller supplies the randomness. */
export function buildReceiptNo(receivedAt: Date, randomBytes: Uint8Array, timeZone: string): string {
  const body = `${yearMonth(receivedAt, timeZone)}${encodeCrockford(randomBytes, RECEIPT_RANDOM_CHARS)}`;
  const full = `${body}${checkCharacter(body)}`;
  return `${RECEIPT_PREFIX}-${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}`;
}

/**
 * Turns whatever the citizen typed ("xf 2611 7kq4 m2p7", "26117KQ4M2P7", with dashes or not)
 * into the canonical form, or null when it is not a well-formed receipt number.
 */
export function parseReceiptNo(input: string): string | null {
  let compact = normalizeCrockford(input.normalize('NFKC'));
  if (compact.startsWith(RECEIPT_PREFIX)) compact = compact.slice(RECEIPT_PREFIX.length);
  if (compact.length !== 12 || !/^\d{4}/.test(compact) || !hasValidCheckCharacter(compact)) return null;
  return `${RECEIPT_PREFIX}-${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
}
