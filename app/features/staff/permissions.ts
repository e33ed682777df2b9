// Who may do what in the back office. Every loader and action asks these functions on the
// server; the interface only hides what they would refuse anyway.
import type { CaseAction } from '#app/features/cases/lifecycle.ts';

export const STAFF_ROLES = ['CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Actor {
  id: string;
  role: StaffRole;
  unitId: string | null;
  /**
   * The actor's unit and every unit above it, nearest first (reference-data/unit-tree.ts), loaded
   * with the session. An actor made without it who belongs to a unit is treated as belonging to
   * every unit: the bars on reports and reviews fail closed.
   */
  unitLineage?: readonly string[];
}

export interface CaseScope {
  unitId: string | null;
  kind: string;
  /** For a report of misconduct: the unit it is about (null when the reporter named none). */
  reportedUnitId: string | null;
  /** Staff who withdrew from the case for a conflict of interest (art. 28). */
  recusedStaffIds: readonly string[];
}

/** Whether the actor belongs to `unitId` or to a unit below it. */
export function belongsUnder(actor: Actor, unitId: string | null): boolean {
  if (!unitId) return false;
  if (actor.unitLineage) return actor.unitLineage.includes(unitId);
  return actor.unitId !== null;
}

/**
 * The units whose reports of misconduct are kept from the actor: their own and those above it
 * ('anyUnit' when the actor's place in the tree is not known, so the bar fails closed).
 */
export function barredReportUnits(actor: Actor): readonly string[] | 'anyUnit' {
  if (actor.unitLineage) return actor.unitLineage;
  return actor.unitId !== null ? 'anyUnit' : [];
}

/**
 * Arts. 28, 30 and 46(5): a case kept from this person whatever their role. A report of misconduct
 * is kept from everyone in the unit it is about and in every unit below it (supervisors and admins
 * too), and a case from whoever withdrew from it for a conflict of interest. For them the case does
 * not exist: not in the queue, search, board, clusters, counts, messages, files or history.
 */
export function isKeptFrom(actor: Actor, scope: Pick<CaseScope, 'reportedUnitId' | 'recusedStaffIds'>): boolean {
  return scope.recusedStaffIds.includes(actor.id) || belongsUnder(actor, scope.reportedUnitId);
}

/** Roles that work cases at all; analysts see statistics only, admins run the system. */
const CASE_WORKERS: ReadonlySet<StaffRole> = new Set(['CLERK', 'HANDLER', 'SUPERVISOR']);

export function canUseQueue(actor: Actor): boolean {
  return CASE_WORKERS.has(actor.role);
}

/**
 * The unit a case worker is confined to: handlers work their own unit's cases only (a handler
 * without a unit, none); null for clerks and supervisors, who see every unit's. The one rule
 * behind canViewCase, the queue and the early-warning board.
 */
export function confinedToUnit(actor: Actor): { unitId: string | null } | null {
  return actor.role === 'HANDLER' ? { unitId: actor.unitId } : null;
}

/**
 * Handlers see their own unit's cases; clerks and supervisors see all cases; nobody sees a case
 * kept from them (isKeptFrom).
 */
export function canViewCase(actor: Actor, scope: CaseScope): boolean {
  if (!canUseQueue(actor) || isKeptFrom(actor, scope)) return false;
  const confined = confinedToUnit(actor);
  return confined === null || (confined.unitId !== null && confined.unitId === scope.unitId);
}

/**
 * Contact details, behind a logged action: whoever may see the case. The unit a report of
 * misconduct is about never sees the case at all (isKeptFrom), so never its reporter (art. 30).
 */
export function canViewContact(actor: Actor, scope: CaseScope): boolean {
  return canViewCase(actor, scope);
}

/** Recording that a written notice reached the citizen (送达) is case work, on cases the actor may see. */
export function canRecordNoticeDelivery(actor: Actor): boolean {
  return actor.role === 'CLERK' || actor.role === 'HANDLER' || actor.role === 'SUPERVISOR';
}

/** 回访 by phone: a clerk (or whoever works the case) records what the citizen said on the call. */
export function canRecordCheckInCall(actor: Actor): boolean {
  return canRecordNoticeDelivery(actor);
}

