// The supervisors' daily digest of overdue cases, at 08:00 in TIME_ZONE (scheduled by the worker,
// app/jobs/worker.server.ts). One message per supervisor per local day: its dedupe key names the
// supervisor and the day, so a second run, or a second worker, queues nothing new.
import { OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { queueStaffMessages, supervisorRecipients } from '#app/features/notifications/outbox.server.ts';
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

/** One digest of overdue open cases per supervisor per local day (TIME_ZONE). */
export async function queueOverdueDigest(options: { now?: Date } = {}): Promise<DigestReport> {
  const now = options.now ?? new Date();
  const date = serviceToday(now);
  const where: Prisma.CaseWhereInput = { nextDueAt: { lt: now }, status: { in: [...OPEN_STATUSES] } };
  const [overdue, listed] = await Promise.all([
    db().case.count({ where }),
    db().case.findMany({
      where,
      orderBy: [{ nextDueAt: 'asc' }, { id: 'asc' }],
      take: DIGEST_LIST_LIMIT,
      select: { id: true, receiptNo: true, nextDueAt: true, warningLevel: true },
    }),
  ]);
  if (overdue === 0) return { date, overdue, queued: 0 };
  const cases = listed
    .filter((row): row is OverdueRow => row.nextDueAt !== null)
    .map((row) => ({ id: row.id, receiptNo: row.receiptNo, dueAt: row.nextDueAt.toISOString(), level: row.warningLevel }));
  const queued = await db().$transaction(async (tx) =>
    queueStaffMessages(tx, await supervisorRecipients(tx), 'overdueDigest', 'staff.overdueDigest', date, {
      data: { digest: { date, total: overdue, cases } },
    }),
  );
  return { date, overdue, queued };
}
