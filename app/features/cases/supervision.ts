// 督办: when a statutory date is missed, the body above the one that missed it orders it put right
// (arts. 44, 45). The case becomes a supervision item of the unit above the case's unit (the
// office's supervisors when there is none), with a due date of its own, and stays one until the
// step it missed is done or the case ends. Pure: the sweep, the case page and the tests read it.
import { parentIn, type UnitParents } from '#app/features/reference-data/unit-tree.ts';
import { workingDayDeadline, type ClockSettings } from './deadlines.ts';
import { TERMINAL_STATUSES, type CaseStatus } from './lifecycle.ts';

/** The supervisor's own time to see the missed step put right, in working days from the miss. */
export const SUPERVISION_WORKING_DAYS = 5;

/** Arts. 44 (acceptance) and 45 (handling): the superior body orders the missed step corrected. */
export const SUPERVISION_ARTICLES = '44, 45';

/** The unit that supervises a case its unit let lapse: the one above it, or null for the office's supervisors. */
export function supervisingUnit(parents: UnitParents, caseUnitId: string | null): string | null {
  return parentIn(parents, caseUnitId);
}

/** When the supervision item is due: five working days after the miss, holidays skipped. */
export function supervisionDueAt(missedAt: Date, clock: ClockSettings): Date {
  return workingDayDeadline(missedAt, SUPERVISION_WORKING_DAYS, clock);
}

/**
 * Whether the step the supervision was opened for is done: the case ended, or it now works against
 * another deadline than the one it missed (the sweep records that one as missedDueAt). Never while
 * a citizen answered on paper has not been told the acceptance decision and its 15 days have passed
 * (acceptanceNoticeLate, ADR 0016): for them the step is done only when the notice is delivered,
 * even if the decision ended the case (a refusal, a forwarding).
 */
export function supervisionSettled(c: {
  status: CaseStatus;
  nextDueAt: Date | null;
  missedDueAt: Date | null;
  acceptanceNoticeLate: boolean;
}): boolean {
  if (c.acceptanceNoticeLate) return false;
  if (TERMINAL_STATUSES.has(c.status) || c.nextDueAt === null || c.missedDueAt === null) return true;
  return c.nextDueAt.getTime() !== c.missedDueAt.getTime();
}
