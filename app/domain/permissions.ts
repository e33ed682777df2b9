// Who may do what in the back office. Every loader and action asks these functions on the
// server; the interface only hides what they would refuse anyway.
import type { CaseAction } from './case-lifecycle.ts';

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

/** Handlers see their own unit's cases; clerks and supervisors see all cases. */
export function canViewCase(actor: Actor, scope: CaseScope): boolean {
  if (actor.role === 'CLERK' || actor.role === 'SUPERVISOR') return true;
  if (actor.role === 'HANDLER') return actor.unitId !== null && actor.unitId === scope.unitId;
  return false;
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

/** Admins and supervisors must use two-factor sign-in; others may. */
export function requiresSecondFactor(role: StaffRole): boolean {
  return role === 'ADMIN' || role === 'SUPERVISOR';
}
