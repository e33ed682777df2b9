// The articles a reply rests on (art. 32: the opinion states its legal and policy basis), as a list
// beside the free-text basis: each a law or regulation by name, an article, and optionally a
// paragraph (款). Staff type one a line, the way they write them: 《劳动合同法》第三十条,
// 《信访工作条例》第32条第2款, or "Labour Contract Law, art. 30(2)". Stored parsed, so the
// citizen's checklist and the written decision cite each in the reader's language (the patterns
// are in the locale files, the numerals from articleNumeral). Pure.
import { z } from 'zod';

export type LegalReference = {
  /** The law's or regulation's name, without 《》. */
  law: string;
  article: number;
  paragraph: number | null;
};

export const LEGAL_REFERENCES_MAX = 20;
/** What the form's box takes: twenty lines of a long law's name. */
export const LEGAL_REFERENCES_TEXT_MAX_LENGTH = 4000;
export const LAW_NAME_MAX_LENGTH = 100;
/** No statute runs past this many articles; a larger number is a typing mistake. */
const ARTICLE_MAX = 9999;

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A whole number in Chinese numerals (三十, 一百零五, 十二) or ASCII or full-width digits; null otherwise. */
export function parseArticleNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!/^[零〇一二两兩三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const char of text) {
    if (char in DIGITS) {
      if (digit !== null) return null;
      // 一百零五: 零 only marks an empty place.
      if (DIGITS[char] === 0) continue;
      digit = DIGITS[char]!;
      continue;
    }
    const unit = UNITS[char]!;
    // Units fall from left to right (千 before 百 before 十), each once.
    if (unit >= lastUnit) return null;
    lastUnit = unit;
    // 十二: a leading 十 stands for 一十.
    total += (digit ?? (total === 0 && unit === 10 ? 1 : NaN)) * unit;
    digit = null;
  }
  if (digit !== null) total += digit;
  return Number.isNaN(total) ? null : total;
}

const CHINESE_DIGITS = '零一二三四五六七八九';

/** A number from 1 to 9999 in Chinese numerals, as statutes number their articles (第一百零五条). */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > ARTICLE_MAX) return String(value);
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [place, unit] of places) {
    const digit = Math.floor(value / place) % 10;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十二, not 一十二, when the tens lead.
    out += (digit === 1 && place === 10 && !out ? '' : CHINESE_DIGITS[digit]) + unit;
  }
  return out;
}

const NUMBER = '[0-9０-９零〇一二两兩三四五六七八九十百千]+';
const CHINESE_FORM = new RegExp(`^《?(.+?)》?\\s*第(${NUMBER})[条條](?:\\s*第(${NUMBER})款)?$`);
const ENGLISH_FORM = /^(.+?),?\s+(?:art\.?|article)\s*(\d+)(?:\s*\((\d+)\)|,?\s+(?:para\.?|paragraph)\s*(\d+))?$/i;

export type LegalReferencesCode = 'format' | 'tooMany' | 'lawTooLong';

export type LegalReferencesParse =
  | { ok: true; references: LegalReference[] }
  | { ok: false; code: LegalReferencesCode; /** 1-based line of the text, for the message. */ line: number };

function parseLine(line: string): LegalReference | null {
  const chinese = CHINESE_FORM.exec(line);
  const english = chinese ? null : ENGLISH_FORM.exec(line);
  const match = chinese ?? english;
  if (!match) return null;
  const law = match[1]!.replace(/[《》]/g, '').trim();
  const article = parseArticleNumber(match[2]!);
  const paragraphText = match[3] ?? match[4];
  const paragraph = paragraphText ? parseArticleNumber(paragraphText) : null;
  if (!law || article === null || article < 1 || article > ARTICLE_MAX) return null;
  if (paragraphText && (paragraph === null || paragraph < 1 || paragraph > ARTICLE_MAX)) return null;
  return { law, article, paragraph };
}

/** The references typed one a line (blank lines skipped, the same one kept once). */
export function parseLegalReferences(text: string): LegalReferencesParse {
  const references: LegalReference[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const reference = parseLine(line);
    if (!reference) return { ok: false, code: 'format', line: index + 1 };
    if (reference.law.length > LAW_NAME_MAX_LENGTH) return { ok: false, code: 'lawTooLong', line: index + 1 };
    if (references.some((r) => sameReference(r, reference))) continue;
    if (references.length >= LEGAL_REFERENCES_MAX) return { ok: false, code: 'tooMany', line: index + 1 };
    references.push(reference);
  }
  return { ok: true, references };
}

function sameReference(a: LegalReference, b: LegalReference): boolean {
  return a.law === b.law && a.article === b.article && a.paragraph === b.paragraph;
}

const StoredReferences = z.array(
  z.object({ law: z.string().min(1), article: z.number().int().positive(), paragraph: z.number().int().positive().nullable() }),
);

/** The references as stored on the case (JSON); a row written before they existed, or damaged, has none. */
export function storedLegalReferences(value: unknown): LegalReference[] {
  const parsed = StoredReferences.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/**
 * How to cite a reference in the reader's language: the key under common:claims (its pattern, such
 * as 《{{law}}》第{{article}}条) and its values, numerals included. The checklist and the written
 * decision both cite through it.
 */
export function citation(reference: LegalReference, locale: string) {
  const { law, article, paragraph } = reference;
  return {
    key: paragraph ? 'claims.legalReferenceParagraph' : 'claims.legalReference',
    values: { law, article: articleNumeral(article, locale), paragraph: paragraph ? articleNumeral(paragraph, locale) : '' },
  } as const;
}

/** An article's or paragraph's number as statutes are cited in the reader's language: 第三十条 in Chinese, 30 in English. */
export function articleNumeral(value: number, locale: string): string {
  return locale.startsWith('zh') ? chineseNumeral(value) : String(value);
}
