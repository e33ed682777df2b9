import { describe, it, expect } from 'vitest';
import { encodeCrockford, hasValidCheckCharacter, checkCharacter } from '#app/platform/codecs/crockford.ts';
import { ALPHABET, randomBytes, seededRandom, toFullWidth } from '../../../tests/support/seeded-random.ts';
import { RECEIPT_PREFIX, RECEIPT_RANDOM_BYTES, RECEIPT_RANDOM_CHARS, buildReceiptNo, parseReceiptNo } from './receipt.ts';

const SHANGHAI = 'Asia/Shanghai';
const SHAPE = /^XF-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const BYTES = new Uint8Array([0x3a, 0x9f, 0x12, 0xc4, 0x7e]);

/** A canonical receipt number for an arbitrary 11-character body, with its check character. */
function receiptFor(body: string): string {
  const full = body + checkCharacter(body);
  return `XF-${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8)}`;
}

describe('constants', () => {
  it('uses the XF prefix, 7 random characters from 5 bytes', () => {
    expect(RECEIPT_PREFIX).toBe('XF');
    expect(RECEIPT_RANDOM_CHARS).toBe(7);
    expect(RECEIPT_RANDOM_BYTES).toBe(5);
    expect(RECEIPT_RANDOM_BYTES * 8).toBeGreaterThanOrEqual(RECEIPT_RANDOM_CHARS * 5);
  });
});

describe('buildReceiptNo', () => {
  it('has the shape XF-YYMM-XXXX-XXXX', () => {
    const random = seededRandom(10);
    for (let t = 0; t < 200; t++) {
      const receipt = buildReceiptNo(new Date(Date.UTC(2020 + (t % 10), t % 12, 1 + (t % 28), t % 24)), randomBytes(random, 5), SHANGHAI);
      expect(receipt).toMatch(SHAPE);
      expect(receipt).toHaveLength(17);
    }
  });

  it('puts the year and month of receipt first, then the random characters, then a valid check character', () => {
    const receipt = buildReceiptNo(new Date('2026-11-15T04:00:00Z'), BYTES, SHANGHAI);
    const compact = receipt.slice(3).replace(/-/g, '');
    expect(compact.slice(0, 4)).toBe('2611');
    expect(compact.slice(4, 11)).toBe(encodeCrockford(BYTES, 7));
    expect(hasValidCheckCharacter(compact)).toBe(true);
    expect(compact[11]).toBe(checkCharacter(compact.slice(0, 11)));
  });

  it('takes the year and month in Shanghai time, not UTC', () => {
    // 2026-11-30T17:00Z is 2026-12-01 01:00 in Shanghai.
    expect(buildReceiptNo(new Date('2026-11-30T17:00:00Z'), BYTES, SHANGHAI)).toMatch(/^XF-2612-/);
    expect(buildReceiptNo(new Date('2026-11-30T15:59:59.999Z'), BYTES, SHANGHAI)).toMatch(/^XF-2611-/);
    expect(buildReceiptNo(new Date('2026-11-30T16:00:00Z'), BYTES, SHANGHAI)).toMatch(/^XF-2612-/);
    // New year: 2026-12-31T16:00Z is already 2027-01-01 in Shanghai.
    expect(buildReceiptNo(new Date('2026-12-31T16:00:00Z'), BYTES, SHANGHAI)).toMatch(/^XF-2701-/);
    expect(buildReceiptNo(new Date('2026-12-31T15:59:59.999Z'), BYTES, SHANGHAI)).toMatch(/^XF-2612-/);
  });

  it('honours the time zone it is given', () => {
    expect(buildReceiptNo(new Date('2026-11-30T17:00:00Z'), BYTES, 'UTC')).toMatch(/^XF-2611-/);
    expect(buildReceiptNo(new Date('2026-12-01T02:00:00Z'), BYTES, 'America/New_York')).toMatch(/^XF-2611-/);
  });

  it('zero-pads single-digit months and years', () => {
    expect(buildReceiptNo(new Date('2005-03-10T00:00:00Z'), BYTES, SHANGHAI)).toMatch(/^XF-0503-/);
  });

  it('is a pure function of its inputs', () => {
    const at = new Date('2026-05-05T05:05:05Z');
    expect(buildReceiptNo(at, BYTES, SHANGHAI)).toBe(buildReceiptNo(at, new Uint8Array(BYTES), SHANGHAI));
  });

  it('throws when given fewer than 5 random bytes', () => {
    expect(() => buildReceiptNo(new Date(), new Uint8Array(4), SHANGHAI)).toThrow();
  });

  it('is not sequential: different random bytes give different receipt numbers', () => {
    const at = new Date('2026-11-15T04:00:00Z');
    const a = buildReceiptNo(at, new Uint8Array([0, 0, 0, 0, 1 << 5]), SHANGHAI);
    const b = buildReceiptNo(at, new Uint8Array([0, 0, 0, 0, 2 << 5]), SHANGHAI);
    expect(a).not.toBe(b);
    // Flipping any one of the 35 bits that are used changes the number.
    const base = buildReceiptNo(at, BYTES, SHANGHAI);
    for (let bit = 0; bit < 35; bit++) {
      const flipped = new Uint8Array(BYTES);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect(buildReceiptNo(at, flipped, SHANGHAI), `bit ${bit}`).not.toBe(base);
    }
    // Many receipts in the same month are all distinct.
    const random = seededRandom(11);
    const seen = new Set<string>();
    for (let t = 0; t < 2000; t++) seen.add(buildReceiptNo(at, randomBytes(random, 5), SHANGHAI));
    expect(seen.size).toBe(2000);
  });
});

