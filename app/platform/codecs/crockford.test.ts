import { describe, it, expect } from 'vitest';
import { ALPHABET, randomBytes, randomCrockford, seededRandom } from '../../../tests/support/seeded-random.ts';
import {
  CROCKFORD_ALPHABET,
  encodeCrockford,
  hasValidCheckCharacter,
  isCrockford,
  checkCharacter,
  normalizeCrockford,
} from './crockford.ts';

/** Reference encoder, written independently: the top 5·length bits of the bytes read as one big number. */
function referenceEncode(bytes: Uint8Array, length: number): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const spare = BigInt(bytes.length * 8 - length * 5);
  n >>= spare;
  let out = '';
  for (let i = length - 1; i >= 0; i--) out += ALPHABET[Number((n >> BigInt(i * 5)) & 31n)];
  return out;
}

function withCheck(payload: string): string {
  return payload + checkCharacter(payload);
}

describe('CROCKFORD_ALPHABET', () => {
  it('is the 32 symbols 0–9 and A–Z without I, L, O and U, in order', () => {
    const expected = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.replace(/[ILOU]/g, '');
    expect(CROCKFORD_ALPHABET).toBe(expected);
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(new Set(CROCKFORD_ALPHABET).size).toBe(32);
  });
});

describe('normalizeCrockford', () => {
  it('upper-cases', () => {
    expect(normalizeCrockford('abcdefghjkmnpqrstvwxyz')).toBe('ABCDEFGHJKMNPQRSTVWXYZ');
  });

  it('drops spaces, tabs, newlines and dashes of every kind, and underscores', () => {
    expect(normalizeCrockford(' AB CD\tEF\nGH ')).toBe('ABCDEFGH');
    expect(normalizeCrockford('AB-CD‐EF‑GH‒JK–MN—PQ_RS')).toBe('ABCDEFGHJKMNPQRS');
    expect(normalizeCrockford('AB\u3000CD')).toBe('ABCD'); // ideographic space is whitespace
  });

  it('maps the look-alikes I and L to 1 and O to 0, in either case', () => {
    expect(normalizeCrockford('I')).toBe('1');
    expect(normalizeCrockford('i')).toBe('1');
    expect(normalizeCrockford('L')).toBe('1');
    expect(normalizeCrockford('l')).toBe('1');
    expect(normalizeCrockford('O')).toBe('0');
    expect(normalizeCrockford('o')).toBe('0');
    expect(normalizeCrockford('il-Oo')).toBe('1100');
  });

  it('leaves U alone (it is not a Crockford character, so validation must reject it)', () => {
    expect(normalizeCrockford('u')).toBe('U');
    expect(isCrockford(normalizeCrockford('u'))).toBe(false);
  });

  it('is idempotent and leaves canonical strings unchanged', () => {
    expect(normalizeCrockford(CROCKFORD_ALPHABET)).toBe(CROCKFORD_ALPHABET);
    const once = normalizeCrockford(' xf-2611 ilo ');
    expect(normalizeCrockford(once)).toBe(once);
  });
});

describe('isCrockford', () => {
  it('accepts every alphabet character and the empty string', () => {
    for (const c of CROCKFORD_ALPHABET) expect(isCrockford(c), c).toBe(true);
    expect(isCrockford('')).toBe(true);
  });

  it('rejects I, L, O, U, lower case, punctuation and whitespace', () => {
    for (const c of ['I', 'L', 'O', 'U', 'a', 'z', '-', ' ', '*', '~', '$', '=', 'Ａ']) {
      expect(isCrockford(c), c).toBe(false);
      expect(isCrockford(`AB${c}CD`), c).toBe(false);
    }
  });
});

