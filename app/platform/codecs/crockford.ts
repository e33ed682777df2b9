// Crockford base32: no I, L, O or U, so what people read aloud or copy by hand survives.
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Upper-cases, drops spaces and dashes, and maps the look-alikes I/L → 1 and O → 0. */
export function normalizeCrockford(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function isCrockford(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]*$/.test(value);
}

/** Encodes bytes as Crockford characters, 5 bits each, most significant first. */
export function encodeCrockford(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      bits -= 5;
      out += CROCKFORD_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
    if (out.length === length) return out;
  }
  if (out.length < length) throw new Error(`need ${Math.ceil((length * 5) / 8)} bytes for ${length} characters`);
  return out;
}

/** Multiplies by x in GF(32) = GF(2)[x] / (x⁵ + x² + 1), a primitive polynomial. */
function timesX(value: number): number {
  const shifted = value << 1;
  return shifted & 32 ? shifted ^ 0b100101 : shifted;
}

/**
 * Check character over Crockford characters, chosen so that the characters, weighted by distinct
 * powers of x in GF(32), sum to zero. It catches every single mistyped character and every swap
 * of two neighbouring characters, the check character included. (Plain Luhn mod 32, used before,
 * missed swaps of 0 and Z, as Luhn mod 10 misses 09 ↔ 90.)
 */
export function checkCharacter(payload: string): string {
  let sum = 0;
  for (const character of payload) {
    const value = CROCKFORD_ALPHABET.indexOf(character);
    if (value < 0) throw new Error(`not a Crockford character: ${character}`);
    sum = timesX(sum) ^ value;
  }
  return CROCKFORD_ALPHABET[timesX(sum)]!;
}

export function hasValidCheckCharacter(value: string): boolean {
  if (value.length < 2 || !isCrockford(value)) return false;
  return checkCharacter(value.slice(0, -1)) === value.slice(-1);
}
