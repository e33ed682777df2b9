// 逐条确认诉求: a case's requests, listed one by one when it is accepted and answered one by one
// in the reply, each with an outcome of the statute's class for the kind of case and its reasons.
// Pure: the case page's forms, the service and the track page's checklist all read it.
import type { CaseKind } from './kinds.ts';

/** Enough for the longest letters seen in practice; a case with more is split by the clerk. */
export const MAX_CLAIMS = 10;
export const CLAIM_MAX_LENGTH = 500;
export const CLAIM_REASONS_MAX_LENGTH = 5000;
export const LEGAL_BASIS_MAX_LENGTH = 5000;

export const CLAIM_OUTCOMES = [
  'UPHELD',
  'EXPLAINED',
  'NOT_UPHELD',
  'ADOPTED',
  'PARTLY_ADOPTED',
  'NOT_ADOPTED',
  'SUBSTANTIATED',
  'PARTLY_SUBSTANTIATED',
  'NOT_SUBSTANTIATED',
  'ANSWERED',
] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

/** The statute's classes of answer. */
export const OUTCOME_CLASSES = ['request', 'suggestion', 'report', 'inquiry'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

const OUTCOMES_OF_CLASS: Record<OutcomeClass, readonly ClaimOutcome[]> = {
  // 申诉求决 (art. 32): 支持, 解释说明 (reasonable but without a legal basis), 不予支持.
  request: ['UPHELD', 'EXPLAINED', 'NOT_UPHELD'],
  // 建议意见 (art. 29): 采纳, 部分采纳, 不采纳.
  suggestion: ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'],
  // 检举控告: 查实, 部分查实, 未查实.
  report: ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED'],
  // 咨询: 已解答.
  inquiry: ['ANSWERED'],
};

const CLASS_OF_KIND: Record<CaseKind, OutcomeClass> = {
  COMPLAINT: 'request',
  HELP_REQUEST: 'request',
  SUGGESTION: 'suggestion',
  OPINION: 'suggestion',
  MISCONDUCT_REPORT: 'report',
  INQUIRY: 'inquiry',
};

export function outcomeClassOf(kind: CaseKind): OutcomeClass {
  return CLASS_OF_KIND[kind];
}

/** The outcomes of one class, in the order the reply form offers them. */
export function outcomesOfClass(outcomeClass: OutcomeClass): readonly ClaimOutcome[] {
  return OUTCOMES_OF_CLASS[outcomeClass];
}

/** The outcomes a reply to a case of this kind may give each claim. */
export function outcomesFor(kind: CaseKind): readonly ClaimOutcome[] {
  return OUTCOMES_OF_CLASS[CLASS_OF_KIND[kind]];
}

export function isClaimOutcome(value: unknown): value is ClaimOutcome {
  return typeof value === 'string' && (CLAIM_OUTCOMES as readonly string[]).includes(value);
}

/** Art. 32 asks the written opinion for its legal basis; an inquiry's answer needs none. */
export function needsLegalBasis(kind: CaseKind): boolean {
  return CLASS_OF_KIND[kind] !== 'inquiry';
}

// A number the clerk typed before the claim ("1.", "2、", "(3)", "（4）", "5)"), which the list adds itself.
const LEADING_NUMBER = /^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．)）:：])\s*/u;

/** The claims typed one per line: numbers and blank lines dropped. */
export function claimsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(LEADING_NUMBER, '').trim())
    .filter((line) => line.length > 0);
}

/** The list as the form shows it again: one claim per line. */
export function claimsAsText(claims: readonly string[]): string {
  return claims.join('\n');
}

export type ClaimsProblem = 'claimsRequired' | 'tooManyClaims' | 'claimTooLong';

/** Why a list of claims cannot be kept, or null: at least one, at most MAX_CLAIMS, each short. */
export function claimsProblem(claims: readonly string[]): ClaimsProblem | null {
  if (claims.length === 0) return 'claimsRequired';
  if (claims.length > MAX_CLAIMS) return 'tooManyClaims';
  if (claims.some((claim) => [...claim].length > CLAIM_MAX_LENGTH)) return 'claimTooLong';
  return null;
}

/** The fields of the reply form that answer claim n (from 1). */
export const claimOutcomeField = (position: number) => `claimOutcome${position}` as const;
export const claimReasonsField = (position: number) => `claimReasons${position}` as const;
export type ClaimAnswerField = ReturnType<typeof claimOutcomeField> | ReturnType<typeof claimReasonsField>;

/** Every claim answer field, in the order the reply form shows them. */
export const CLAIM_ANSWER_FIELDS: readonly ClaimAnswerField[] = Array.from({ length: MAX_CLAIMS }, (_, i) => [
  claimOutcomeField(i + 1),
  claimReasonsField(i + 1),
]).flat();

export interface ClaimAnswer {
  position: number;
  outcome: ClaimOutcome | null;
  reasons: string;
}

/**
 * What is missing from the answers to a case's claims: for each claim, an outcome of the case's
 * class and its reasons. A reply with any problem is not published.
 */
export function answerProblems(
  kind: CaseKind,
  positions: readonly number[],
  answers: readonly ClaimAnswer[],
): Partial<Record<ClaimAnswerField, 'outcomeRequired' | 'reasonsRequired' | 'tooLong'>> {
  const allowed = outcomesFor(kind);
  const problems: Partial<Record<ClaimAnswerField, 'outcomeRequired' | 'reasonsRequired' | 'tooLong'>> = {};
  for (const position of positions) {
    const answer = answers.find((a) => a.position === position);
    if (!answer?.outcome || !allowed.includes(answer.outcome)) problems[claimOutcomeField(position)] = 'outcomeRequired';
    const reasons = answer?.reasons.trim() ?? '';
    if (!reasons) problems[claimReasonsField(position)] = 'reasonsRequired';
    else if ([...reasons].length > CLAIM_REASONS_MAX_LENGTH) problems[claimReasonsField(position)] = 'tooLong';
  }
  return problems;
}
