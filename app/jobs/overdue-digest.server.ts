// The supervisors' daily digest of overdue cases, at 08:00 in TIME_ZONE (scheduled by the worker,
// app/jobs/worker.server.ts). One message per supervisor per local day: its dedupe key names the
// supervisor and the day, so a second run, or a second worker, queues nothing new.
import { visibleToWhere } from '#app/features/cases/case-scope.server.ts';
import { OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { queueStaffMessages } from '#app/features/notifications/outbox.server.ts';
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { lineageIn } from '#app/features/reference-data/unit-tree.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';

/** Cases listed by name in a digest; the rest are counted. */
export const DIGEST_LIST_LIMIT = 50;

export interface DigestReport {
  date: string;
  overdue: number;
  /** Digest messages queued (0 when nothing is overdue, or on a second run the same day). */
  queued: number;
}

interface OverdueRow {
  id: string;
  receiptNo: string;
  nextDueAt: Date;
  warningLevel: WarningLevel;
}

/**
 * One digest of overdue open cases per supervisor per local day (TIME_ZONE). Each supervisor's own:
 * a case kept from them (a report about their unit, one they withdrew from) is neither listed nor
 * counted in it.
 */
export async function queueOverdueDigest(options: { now?: Date } = {}): Promise<DigestReport> {
  const now = options.now ?? new Date();
  const date = serviceToday(now);
  const where: Prisma.CaseWhereInput = { nextDueAt: { lt: now }, status: { in: [...OPEN_STATUSES] } };
  const overdue = await db().case.count({ where });
  if (overdue === 0) return { date, overdue, queued: 0 };
  const [supervisors, parents] = await Promise.all([
    db().staffUser.findMany({ where: { active: true, role: 'SUPERVISOR' }, select: { id: true, unitId: true, mutedNotifications: true } }),
    unitParents(),
  ]);
  let queued = 0;
  for (const supervisor of supervisors) {
    const actor = {
      id: supervisor.id,
      role: 'SUPERVISOR' as const,
      unitId: supervisor.unitId,
      unitLineage: lineageIn(parents, supervisor.unitId),
    };
    const theirs: Prisma.CaseWhereInput = { AND: [where, visibleToWhere(actor)] };
    const [total, listed] = await Promise.all([
      db().case.count({ where: theirs }),
      db().case.findMany({
        where: theirs,
        orderBy: [{ nextDueAt: 'asc' }, { id: 'asc' }],
        take: DIGEST_LIST_LIMIT,
        select: { id: true, receiptNo: true, nextDueAt: true, warningLevel: true },
      }),
    ]);
    if (total === 0) continue;
    const cases = listed
      .filter((row): row is OverdueRow => row.nextDueAt !== null)
      .map((row) => ({ id: row.id, receiptNo: row.receiptNo, dueAt: row.nextDueAt.toISOString(), level: row.warningLevel }));
    queued += await db().$transaction(async (tx) =>
      queueStaffMessages(tx, [supervisor], 'overdueDigest', 'staff.overdueDigest', date, {
        data: { digest: { date, total, cases } },
      }),
    );
  }
  return { date, overdue, queued };
}
