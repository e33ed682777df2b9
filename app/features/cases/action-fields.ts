// The inputs of the case page's action forms: the service names one when it refuses an action
// (staff-actions.server.ts), and the page lists the problems in this order and marks the field.
export const CASE_ACTION_FIELDS = [
  'reason',
  'referral',
  'agency',
  'unitId',
  'assigneeId',
  'reportDueOn',
  'days',
  'outcome',
  'message',
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
export type CaseActionField = (typeof CASE_ACTION_FIELDS)[number];
