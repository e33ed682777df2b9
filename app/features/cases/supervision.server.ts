// 督办 (supervision.ts): the hourly sweep opens a supervision item on each case it marks as having
// missed a statutory date, for the supervisors of the unit above the case's unit, and closes it once
// the missed step is done or the case ends; not while a citizen answered on paper has yet to receive
// the acceptance decision after its 15 days (ADR 0016). Every opening and closing is an internal event.
import { queueStaffMessages, supervisorRecipients, type Tx } from '#app/features/notifications/outbox.server.ts';
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { acceptanceNoticeLateSql } from './citizen-clock.server.ts';
import { workingDayClock } from './clock.server.ts';
import { supervisingUnit, supervisionDueAt, supervisionSettled } from './supervision.ts';
import type { CaseEventType } from './events.ts';
import type { CaseStatus } from './lifecycle.ts';

export interface MissedCase {
  id: string;
  unitId: string | null;
  /** The deadline missed, as the staff messages name it. */
  deadline: string;
  missedDueAt: Date;
}

/**
 * Opens a supervision item on each case just marked as missing a date, unless one is open already
 * (a second miss while supervised keeps the first item and its due date), in the sweep's transaction.
 */
export async function openSupervision(tx: Tx, missed: readonly MissedCase[], now: Date): Promise<number> {
  if (missed.length === 0) return 0;
  const open = await tx.case.findMany({
    where: { id: { in: missed.map((m) => m.id) }, supervisionOpenedAt: null },
    select: { id: true },
  });
  const toOpen = new Set(open.map((row) => row.id));
  if (toOpen.size === 0) return 0;
  const [parents, clock] = await Promise.all([unitParents(tx), workingDayClock()]);
  const dueAt = supervisionDueAt(now, clock);
  for (const m of missed) {
    if (!toOpen.has(m.id)) continue;
    const unitId = supervisingUnit(parents, m.unitId);
    await tx.case.update({
      where: { id: m.id },
      data: { supervisionOpenedAt: now, supervisionDueAt: dueAt, supervisionUnitId: unitId },
    });
    await tx.caseEvent.create({
      data: {
        caseId: m.id,
        type: 'SUPERVISION_OPENED' satisfies CaseEventType,
        visibility: 'INTERNAL',
        actorType: 'SYSTEM',
        data: { unitId, dueAt: dueAt.toISOString(), deadline: m.deadline, missedDueAt: m.missedDueAt.toISOString() },
        createdAt: now,
      },
    });
    await queueStaffMessages(
      tx,
      await supervisorRecipients(tx, unitId),
      'dueSoon',
      'staff.supervision',
      `${m.id}:supervision:${now.toISOString()}`,
      {
        caseId: m.id,
        data: { dueAt: dueAt.toISOString() },
      },
    );
  }
  return toOpen.size;
}

/** Closes the supervision items whose missed step is done (or whose case ended); returns how many. */
export async function settleSupervision(now: Date, batch = 200, caseIds?: readonly string[]): Promise<number> {
  const only = caseIds ? Prisma.sql`AND c."id" = ANY(${[...caseIds]}::uuid[])` : Prisma.empty;
  let settled = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const result = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<
        {
          id: string;
          status: CaseStatus;
          nextDueAt: Date | null;
          missedDueAt: Date | null;
          supervisionDueAt: Date | null;
          acceptanceNoticeLate: boolean;
        }[]
      >`
        SELECT c."id", c."status", c."nextDueAt", c."missedDueAt", c."supervisionDueAt",
          ${acceptanceNoticeLateSql(now)} AS "acceptanceNoticeLate"
        FROM "Case" c
        WHERE c."supervisionOpenedAt" IS NOT NULL AND c."id" > ${after}::uuid ${only}
        ORDER BY c."id" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      let closed = 0;
      for (const row of rows) {
        if (!supervisionSettled(row)) continue;
        await tx.case.update({
          where: { id: row.id },
          data: { supervisionOpenedAt: null, supervisionDueAt: null, supervisionUnitId: null },
        });
        await tx.caseEvent.create({
          data: {
            caseId: row.id,
            type: 'SUPERVISION_CLOSED' satisfies CaseEventType,
            visibility: 'INTERNAL',
            actorType: 'SYSTEM',
            data: { late: row.supervisionDueAt !== null && now > row.supervisionDueAt },
            createdAt: now,
          },
        });
        closed++;
      }
      return { count: rows.length, closed, last: rows.at(-1)?.id ?? null };
    });
    settled += result.closed;
    if (result.count < batch || !result.last) return settled;
    after = result.last;
  }
}
