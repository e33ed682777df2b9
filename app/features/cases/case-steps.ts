// Whether a step applies to a case as it stands now, beyond its status (lifecycle.ts) and the
// actor's role (permissions.ts): an objection within its window (art. 23), a completion report that
// was asked for (art. 22(3)), a hearing under way (art. 36). One rule: the case page offers only
// the steps it allows, and the service refuses the others with the same code.
import type { CaseAction } from './lifecycle.ts';

export interface StepState {
  kind: string;
  objectionDueAt: Date | null;
  objectingUnitId: string | null;
  reportDueAt: Date | null;
  /** A completion report waits for the assigning office's decision. */
  reportPending: boolean;
  /** The start of the day a re-review hearing starts: arranged ahead, or begun. */
  hearingSince: Date | null;
}

/** Why the step does not apply now (a key under office:case.errors.form), or null when it does. */
export function stepBlocker(action: CaseAction, c: StepState, now: Date): string | null {
  switch (action) {
    case 'object':
      if (c.objectingUnitId) return 'objectionPending';
      return c.objectionDueAt && now.getTime() <= c.objectionDueAt.getTime() ? null : 'objectionWindowPassed';
    case 'assign':
      return c.objectingUnitId ? 'objectionPending' : null;
    case 'decideObjection':
      return c.objectingUnitId ? null : 'noObjection';
    case 'fileReport':
      if (!c.reportDueAt) return 'noReportAsked';
      return c.reportPending ? 'reportPending' : null;
    case 'decideReport':
      return c.reportPending ? null : 'noReportPending';
    case 'startHearing':
      // A hearing arranged ahead may be moved until its day comes; once begun, its outcome is next.
      return c.hearingSince && c.hearingSince.getTime() <= now.getTime() ? 'hearingUnderway' : null;
    case 'issueReReview':
      return c.hearingSince ? 'hearingUnderway' : null;
    case 'recordHearing':
      if (!c.hearingSince) return 'noHearing';
      return c.hearingSince.getTime() <= now.getTime() ? null : 'hearingNotBegun';
    case 'correctReport':
      return c.kind === 'MISCONDUCT_REPORT' ? null : 'notAReport';
    default:
      return null;
  }
}
