// Clusters of cases about one issue, and the early-warning board. Supervisors confirm, split or
// dissolve a cluster, and can answer all its cases at once with one coordinated reply, while each
// case keeps its own timeline. Who may see and change clusters is checked here, whoever calls.
import { z } from 'zod';
import { SCOPE_SELECT, scopeFrom, visibleToSql, visibleToWhere } from '#app/features/cases/case-scope.server.ts';
import { claimsOf } from '#app/features/cases/claims.server.ts';
import {
  CLAIM_OUTCOMES,
  CLAIM_REASONS_MAX_LENGTH,
  LEGAL_BASIS_MAX_LENGTH,
  needsLegalBasis,
  outcomesFor,
  type ClaimOutcome,
} from '#app/features/cases/claims.ts';
import { LEGAL_REFERENCES_TEXT_MAX_LENGTH, parseLegalReferences } from '#app/features/cases/legal-references.ts';
import { nextStatus, OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import {
  canManageClusters,
  canTakeAction,
  canViewCase,
  canGroupCases,
  canViewClusters,
  canViewWarningBoard,
  confinedToUnit,
  isKeptFrom,
  type Actor,
} from '#app/features/staff/permissions.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { arrangeBoard, compareBoardCases, type BoardEntry as ArrangedEntry } from './board.ts';
import { CLUSTER_FIELDS, type ClusterField } from './forms.ts';
import { pinnedForSafety, TARGET_COLUMNS, targetStatuses, type TargetStatus } from './levels.ts';
import { reassessWarnings } from './reassessment.server.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

const BOARD_LIMIT = 200;
/** A cluster's row opens to at most this many of its cases; its page lists them all. */
export const CLUSTER_CASES_SHOWN = 20;
const DAY = 86_400_000;

const BOARD_CASE_SELECT = {
  id: true,
  receiptNo: true,
  subject: true,
  status: true,
  warningLevel: true,
  warningReasons: true,
  welfareConcern: true,
  clusterId: true,
  receivedAt: true,
  nextTargetDueAt: true,
  ...TARGET_COLUMNS,
  ...SCOPE_SELECT,
} as const;

type BoardRow = Prisma.CaseGetPayload<{ select: typeof BOARD_CASE_SELECT }>;

export type BoardCase = Pick<
  BoardRow,
  | 'id'
  | 'receiptNo'
  | 'subject'
  | 'status'
  | 'warningLevel'
  | 'warningReasons'
  | 'welfareConcern'
  | 'clusterId'
  | 'receivedAt'
  | 'nextTargetDueAt'
> & { targets: TargetStatus[]; pinned: boolean };

export interface BoardCluster {
  id: string;
  title: string;
  warningLevel: WarningLevel;
  confirmed: boolean;
  /** Its cases the actor may see, open or finished. */
  size: number;
  /** Its open cases: the ones its row opens to, at most CLUSTER_CASES_SHOWN of them. */
  openCases: number;
  /** Its first open case, for the board's order. */
  receivedAt: Date;
  newLast24h: number;
  newLast7d: number;
  nextTargetDueAt: Date | null;
  missedTargets: number;
  cases: BoardCase[];
}

export type BoardEntry = ArrangedEntry<BoardCase, BoardCluster>;

export interface EarlyWarningBoard {
  /** Cases pinned for safety first, then cases and clusters (one row each) by urgency (board.ts). */
  entries: BoardEntry[];
  canSeeClusters: boolean;
}

function toBoardCase(row: BoardRow, now: Date): BoardCase {
  const { id, receiptNo, subject, status, warningLevel, warningReasons, welfareConcern, clusterId, receivedAt, nextTargetDueAt } = row;
  return {
    id,
    receiptNo,
    subject,
    status,
    warningLevel,
    warningReasons,
    welfareConcern,
    clusterId,
    receivedAt,
    nextTargetDueAt,
    targets: targetStatuses(row, row, now),
    pinned: pinnedForSafety(row),
  };
}

/** The board's order of cases in the database, close to board.ts's (which then sorts what it read). */
const BOARD_ORDER = [
  { nextTargetDueAt: { sort: 'asc', nulls: 'last' } },
  { receivedAt: 'asc' },
  { id: 'asc' },
] satisfies Prisma.CaseOrderByWithRelationInput[];

/**
 * The early-warning board: every open orange or red case the actor may see and, for those who may
 * see clusters (clerks and supervisors), every open cluster as one row in place of its cases, most
 * urgent first (board.ts). Cases with signs of danger to life head it, each on its own row, even
 * in a cluster, whatever else is due. Missed targets sort first, since they are the most overdue.
 */
export async function earlyWarningBoard(actor: Actor, now = new Date()): Promise<EarlyWarningBoard> {
  if (!canViewWarningBoard(actor)) throw new ForbiddenError('early-warning board');
  const confined = confinedToUnit(actor);
  // A handler's board is their unit's cases (none without a unit), as their queue is.
  const unitOnly = confined ? (confined.unitId ? { unitId: confined.unitId } : { id: { in: [] } }) : {};
  // Cases kept from the actor (a report about their unit, a case they withdrew from) are not counted or listed.
  const theirs: Prisma.CaseWhereInput = { status: { in: [...OPEN_STATUSES] }, ...unitOnly, ...visibleToWhere(actor) };
  const visible = (rows: BoardRow[]) => rows.filter((row) => canViewCase(actor, scopeFrom(row))).map((row) => toBoardCase(row, now));
  const timeZone = serviceTimeZone();

  // pinnedForSafety as a filter: read apart, so no number of other cases can push one off the board.
  const safety: Prisma.CaseWhereInput = { welfareConcern: true, warningLevel: 'RED' };
  const pinned = visible(
    await db().case.findMany({ where: { ...theirs, ...safety }, orderBy: BOARD_ORDER, take: BOARD_LIMIT, select: BOARD_CASE_SELECT }),
  );
  const canSeeClusters = canViewClusters(actor);
  const clusters = canSeeClusters ? await boardClusters(actor, now) : [];
  const clusterIds = clusters.map((k) => k.id);
  // A case of a cluster on the board is in its cluster's row (a report of misconduct never joins one).
  const inClusterRow: Prisma.CaseWhereInput[] =
    clusterIds.length > 0 ? [{ OR: [{ clusterId: null }, { clusterId: { notIn: clusterIds } }, { kind: 'MISCONDUCT_REPORT' }] }] : [];
  const others = visible(
    await db().case.findMany({
      where: { AND: [theirs, { warningLevel: { in: ['ORANGE', 'RED'] } }, { NOT: safety }, ...inClusterRow] },
      orderBy: BOARD_ORDER,
      take: BOARD_LIMIT,
      select: BOARD_CASE_SELECT,
    }),
  );
  return { entries: arrangeBoard([...pinned, ...others], clusters, timeZone), canSeeClusters };
}

/** Every open cluster, with its trend, its next target and its open cases, most urgent of them first. */
async function boardClusters(actor: Actor, now: Date): Promise<BoardCluster[]> {
  const open = Prisma.sql`c."status"::text = ANY(${[...OPEN_STATUSES]}::text[])`;
  const rows = await db().$queryRaw<Omit<BoardCluster, 'cases'>[]>`
    SELECT k."id", k."title", k."warningLevel", k."confirmed", count(c."id")::int AS "size",
      count(*) FILTER (WHERE ${open})::int AS "openCases",
      min(c."receivedAt") FILTER (WHERE ${open}) AS "receivedAt",
      count(*) FILTER (WHERE c."receivedAt" >= ${new Date(now.getTime() - DAY)})::int AS "newLast24h",
      count(*) FILTER (WHERE c."receivedAt" >= ${new Date(now.getTime() - 7 * DAY)})::int AS "newLast7d",
      min(c."nextTargetDueAt") FILTER (WHERE ${open}) AS "nextTargetDueAt",
      count(*) FILTER (WHERE ${open} AND c."nextTargetDueAt" < ${now})::int AS "missedTargets"
    FROM "CaseCluster" k JOIN "Case" c ON c."clusterId" = k."id" AND c."kind" <> 'MISCONDUCT_REPORT' AND ${visibleToSql(actor, 'c')}
    WHERE k."dissolvedAt" IS NULL
    GROUP BY k."id"
    HAVING count(*) FILTER (WHERE ${open}) > 0
    ORDER BY min(c."nextTargetDueAt") FILTER (WHERE ${open}) ASC NULLS LAST, count(c."id") DESC, k."id"
    LIMIT ${BOARD_LIMIT}`;
  if (rows.length === 0) return [];
  const members = await db().case.findMany({
    where: {
      clusterId: { in: rows.map((k) => k.id) },
      status: { in: [...OPEN_STATUSES] },
      kind: { not: 'MISCONDUCT_REPORT' },
      ...visibleToWhere(actor),
    },
    orderBy: BOARD_ORDER,
    take: BOARD_LIMIT * CLUSTER_CASES_SHOWN,
    select: BOARD_CASE_SELECT,
  });
  const timeZone = serviceTimeZone();
  const byCluster = new Map<string, BoardCase[]>();
  for (const row of members) {
    if (!row.clusterId || !canViewCase(actor, scopeFrom(row))) continue;
    byCluster.set(row.clusterId, [...(byCluster.get(row.clusterId) ?? []), toBoardCase(row, now)]);
  }
  return rows.map((k) => ({
    ...k,
    cases: (byCluster.get(k.id) ?? []).sort((a, b) => compareBoardCases(a, b, timeZone)).slice(0, CLUSTER_CASES_SHOWN),
  }));
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
  /** The outcomes a coordinated reply may give: those of the kinds of case that can take a reply now. */
  replyOutcomes: ClaimOutcome[];
  canManage: boolean;
}

export async function clusterPage(actor: Actor, clusterId: string, now = new Date()): Promise<ClusterPage> {
  if (!canViewClusters(actor)) throw new ForbiddenError('clusters');
  const cluster = await db().caseCluster.findUnique({
    where: { id: clusterId },
    include: {
      cases: { select: { ...BOARD_CASE_SELECT, receivedAt: true, coSignerCount: true }, orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }] },
    },
  });
  if (!cluster) throw new NotFoundError('cluster');
  // A report of misconduct never shows on a cluster page (it never joins one), nor a case kept from the actor.
  const members = cluster.cases.filter((c) => c.kind !== 'MISCONDUCT_REPORT' && !isKeptFrom(actor, scopeFrom(c)));
  const since = (days: number) => members.filter((c) => c.receivedAt.getTime() >= now.getTime() - days * DAY).length;
  return {
    id: cluster.id,
    title: cluster.title,
    warningLevel: cluster.warningLevel,
    confirmed: cluster.confirmed,
    dissolved: cluster.dissolvedAt !== null,
    createdAt: cluster.createdAt,
    size: members.length,
    newLast24h: since(1),
    newLast7d: since(7),
    cases: members.map((c) => ({
      ...toBoardCase(c, now),
      receivedAt: c.receivedAt,
      coSignerCount: c.coSignerCount,
      replyable: nextStatus(c.status, 'reply') !== null,
    })),
    replyOutcomes: CLAIM_OUTCOMES.filter((outcome) =>
      members.some((c) => nextStatus(c.status, 'reply') !== null && outcomesFor(c.kind).includes(outcome)),
    ),
    canManage: canManageClusters(actor) && cluster.dissolvedAt === null,
  };
}

