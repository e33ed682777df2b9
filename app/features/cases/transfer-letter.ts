// The transfer letter (转送函) of a forwarded case: its subject and text go out with the citizen's
// personal data masked (redaction.ts finds it), except the spans staff unmasked for this letter,
// each with a reason. Pure: the page, the service and the unit tests share these rules.
import { z } from 'zod';
import { findPersonalData, redactionPieces, SPAN_KINDS, spanKey, type KnownDetails, type SpanKind } from './redaction.ts';

/** The texts of the case that the letter carries, in the letter's order. */
export const LETTER_FIELDS = ['subject', 'body'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

export interface LetterSpan {
  /** "body:12-23": which text, and where in it (the key the page posts to unmask the span). */
  key: string;
  field: LetterField;
  kind: SpanKind;
  /** The span as the case's text has it (staff see it on the case page anyway; the letter never does unless unmasked). */
  text: string;
}

/** A piece of one of the letter's texts: as written, masked, or shown because staff unmasked it. */
export type LetterPiece =
  | { kind: 'text'; text: string }
  | { kind: 'masked'; key: string; span: SpanKind }
  | { kind: 'shown'; key: string; text: string };

export function letterSpanKey(field: LetterField, span: { start: number; end: number }): string {
  return `${field}:${spanKey(span)}`;
}

/**
 * Each text of the letter as pieces, and every span of personal data found in them: the case's own
 * contact details (the citizen's name among them) and, by pattern, phone numbers, ID card numbers
 * with a valid check digit, emails and street addresses.
 */
export function letterTexts(
  texts: Record<LetterField, string>,
  known: KnownDetails,
  unmasked: ReadonlySet<string>,
): { pieces: Record<LetterField, LetterPiece[]>; spans: LetterSpan[] } {
  const spans: LetterSpan[] = [];
  const pieces = {} as Record<LetterField, LetterPiece[]>;
  for (const field of LETTER_FIELDS) {
    const found = findPersonalData(texts[field], known);
    pieces[field] = redactionPieces(texts[field], found).map((piece): LetterPiece => {
      if (piece.kind === 'text') return piece;
      const key = letterSpanKey(field, piece.span);
      spans.push({ key, field, kind: piece.span.kind, text: piece.text });
      return unmasked.has(key) ? { kind: 'shown', key, text: piece.text } : { kind: 'masked', key, span: piece.span.kind };
    });
  }
  return { pieces, spans };
}

/** The unmask form's fields, in the page's order. */
export const UNMASK_FIELDS = ['spans', 'reason'] as const;
export type UnmaskField = (typeof UNMASK_FIELDS)[number];

/** What an unmasking records in its internal case event (never the unmasked text itself). */
export const UnmaskRecord = z.object({
  spans: z.array(z.object({ key: z.string(), kind: z.enum(SPAN_KINDS) })),
  reason: z.string(),
});
export type UnmaskRecord = z.infer<typeof UnmaskRecord>;

/** The keys unmasked by the events' records; a record that does not parse unmasks nothing. */
export function unmaskedKeys(records: readonly unknown[]): Set<string> {
  const keys = new Set<string>();
  for (const record of records) {
    const parsed = UnmaskRecord.safeParse(record);
    if (parsed.success) for (const span of parsed.data.spans) keys.add(span.key);
  }
  return keys;
}

/**
 * The spans a request unmasks now: those it names that are masked, in the letter's order. A key
 * that names no span of the letter makes the request `unknown` (the text or the contact details
 * changed since the page was read, or the form was not the page's).
 */
export function spansToUnmask(
  requested: readonly string[],
  spans: readonly LetterSpan[],
  unmasked: ReadonlySet<string>,
): { unknown: true } | { unknown: false; fresh: LetterSpan[] } {
  const keys = new Set(requested);
  if ([...keys].some((key) => !spans.some((span) => span.key === key))) return { unknown: true };
  return { unknown: false, fresh: spans.filter((span) => keys.has(span.key) && !unmasked.has(span.key)) };
}
