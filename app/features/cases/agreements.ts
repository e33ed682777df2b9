// Art. 33: while handling a request or complaint (申诉求决), the office may mediate between the
// parties with their consent (调解), or guide them to settle of their own accord (和解). An
// agreement reached ends the case instead of a decision, with a written agreement (调解协议书 /
// 和解协议书) that states the parties and the terms. Pure: the service, the page and the tests read it.
import { outcomeClassOf } from './claims.ts';
import type { CaseKind } from './kinds.ts';

export const AGREEMENT_KINDS = ['MEDIATION', 'SETTLEMENT'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_PARTY_MAX = 200;
export const AGREEMENT_TERMS_MAX = 20_000;

/** The case event that records each agreement (and issues its written agreement). */
export const AGREEMENT_EVENT = { MEDIATION: 'MEDIATED', SETTLEMENT: 'SETTLED' } as const satisfies Record<AgreementKind, string>;

/** Whether a case event records an agreement (art. 33) rather than a decision. */
export function isAgreementEvent(type: string): boolean {
  return (Object.values(AGREEMENT_EVENT) as string[]).includes(type);
}

export function isAgreementKind(value: string): value is AgreementKind {
  return (AGREEMENT_KINDS as readonly string[]).includes(value);
}

/** Only requests and complaints are mediated or settled: suggestions, reports and inquiries have no other party. */
export function maySettle(kind: CaseKind): boolean {
  return outcomeClassOf(kind) === 'request';
}

export interface AgreementInput {
  agreement: string;
  party: string;
  terms: string;
  citizenConsent: boolean;
  partyConsent: boolean;
}

export type AgreementProblem = { field: 'agreement' | 'party' | 'terms' | 'citizenConsent' | 'partyConsent'; code: string };

/**
 * What an agreement must state before it ends the case: which kind, the other party, the terms, and
 * that both parties agreed to it (a mediation needs the parties' consent, art. 33; a settlement is
 * theirs by definition, and is recorded the same way). Every problem, in the form's order.
 */
export function agreementProblems(input: AgreementInput): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (!isAgreementKind(input.agreement)) problems.push({ field: 'agreement', code: 'agreementRequired' });
  const party = input.party.trim();
  if (!party) problems.push({ field: 'party', code: 'partyRequired' });
  else if (party.length > AGREEMENT_PARTY_MAX) problems.push({ field: 'party', code: 'tooLong' });
  const terms = input.terms.trim();
  if (!terms) problems.push({ field: 'terms', code: 'termsRequired' });
  else if (terms.length > AGREEMENT_TERMS_MAX) problems.push({ field: 'terms', code: 'tooLong' });
  if (!input.citizenConsent) problems.push({ field: 'citizenConsent', code: 'consentRequired' });
  if (!input.partyConsent) problems.push({ field: 'partyConsent', code: 'consentRequired' });
  return problems;
}
