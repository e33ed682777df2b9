// What a citizen can send, and the statutory class (arts. 29–31) each kind is handled under.
export const CASE_KINDS = ['SUGGESTION', 'OPINION', 'COMPLAINT', 'HELP_REQUEST', 'MISCONDUCT_REPORT', 'INQUIRY'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export type StatutoryClass = 'SUGGESTION_OPINION' | 'REPORT_ACCUSATION' | 'APPEAL_REQUEST';

export const STATUTORY_CLASS: Record<CaseKind, StatutoryClass> = {
  SUGGESTION: 'SUGGESTION_OPINION',
  OPINION: 'SUGGESTION_OPINION',
  INQUIRY: 'SUGGESTION_OPINION',
  MISCONDUCT_REPORT: 'REPORT_ACCUSATION',
  COMPLAINT: 'APPEAL_REQUEST',
  HELP_REQUEST: 'APPEAL_REQUEST',
};

/** Only a report of misconduct may be sent without contact details (art. 30 protects reporters). */
export function mayBeAnonymous(kind: CaseKind): boolean {
  return kind === 'MISCONDUCT_REPORT';
}

export const REPLY_CHANNELS = ['ONLINE', 'EMAIL', 'PHONE', 'POST'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];
