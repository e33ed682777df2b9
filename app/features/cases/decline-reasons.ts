// The standard reasons not to accept a case, each with the article behind it. The citizen is told
// the reason and where to go instead (art. 21) in their own language (common:declineReasons), and
// staff may edit the "where to go instead" text. Two reasons need words of staff's own: what
// information is missing, and the reason itself for "other". Pure; the statistics count them.
export const DECLINE_REASONS = [
  'LITIGATION',
  'ARBITRATION',
  'ADMINISTRATIVE_REVIEW',
  'HANDLED_ELSEWHERE',
  'ALREADY_RE_REVIEWED',
  'OUTSIDE_REMIT',
  'INSUFFICIENT_INFORMATION',
  'OTHER',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_ARTICLE: Record<DeclineReason, string> = {
  LITIGATION: '22, 28, 31',
  ARBITRATION: '31',
  ADMINISTRATIVE_REVIEW: '31',
  HANDLED_ELSEWHERE: '19',
  ALREADY_RE_REVIEWED: '36',
  OUTSIDE_REMIT: '23',
  INSUFFICIENT_INFORMATION: '21',
  OTHER: '21',
};

export function isDeclineReason(value: unknown): value is DeclineReason {
  return typeof value === 'string' && (DECLINE_REASONS as readonly string[]).includes(value);
}

/** Reasons that need staff's own words (what is missing; the reason itself), so a bulk decline cannot give them. */
export function needsDetail(reason: DeclineReason): boolean {
  return reason === 'INSUFFICIENT_INFORMATION' || reason === 'OTHER';
}

/** The reasons a clerk may give to many cases at once from the queue. */
export const STANDARD_DECLINE_REASONS: readonly DeclineReason[] = DECLINE_REASONS.filter((reason) => !needsDetail(reason));

/** The i18n keys of a reason's label, what the citizen is told, and where they may go instead. */
export const declineReasonKey = (reason: DeclineReason, part: 'label' | 'reason' | 'referral') => `common:declineReasons.${reason}.${part}`;

/**
 * What the citizen reads: the reason, staff's words when the reason needs them, and where to go
 * instead. Parts are already in the citizen's language.
 */
export function declineMessage(parts: { reason: string; detail: string; referral: string }): string {
  return [parts.reason, parts.detail, parts.referral].filter((part) => part.trim().length > 0).join('\n\n');
}