describe('parseReceiptNo', () => {
  const at = new Date('2026-10-15T04:00:00Z'); // YYMM 2610: contains both 1 and 0
  const canonical = buildReceiptNo(at, BYTES, SHANGHAI);
  const compact = canonical.slice(3).replace(/-/g, '');

  it('returns the canonical form unchanged', () => {
    expect(canonical).toMatch(/^XF-2610-/);
    expect(parseReceiptNo(canonical)).toBe(canonical);
  });

  it('round trips every built receipt number', () => {
    const random = seededRandom(13);
    for (let t = 0; t < 500; t++) {
      const receipt = buildReceiptNo(new Date(Date.UTC(2022, 0, 1) + t * 86_400_000), randomBytes(random, 5), SHANGHAI);
      expect(parseReceiptNo(receipt)).toBe(receipt);
    }
  });

  it('accepts lower case', () => {
    expect(parseReceiptNo(canonical.toLowerCase())).toBe(canonical);
  });

  it('accepts spaces in place of dashes, and stray whitespace', () => {
    expect(parseReceiptNo(canonical.replace(/-/g, ' '))).toBe(canonical);
    expect(parseReceiptNo(`  ${canonical}\n`)).toBe(canonical);
    expect(parseReceiptNo(compact.split('').join(' '))).toBe(canonical);
  });

  it('accepts missing dashes', () => {
    expect(parseReceiptNo(`XF${compact}`)).toBe(canonical);
    expect(parseReceiptNo(`XF-${compact}`)).toBe(canonical);
  });

  it('accepts a missing XF prefix', () => {
    expect(parseReceiptNo(compact)).toBe(canonical);
    expect(parseReceiptNo(canonical.slice(3))).toBe(canonical);
    expect(parseReceiptNo(compact.toLowerCase())).toBe(canonical);
  });

  it('accepts I, L and O typed for 1 and 0', () => {
    const lookalike = canonical.replace('2610', '26IO');
    expect(lookalike).not.toBe(canonical);
    expect(parseReceiptNo(lookalike)).toBe(canonical);
    expect(parseReceiptNo(canonical.replace('2610', '26lo'))).toBe(canonical);
    expect(parseReceiptNo(canonical.replace('2610', '26Lo'))).toBe(canonical);
    // in the random part too
    const withOnes = receiptFor('26101A0B1C0');
    const typed = withOnes.replace('-1A0B-', '-lAoB-').replace(/-1C0(.)$/, '-IC O$1');
    expect(typed).not.toBe(withOnes);
    expect(typed).toMatch(/^XF-2610-lAoB-IC O.$/);
    expect(parseReceiptNo(typed)).toBe(withOnes);
  });

  it('accepts full-width characters (NFKC)', () => {
    const full = toFullWidth(canonical);
    expect(full).not.toBe(canonical);
    expect(full).toMatch(/^ＸＦ－/);
    expect(parseReceiptNo(full)).toBe(canonical);
    expect(parseReceiptNo(toFullWidth(canonical.toLowerCase().replace(/-/g, ' ')))).toBe(canonical);
    expect(parseReceiptNo(toFullWidth(compact))).toBe(canonical);
  });

  it('rejects every wrong check character', () => {
    const body = canonical.slice(0, -1);
    let rejected = 0;
    for (const c of ALPHABET) {
      if (c === canonical.slice(-1)) continue;
      expect(parseReceiptNo(body + c), body + c).toBeNull();
      rejected++;
    }
    expect(rejected).toBe(31);
  });

  it('rejects a mistyped character or swapped neighbours', () => {
    const typo = canonical.slice(0, 9) + (canonical[9] === 'A' ? 'B' : 'A') + canonical.slice(10);
    expect(parseReceiptNo(typo)).toBeNull();
  });

  it('rejects the wrong length even when the check character is valid', () => {
    // 11 and 13 characters, each with a correct check character of its own
    const short = compact.slice(0, 10);
    const long = compact.slice(0, 11) + 'A';
    expect(hasValidCheckCharacter(short + checkCharacter(short))).toBe(true);
    expect(parseReceiptNo(short + checkCharacter(short))).toBeNull();
    expect(parseReceiptNo(`XF${long}${checkCharacter(long)}`)).toBeNull();
    expect(parseReceiptNo(canonical.slice(0, -1))).toBeNull();
    expect(parseReceiptNo(`${canonical}0`)).toBeNull();
  });

  it('rejects a non-digit year-and-month part even when the check character is valid', () => {
    for (const body of ['26A1ABCDEFG', 'Z611ABCDEFG', '2B11ABCDEFG', '261KABCDEFG']) {
      const receipt = receiptFor(body);
      expect(hasValidCheckCharacter(receipt.slice(3).replace(/-/g, ''))).toBe(true);
      expect(parseReceiptNo(receipt), receipt).toBeNull();
    }
    // control: the same construction with digits is accepted
    expect(parseReceiptNo(receiptFor('2611ABCDEFG'))).toBe(receiptFor('2611ABCDEFG'));
  });

  it('rejects characters outside the alphabet (U) and other junk', () => {
    expect(parseReceiptNo(canonical.slice(0, 9) + 'U' + canonical.slice(10))).toBeNull();
    expect(parseReceiptNo('')).toBeNull();
    expect(parseReceiptNo('XF')).toBeNull();
    expect(parseReceiptNo('XF-----')).toBeNull();
    expect(parseReceiptNo(`${canonical}*`)).toBeNull();
    expect(parseReceiptNo(`YF${compact}`)).toBeNull();
    expect(parseReceiptNo(`XFXF${compact}`)).toBeNull();
  });
});
