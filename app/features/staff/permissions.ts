// Who may do what in the back office. Every loader and action asks these functions on the
// server; the interface only hides what they would refuse anyway.
import type { CaseAction } from '#app/features/cases/lifecycle.ts';

export const STAFF_ROLES = ['CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Actor {
  id: string;
  role: StaffRole;
  unitId: string | null;
}

export interface CaseScope {
  unitId: string | null;
  kind: string;
  /** For a report of misconduct: the unit it is about (the reported unit never sees the reporter). */
  reportedUnitId?: string | null;
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

/** Handlers see their own unit's cases; clerks and supervisors see all cases. */
export function canViewCase(actor: Actor, scope: CaseScope): boolean {
  if (!canUseQueue(actor)) return false;
  const confined = confinedToUnit(actor);
  return confined === null || (confined.unitId !== null && confined.unitId === scope.unitId);
}

/**
 * Contact details, behind a logged action. A handler in the unit that a report of misconduct
 * concerns never sees who filed it (art. 30).
 */
export function canViewContact(actor: Actor, scope: CaseScope): boolean {
  if (!canViewCase(actor, scope)) return false;
  if (scope.kind === 'MISCONDUCT_REPORT' && actor.role === 'HANDLER') {
    const reported = scope.reportedUnitId ?? scope.unitId;
    if (reported && reported === actor.unitId) return false;
  }
  return true;
}

const ACTIONS_BY_ROLE: Record<StaffRole, ReadonlySet<CaseAction>> = {
  CLERK: new Set(['accept', 'decline', 'forward', 'assign', 'merge', 'note']),
  HANDLER: new Set(['startWork', 'reply', 'note', 'issueReview', 'issueReReview']),
  SUPERVISOR: new Set([
    'accept',
    'decline',
    'forward',
    'assign',
    'merge',
    'note',
    'startWork',
    'extend',
    'reply',
    'issueReview',
    'issueReReview',
    'close',
  ]),
  ANALYST: new Set(),
  ADMIN: new Set(),
};

/** Whether the role may take the action on a case it can see (the lifecycle decides if it applies now). */
export function canTakeAction(actor: Actor, action: CaseAction, scope: CaseScope): boolean {
  return canViewCase(actor, scope) && ACTIONS_BY_ROLE[actor.role].has(action);
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

/** Downloads of the aggregate statistics (counts only): whoever may read the statistics page. */
export function canExportStatistics(actor: Actor): boolean {
  return canViewStatistics(actor);
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
