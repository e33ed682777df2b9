// Keeps each case's warning level, reasons and response targets in step with the rules of
// app/features/early-warning/levels.ts. Called inside the transaction of every change that can move a level:
// a submission, a staff action, a cluster change, a missed deadline.
import { isOpenStatus, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { queueStaffMessages, warningAlertRecipients, type Tx } from '#app/features/notifications/outbox.server.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import {
  assessWarning,
  effectiveLevel,
  levelRank,
  nextTargetDue,
  TARGET_COLUMNS,
  targetsAfterLevelChange,
  type WarningReason,
} from './levels.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';

export interface LevelChange {
  caseId: string;
  from: WarningLevel;
  to: WarningLevel;
  reasons: WarningReason[];
}

interface ReassessOptions {
  /** A staff change ends any override (it wins only until the next staff change). */
  clearOverride?: boolean;
  actorId?: string | null;
  /** Extra detail for the timeline, e.g. the welfare phrases found. */
  eventData?: Record<string, string[] | string>;
}

/** Members of each cluster, for the rule that counts a cluster's size like co-signers. */
async function clusterSizes(tx: Tx, clusterIds: string[]): Promise<Map<string, number>> {
  if (clusterIds.length === 0) return new Map();
  const rows = await tx.case.groupBy({
    by: ['clusterId'],
    where: { clusterId: { in: clusterIds }, cluster: { dissolvedAt: null } },
    _count: { _all: true },
  });
  return new Map(rows.flatMap((row) => (row.clusterId ? [[row.clusterId, row._count._all] as const] : [])));
}

export async function reassessWarnings(tx: Tx, caseIds: string[], now: Date, options: ReassessOptions = {}): Promise<LevelChange[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx.case.findMany({
    where: { id: { in: caseIds } },
    select: {
      id: true,
      status: true,
      unitId: true,
      coSignerCount: true,
      clusterId: true,
      repeatOfId: true,
      welfareConcern: true,
      missedDeadlines: true,
      warningLevel: true,
      warningReasons: true,
      warningOverride: true,
      ...TARGET_COLUMNS,
      nextTargetDueAt: true,
    },
  });
  const sizes = await clusterSizes(tx, [...new Set(rows.flatMap((r) => (r.clusterId ? [r.clusterId] : [])))]);
  const changes: LevelChange[] = [];

  for (const row of rows) {
    const assessed = assessWarning({
      coSignerCount: row.coSignerCount,
      clusterSize: row.clusterId ? (sizes.get(row.clusterId) ?? 0) : 0,
      repeat: row.repeatOfId !== null,
      welfareConcern: row.welfareConcern,
      missedDeadlines: row.missedDeadlines,
    });
    const override = options.clearOverride ? null : row.warningOverride;
    const level = effectiveLevel(assessed.level, override);
    const targets = targetsAfterLevelChange(row.warningLevel, level, row, now, serviceTimeZone());
    const open = isOpenStatus(row.status as CaseStatus);
    const nextTargetDueAt = open ? nextTargetDue(targets, row) : null;

    const unchanged =
      level === row.warningLevel &&
      override === row.warningOverride &&
      assessed.reasons.join() === row.warningReasons.join() &&
      sameTime(nextTargetDueAt, row.nextTargetDueAt) &&
      sameTime(targets.responseDueAt, row.responseDueAt);
    if (unchanged) continue;

    await tx.case.update({
      where: { id: row.id },
      data: {
        warningLevel: level,
        warningReasons: assessed.reasons,
        warningOverride: override,
        ...(override === null ? { warningOverrideReason: null } : {}),
        ...targets,
        nextTargetDueAt,
      },
    });
    if (level !== row.warningLevel) {
      changes.push({ caseId: row.id, from: row.warningLevel, to: level, reasons: assessed.reasons });
      await tx.caseEvent.create({
        data: {
          caseId: row.id,
          type: 'WARNING_LEVEL_CHANGED' satisfies CaseEventType,
          visibility: 'INTERNAL',
          actorType: options.actorId ? 'STAFF' : 'SYSTEM',
          actorId: options.actorId ?? null,
          data: { from: row.warningLevel, to: level, reasons: assessed.reasons, ...(options.eventData ?? {}) },
          createdAt: now,
        },
      });
      if (open && levelRank(level) >= levelRank('ORANGE') && levelRank(level) > levelRank(row.warningLevel)) {
        await queueStaffMessages(
          tx,
          await warningAlertRecipients(tx, row.unitId),
          'warningAlert',
          'staff.warningAlert',
          `${row.id}:${level}`,
          {
            caseId: row.id,
            level,
            data: { level, reasons: assessed.reasons },
          },
        );
      }
    }
  }
  await refreshClusterLevels(tx, [...sizes.keys()]);
  return changes;
}

/** A cluster shows the highest level among its cases (the enum is declared from low to high). */
export async function refreshClusterLevels(tx: Tx, clusterIds: string[]): Promise<void> {
  if (clusterIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "CaseCluster" k
    SET "warningLevel" = COALESCE((SELECT max(c."warningLevel") FROM "Case" c WHERE c."clusterId" = k."id"), 'NONE'), "updatedAt" = now()
    WHERE k."id" = ANY(${clusterIds}::uuid[])`;
}

function sameTime(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
