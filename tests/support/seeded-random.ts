// A small seeded generator (mulberry32), so the sampled property tests are reproducible.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomCrockford(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * 32)];
  return out;
}

/** Full-width forms (what a Chinese IME types): ASCII ! to ~ shift by 0xFEE0, space becomes U+3000. */
export function toFullWidth(input: string): string {
  return [...input].map((c) => (c === ' ' ? '\u3000' : c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
}
