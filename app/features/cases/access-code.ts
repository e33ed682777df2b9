// Access codes: 10 Crockford characters = 50 random bits, shown to the citizen once and
// stored only as a keyed hash. Together with the receipt number they open the case.
import { encodeCrockford, isCrockford, normalizeCrockford } from '#app/platform/codecs/crockford.ts';

export const ACCESS_CODE_CHARS = 10;
export const ACCESS_CODE_BYTES = 7; // 56 bits in, 50 used

export function buildAccessCode(randomBytes: Uint8Array): string {
  return encodeCrockford(randomBytes, ACCESS_CODE_CHARS);
}

/** Groups the code for reading aloud and copying: ABCDE-FGHJK. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function parseAccessCode(input: string): string | null {
  const compact = normalizeCrockford(input.normalize('NFKC'));
  return compact.length === ACCESS_CODE_CHARS && isCrockford(compact) ? compact : null;
}
