// Who may change a case's warning, and how: the one rule that the case page (to offer the link),
// the warning page (to show its forms) and the services (to refuse) all ask. Only open cases: a
// closed case owes no more responses.
import { isOpenStatus, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { canOverrideWarning, canRecordMilestone, type Actor, type CaseScope } from '#app/features/staff/permissions.ts';

export interface WarningChanges {
  /** Raise or lower the level with a reason (clerks and supervisors). */
  override: boolean;
  /** Record that a response target was met (whoever works the case). */
  milestone: boolean;
}

export function warningChanges(actor: Actor, scope: CaseScope, status: CaseStatus): WarningChanges {
  if (!isOpenStatus(status)) return { override: false, milestone: false };
  return { override: canOverrideWarning(actor, scope), milestone: canRecordMilestone(actor, scope) };
}

export function mayChangeWarning(changes: WarningChanges): boolean {
  return changes.override || changes.milestone;
}
