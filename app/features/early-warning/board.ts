// The early-warning board's order, as pure rules. Life and safety first: a case pinned for safety
// (pinnedForSafety) heads the board on its own row, even when it belongs to a cluster. Then every
// other case and every cluster, a cluster as one row in place of its cases, most urgent first: by
// the day its next response target falls due, on the same day the higher warning level, then the
// one received first (the queue breaks a same-day deadline the same way, queue.server.ts).
import { civilDateIn, compareCivilDates } from '#app/platform/time/civil-date.ts';
import { levelRank, pinnedForSafety } from './levels.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';

/** What a row is ordered by: for a cluster, its nearest target, its level and its first case received. */
export interface Urgency {
  id: string;
  nextTargetDueAt: Date | null;
  warningLevel: WarningLevel;
  receivedAt: Date;
}

/**
 * Most urgent first: the day (in the service's zone) the next target falls due, none last; on the
 * same day the higher level; then the one received first; the id last, so the order is total.
 */
export function compareUrgency(a: Urgency, b: Urgency, timeZone: string): number {
  return (
    compareDueDays(a.nextTargetDueAt, b.nextTargetDueAt, timeZone) ||
    levelRank(b.warningLevel) - levelRank(a.warningLevel) ||
    a.receivedAt.getTime() - b.receivedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareDueDays(a: Date | null, b: Date | null, timeZone: string): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareCivilDates(civilDateIn(a, timeZone), civilDateIn(b, timeZone));
}

/** What the board needs to know of a case to place it. */
export interface BoardCaseFacts extends Urgency {
  clusterId: string | null;
  welfareConcern: boolean;
  status: CaseStatus;
}

/** Cases pinned for safety first (most urgent of them first), then the rest by urgency. */
export function compareBoardCases(a: BoardCaseFacts, b: BoardCaseFacts, timeZone: string): number {
  return Number(pinnedForSafety(b)) - Number(pinnedForSafety(a)) || compareUrgency(a, b, timeZone);
}

export type BoardEntry<Case, Cluster> =
  | { kind: 'case'; id: string; pinned: boolean; case: Case }
  | { kind: 'cluster'; id: string; cluster: Cluster };

/**
 * The board's rows: the cases pinned for safety, then the other cases and the clusters by urgency.
 * A case of a cluster on the board is not a row of its own (the cluster's row stands for it),
 * unless it is pinned for safety. Clusters are only passed for those who may see them: everyone
 * else sees each case on its own row.
 */
export function arrangeBoard<Case extends BoardCaseFacts, Cluster extends Urgency>(
  cases: readonly Case[],
  clusters: readonly Cluster[],
  timeZone: string,
): BoardEntry<Case, Cluster>[] {
  const unique = [...new Map(cases.map((c) => [c.id, c])).values()];
  const pinned = unique.filter((c) => pinnedForSafety(c)).sort((a, b) => compareUrgency(a, b, timeZone));
  const shown = new Set(clusters.map((k) => k.id));
  const rows: { urgency: Urgency; entry: BoardEntry<Case, Cluster> }[] = [
    ...unique
      .filter((c) => !pinnedForSafety(c) && !(c.clusterId !== null && shown.has(c.clusterId)))
      .map((c) => ({ urgency: c, entry: { kind: 'case' as const, id: c.id, pinned: false, case: c } })),
    ...clusters.map((k) => ({ urgency: k, entry: { kind: 'cluster' as const, id: k.id, cluster: k } })),
  ];
  rows.sort((a, b) => compareUrgency(a.urgency, b.urgency, timeZone));
  return [...pinned.map((c) => ({ kind: 'case' as const, id: c.id, pinned: true, case: c })), ...rows.map((r) => r.entry)];
}

/** Every case the board shows: on its own row or among its cluster's. */
export function boardCaseIds(entries: readonly BoardEntry<{ id: string }, { cases: readonly { id: string }[] }>[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.kind === 'case' ? [e.case.id] : e.cluster.cases.map((c) => c.id))))];
}
