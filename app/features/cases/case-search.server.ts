// The queue's search as SQL over the case row `c` (ADR 0012). A receipt number finds its case; a
// phone number or email address finds the cases whose contact has that keyed fingerprint (and is
// audited like a view of contact details); other text finds the cases that have every word of it,
// in any order, through the word index, with the character pairs behind it for words the segmenter
// does not know and for "quoted" exact phrases. Results rank by how well they match.
import { Prisma } from '#app/platform/db.server.ts';
import { contactFingerprint } from './contact-fingerprint.server.ts';
import { SEARCH_INDEX_VERSION, hasOutdatedCases } from './search-index.server.ts';
import { parseSearchInput, type SearchInput } from './search-query.ts';
import { pairPhrase, quoteLexeme, searchQuery } from './search-tokens.ts';
import { queryWords, type QueryWord } from './word-segmenter.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

export interface CaseSearch {
  /** What a case must meet to be found. */
  where: Prisma.Sql;
  /** Its relevance, an integer (higher is better); null when every match is as good (a receipt number). */
  score: Prisma.Sql | null;
  /** The words to mark in the results. */
  marks: string[];
  /** Set when the search used a contact's fingerprint: the caller records it in the audit log. */
  contact: 'phone' | 'email' | null;
}

const HAN = /\p{Script=Han}/u;

/** A word as a tsquery: itself, or the shorter words that together make it up. */
function wordQuery(word: QueryWord): string {
  const self = quoteLexeme(word.word);
  return word.parts.length > 0 ? `(${self} | (${word.parts.map(quoteLexeme).join(' & ')}))` : self;
}

/**
 * A word the dictionary does not know (a name, a rare word) or a single character may be split
 * differently in a letter than in the query: it also matches as its characters in a row.
 */
function needsPairs(word: QueryWord): boolean {
  return HAN.test(word.word) && (word.unknown || [...word.word].length === 1);
}

function pairFallback(word: QueryWord): string | null {
  const phrases = [...new Set(word.surface.map(pairPhrase).filter((p): p is string => p !== null))];
  return phrases.length ? phrases.map((p) => `(${p})`).join(' | ') : null;
}

/** Ranking weights for D, C, B and A: a word in the subject counts ten times one in the body. */
const WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

function textSearch(
  input: Extract<SearchInput, { kind: 'text' }>,
): { where: Prisma.Sql[]; score: Prisma.Sql | null; marks: string[] } | null {
  const words = input.text ? queryWords(input.text) : [];
  const where: Prisma.Sql[] = [];
  const direct = words.filter((w) => !needsPairs(w));
  if (direct.length > 0) where.push(Prisma.sql`c."wordVector" @@ ${direct.map(wordQuery).join(' & ')}::tsquery`);
  for (const word of words.filter(needsPairs)) {
    const pairs = pairFallback(word);
    where.push(
      pairs
        ? Prisma.sql`(c."wordVector" @@ ${wordQuery(word)}::tsquery OR c."searchVector" @@ ${pairs}::tsquery)`
        : Prisma.sql`c."wordVector" @@ ${wordQuery(word)}::tsquery`,
    );
  }
  for (const phrase of input.phrases) {
    const exact = pairPhrase(phrase);
    if (exact) where.push(Prisma.sql`c."searchVector" @@ ${exact}::tsquery`);
  }
  if (where.length === 0) return null;
  // Every word found, close together and in the subject, ranks first; then any of them.
  const score =
    words.length > 0
      ? Prisma.sql`round((coalesce(ts_rank_cd(${WEIGHTS}::float4[], c."wordVector", ${words.map(wordQuery).join(' & ')}::tsquery, 1), 0)
          + coalesce(ts_rank(${WEIGHTS}::float4[], c."wordVector", ${words.map(wordQuery).join(' | ')}::tsquery, 1), 0)) * 1000000)::bigint`
      : null;
  return { where, score, marks: [...words.flatMap((w) => [w.word, ...w.surface]), ...input.phrases] };
}

/**
 * The search for what staff typed, or null when there is nothing to search for. `actor` decides
 * whether a contact's fingerprint may be used: nobody finds a case by the contact details they
 * could not see (a handler never finds who reported their own unit).
 */
export async function caseSearch(actor: Actor, typed: string): Promise<CaseSearch | null> {
  const input = parseSearchInput(typed);
  if (!input) return null;
  if (input.kind === 'receipt') return { where: Prisma.sql`c."receiptNo" = ${input.receiptNo}`, score: null, marks: [], contact: null };

  if (input.kind === 'contact') {
    const { type, value } = input.contact;
    const fingerprint = contactFingerprint(type, value);
    const column = type === 'phone' ? Prisma.sql`k."phoneFingerprint"` : Prisma.sql`k."emailFingerprint"`;
    // A report of misconduct is kept whole from the unit it names (the queue's visibleToSql), so no
    // one finds its reporter by their contact details there either.
    // ARRAY(…) is worked out once, so the match can combine with the text's index (an IN would scan every case).
    const byContact = Prisma.sql`(c."id" = ANY(ARRAY(SELECT k."caseId" FROM "CaseContact" k WHERE ${column} = ${fingerprint})))`;
    // A phone number may also be written in a letter (a neighbour's, a company's): found as text too.
    const text = type === 'phone' ? textSearch({ kind: 'text', text: input.text, phrases: [] }) : null;
    const where = text ? Prisma.sql`(${byContact} OR (${Prisma.join(text.where, ' AND ')}))` : byContact;
    return { where, score: text?.score ?? null, marks: text?.marks ?? [], contact: type };
  }

  const text = textSearch(input);
  if (!text) return null;
  let where = Prisma.join(text.where, ' AND ');
  // Cases written before the word index, not yet re-indexed, are found as search found them then.
  const legacy = searchQuery(typed);
  if (legacy && (await hasOutdatedCases())) {
    where = Prisma.sql`((${where}) OR (c."searchIndexVersion" < ${SEARCH_INDEX_VERSION} AND c."searchVector" @@ ${legacy}::tsquery))`;
  }
  return { where: Prisma.sql`(${where})`, score: text.score, marks: text.marks, contact: null };
}
