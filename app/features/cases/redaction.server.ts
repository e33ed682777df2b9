// The words that stand in for masked personal data, in a reader's language (redaction.ts finds the
// spans), and the contact details of a case to look for.
import { isLocale, type Locale } from '#app/i18n/config.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { findPersonalData, redact, type KnownDetails, type SpanKind } from './redaction.ts';

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
