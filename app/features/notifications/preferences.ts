// Which notification topics each role can receive, so My account offers only switches that do
// something. It mirrors the recipient helpers in ./outbox.server.ts (warningAlertRecipients,
// caseWorkerRecipients, supervisorRecipients) and the assignment rule (assignees are handlers);
// the scheduled reports (app/features/statistics/prepared.server.ts) go to supervisors.
import { STAFF_TOPICS, isStaffTopic, type StaffTopic } from './topics.ts';

type Role = 'CLERK' | 'HANDLER' | 'SUPERVISOR' | 'ANALYST' | 'ADMIN';

const TOPICS_BY_ROLE: Record<Role, readonly StaffTopic[]> = {
  CLERK: ['warningAlert'],
  HANDLER: ['assignment', 'warningAlert', 'dueSoon'],
  SUPERVISOR: ['warningAlert', 'dueSoon', 'overdueDigest', 'reports', 'checkIn'],
  ANALYST: [],
  ADMIN: [],
};

export function topicsForRole(role: Role): readonly StaffTopic[] {
  return TOPICS_BY_ROLE[role];
}

/**
 * The muted list after a save: topics the form offered follow their checkbox; topics it did not
 * offer (another role's, or unknown leftovers) are kept as they were, minus anything unknown.
 */
export function mutedAfterSave(
  previous: readonly string[],
  offered: readonly StaffTopic[],
  enabled: ReadonlySet<StaffTopic>,
): StaffTopic[] {
  const kept = previous.filter(isStaffTopic).filter((topic) => !offered.includes(topic));
  const muted = offered.filter((topic) => !enabled.has(topic));
  return STAFF_TOPICS.filter((topic) => kept.includes(topic) || muted.includes(topic));
}
