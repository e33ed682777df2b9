// The inputs of the case page's action forms: the service names one when it refuses an action
// (staff-actions.server.ts), and the page lists the problems in this order and marks the field.
import { CLAIM_ANSWER_FIELDS, type ClaimAnswerField } from './claims.ts';

const NAMED_FIELDS = [
  'claims',
  'reason',
  'detail',
  'referral',
  'agency',
  'unitId',
  'assigneeId',
  'reportDueOn',
  'days',
  'outcome',
  'legalBasis',
  'legalReferences',
  'message',
  'agreement',
  'party',
  'terms',
  'citizenConsent',
  'partyConsent',
  'publish',
  'hearingOn',
  'heldOn',
  'hearingResult',
  'decision',
  'findings',
  'staffId',
  'reportedUnit',
  'reportedOfficial',
  'intoReceiptNo',
] as const;
export type CaseActionField = (typeof NAMED_FIELDS)[number] | ClaimAnswerField;

/** Every field, in the order of the page: the reply answers each claim before its basis and its text. */
export const CASE_ACTION_FIELDS: readonly CaseActionField[] = [
  ...NAMED_FIELDS.slice(0, NAMED_FIELDS.indexOf('legalBasis')),
  ...CLAIM_ANSWER_FIELDS,
  ...NAMED_FIELDS.slice(NAMED_FIELDS.indexOf('legalBasis')),
];
