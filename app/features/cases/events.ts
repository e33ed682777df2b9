// Every kind of CaseEvent, declared once. A case's history is append-only (a database trigger
// refuses updates and deletes); each entry's type is one of these, and each has its label in all
// three languages under common:events (a unit test checks it). Public events are the citizen's
// timeline; internal ones are staff's.
export const CASE_EVENT_TYPES = [
  // The lifecycle (app/features/cases/lifecycle.ts).
  'SUBMITTED',
  'ACCEPTED',
  // 逐条确认诉求: the claims listed again before the reply (the list at acceptance is on ACCEPTED).
  'CLAIMS_SET',
  'DECLINED',
  'FORWARDED',
  'ASSIGNED',
  'WORK_STARTED',
  'EXTENDED',
  'REPLY_PUBLISHED',
  // Art. 33: a mediation (调解) or settlement (和解) agreement ended the case instead of a decision.
  'MEDIATED',
  'SETTLED',
  'NOTE',
  'MERGED',
  'WITHDRAWN',
  'CLOSED',
  // The citizen's follow-up.
  'REVIEW_REQUESTED',
  'REVIEW_ISSUED',
  'RE_REVIEW_REQUESTED',
  'RE_REVIEW_ISSUED',
  'RATED',
  'RATING_CHANGED',
  // 回访 (check-in.ts): consent given, changed or withdrawn; the question asked; its answer.
  'CHECK_IN_CONSENT_CHANGED',
  'CHECK_IN_SENT',
  'CHECK_IN_ANSWERED',
  // Reception days and evidence.
  'VISIT_RECEIVED',
  'ATTACHMENTS_ADDED',
  // Early warning.
  'WARNING_LEVEL_CHANGED',
  'WARNING_OVERRIDDEN',
  'MILESTONE_RECORDED',
  'CLUSTER_JOINED',
  'CLUSTER_CONFIRMED',
  'CLUSTER_DISSOLVED',
  'CLUSTER_SPLIT',
  'CLUSTER_REPLY',
  'DEADLINE_MISSED',
  // 督办 (arts. 44, 45): the unit above supervises a case that missed a statutory date, until the step is done.
  'SUPERVISION_OPENED',
  'SUPERVISION_CLOSED',
  // Reports of misconduct (arts. 30, 46(5)): the body reported, corrected by the office.
  'REPORTED_PARTY_CHANGED',
  // Art. 23: a unit's objection to a case outside its remit, and the office's decision.
  'OBJECTED',
  'OBJECTION_ACCEPTED',
  'OBJECTION_REJECTED',
  // Art. 22(3): completion reports on assigned cases, and the escalation after three reworks.
  'REPORT_FILED',
  'REPORT_ACCEPTED',
  'REPORT_RETURNED',
  'ESCALATED',
  // Art. 36: a hearing stops the re-review clock.
  'HEARING_STARTED',
  'HEARING_HELD',
  // Merged cases: the main case's review outcome reaches the merged case; a mistaken merge undone.
  'JOINED_CASE_REVIEWED',
  'UNMERGED',
  // Art. 28: a member of staff withdrew for a conflict of interest (never named to the citizen).
  'STAFF_RECUSED',
  // A masked span of personal data shown on the transfer letter of a forwarded case, with the reason.
  'TRANSFER_UNMASKED',
  // A written notice (书面告知书) reached the citizen: how and when (app/features/cases/written-notices).
  'NOTICE_DELIVERED',
  // The retention periods of the privacy notice: personal data removed, the case kept.
  'PERSONAL_DATA_ERASED',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export function isCaseEventType(value: string): value is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

const WRITTEN_ANSWERS: ReadonlySet<string> = new Set<CaseEventType>([
  'REPLY_PUBLISHED',
  'MEDIATED',
  'SETTLED',
  'REVIEW_ISSUED',
  'RE_REVIEW_ISSUED',
  'JOINED_CASE_REVIEWED',
]);

/** Whether an event carries a written answer to the citizen (a reply or agreement, a review or re-review opinion). */
export function isWrittenAnswer(type: string): boolean {
  return WRITTEN_ANSWERS.has(type);
}

/** The label of an event type, as an i18n key. */
export function eventLabelKey(type: string): string {
  return `common:events.${type}`;
}