const ACTIONS_BY_ROLE: Record<StaffRole, ReadonlySet<CaseAction>> = {
  CLERK: new Set([
    'accept',
    'setClaims',
    'decline',
    'forward',
    'assign',
    'merge',
    'note',
    'decideObjection',
    'decideReport',
    'correctReport',
    'recuse',
  ]),
  HANDLER: new Set([
    'setClaims',
    'startWork',
    'reply',
    'settle',
    'note',
    'issueReview',
    'issueReReview',
    'startHearing',
    'recordHearing',
    'object',
    'fileReport',
    'recuse',
  ]),
  SUPERVISOR: new Set([
    'accept',
    'setClaims',
    'decline',
    'forward',
    'assign',
    'merge',
    'unmerge',
    'note',
    'startWork',
    'extend',
    'reply',
    'settle',
    'issueReview',
    'issueReReview',
    'startHearing',
    'recordHearing',
    'close',
    'object',
    'decideObjection',
    'fileReport',
    'decideReport',
    'correctReport',
    'recuse',
    'recordConflict',
  ]),
  ANALYST: new Set(),
  ADMIN: new Set(),
};

/** Steps a unit takes about a case it received: only its own members (art. 23 objection, art. 22(3) report). */
const UNIT_ACTIONS: ReadonlySet<CaseAction> = new Set(['object', 'fileReport']);

/** Whether the role may take the action on a case it can see (the lifecycle decides if it applies now). */
export function canTakeAction(actor: Actor, action: CaseAction, scope: CaseScope): boolean {
  if (!canViewCase(actor, scope) || !ACTIONS_BY_ROLE[actor.role].has(action)) return false;
  return !UNIT_ACTIONS.has(action) || (actor.unitId !== null && actor.unitId === scope.unitId);
}

/**
 * Showing a masked span of the citizen's personal data on a transfer letter (arts. 30, 46(5)):
 * whoever may forward the case, since forwarding decides what leaves the system.
 */
export function canUnmaskForTransfer(actor: Actor, scope: CaseScope): boolean {
  return canTakeAction(actor, 'forward', scope);
}

/** The decision a review (art. 35) or re-review (art. 36) looks at again. */
export interface DecisionUnderReview {
  /** The unit that made it: the reply's for a review, the review opinion's for a re-review. */
  unitId: string | null;
  /** Staff who took part in it. */
  participantIds: readonly string[];
}

export type IndependenceRefusal = 'tookPart' | 'reviewedUnit';

/**
 * Arts. 35 and 36: a review or re-review is decided by someone independent of the decision it looks
 * at again: nobody who took part in it, and nobody in the unit that made it (or below that unit),
 * whatever their role. Null when the actor is independent.
 */
export function independenceRefusal(actor: Actor, decision: DecisionUnderReview): IndependenceRefusal | null {
  if (decision.participantIds.includes(actor.id)) return 'tookPart';
  return belongsUnder(actor, decision.unitId) ? 'reviewedUnit' : null;
}

export function canRegisterCases(actor: Actor): boolean {
  return actor.role === 'CLERK' || actor.role === 'SUPERVISOR';
}

export function canViewStatistics(actor: Actor): boolean {
  return actor.role === 'ANALYST' || actor.role === 'SUPERVISOR' || actor.role === 'ADMIN';
}

export function canManageStaff(actor: Actor): boolean {
  return actor.role === 'ADMIN';
}

export function canReadAuditLog(actor: Actor): boolean {
  return actor.role === 'ADMIN';
}

/** Units, categories and reply templates: the reference data every case depends on. */
export function canManageReferenceData(actor: Actor): boolean {
  return actor.role === 'ADMIN';
}

/** Run-time settings (crisis support lines, clustering). */
export function canManageSettings(actor: Actor): boolean {
  return actor.role === 'ADMIN';
}

/** The public-holiday calendar that working-day limits count with. */
export function canManageCalendar(actor: Actor): boolean {
  return actor.role === 'ADMIN';
}

/** Downloads of the aggregate statistics (counts only): whoever may read the statistics page. */
export function canExportStatistics(actor: Actor): boolean {
  return canViewStatistics(actor);
}

/**
 * Period reports (counts only): whoever reads statistics, for the whole office; handlers too, for
 * their own unit only (app/features/statistics/scope.ts decides the scope).
 */
