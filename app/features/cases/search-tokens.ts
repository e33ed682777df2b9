// Full-text search that understands Chinese. PostgreSQL's parsers do not segment Chinese, and
// trigram indexes cannot match two-character words (a trigram needs three). So the text is turned
// into a sequence of tokens ourselves: each run of Han characters becomes its overlapping
// character pairs (拖欠工资 → 拖欠 欠工 工资), and other text becomes lower-case words. The
// tokens are stored in a tsvector with consecutive positions, so a query becomes a phrase
// (拖欠 <-> 欠工 <-> 工资) and only matches the characters in that order.

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** Splits text into runs of Han characters and runs of other letters or digits. */
function runs(text: string): { han: boolean; value: string }[] {
  const out: { han: boolean; value: string }[] = [];
  let current: { han: boolean; value: string } | null = null;
  for (const char of text.normalize('NFKC')) {
    const han = HAN.test(char);
    const word = han || WORD.test(char);
    if (!word) {
      current = null;
      continue;
    }
    if (!current || current.han !== han) {
      current = { han, value: '' };
      out.push(current);
    }
    current.value += han ? char : char.toLowerCase();
  }
  return out;
}

/** The token sequence for a run of Han characters: its pairs, or the character itself if alone. */
function hanTokens(value: string): string[] {
  const chars = [...value];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(`${chars[i]}${chars[i + 1]}`);
  return pairs;
}

/**
 * PostgreSQL refuses a tsvector word over 2,046 bytes, and a letter with a pasted long URL or a
 * block of base64 must still be received. Longer words are cut to their first bytes, the same way
 * in documents and queries, so the same long word still finds the letter.
 */
export const MAX_WORD_BYTES = 200;
const encoder = new TextEncoder();

function capWord(word: string): string {
  // Four bytes a character at most: short words need no counting.
  if (word.length * 4 <= MAX_WORD_BYTES) return word;
  let cut = '';
  let bytes = 0;
  for (const char of word) {
    bytes += encoder.encode(char).length;
    if (bytes > MAX_WORD_BYTES) break;
    cut += char;
  }
  return cut;
}

/** Tokens of a document, in order: what goes into the search column. */
export function documentTokens(text: string): string[] {
  return runs(text).flatMap((run) => (run.han ? hanTokens(run.value) : [capWord(run.value)]));
}

/**
 * A PostgreSQL tsquery for what staff typed: every word or phrase must match. A run of Han
 * characters is a phrase of its pairs; quoted text is a phrase too. Returns null for a query
 * with nothing searchable. Tokens are quoted, so nothing typed can change the query's syntax.
 */
export function searchQuery(input: string): string | null {
  const parts: string[] = [];
  const phrases = input.match(/"[^"]*"|[^\s"]+/g) ?? [];
  for (const phrase of phrases) {
    const tokens = documentTokens(phrase.replace(/"/g, ' '));
    if (tokens.length === 0) continue;
    const quoted = tokens.map((token) => `'${token.replace(/'/g, "''")}'`);
    // A lone Han character is not a pair: match the pairs that start with it.
    const single = tokens.length === 1 && [...tokens[0]!].length === 1 && HAN.test(tokens[0]!);
    parts.push(single ? `${quoted[0]}:*` : quoted.join(' <-> '));
  }
  return parts.length ? parts.map((p) => `(${p})`).join(' & ') : null;
}

/** PostgreSQL's tsvector positions stop at 16383. */
const MAX_POSITION = 16_383;

/**
 * A tsvector literal ('拖欠':1 '欠工':2 …) for the tokens, cast with ::tsvector in SQL. Building
 * it here, rather than with to_tsvector, keeps PostgreSQL's locale-dependent parser out of it.
 */
export function tsvectorLiteral(tokens: string[]): string {
  const positions = new Map<string, number[]>();
  tokens.slice(0, MAX_POSITION).forEach((token, index) => {
    const list = positions.get(token) ?? [];
    list.push(index + 1);
    positions.set(token, list);
  });
  return [...positions].map(([token, at]) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${at.join(',')}`).join(' ');
}
