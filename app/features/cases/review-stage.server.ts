// The decision a review or re-review looks at again (arts. 35, 36): the unit that made it and the
// people who took part in it, read from the case's history, and the body the request goes to.
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { subtreeIn } from '#app/features/reference-data/unit-tree.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { routingTargets } from './routing.server.ts';
import { reviewingUnit } from './routing.ts';
import type { DecisionUnderReview } from '#app/features/staff/permissions.ts';
import type { CaseEventType } from './events.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export type ReviewStage = 'review' | 'reReview';

/** The request that opens each stage: everything before it is the decision looked at again. */
const OPENED_BY: Record<ReviewStage, CaseEventType> = { review: 'REVIEW_REQUESTED', reReview: 'RE_REVIEW_REQUESTED' };

interface StageCase {
  id: string;
  mergedIntoId: string | null;
  repliedByUnitId: string | null;
  reviewedByUnitId: string | null;
}

/**
 * Who took part in the decision under review: every member of staff who recorded a step on the case
 * before the request that opened the stage (for a re-review, the reply's people as well as the
 * review's). A case that was merged also counts those who worked its main case up to the reply
 * that reached it.
 */
export async function decisionUnderReview(c: StageCase, stage: ReviewStage, client: Client = db()): Promise<DecisionUnderReview> {
  const opened = await client.caseEvent.findFirst({
    where: { caseId: c.id, type: OPENED_BY[stage] },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  const own = await client.caseEvent.findMany({
    where: { caseId: c.id, actorType: 'STAFF', actorId: { not: null }, ...(opened ? { id: { lt: opened.id } } : {}) },
    select: { actorId: true },
  });
  let main: { actorId: string | null }[] = [];
  if (c.mergedIntoId) {
    const reply = await client.caseEvent.findFirst({
      where: { caseId: c.mergedIntoId, type: 'REPLY_PUBLISHED' },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    main = await client.caseEvent.findMany({
      where: { caseId: c.mergedIntoId, actorType: 'STAFF', actorId: { not: null }, ...(reply ? { id: { lte: reply.id } } : {}) },
      select: { actorId: true },
    });
  }
  const participantIds = [...new Set([...own, ...main].map((e) => e.actorId).filter((id): id is string => id !== null))];
  return { unitId: stage === 'review' ? c.repliedByUnitId : c.reviewedByUnitId, participantIds };
}

/**
 * The unit a review (art. 35) or re-review (art. 36) request goes to: the unit above the one that
 * decided, else the review office; never the deciding unit or one below it, nor a unit a report of
 * misconduct accuses. Null when none qualifies (supervisors then assign it by hand).
 */
export async function reviewBodyFor(
  decidedBy: string | null,
  reportedUnitId: string | null,
  client: Client = db(),
): Promise<string | null> {
  const [parents, targets, active] = await Promise.all([
    unitParents(client),
    routingTargets(),
    client.unit.findMany({ where: { active: true }, select: { id: true } }),
  ]);
  const excluded = new Set([...subtreeIn(parents, decidedBy), ...subtreeIn(parents, reportedUnitId)]);
  return reviewingUnit({
    decidedBy,
    parents,
    reviewOfficeUnitId: targets.reviewOfficeUnitId,
    excluded,
    active: new Set(active.map((u) => u.id)),
  });
}