/** Ticked boxes arrive as one value or several; none ticked is none. */
const ticked = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const ClusterChangeForm = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('confirm') }),
  z.object({ intent: z.literal('dissolve') }),
  // Only members move (changeCluster checks), so the ids need no other check here.
  z.object({ intent: z.literal('split'), caseIds: z.preprocess(ticked, z.array(z.string()).min(1, { error: 'noneChosen' })) }),
  z.object({
    intent: z.literal('reply'),
    outcome: z.enum(CLAIM_OUTCOMES, { error: 'required' }),
    reasons: z.string().trim().min(1, { error: 'required' }).max(CLAIM_REASONS_MAX_LENGTH, { error: 'tooLong' }),
    legalBasis: z.string().trim().max(LEGAL_BASIS_MAX_LENGTH, { error: 'tooLong' }).default(''),
    legalReferences: z.string().max(LEGAL_REFERENCES_TEXT_MAX_LENGTH, { error: 'tooLong' }).default(''),
    message: z.string().trim().min(1, { error: 'required' }).max(20_000, { error: 'tooLong' }),
  }),
]);
export type ClusterChange = z.infer<typeof ClusterChangeForm>;

export interface CoordinatedReplyResult {
  replied: string[];
  /** Receipt numbers not answered, with why: not in a state to reply, changed meanwhile, or not allowed. */
  skipped: { receiptNo: string; reason: 'notReplyable' | 'conflict' | 'forbidden' | 'otherKind' | 'noClaims' }[];
}

