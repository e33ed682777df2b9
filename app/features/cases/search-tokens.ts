// The character-pair index (ADR 0005), kept beside the word index (ADR 0012) for exact phrases and
// for names and rare words the segmenter does not know. PostgreSQL's parsers do not segment
// Chinese, and trigram indexes cannot match two-character words (a trigram needs three). So the
// text is turned into a sequence of tokens ourselves: each run of Han characters becomes its
// overlapping character pairs (拖欠工资 → 拖欠 欠工 工资), and other text becomes lower-case words.
// The tokens are stored in a tsvector with consecutive positions, so a phrase query
// (拖欠 <-> 欠工 <-> 工资) only matches the characters in that order. Clustering compares these
// tokens too (early-warning/similarity.ts).

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
 * The tsquery of a piece of text as one exact phrase of its tokens (拖欠 <-> 欠工 <-> 工资), or
 * null when it has none. A lone Han character is not a pair: it matches the pairs that start with it.
 */
export function pairPhrase(text: string): string | null {
  const tokens = documentTokens(text);
  if (tokens.length === 0) return null;
  const single = tokens.length === 1 && [...tokens[0]!].length === 1 && HAN.test(tokens[0]!);
  return single ? `${quoteLexeme(tokens[0]!)}:*` : tokens.map(quoteLexeme).join(' <-> ');
}

/**
 * The character-pair tsquery of what staff typed, as search worked before the word index: every
 * space-separated part or quoted phrase must match as a phrase. Cases not yet re-indexed are found
 * this way. Null for a query with nothing searchable.
 */
export function searchQuery(input: string): string | null {
  const parts = (input.match(/"[^"]*"|[^\s"]+/g) ?? []).flatMap((phrase) => pairPhrase(phrase.replace(/"/g, ' ')) ?? []);
  return parts.length ? parts.map((p) => `(${p})`).join(' & ') : null;
}

/** PostgreSQL's tsvector positions stop at 16383. */
const MAX_POSITION = 16_383;

/** A tsquery or tsvector lexeme, quoted: nothing in it can change the syntax. */
export function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal ('拖欠':1 '欠工':2 …) for the tokens, cast with ::tsvector in SQL. Building
 * it here, rather than with to_tsvector, keeps PostgreSQL's locale-dependent parser out of it.
 */
export function tsvectorLiteral(tokens: string[]): string {
  return weightedTsvectorLiteral([{ tokens, weight: 'D' }]);
}

/** PostgreSQL's weights: A counts most in ranking, D (the default, written without a letter) least. */
export type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * A tsvector literal of several runs of tokens, one after the other, each with its weight
 * ('楼道':1A,9 …): a case's subject weighs more than its body when results are ranked.
 */
export function weightedTsvectorLiteral(runs: { tokens: string[]; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const run of runs) {
    for (const token of run.tokens) {
      if (position >= MAX_POSITION) break;
      position++;
      const list = positions.get(token) ?? [];
      list.push(run.weight === 'D' ? String(position) : `${position}${run.weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, at]) => `${quoteLexeme(token)}:${at.join(',')}`).join(' ');
}
