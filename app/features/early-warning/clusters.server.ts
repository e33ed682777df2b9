// Clusters of cases about one issue, and the early-warning board. Supervisors confirm, split or
// dissolve a cluster, and can answer all its cases at once with one coordinated reply, while each
// case keeps its own timeline.
import { z } from 'zod';
import { nextStatus, OPEN_STATUSES, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { CaseAccessError, CaseActionError, CaseConflictError, performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import {
  canManageClusters,
  canTakeAction,
  canViewCase,
  canViewClusters,
  confinedToUnit,
  type Actor,
} from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { targetStatuses, type TargetStatus } from './levels.ts';
import { reassessWarnings } from './reassessment.server.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';

export class ClusterNotFoundError extends Error {}

const BOARD_LIMIT = 200;
const DAY = 86_400_000;

export interface BoardCase {
  id: string;
  receiptNo: string;
  subject: string;
  status: CaseStatus;
  warningLevel: WarningLevel;
  warningReasons: string[];
  clusterId: string | null;
  nextTargetDueAt: Date | null;
  targets: TargetStatus[];
}

export interface BoardCluster {
  id: string;
  title: string;
  warningLevel: WarningLevel;
  confirmed: boolean;
  size: number;
  nextTargetDueAt: Date | null;
  missedTargets: number;
}

const BOARD_CASE_SELECT = {
  id: true,
  receiptNo: true,
  subject: true,
  status: true,
  warningLevel: true,
  warningReasons: true,
  clusterId: true,
  nextTargetDueAt: true,
  responseDueAt: true,
  progressDueAt: true,
  resultDueAt: true,
  respondedAt: true,
  progressAt: true,
  resultAt: true,
  unitId: true,
  kind: true,
} as const;

interface BoardRow {
  id: string;
  receiptNo: string;
  subject: string;
  status: CaseStatus;
  warningLevel: WarningLevel;
  warningReasons: string[];
  clusterId: string | null;
  nextTargetDueAt: Date | null;
  responseDueAt: Date | null;
  progressDueAt: Date | null;
  resultDueAt: Date | null;
  respondedAt: Date | null;
  progressAt: Date | null;
  resultAt: Date | null;
}

function toBoardCase(row: BoardRow, now: Date): BoardCase {
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    subject: row.subject,
    status: row.status,
    warningLevel: row.warningLevel,
    warningReasons: row.warningReasons,
    clusterId: row.clusterId,
    nextTargetDueAt: row.nextTargetDueAt,
    targets: targetStatuses(row, row, now),
  };
}

/**
 * Every open orange or red case the actor may see, and (for clerks and supervisors) every open
 * cluster, each ordered by how soon its next response target falls due. Missed targets sort
 * first, since they are the most overdue.
 */
export async function earlyWarningBoard(actor: Actor, now = new Date()): Promise<{ cases: BoardCase[]; clusters: BoardCluster[] }> {
  const confined = confinedToUnit(actor);
  // A handler's board is their unit's cases (none without a unit), as their queue is.
  const unitOnly = confined ? (confined.unitId ? { unitId: confined.unitId } : { id: { in: [] } }) : {};
  const rows = await db().case.findMany({
    where: { warningLevel: { in: ['ORANGE', 'RED'] }, status: { in: [...OPEN_STATUSES] }, ...unitOnly },
    orderBy: [{ nextTargetDueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: BOARD_LIMIT,
    select: BOARD_CASE_SELECT,
  });
  const cases = rows.filter((row) => canViewCase(actor, { unitId: row.unitId, kind: row.kind })).map((row) => toBoardCase(row, now));
  if (!canViewClusters(actor)) return { cases, clusters: [] };

  const clusters = await db().$queryRaw<
    {
      id: string;
      title: string;
      warningLevel: WarningLevel;
      confirmed: boolean;
      size: number;
      nextTargetDueAt: Date | null;
      missedTargets: number;
    }[]
  >`
    SELECT k."id", k."title", k."warningLevel", k."confirmed", count(c."id")::int AS "size",
      min(c."nextTargetDueAt") AS "nextTargetDueAt",
      count(*) FILTER (WHERE c."nextTargetDueAt" < ${now})::int AS "missedTargets"
    FROM "CaseCluster" k JOIN "Case" c ON c."clusterId" = k."id"
    WHERE k."dissolvedAt" IS NULL
    GROUP BY k."id"
    HAVING count(*) FILTER (WHERE c."status"::text = ANY(${[...OPEN_STATUSES]}::text[])) > 0
    ORDER BY min(c."nextTargetDueAt") ASC NULLS LAST, count(c."id") DESC, k."id"
    LIMIT ${BOARD_LIMIT}`;
  return { cases, clusters };
}

export interface ClusterPage {
  id: string;
  title: string;
  warningLevel: WarningLevel;
  confirmed: boolean;
  dissolved: boolean;
  createdAt: Date;
  size: number;
  newLast24h: number;
  newLast7d: number;
  cases: (BoardCase & { receivedAt: Date; coSignerCount: number; replyable: boolean })[];
  canManage: boolean;
}

export async function clusterPage(actor: Actor, clusterId: string, now = new Date()): Promise<ClusterPage> {
  if (!canViewClusters(actor)) throw new CaseAccessError(403);
  const cluster = await db().caseCluster.findUnique({
    where: { id: clusterId },
    include: {
      cases: { select: { ...BOARD_CASE_SELECT, receivedAt: true, coSignerCount: true }, orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }] },
    },
  });
  if (!cluster) throw new ClusterNotFoundError();
  const since = (days: number) => cluster.cases.filter((c) => c.receivedAt.getTime() >= now.getTime() - days * DAY).length;
  return {
    id: cluster.id,
    title: cluster.title,
    warningLevel: cluster.warningLevel,
    confirmed: cluster.confirmed,
    dissolved: cluster.dissolvedAt !== null,
    createdAt: cluster.createdAt,
    size: cluster.cases.length,
    newLast24h: since(1),
    newLast7d: since(7),
    cases: cluster.cases.map((c) => ({
      ...toBoardCase(c, now),
      receivedAt: c.receivedAt,
      coSignerCount: c.coSignerCount,
      replyable: nextStatus(c.status, 'reply') !== null,
    })),
    canManage: canManageClusters(actor) && cluster.dissolvedAt === null,
  };
}

export const ClusterChangeForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('confirm') }),
  z.object({ intent: z.literal('dissolve') }),
  z.object({
    intent: z.literal('split'),
    caseIds: z.array(z.uuid()).min(1, 'split.noneChosen'),
  }),
  z.object({
    intent: z.literal('reply'),
    message: z.string().trim().min(1, 'reply.required').max(20_000, 'reply.tooLong'),
  }),
]);
export type ClusterChange = z.infer<typeof ClusterChangeForm>;