export function canViewReports(actor: Actor): boolean {
  return canViewStatistics(actor) || (actor.role === 'HANDLER' && actor.unitId !== null);
}

/** Choosing one unit, with everything below it, as a report's scope: supervisors and analysts. */
export function canChooseReportScope(actor: Actor): boolean {
  return actor.role === 'SUPERVISOR' || actor.role === 'ANALYST';
}

/**
 * The case ledger (台账): one row per case, with no personal data by default. Those who work with
 * cases' figures: supervisors and analysts for any scope, handlers for their own unit.
 */
export function canExportLedger(actor: Actor): boolean {
  return actor.role === 'SUPERVISOR' || actor.role === 'ANALYST' || (actor.role === 'HANDLER' && actor.unitId !== null);
}

/** Adding each case's subject to the ledger (with a reason, audited): people who read the cases themselves, never analysts. */
export function canIncludeLedgerSubject(actor: Actor): boolean {
  return canExportLedger(actor) && (actor.role === 'SUPERVISOR' || actor.role === 'HANDLER');
}

/** The weekly risk list (周风险清单) names cases across every unit: supervisors, who chase them. */
export function canViewRiskList(actor: Actor): boolean {
  return actor.role === 'SUPERVISOR';
}

/** Admins and supervisors must use two-factor sign-in; others may. */
export function requiresSecondFactor(role: StaffRole): boolean {
  return role === 'ADMIN' || role === 'SUPERVISOR';
}

/** Raising or lowering a warning level, with a reason: the people who triage and supervise. */
export function canOverrideWarning(actor: Actor, scope: CaseScope): boolean {
  return canViewCase(actor, scope) && (actor.role === 'CLERK' || actor.role === 'SUPERVISOR');
}

/** Recording that a response target was met (responded, progress, result): whoever works the case. */
export function canRecordMilestone(actor: Actor, scope: CaseScope): boolean {
  return canViewCase(actor, scope) && (actor.role === 'HANDLER' || actor.role === 'SUPERVISOR' || actor.role === 'CLERK');
}

/**
 * The early-warning board. Handlers see it for their own unit's cases only; clusters span units,
 * so only clerks and supervisors see them.
 */
export function canViewWarningBoard(actor: Actor): boolean {
  return canUseQueue(actor);
}

export function canViewClusters(actor: Actor): boolean {
  return actor.role === 'CLERK' || actor.role === 'SUPERVISOR';
}

/** Putting cases into a cluster by hand, in triage: the people who see clusters. */
export function canGroupCases(actor: Actor): boolean {
  return canViewClusters(actor);
}

/** Confirming, splitting and dissolving clusters, and the coordinated reply: supervisors. */
export function canManageClusters(actor: Actor): boolean {
  return actor.role === 'SUPERVISOR';
}

/**
 * Reception days (领导接访日): administrators set them up and publish them, and so do supervisors,
 * who organise the officials' reception work. Neither sees who booked unless they also handle the day.
 */
export function canManageReceptionDays(actor: Actor): boolean {
  return actor.role === 'ADMIN' || actor.role === 'SUPERVISOR';
}

/** The day itself: who booked, attendance, recording the visit or registering it as a case. */
export function canHandleReceptionDays(actor: Actor): boolean {
  return actor.role === 'CLERK' || actor.role === 'SUPERVISOR';
}

export function canViewReceptionDays(actor: Actor): boolean {
  return canManageReceptionDays(actor) || canHandleReceptionDays(actor);
}

/** Public notices (信息发布): what the government says publicly, so supervisors and administrators. */
export function canManageNotices(actor: Actor): boolean {
  return actor.role === 'SUPERVISOR' || actor.role === 'ADMIN';
}

/** Where a role starts in the back office: the queue for those who work cases. */
export function startPageFor(actor: Actor): string {
  if (canUseQueue(actor)) return '/office';
  if (actor.role === 'ADMIN') return '/office/staff';
  if (canViewStatistics(actor)) return '/office/statistics';
  return '/office/account';
}

/**
 * Where a password change leads: the first one (a one-time password replaced) starts the day's
 * work on the person's start page; a change by choice goes back to My account, where it began.
 */
export function afterPasswordChange(actor: Actor, forced: boolean): string {
  return forced ? startPageFor(actor) : '/office/account';
}