/** A change made (with its notice; a split names the new cluster, a reply says what it reached), or why not. */
export type ClusterOutcome = Outcome<ClusterField, { notice: Notice; newClusterId?: string; reply?: CoordinatedReplyResult }>;

/** The same internal event on each case of the cluster that a change touched. */
async function clusterEvent(
  client: Prisma.TransactionClient,
  caseIds: string[],
  actor: Actor,
  type: CaseEventType,
  data: Record<string, string | boolean | number>,
  now: Date,
) {
  if (caseIds.length === 0) return;
  await client.caseEvent.createMany({
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

const NOTICES = 'office-warning:cluster.done';

/** The cluster page's form posts, parsed here. */
export async function submitClusterChange(actor: Actor, clusterId: string, form: RawForm | URLSearchParams): Promise<ClusterOutcome> {
  if (!canManageClusters(actor)) throw new ForbiddenError('clusters');
  const parsed = parseForm(form, ClusterChangeForm);
  if (parsed.ok) return await changeCluster(actor, clusterId, parsed.value);
  const errors = Object.fromEntries(CLUSTER_FIELDS.flatMap((field) => (parsed.errors[field] ? [[field, parsed.errors[field]]] : [])));
  // A form without a known intent was not made by the page.
  return Object.keys(errors).length > 0 ? refused<ClusterField>({ errors, values: parsed.values }) : refusedFor('invalid', 400);
}

/** Applies a supervisor's change to a cluster. */
export async function changeCluster(actor: Actor, clusterId: string, change: ClusterChange, now = new Date()): Promise<ClusterOutcome> {
  if (!canManageClusters(actor)) throw new ForbiddenError('clusters');
  const cluster = await db().caseCluster.findUnique({
    where: { id: clusterId },
    include: { cases: { select: { id: true, receiptNo: true, status: true, version: true, ...SCOPE_SELECT } } },
  });
  if (!cluster) throw new NotFoundError('cluster');
  if (cluster.dissolvedAt) return refusedFor('clusterDissolved', 422);
  const memberIds = cluster.cases.map((c) => c.id);

  switch (change.intent) {
    case 'confirm': {
      await db().$transaction(async (tx) => {
        await tx.caseCluster.update({ where: { id: clusterId }, data: { confirmed: true, confirmedAt: now } });
        await clusterEvent(tx, memberIds, actor, 'CLUSTER_CONFIRMED', { clusterId }, now);
      });
      return { ok: true, notice: { key: `${NOTICES}.confirm` } };
    }
    case 'dissolve': {
      await db().$transaction(async (tx) => {
        await tx.caseCluster.update({ where: { id: clusterId }, data: { dissolvedAt: now } });
        await tx.case.updateMany({ where: { clusterId }, data: { clusterId: null } });
        await clusterEvent(tx, memberIds, actor, 'CLUSTER_DISSOLVED', { clusterId }, now);
        await reassessWarnings(tx, memberIds, now, { actorId: actor.id });
      });
      return { ok: true, notice: { key: `${NOTICES}.dissolve` } };
    }
    case 'split': {
      const moving = change.caseIds.filter((id) => memberIds.includes(id));
      const values = { caseIds: change.caseIds.join('\n') };
      if (moving.length === 0) return refused<ClusterField>({ errors: { caseIds: 'noneChosen' }, values }, 422);
      if (moving.length === memberIds.length) return refused<ClusterField>({ errors: { caseIds: 'all' }, values }, 422);
      const newClusterId = await db().$transaction(async (tx) => {
        const created = await tx.caseCluster.create({
          data: { categoryId: cluster.categoryId, area: cluster.area, title: cluster.title, confirmed: true, confirmedAt: now },
        });
        await tx.case.updateMany({ where: { id: { in: moving }, clusterId }, data: { clusterId: created.id } });
        await clusterEvent(tx, moving, actor, 'CLUSTER_SPLIT', { from: clusterId, to: created.id }, now);
        // Both halves are smaller now: every case's level is reassessed.
        await reassessWarnings(tx, memberIds, now, { actorId: actor.id });
        return created.id;
      });
      return { ok: true, notice: { key: `${NOTICES}.split` }, newClusterId };
    }
    case 'reply': {
      const result: CoordinatedReplyResult = { replied: [], skipped: [] };
      // A case kept from the supervisor is not theirs to answer, and not theirs to hear of.
      const members = cluster.cases.filter((c) => !isKeptFrom(actor, scopeFrom(c)));
      if (!change.legalBasis && members.some((m) => nextStatus(m.status, 'reply') !== null && needsLegalBasis(m.kind)))
        return refused<ClusterField>({ errors: { legalBasis: 'required' }, values: {} }, 422);
      const references = parseLegalReferences(change.legalReferences);
      if (!references.ok) return refused<ClusterField>({ errors: { legalReferences: references.code }, values: {} }, 422);
      // One reply per case, each through the ordinary action: its own event, deadlines and message,
      // and the same outcome and reasons for each of its claims (逐条) when the outcome fits its kind.
      for (const member of members) {
        if (nextStatus(member.status, 'reply') === null) {
          result.skipped.push({ receiptNo: member.receiptNo, reason: 'notReplyable' });
          continue;
        }
        if (!canTakeAction(actor, 'reply', scopeFrom(member))) {
          result.skipped.push({ receiptNo: member.receiptNo, reason: 'forbidden' });
          continue;
        }
        if (!outcomesFor(member.kind).includes(change.outcome)) {
          result.skipped.push({ receiptNo: member.receiptNo, reason: 'otherKind' });
          continue;
        }
        const claims = await claimsOf(member.id);
        if (claims.length === 0) {
          result.skipped.push({ receiptNo: member.receiptNo, reason: 'noClaims' });
          continue;
        }
        const answers = claims.map((claim) => ({ position: claim.position, outcome: change.outcome, reasons: change.reasons }));
        const reply = {
          action: 'reply',
          message: change.message,
          legalBasis: change.legalBasis,
          legalReferences: change.legalReferences,
          answers,
        } as const;
        const done = await performCaseAction(actor, member.id, member.version, reply, now);
        if (done.ok) result.replied.push(member.receiptNo);
        else if (done.status === 409) result.skipped.push({ receiptNo: member.receiptNo, reason: 'conflict' });
        else return done.formError ? refusedFor(done.formError, done.status) : refusedFor('invalid', done.status);
      }
      await clusterEvent(
        db(),
        cluster.cases.filter((c) => result.replied.includes(c.receiptNo)).map((c) => c.id),
        actor,
        'CLUSTER_REPLY',
        { clusterId, cases: result.replied.length },
        now,
      );
      const notice = {
        key: 'office-warning:cluster.replyDone',
        values: { replied: result.replied.length, skipped: result.skipped.length },
      };
      return { ok: true, notice, reply: result };
    }
  }
}

/** Clusters staff may put cases into: open ones, newest first (the bulk form's choice). */
export async function openClusters(actor: Actor): Promise<{ id: string; title: string; size: number }[]> {
  if (!canGroupCases(actor)) return [];
  const rows = await db().caseCluster.findMany({
    where: { dissolvedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 100,
    // Counted as the board counts them: never a report of misconduct, nor a case kept from the actor.
    select: {
      id: true,
      title: true,
      _count: { select: { cases: { where: { kind: { not: 'MISCONDUCT_REPORT' }, ...visibleToWhere(actor) } } } },
    },
  });
  return rows.map((k) => ({ id: k.id, title: k.title, size: k._count.cases }));
}

export type AddToClusterOutcome =
  | {
      ok: true;
      clusterId: string;
      done: string[];
      skipped: { receiptNo: string | null; reason: 'changed' | 'notFound' | 'alreadyInCluster' | 'notAllowedNow' }[];
    }
  | { ok: false; code: 'clusterGone' | 'noneToAdd' };

/**
 * Puts cases into a cluster by hand (one that is open, or a new one named after the first case):
 * the triage of a clerk who sees that letters are about one issue. Each case moved gets its own
 * event; every case of the clusters involved is reassessed, since a cluster's size counts like
 * co-signers. A case changed since the queue showed it is left out.
 */
export async function addToCluster(
  actor: Actor,
  target: string | 'new',
  cases: { id: string; version: number }[],
  now = new Date(),
): Promise<AddToClusterOutcome> {
  if (!canGroupCases(actor)) throw new ForbiddenError('clusters');
  const skipped: Extract<AddToClusterOutcome, { ok: true }>['skipped'] = [];
  const rows = await db().case.findMany({
    where: { id: { in: cases.map((c) => c.id) } },
    select: {
      id: true,
      receiptNo: true,
      version: true,
      ...SCOPE_SELECT,
      clusterId: true,
      categoryId: true,
      area: true,
      subject: true,
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const movable: typeof rows = [];
  for (const selected of cases) {
    const row = byId.get(selected.id);
    if (!row || !canViewCase(actor, scopeFrom(row))) skipped.push({ receiptNo: null, reason: 'notFound' });
    // A report of misconduct is never grouped with other letters (its reporter is kept apart).
    else if (row.kind === 'MISCONDUCT_REPORT') skipped.push({ receiptNo: row.receiptNo, reason: 'notAllowedNow' });
    else if (row.version !== selected.version) skipped.push({ receiptNo: row.receiptNo, reason: 'changed' });
    else if (target !== 'new' && row.clusterId === target) skipped.push({ receiptNo: row.receiptNo, reason: 'alreadyInCluster' });
    else movable.push(row);
  }
  if (movable.length === 0) return target === 'new' ? { ok: false, code: 'noneToAdd' } : { ok: true, clusterId: target, done: [], skipped };

  return await db().$transaction(async (tx): Promise<AddToClusterOutcome> => {
    let clusterId = target;
    if (target === 'new') {
      const first = movable[0]!;
      const created = await tx.caseCluster.create({
        data: { categoryId: first.categoryId, area: first.area, title: first.subject.slice(0, 200) },
      });
      clusterId = created.id;
    } else {
      const cluster = await tx.caseCluster.findUnique({ where: { id: target }, select: { dissolvedAt: true } });
      if (!cluster || cluster.dissolvedAt) return { ok: false, code: 'clusterGone' };
    }
    const done: string[] = [];
    const previous = new Set<string>();
    for (const row of movable) {
      // Only if nobody changed the case since the queue showed it.
      const updated = await tx.case.updateMany({
        where: { id: row.id, version: row.version },
        data: { clusterId, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        skipped.push({ receiptNo: row.receiptNo, reason: 'changed' });
        continue;
      }
      if (row.clusterId) previous.add(row.clusterId);
      done.push(row.receiptNo);
      await tx.caseEvent.create({
        data: {
          caseId: row.id,
          type: 'CLUSTER_JOINED' satisfies CaseEventType,
          visibility: 'INTERNAL',
          actorType: 'STAFF',
          actorId: actor.id,
          data: { clusterId, ...(row.clusterId ? { from: row.clusterId } : {}), byHand: true },
          createdAt: now,
        },
      });
    }
    const members = await tx.case.findMany({ where: { clusterId: { in: [clusterId, ...previous] } }, select: { id: true } });
    await reassessWarnings(tx, [...new Set([...members.map((m) => m.id), ...movable.map((m) => m.id)])], now, { actorId: actor.id });
    return { ok: true, clusterId, done, skipped };
  });
}