export interface CoordinatedReplyResult {
  replied: string[];
  /** Receipt numbers not answered, with why: not in a state to reply, changed meanwhile, or not allowed. */
  skipped: { receiptNo: string; reason: 'notReplyable' | 'conflict' | 'forbidden' }[];
}

async function clusterEvent(
  caseIds: string[],
  actor: Actor,
  type: CaseEventType,
  data: Record<string, string | boolean | number>,
  now: Date,
) {
  if (caseIds.length === 0) return;
  await db().caseEvent.createMany({
    data: caseIds.map((caseId) => ({
      caseId,
      type,
      visibility: 'INTERNAL' as const,
      actorType: 'STAFF' as const,
      actorId: actor.id,
      data,
      createdAt: now,
    })),
  });
}

/** Applies a supervisor's change to a cluster. Returns the new cluster id for a split. */
export async function changeCluster(
  actor: Actor,
  clusterId: string,
  change: ClusterChange,
  now = new Date(),
): Promise<{ newClusterId?: string; reply?: CoordinatedReplyResult }> {
  if (!canManageClusters(actor)) throw new CaseAccessError(403);
  const cluster = await db().caseCluster.findUnique({
    where: { id: clusterId },
    include: { cases: { select: { id: true, receiptNo: true, status: true, version: true, unitId: true, kind: true } } },
  });
  if (!cluster) throw new ClusterNotFoundError();
  if (cluster.dissolvedAt) throw new CaseActionError('clusterDissolved');
  const memberIds = cluster.cases.map((c) => c.id);

  switch (change.intent) {
    case 'confirm': {
      await db().$transaction(async (tx) => {
        await tx.caseCluster.update({ where: { id: clusterId }, data: { confirmed: true, confirmedAt: now } });
        await tx.caseEvent.createMany({
          data: memberIds.map((caseId) => ({
            caseId,
            type: 'CLUSTER_CONFIRMED' satisfies CaseEventType,
            visibility: 'INTERNAL' as const,
            actorType: 'STAFF' as const,
            actorId: actor.id,
            data: { clusterId },
            createdAt: now,
          })),
        });
      });
      return {};
    }
    case 'dissolve': {
      await db().$transaction(async (tx) => {
        await tx.caseCluster.update({ where: { id: clusterId }, data: { dissolvedAt: now } });
        await tx.case.updateMany({ where: { clusterId }, data: { clusterId: null } });
        await tx.caseEvent.createMany({
          data: memberIds.map((caseId) => ({
            caseId,
            type: 'CLUSTER_DISSOLVED' satisfies CaseEventType,
            visibility: 'INTERNAL' as const,
            actorType: 'STAFF' as const,
            actorId: actor.id,
            data: { clusterId },
            createdAt: now,
          })),
        });
        await reassessWarnings(tx, memberIds, now, { actorId: actor.id });
      });
      return {};
    }
    case 'split': {
      const moving = change.caseIds.filter((id) => memberIds.includes(id));
      if (moving.length === 0) throw new CaseActionError('split.noneChosen');
      if (moving.length === memberIds.length) throw new CaseActionError('split.all');
      const newClusterId = await db().$transaction(async (tx) => {
        const created = await tx.caseCluster.create({
          data: { categoryId: cluster.categoryId, area: cluster.area, title: cluster.title, confirmed: true, confirmedAt: now },
        });
        await tx.case.updateMany({ where: { id: { in: moving }, clusterId }, data: { clusterId: created.id } });
        await tx.caseEvent.createMany({
          data: moving.map((caseId) => ({
            caseId,
            type: 'CLUSTER_SPLIT' satisfies CaseEventType,
            visibility: 'INTERNAL' as const,
            actorType: 'STAFF' as const,
            actorId: actor.id,
            data: { from: clusterId, to: created.id },
            createdAt: now,
          })),
        });
        // Both halves are smaller now: every case's level is reassessed.
        await reassessWarnings(tx, memberIds, now, { actorId: actor.id });
        return created.id;
      });
      return { newClusterId };
    }
    case 'reply': {
      const result: CoordinatedReplyResult = { replied: [], skipped: [] };
      // One reply per case, each through the ordinary action: its own event, deadlines and message.
      for (const member of cluster.cases) {
        if (nextStatus(member.status, 'reply') === null) {
          result.skipped.push({ receiptNo: member.receiptNo, reason: 'notReplyable' });
          continue;
        }
        if (!canTakeAction(actor, 'reply', { unitId: member.unitId, kind: member.kind })) {
          result.skipped.push({ receiptNo: member.receiptNo, reason: 'forbidden' });
          continue;
        }
        try {
          await performCaseAction(actor, member.id, member.version, { action: 'reply', message: change.message }, now);
          result.replied.push(member.receiptNo);
        } catch (error) {
          if (error instanceof CaseConflictError) result.skipped.push({ receiptNo: member.receiptNo, reason: 'conflict' });
          else throw error;
        }
      }
      await clusterEvent(
        cluster.cases.filter((c) => result.replied.includes(c.receiptNo)).map((c) => c.id),
        actor,
        'CLUSTER_REPLY',
        { clusterId, cases: result.replied.length },
        now,
      );
      return { reply: result };
    }
  }
}
