// The warning work of a new case: letters about one issue gather in a cluster, and a cluster's size
// counts like co-signers in the warning level (app/features/early-warning/levels.ts).
import { lockIssue, type SimilarCase } from '#app/features/early-warning/cluster-matching.server.ts';
import { assessWarning, levelForHeadcount, type WarningInputs } from '#app/features/early-warning/levels.ts';
import { reassessWarnings, refreshClusterLevels } from '#app/features/early-warning/reassessment.server.ts';
import type { Tx } from '#app/features/notifications/outbox.server.ts';
import type { CaseEventType } from './events.ts';
import type { ClusterPlacement, NewCaseRow } from './new-case-row.server.ts';

/**
 * Chooses the new case's cluster under the issue's lock: the cluster of the most similar case that
 * has one, or else a new cluster with every similar case that has none. The similar cases were
 * found before the lock; their clusters are read again under it, so two similar letters arriving
 * together cannot start two clusters. The new case's level already counts the cluster's size.
 */
export async function placeInCluster(tx: Tx, row: NewCaseRow, similar: SimilarCase[], inputs: WarningInputs): Promise<void> {
  await lockIssue(tx, row.submission);
  const current = await tx.case.findMany({
    where: { id: { in: similar.map((c) => c.id) } },
    select: { id: true, clusterId: true, cluster: { select: { dissolvedAt: true } } },
  });
  const clusterOf = new Map(current.map((c) => [c.id, c.cluster && !c.cluster.dissolvedAt ? c.clusterId : null]));
  const existing = similar.map((c) => clusterOf.get(c.id) ?? null).find((id) => id !== null) ?? null;
  if (existing) {
    const size = (await tx.case.count({ where: { clusterId: existing } })) + 1;
    row.cluster = { id: existing, created: false, others: [], size };
  } else {
    const others = similar.filter((c) => clusterOf.has(c.id) && clusterOf.get(c.id) === null).map((c) => c.id);
    if (others.length === 0) return;
    const created = await tx.caseCluster.create({
      data: { categoryId: row.submission.categoryId, area: row.submission.area, title: row.submission.subject.slice(0, 200) },
    });
    row.cluster = { id: created.id, created: true, others, size: others.length + 1 };
  }
  row.warning = { ...row.warning, ...assessWarning({ ...inputs, clusterSize: row.cluster.size }) };
}

/**
 * Moves the earlier cases into a cluster the new case started, and reassesses members when the
 * cluster's size crossed a threshold (its size counts like co-signers); otherwise nothing else
 * changes, and the cluster's level is kept up to date.
 */
export async function afterClusterChange(tx: Tx, cluster: ClusterPlacement, now: Date): Promise<void> {
  if (cluster.others.length > 0) {
    await tx.case.updateMany({ where: { id: { in: cluster.others } }, data: { clusterId: cluster.id } });
    await tx.caseEvent.createMany({
      data: cluster.others.map((caseId) => ({
        caseId,
        type: 'CLUSTER_JOINED' satisfies CaseEventType,
        visibility: 'INTERNAL' as const,
        actorType: 'SYSTEM' as const,
        data: { clusterId: cluster.id, created: true },
        createdAt: now,
      })),
    });
  }
  const before = cluster.size - 1 - cluster.others.length;
  if (levelForHeadcount(cluster.size) !== levelForHeadcount(before)) {
    const members = await tx.case.findMany({ where: { clusterId: cluster.id }, select: { id: true } });
    await reassessWarnings(
      tx,
      members.map((m) => m.id),
      now,
    );
  } else {
    await refreshClusterLevels(tx, [cluster.id]);
  }
}
