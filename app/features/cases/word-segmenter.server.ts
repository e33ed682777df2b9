// Words, not character pairs: the segmenter behind staff search (ADR 0012). Chinese has no spaces,
// so jieba (a dictionary plus an HMM for unknown words, through @node-rs/jieba's prebuilt binary)
// finds the words; Traditional characters are made Simplified first (OpenCC's tables, character by
// character, so a letter and a query in either script meet); English words are lower-cased and
// stemmed (Porter), so "wages" finds "wage". Server only: jieba is a native module.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Converter } from 'opencc-js/t2cn';
import { stemmer } from 'stemmer';

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LATIN_WORD = /^[\p{L}\p{M}]+$/u;

let jieba: Jieba | null = null;

/** The dictionary takes about a second to load: once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Taiwan's standard characters to Simplified, character by character ('tw' keeps the length, which
// the highlighting relies on; 'twp' would also swap whole phrases).
const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** NFKC (full-width letters and digits), then Simplified characters. Keeps the length of Han text. */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC'));
}

/**
 * Function words a query can do without ("楼道的漏水" is 楼道 and 漏水). Only single characters
 * that are never the subject of a letter on their own.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...'的了在是和与及或并而且被把将对于也就都又还着过吗呢吧啊呀哦嘛之其这那我你他她它们有个从向以为到给让请该很',
]);

/** A word of the text, as the index stores it: Han words as they are, other words lower-cased and stemmed. */
function indexForm(word: string): string | null {
  if (!WORD_CHAR.test(word)) return null;
  if (HAN.test(word)) return word;
  const lower = word.toLowerCase();
  return LATIN_WORD.test(lower) ? stemmer(lower) : lower;
}

/** jieba keeps spaces and punctuation as "words", and may join a Han run to the Latin word next to it. */
function wordsOf(segmented: string[]): string[] {
  const out: string[] = [];
  for (const word of segmented) {
    for (const part of word.split(/(?<=\p{Script=Han})(?=[^\p{Script=Han}])|(?<=[^\p{Script=Han}])(?=\p{Script=Han})/u)) {
      const form = indexForm(part.trim());
      if (form) out.push(form);
    }
  }
  return out;
}

/**
 * The words a document is indexed under, in order: jieba's search mode, which adds the shorter
 * words inside a long one (拖欠工资 → 拖欠, 工资, 拖欠工资), so a query that splits a phrase
 * differently still finds it.
 */
export function documentWords(text: string): string[] {
  const normal = normalizeText(text);
  return wordsOf(segmenter().cutForSearch(normal, true));
}

export interface QueryWord {
  /** The word as the index holds it. */
  word: string;
  /** Shorter words that together cover it (拖欠工资 → 拖欠, 工资): a text with all of them matches too. */
  parts: string[];
  /** Not in the dictionary (a name, a rare word): also matched as the characters in a row. */
  unknown: boolean;
  /** What to mark in a result: the word as typed, and as normalised. */
  surface: string[];
}

/**
 * What a query asks for: each word of it, in any order. Chinese is cut in jieba's precise mode (the
 * index has every shorter word too), function words are dropped, repeated words asked once.
 */
export function queryWords(text: string): QueryWord[] {
  const normal = normalizeText(text);
  const sameLength = [...normal].length === [...text.normalize('NFKC')].length;
  const typed = [...text.normalize('NFKC')];
  const out = new Map<string, QueryWord>();
  let offset = 0;
  for (const piece of segmenter().cut(normal, true)) {
    const length = [...piece].length;
    const asTyped = sameLength ? typed.slice(offset, offset + length).join('') : piece;
    offset += length;
    const words = wordsOf([piece]);
    // The characters as typed stand for the word only when the piece is one word.
    const typedForm = words.length === 1 ? asTyped.trim().toLowerCase() : '';
    for (const word of words) {
      if (STOP_WORDS.has(word) || out.has(word)) continue;
      const han = HAN.test(word);
      const parts =
        han && [...word].length > 2
          ? segmenter()
              .cutForSearch(word, true)
              .filter((w) => w !== word && [...w].length > 1)
          : [];
      const covered = parts.length > 0 && [...word].every((char) => parts.some((part) => part.includes(char)));
      out.set(word, {
        word,
        parts: covered ? parts : [],
        unknown: han && [...word].length > 1 && !segmenter().cutAll(word).includes(word),
        surface: [...new Set([word, typedForm].filter(Boolean))],
      });
    }
  }
  return [...out.values()];
}
