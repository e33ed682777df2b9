// A case merged into another on the same matter (its main case) keeps its citizen's rights: every
// later public step of the main case (acceptance, extension, decline, forwarding, the reply, and the
// outcome of a review) is recorded on the merged case's own public timeline and told to its citizen
// as if it were their own. The reply reaches it as the citizen's own answer, with its own 30-day
// window to ask for review (art. 35); nothing of the main case's number, content or citizen shows.
import { reassessWarnings } from '#app/features/early-warning/reassessment.server.ts';
import { queueCitizenMessage, type Tx } from '#app/features/notifications/outbox.server.ts';
import { answerRedactedFor } from './redaction.server.ts';
import type { CitizenTemplate } from '#app/features/notifications/topics.ts';
import type { Prisma } from '#app/platform/db.server.ts';
import type { CaseEventType } from './events.ts';
import type { CaseStatus } from './lifecycle.ts';

export interface MainCaseStep {
  mainId: string;
  /** The event as the merged case records it; a written answer has the main citizen's details masked. */
  event: { type: CaseEventType; message: string | null; data: Prisma.InputJsonObject };
  /** What the merged case takes over, and the status it moves to ('stay' keeps its own). */
  data: Prisma.CaseUncheckedUpdateManyInput;
  toStatus: CaseStatus | 'stay';
  /** Still following (MERGED), or every case ever joined to it (the outcome of a review reaches those too). */
  reaches: 'following' | 'joined';
  template: CitizenTemplate;
  actorId: string;
  /** Names this step, so a retried step queues each message once. */
  cause: string;
  now: Date;
}

/** Records a step of the main case on each case merged into it, in the main case's transaction. */
export async function followMainCase(tx: Tx, step: MainCaseStep): Promise<string[]> {
  const merged = await tx.case.findMany({
    where: {
      mergedIntoId: step.mainId,
      ...(step.reaches === 'following' ? { status: 'MERGED' as const } : { status: { not: 'WITHDRAWN' as const } }),
    },
    select: { id: true, status: true, citizenLocale: true },
  });
  for (const c of merged) {
    const to = step.toStatus === 'stay' ? c.status : step.toStatus;
    // The answer was written to another citizen: theirs is masked before it reaches this one.
    const message = step.event.message ? await answerRedactedFor(step.event.message, step.mainId, c.citizenLocale, tx) : null;
    await tx.case.updateMany({
      where: { id: c.id, status: c.status },
      data: { ...step.data, status: to, version: { increment: 1 } },
    });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        type: step.event.type,
        visibility: 'PUBLIC',
        actorType: 'STAFF',
        actorId: step.actorId,
        fromStatus: c.status,
        toStatus: to,
        message,
        data: { ...step.event.data, viaMainCase: true },
        createdAt: step.now,
      },
    });
    await queueCitizenMessage(tx, c.id, step.template, `main:${step.cause}`);
  }
  if (merged.length > 0)
    await reassessWarnings(
      tx,
      merged.map((c) => c.id),
      step.now,
    );
  return merged.map((c) => c.id);
}

/**
 * The status a merged case returns to on its own: accepted when the main case's acceptance reached
 * it (its reply clock then runs from that acceptance), else waiting for acceptance again.
 */
export function ownStatus(c: { acceptedAt: Date | null }): CaseStatus {
  return c.acceptedAt ? 'ACCEPTED' : 'SUBMITTED';
}

/** The deadline a case returning to its own handling runs against. */
export function ownNextDue(c: { acceptedAt: Date | null; acceptDueAt: Date; replyDueAt: Date | null }): Date | null {
  return c.acceptedAt ? c.replyDueAt : c.acceptDueAt;
}

/**
 * When the main case ends without an answer for the others (its citizen withdrew it), the cases
 * still following it return to their own handling, each with a public event: none is forgotten.
 */
export async function releaseMergedCases(tx: Tx, mainId: string, now: Date): Promise<string[]> {
  const merged = await tx.case.findMany({
    where: { mergedIntoId: mainId, status: 'MERGED' },
    select: { id: true, acceptedAt: true, acceptDueAt: true, replyDueAt: true },
  });
  for (const c of merged) {
    const to = ownStatus(c);
    await tx.case.updateMany({
      where: { id: c.id, status: 'MERGED' },
      data: { status: to, mergedIntoId: null, nextDueAt: ownNextDue(c), version: { increment: 1 } },
    });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        type: 'UNMERGED' satisfies CaseEventType,
        visibility: 'PUBLIC',
        actorType: 'SYSTEM',
        fromStatus: 'MERGED',
        toStatus: to,
        data: { reason: 'mainCaseWithdrawn' },
        createdAt: now,
      },
    });
  }
  if (merged.length > 0)
    await reassessWarnings(
      tx,
      merged.map((c) => c.id),
      now,
    );
  return merged.map((c) => c.id);
}
