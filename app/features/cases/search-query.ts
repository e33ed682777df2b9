// What staff typed into the queue's search box, before any word is looked up: a receipt number, a
// phone number or an email address (found through their keyed fingerprints, never in clear), or
// text, with "quoted" parts kept as exact phrases. And the marks that show why a result matched.
// Pure: the segmenter (word-segmenter.server.ts) and the SQL (case-search.server.ts) come after.
import { z } from 'zod';
import { parseReceiptNo } from './receipt.ts';
import { normalizePhone } from './submission.ts';

export type SearchInput =
  | { kind: 'receipt'; receiptNo: string }
  /** A phone number or email address: the contact's fingerprint, and the text too (the number may be in the letter). */
  | { kind: 'contact'; contact: { type: 'phone' | 'email'; value: string }; text: string }
  | { kind: 'text'; text: string; phrases: string[] };

const EMAIL = z.email();
/** Fewer digits are more likely a year, a count or a house number than a phone number. */
const PHONE_MIN_DIGITS = 7;

/** Reads the search box; null when nothing in it can be searched for. */
export function parseSearchInput(input: string): SearchInput | null {
  const trimmed = input.normalize('NFKC').trim();
  if (!trimmed) return null;
  // Any case, with or without spaces and dashes.
  const receiptNo = /^[\w\s-]+$/.test(trimmed) ? parseReceiptNo(trimmed.replace(/[\s-]/g, '')) : null;
  if (receiptNo) return { kind: 'receipt', receiptNo };
  if (EMAIL.safeParse(trimmed).success) return { kind: 'contact', contact: { type: 'email', value: trimmed.toLowerCase() }, text: trimmed };
  const phone = normalizePhone(trimmed);
  if (phone && phone.replace(/\D/g, '').length >= PHONE_MIN_DIGITS)
    return { kind: 'contact', contact: { type: 'phone', value: phone }, text: trimmed };
  const phrases: string[] = [];
  const text = trimmed
    .replace(/["“”「」『』]([^"“”「」『』]*)["“”「」『』]/g, (_whole, phrase: string) => {
      if (phrase.trim()) phrases.push(phrase.trim());
      return ' ';
    })
    .replace(/["“”「」『』]/g, ' ')
    .trim();
  if (!text && phrases.length === 0) return null;
  return { kind: 'text', text, phrases };
}

/** A stretch of text, marked when it is one of the words searched for. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Splits `text` into marked and unmarked stretches wherever one of `needles` occurs. `normalized`
 * is the text as the index reads it (Simplified, lower-case) when it has the same length, so a
 * word found in it marks the characters as written (樓道 for 楼道); otherwise the text itself is searched.
 */
export function markMatches(text: string, needles: readonly string[], normalized?: string): Segment[] {
  const chars = [...text];
  const haystack = normalized && [...normalized].length === chars.length ? [...normalized] : [...text.toLowerCase()];
  if (haystack.length !== chars.length) return [{ text, mark: false }];
  const marked = new Array<boolean>(chars.length).fill(false);
  const joined = haystack.join('');
  // Positions are counted in code points: find in the joined string, then map back.
  const indexOfCodePoint = new Map<number, number>();
  let unit = 0;
  haystack.forEach((char, i) => {
    indexOfCodePoint.set(unit, i);
    unit += char.length;
  });
  for (const needle of needles) {
    const lower = needle.toLowerCase();
    if (!lower) continue;
    const length = [...lower].length;
    for (let at = joined.indexOf(lower); at !== -1; at = joined.indexOf(lower, at + lower.length)) {
      const start = indexOfCodePoint.get(at);
      if (start === undefined) continue;
      for (let i = start; i < start + length && i < marked.length; i++) marked[i] = true;
    }
  }
  const segments: Segment[] = [];
  chars.forEach((char, i) => {
    const last = segments.at(-1);
    if (last && last.mark === marked[i]) last.text += char;
    else segments.push({ text: char, mark: marked[i]! });
  });
  return segments;
}

/**
 * The part of a long text around its first mark, for a result's line of context: about `radius`
 * characters either side, with an ellipsis where it was cut. Null when nothing is marked.
 */
export function snippet(segments: Segment[], radius = 40): Segment[] | null {
  const first = segments.findIndex((s) => s.mark);
  if (first === -1) return null;
  const before = segments
    .slice(0, first)
    .map((s) => s.text)
    .join('');
  const start = Math.max(0, [...before].length - radius);
  const out: Segment[] = [];
  let position = 0;
  let budget = radius * 2 + 20;
  for (const segment of segments) {
    const chars = [...segment.text];
    const from = Math.max(0, start - position);
    position += chars.length;
    if (from >= chars.length) continue;
    const taken = chars
      .slice(from, from + budget)
      .join('')
      .replace(/\s+/g, ' ');
    budget -= [...taken].length;
    if (taken) out.push({ text: taken, mark: segment.mark });
    if (budget <= 0) break;
  }
  if (start > 0) out.unshift({ text: '…', mark: false });
  if (budget <= 0) out.push({ text: '…', mark: false });
  return out;
}
