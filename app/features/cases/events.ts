// Every kind of CaseEvent, declared once. A case's history is append-only (a database trigger
// refuses updates and deletes); each entry's type is one of these, and each has its label in all
// three languages under common:events (a unit test checks it). Public events are the citizen's
// timeline; internal ones are staff's.
export const CASE_EVENT_TYPES = [
  // The lifecycle (app/features/cases/lifecycle.ts).
  'SUBMITTED',
  'ACCEPTED',
  'DECLINED',
  'FORWARDED',
  'ASSIGNED',
  'WORK_STARTED',
  'EXTENDED',
  'REPLY_PUBLISHED',
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
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export function isCaseEventType(value: string): value is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

const WRITTEN_ANSWERS: ReadonlySet<string> = new Set<CaseEventType>(['REPLY_PUBLISHED', 'REVIEW_ISSUED', 'RE_REVIEW_ISSUED']);

/** Whether an event carries a written answer to the citizen (a reply, a review or re-review opinion). */
export function isWrittenAnswer(type: string): boolean {
  return WRITTEN_ANSWERS.has(type);
}

/** The label of an event type, as an i18n key. */
export function eventLabelKey(type: string): string {
  return `common:events.${type}`;
}
