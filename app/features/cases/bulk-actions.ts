// Triage of many cases at once from the queue: the actions, the standard reasons to decline, and
// what a bulk action reports back. Each case still takes its own step (its own event, version
// check and notification, bulk-actions.server.ts); a case the action does not fit is skipped, with why.
import type { StaffRole } from '#app/features/staff/permissions.ts';

export const BULK_ACTIONS = ['acceptAssign', 'accept', 'assign', 'decline', 'cluster', 'warning'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Who may use each bulk action: the roles that triage (clerks) and supervise. */
const BULK_ROLES: Record<BulkAction, ReadonlySet<StaffRole>> = {
  acceptAssign: new Set(['CLERK', 'SUPERVISOR']),
  accept: new Set(['CLERK', 'SUPERVISOR']),
  assign: new Set(['CLERK', 'SUPERVISOR']),
  decline: new Set(['CLERK', 'SUPERVISOR']),
  cluster: new Set(['CLERK', 'SUPERVISOR']),
  warning: new Set(['CLERK', 'SUPERVISOR']),
};

export function canUseBulkAction(role: StaffRole, action: BulkAction): boolean {
  return BULK_ROLES[action].has(role);
}

/** The bulk actions a role is offered; none means the queue shows no selection. */
export function bulkActionsFor(role: StaffRole): BulkAction[] {
  return BULK_ACTIONS.filter((action) => canUseBulkAction(role, action));
}

/** Why a case was left out of a bulk action. */
export const BULK_SKIP_REASONS = ['notAllowedNow', 'changed', 'forbidden', 'notFound', 'sameLevel', 'alreadyInCluster'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

export interface BulkResult {
  action: BulkAction;
  /** Receipt numbers of the cases the action was taken on. */
  done: string[];
  /** The cases left out, and why. A case the actor may not see is counted, never named. */
  skipped: { receiptNo: string | null; reason: BulkSkipReason }[];
}

/** A ticked row: the case and the version the queue showed, so a case changed meanwhile is not acted on blindly. */
export function selectionValue(id: string, version: number): string {
  return `${id}:${version}`;
}

export function parseSelection(value: string): { id: string; version: number } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,9})$/i.exec(value);
  return match ? { id: match[1]!.toLowerCase(), version: Number(match[2]) } : null;
}

/** At most one page of the queue at a time. */
export const BULK_MAX_CASES = 50;

/** The bulk form's fields; here, not in the service, because the page's error summary names them in the browser too. */
export const BULK_FIELDS = ['bulkAction', 'cases', 'unitId', 'assigneeId', 'declineReason', 'clusterId', 'level', 'reason'] as const;
export type BulkField = (typeof BULK_FIELDS)[number];
