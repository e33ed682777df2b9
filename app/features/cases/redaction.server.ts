// The words that stand in for masked personal data, in a reader's language (redaction.ts finds the
// spans), and the contact details of a case to look for.
import { isLocale, type Locale } from '#app/i18n/config.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { findPersonalData, redact, type KnownDetails, type SpanKind } from './redaction.ts';
import { wordVectorLiteral } from './search-index.server.ts';
import { documentTokens, tsvectorLiteral } from './search-tokens.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

interface RedactionWords {
  masked: string;
  kinds: Record<SpanKind, string>;
}

// Loaded when first needed: the case actions import this module, and scripts outside the app's
// build (the e2e set-up) load those without the JSON import attributes the locale files would need.
async function wordsFor(locale: Locale): Promise<RedactionWords> {
  const { resources } = await import('#app/i18n/resources.ts');
  return (resources[locale].common as { redaction: RedactionWords }).redaction;
}

/** "[phone number removed]" in the reader's language. */
export async function maskLabel(localeTag: string): Promise<(kind: SpanKind) => string> {
  const words = await wordsFor(isLocale(localeTag) ? localeTag : 'zh-Hans');
  return (kind) => words.masked.replace('{{kind}}', words.kinds[kind]);
}

/** A case's contact details as the redaction looks for them (none for an anonymous or erased case). */
export async function knownDetailsOf(caseId: string, client: Client = db()): Promise<KnownDetails> {
  const contact = await client.caseContact.findUnique({
    where: { caseId },
    select: { name: true, phone: true, email: true, postalAddress: true },
  });
  return contact ?? {};
}

/**
 * An answer staff wrote to one citizen, as another may read it: that citizen's details and any ID
 * card number masked (an answer's other numbers and addresses are the office's own).
 */
export async function answerRedactedFor(text: string, caseId: string, localeTag: string, client: Client = db()): Promise<string> {
  return redact(text, findPersonalData(text, await knownDetailsOf(caseId, client), ['idNumber']), await maskLabel(localeTag));
}

/**
 * Masks the citizen's personal data in their own letter (subject and body) before their contact
 * details are erased (PIPL art. 19): once the details are gone, nothing would find a name that
 * occurs only there, and the letter would keep it for good. The case's search tokens follow, so
 * the name no longer finds it either. Returns how many spans were masked. Runs in the erasing
 * transaction, before the contact row is cleared.
 */
export async function maskLetterBeforeErasure(tx: Prisma.TransactionClient, caseId: string): Promise<number> {
  const row = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { subject: true, body: true, citizenLocale: true } });
  const known = await knownDetailsOf(caseId, tx);
  const subjectSpans = findPersonalData(row.subject, known);
  const bodySpans = findPersonalData(row.body, known);
  const masked = subjectSpans.length + bodySpans.length;
  if (masked === 0) return 0;
  // In the language the citizen wrote in, which is likely the letter's.
  const label = await maskLabel(row.citizenLocale);
  const subject = redact(row.subject, subjectSpans, label);
  const body = redact(row.body, bodySpans, label);
  // Neither version nor updatedAt moves: the retention run's event says what happened.
  await tx.$executeRaw`
    UPDATE "Case" SET "subject" = ${subject}, "body" = ${body},
      "searchVector" = ${tsvectorLiteral(documentTokens(`${subject}\n${body}`))}::tsvector,
      "wordVector" = ${wordVectorLiteral(subject, body)}::tsvector
    WHERE "id" = ${caseId}::uuid`;
  return masked;
}
