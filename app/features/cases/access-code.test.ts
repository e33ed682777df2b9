import { describe, it, expect } from 'vitest';
import { encodeCrockford } from '#app/platform/codecs/crockford.ts';
import { randomBytes, seededRandom, toFullWidth } from '../../../tests/support/seeded-random.ts';
import { ACCESS_CODE_BYTES, ACCESS_CODE_CHARS, buildAccessCode, formatAccessCode, parseAccessCode } from './access-code.ts';

const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

describe('buildAccessCode', () => {
  it('is 10 Crockford characters (50 bits) from 7 bytes', () => {
    expect(ACCESS_CODE_CHARS).toBe(10);
    expect(ACCESS_CODE_BYTES).toBe(7);
    const random = seededRandom(20);
    for (let t = 0; t < 200; t++) {
      const bytes = randomBytes(random, 7);
      const code = buildAccessCode(bytes);
      expect(code).toMatch(CODE);
      expect(code).toBe(encodeCrockford(bytes, 10));
    }
  });

  it('uses the top 50 of the 56 bits: each of them matters, the last 6 do not', () => {
    const base = new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde]);
    const code = buildAccessCode(base);
    for (let bit = 0; bit < 56; bit++) {
      const flipped = new Uint8Array(base);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      if (bit < 50) expect(buildAccessCode(flipped), `bit ${bit}`).not.toBe(code);
      else expect(buildAccessCode(flipped), `bit ${bit}`).toBe(code);
    }
  });

  it('encodes known values', () => {
    expect(buildAccessCode(new Uint8Array(7))).toBe('0000000000');
    expect(buildAccessCode(new Uint8Array(7).fill(0xff))).toBe('ZZZZZZZZZZ');
  });

  it('throws with fewer than 7 bytes', () => {
    expect(() => buildAccessCode(new Uint8Array(6))).toThrow();
  });

  it('gives distinct codes for distinct random input', () => {
    const random = seededRandom(21);
    const seen = new Set<string>();
    for (let t = 0; t < 2000; t++) seen.add(buildAccessCode(randomBytes(random, 7)));
    expect(seen.size).toBe(2000);
  });
});

describe('formatAccessCode', () => {
  it('groups the code as ABCDE-FGHJK', () => {
    expect(formatAccessCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(formatAccessCode('0123456789')).toBe('01234-56789');
  });
});

describe('parseAccessCode', () => {
  const random = seededRandom(22);
  const codes = Array.from({ length: 100 }, () => buildAccessCode(randomBytes(random, 7)));

  it('round trips built and formatted codes', () => {
    for (const code of codes) {
      expect(parseAccessCode(code)).toBe(code);
      expect(parseAccessCode(formatAccessCode(code))).toBe(code);
    }
  });

  it('normalises case, spaces, dashes, look-alikes and full-width input', () => {
    expect(parseAccessCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(parseAccessCode(' abcde fghjk ')).toBe('ABCDEFGHJK');
    expect(parseAccessCode('AB CD EF GH JK')).toBe('ABCDEFGHJK');
    expect(parseAccessCode('ABCDE–FGHJK')).toBe('ABCDEFGHJK'); // en dash
    expect(parseAccessCode('IL0O1-iloo1')).toBe('1100111001');
    expect(parseAccessCode(toFullWidth('abcde-fghjk'))).toBe('ABCDEFGHJK');
    expect(parseAccessCode('ＡＢＣＤＥ　ＦＧＨＪＫ')).toBe('ABCDEFGHJK');
  });

  it('rejects the wrong length', () => {
    expect(parseAccessCode('')).toBeNull();
    expect(parseAccessCode('ABCDE-FGHJ')).toBeNull(); // 9
    expect(parseAccessCode('ABCDE-FGHJKM')).toBeNull(); // 11
    expect(parseAccessCode('-----')).toBeNull();
  });

  it('rejects characters outside the Crockford alphabet', () => {
    expect(parseAccessCode('ABCDE-FGHJU')).toBeNull();
    expect(parseAccessCode('uuuuuuuuuu')).toBeNull();
    expect(parseAccessCode('ABCDE*FGHJK')).toBeNull();
    expect(parseAccessCode('ABCDE.FGHJ')).toBeNull();
    expect(parseAccessCode('ABCDÉFGHJK')).toBeNull();
  });
});
