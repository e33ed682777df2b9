// Triage from the queue: a case opened from the queue carries the queue's view and filters in its
// URL (?queue=…, without the page's cursor), so that "Save and next" on the case page goes on to
// the next case of that view, and "back" returns to it. Pure: the queue page, the case page and the
// service share these.
import type { CaseAction } from './lifecycle.ts';

/** The case page's URL parameter that names the queue it was opened from. */
export const QUEUE_PARAM = 'queue';

/** Longer than any queue's own URL: a longer value was not made by the queue page. */
const QUEUE_MAX_LENGTH = 2000;

/** The queue's search (its view and filters, never its page) from a case page's `queue` parameter; '' is the default queue. */
export function queueSearch(value: string | null | undefined): string {
  if (!value || value.length > QUEUE_MAX_LENGTH) return '';
  const params = new URLSearchParams(value);
  params.delete('after');
  return params.toString();
}

/** The queue view itself. */
export function queueHref(queue: string): string {
  return queue ? `/office?${queue}` : '/office';
}

/** A case's page, opened from that queue view. */
export function caseHref(caseId: string, queue: string): string {
  return queue ? `/office/cases/${caseId}?${new URLSearchParams({ [QUEUE_PARAM]: queue })}` : `/office/cases/${caseId}`;
}

/** The case page's forms: its steps, and accepting and assigning in one submission. */
export type CaseFormIntent = CaseAction | 'acceptAssign';

/** The triage steps whose forms offer "Save and next". */
const TRIAGE_INTENTS: ReadonlySet<CaseFormIntent> = new Set(['acceptAssign', 'accept', 'assign', 'decline', 'forward']);

export function offersSaveAndNext(intent: CaseFormIntent): boolean {
  return TRIAGE_INTENTS.has(intent);
}

/** The value of the submit button "Save and next" (name `then`). */
export const SAVE_AND_NEXT = 'next';
