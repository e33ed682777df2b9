// The words that stand in for masked personal data, in a reader's language (redaction.ts finds the
// spans), and the contact details of a case to look for.
import { isLocale, type Locale } from '#app/i18n/config.ts';
import { resources } from '#app/i18n/resources.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { findPersonalData, redact, type KnownDetails, type SpanKind } from './redaction.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

interface RedactionWords {
  masked: string;
  kinds: Record<SpanKind, string>;
}

function wordsFor(locale: Locale): RedactionWords {
  return (resources[locale].common as { redaction: RedactionWords }).redaction;
}

/** "[phone number removed]" in the reader's language. */
export function maskLabel(localeTag: string): (kind: SpanKind) => string {
  const words = wordsFor(isLocale(localeTag) ? localeTag : 'zh-Hans');
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
  return redact(text, findPersonalData(text, await knownDetailsOf(caseId, client), ['idNumber']), maskLabel(localeTag));
}