describe('encodeCrockford', () => {
  it('encodes 5 bits per character, most significant first', () => {
    expect(encodeCrockford(new Uint8Array([0, 0, 0, 0, 0]), 8)).toBe('00000000');
    expect(encodeCrockford(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe('ZZZZZZZZ');
    // 10000 10000 10000 … = 16 = G eight times
    expect(encodeCrockford(new Uint8Array([0x84, 0x21, 0x08, 0x42, 0x10]), 8)).toBe('GGGGGGGG');
    // 00000 00001 00010 00011 00100 00101 00110 00111
    expect(encodeCrockford(new Uint8Array([0x00, 0x44, 0x32, 0x14, 0xc7]), 8)).toBe('01234567');
    // 0xF8 = 11111 000: the leading 5 bits only
    expect(encodeCrockford(new Uint8Array([0xf8]), 1)).toBe('Z');
    expect(encodeCrockford(new Uint8Array([0x07]), 1)).toBe('0');
  });

  it('uses only the leading bits when more are supplied than needed', () => {
    // 7 bytes = 56 bits, 10 characters use the top 50; the low 6 bits of the last byte are ignored.
    const a = new Uint8Array([1, 2, 3, 4, 5, 6, 0b1100_0000]);
    const b = new Uint8Array([1, 2, 3, 4, 5, 6, 0b1111_1111]);
    expect(encodeCrockford(a, 10)).toBe(encodeCrockford(b, 10));
    const c = new Uint8Array([1, 2, 3, 4, 5, 6, 0b1000_0000]);
    expect(encodeCrockford(c, 10)).not.toBe(encodeCrockford(a, 10));
  });

  it('matches an independent big-integer encoder on random input', () => {
    const random = seededRandom(1);
    for (let t = 0; t < 500; t++) {
      const length = 1 + Math.floor(random() * 16);
      const bytes = randomBytes(random, Math.ceil((length * 5) / 8) + Math.floor(random() * 3));
      expect(encodeCrockford(bytes, length)).toBe(referenceEncode(bytes, length));
    }
  });

  it('returns exactly the requested number of characters, all from the alphabet', () => {
    const random = seededRandom(2);
    for (let length = 0; length <= 20; length++) {
      const out = encodeCrockford(randomBytes(random, 13), length);
      expect(out).toHaveLength(length);
      expect(isCrockford(out)).toBe(true);
    }
  });

  it('throws when there are too few bytes for the requested length', () => {
    expect(() => encodeCrockford(new Uint8Array([0xff]), 2)).toThrow(/need 2 bytes for 2 characters/);
    expect(() => encodeCrockford(new Uint8Array(4), 7)).toThrow(/need 5 bytes/); // 32 bits < 35
    expect(() => encodeCrockford(new Uint8Array(6), 10)).toThrow(/need 7 bytes/); // 48 bits < 50
    expect(() => encodeCrockford(new Uint8Array(0), 1)).toThrow();
    expect(encodeCrockford(new Uint8Array(5), 8)).toBe('00000000'); // 40 bits: exactly enough
  });
});

describe('check character', () => {
  it('is a single alphabet character and makes the string valid', () => {
    const random = seededRandom(3);
    for (let t = 0; t < 500; t++) {
      const payload = randomCrockford(random, 1 + Math.floor(random() * 15));
      const check = checkCharacter(payload);
      expect(check).toHaveLength(1);
      expect(CROCKFORD_ALPHABET).toContain(check);
      expect(hasValidCheckCharacter(payload + check)).toBe(true);
    }
  });

  it('is stable (stored receipt numbers must stay valid)', () => {
    // Pinned values: changing the algorithm would invalidate every receipt already issued.
    expect(checkCharacter('26117KQ4M2P')).toBe('7');
    expect(checkCharacter('00000000000')).toBe('0');
    expect(checkCharacter('1')).toBe('2');
    expect(checkCharacter('Z')).toBe('V');
  });

  it('accepts exactly one check character per payload', () => {
    const random = seededRandom(4);
    for (let t = 0; t < 50; t++) {
      const payload = randomCrockford(random, 11);
      const valid = [...CROCKFORD_ALPHABET].filter((c) => hasValidCheckCharacter(payload + c));
      expect(valid).toEqual([checkCharacter(payload)]);
    }
  });

  it('throws on characters outside the alphabet', () => {
    for (const bad of ['U', 'I', 'L', 'O', 'a', '-', ' ']) {
      expect(() => checkCharacter(`12${bad}34`), bad).toThrow(/not a Crockford character/);
    }
  });

  it('hasValidCheckCharacter rejects too-short and non-canonical strings', () => {
    expect(hasValidCheckCharacter('')).toBe(false);
    expect(hasValidCheckCharacter('0')).toBe(false); // a check character needs something to check
    const valid = withCheck('26117KQ4M2P');
    expect(hasValidCheckCharacter(valid)).toBe(true);
    expect(hasValidCheckCharacter(valid.toLowerCase())).toBe(false); // callers normalise first
    expect(hasValidCheckCharacter(`${valid.slice(0, 4)}-${valid.slice(4)}`)).toBe(false);
    expect(hasValidCheckCharacter(valid.replace('Q', 'U'))).toBe(false); // no throw on U
  });

  const SAMPLE_BODIES = 200;

  it(`detects EVERY single-character substitution in ${SAMPLE_BODIES} random 12-character bodies`, () => {
    const random = seededRandom(5);
    let checked = 0;
    for (let t = 0; t < SAMPLE_BODIES; t++) {
      const full = withCheck(randomCrockford(random, 11));
      expect(full).toHaveLength(12);
      for (let i = 0; i < full.length; i++) {
        for (const c of CROCKFORD_ALPHABET) {
          if (c === full[i]) continue;
          const mutated = full.slice(0, i) + c + full.slice(i + 1);
          if (hasValidCheckCharacter(mutated)) throw new Error(`undetected substitution ${full} → ${mutated}`);
          checked++;
        }
      }
    }
    expect(checked).toBe(SAMPLE_BODIES * 12 * 31);
  });

  it(`detects EVERY adjacent transposition of distinct characters in ${SAMPLE_BODIES} random bodies`, () => {
    const random = seededRandom(6);
    let checked = 0;
    for (let t = 0; t < SAMPLE_BODIES; t++) {
      const full = withCheck(randomCrockford(random, 11));
      for (let i = 0; i + 1 < full.length; i++) {
        if (full[i] === full[i + 1]) continue;
        const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
        if (hasValidCheckCharacter(swapped)) throw new Error(`undetected transposition ${full} → ${swapped}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(SAMPLE_BODIES * 10);
  });

  it('detects the transposition of EVERY ordered pair of distinct characters at every payload position', () => {
    const random = seededRandom(7);
    for (let body = 0; body < 4; body++) {
      const base = randomCrockford(random, 11);
      for (let i = 0; i + 1 < 11; i++) {
        for (const a of CROCKFORD_ALPHABET) {
          for (const b of CROCKFORD_ALPHABET) {
            if (a === b) continue;
            const payload = base.slice(0, i) + a + b + base.slice(i + 2);
            const check = checkCharacter(payload);
            const swapped = base.slice(0, i) + b + a + base.slice(i + 2) + check;
            if (hasValidCheckCharacter(swapped)) throw new Error(`undetected ${payload}${check} → ${swapped}`);
          }
        }
      }
    }
  });

  it('detects the swap of the last payload character with the check character, for every pair', () => {
    const random = seededRandom(8);
    const middle = randomCrockford(random, 9);
    const covered = new Set<string>();
    for (const last of CROCKFORD_ALPHABET) {
      // Varying the first character runs the check character through all 32 values.
      for (const first of CROCKFORD_ALPHABET) {
        const payload = first + middle + last;
        const check = checkCharacter(payload);
        if (check === last) continue;
        covered.add(last + check);
        const swapped = first + middle + check + last;
        if (hasValidCheckCharacter(swapped)) throw new Error(`undetected ${payload}${check} → ${swapped}`);
      }
    }
    expect(covered.size).toBe(32 * 31);
  });

  it('detects swaps of 0 and Z, which Luhn mod 32 missed', () => {
    for (const payload of ['1230Z456789', '123Z0456789', 'ABCDEFGHJ0Z', '0Z000000000']) {
      const full = withCheck(payload);
      const i = full.search(/0Z|Z0/);
      const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
      expect(hasValidCheckCharacter(swapped), `${full} → ${swapped}`).toBe(false);
    }
  });
});
