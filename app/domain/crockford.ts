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

/**
 * Luhn mod 32 check character over Crockford characters. It catches every single mistyped
 * character and every swap of two neighbouring characters.
 */
export function luhnCheckCharacter(payload: string): string {
  const n = CROCKFORD_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const codePoint = CROCKFORD_ALPHABET.indexOf(payload[i]!);
    if (codePoint < 0) throw new Error(`not a Crockford character: ${payload[i]}`);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return CROCKFORD_ALPHABET[(n - (sum % n)) % n]!;
}

export function hasValidLuhnCheck(value: string): boolean {
  if (value.length < 2 || !isCrockford(value)) return false;
  return luhnCheckCharacter(value.slice(0, -1)) === value.slice(-1);
}
