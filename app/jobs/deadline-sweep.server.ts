// The hourly deadline sweep (run by the worker, app/jobs/worker.server.ts). It is safe to run on
// several instances at once and to run again:
// - a missed statutory deadline is recorded once per case and deadline: batches are claimed with
//   FOR UPDATE SKIP LOCKED, and a case whose missedDueAt already equals its nextDueAt is done;
// - reminders are outbox messages whose dedupe keys name the case and deadline instant, so a second
//   run queues nothing new.
import { sendDueCheckIns } from '#app/features/cases/check-in.server.ts';
import { closeLapsedCases } from '#app/features/cases/citizen-actions.server.ts';
import { DUE_SOON_DAYS } from '#app/features/cases/deadlines.ts';
import { TERMINAL_STATUSES, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { openSupervision, settleSupervision } from '#app/features/cases/supervision.server.ts';
import { reassessWarnings } from '#app/features/early-warning/reassessment.server.ts';
import { caseWorkerRecipients, queueStaffMessages, type StaffRecipient, type Tx } from '#app/features/notifications/outbox.server.ts';
import { statutoryDeadlineKind, type DeadlineKind } from '#app/features/notifications/render.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';

const DAY_MS = 86_400_000;
const DEFAULT_BATCH_SIZE = 100;

export interface SweepOptions {
  now?: Date;
  batchSize?: number;
  /**
   * Limits the sweep to these cases. The worker never sets it; tests do, because they share one
   * database with other suites whose cases must not be swept under them.
   */
  caseIds?: readonly string[];
}

export interface SweepReport {
  /** Cases newly marked as having missed a statutory deadline. */
  missed: number;
  /** Reminder messages queued (0 on a second run). */
  reminders: number;
  /** Cases closed because their review or re-review window passed (app/features/cases/citizen-actions.server.ts). */
  closed: number;
  /** 督办 items closed because the missed step was done or the case ended (opened ones count as missed). */
  supervisionSettled: number;
  /** 回访 questions asked (app/features/cases/check-in.server.ts): messages queued, or calls put in the clerks' view. */
  checkIns: number;
}

const TERMINAL = [...TERMINAL_STATUSES];

function scopeFilter(caseIds: readonly string[] | undefined): Prisma.Sql {
  return caseIds ? Prisma.sql`AND "id" = ANY(${[...caseIds]}::uuid[])` : Prisma.empty;
}

interface MissedRow {
  id: string;
  status: string;
  nextDueAt: Date;
  assigneeId: string | null;
  unitId: string | null;
}

/** Who works on a case; asked once per assignee/unit pair in a batch. */
function recipientLookup(tx: Tx) {
  const cache = new Map<string, Promise<StaffRecipient[]>>();
  return (assigneeId: string | null, unitId: string | null) => {
    const key = `${assigneeId ?? ''}|${unitId ?? ''}`;
    let found = cache.get(key);
    if (!found) {
      found = caseWorkerRecipients(tx, assigneeId, unitId);
      cache.set(key, found);
    }
    return found;
  };
}

/** Marks one batch of overdue cases in the caller's transaction; returns how many. */
async function markMissedBatch(tx: Tx, now: Date, batchSize: number, caseIds: readonly string[] | undefined): Promise<number> {
  // Rows another instance holds are skipped, and re-checked under the lock: a case it has just
  // marked no longer matches (missedDueAt = nextDueAt), so each case is counted once.
  const rows = await tx.$queryRaw<MissedRow[]>`
    SELECT "id", "status"::text AS "status", "nextDueAt", "assigneeId", "unitId"
    FROM "Case"
    WHERE "nextDueAt" < ${now}
      AND ("missedDueAt" IS NULL OR "missedDueAt" <> "nextDueAt")
      AND "status"::text <> ALL(${TERMINAL}::text[])
      ${scopeFilter(caseIds)}
    ORDER BY "nextDueAt", "id"
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);

  await tx.$executeRaw`
    UPDATE "Case" SET "missedDeadlines" = "missedDeadlines" + 1, "missedDueAt" = "nextDueAt", "updatedAt" = ${now}
    WHERE "id" = ANY(${ids}::uuid[])`;
  await tx.caseEvent.createMany({
    data: rows.map((row) => ({
      caseId: row.id,
      type: 'DEADLINE_MISSED' satisfies CaseEventType,
      visibility: 'INTERNAL' as const,
      actorType: 'SYSTEM' as const,
      data: { deadline: statutoryDeadlineKind(row.status as CaseStatus), dueAt: row.nextDueAt.toISOString() },
      createdAt: now,
    })),
  });
  // Raises the level one step per missed deadline, and alerts when it reaches orange or red.
  await reassessWarnings(tx, ids, now);
  // 督办: the unit above supervises each case until the missed step is done (arts. 44, 45).
  await openSupervision(
    tx,
    rows.map((row) => ({
      id: row.id,
      unitId: row.unitId,
      deadline: statutoryDeadlineKind(row.status as CaseStatus),
      missedDueAt: row.nextDueAt,
    })),
    now,
  );

  const workers = recipientLookup(tx);
  for (const row of rows) {
    const dueAt = row.nextDueAt.toISOString();
    await queueStaffMessages(tx, await workers(row.assigneeId, row.unitId), 'dueSoon', 'staff.dueSoon', `${row.id}:overdue:${dueAt}`, {
      caseId: row.id,
      data: { deadline: statutoryDeadlineKind(row.status as CaseStatus), dueAt, overdue: true },
    });
  }
  return rows.length;
}

interface ReminderRow {
  id: string;
  status: string;
  assigneeId: string | null;
  unitId: string | null;
  nextDueAt: Date | null;
  responseDueAt: Date | null;
  progressDueAt: Date | null;
  resultDueAt: Date | null;
  respondedAt: Date | null;
  progressAt: Date | null;
  resultAt: Date | null;
}

interface Reminder {
  deadline: DeadlineKind;
  dueAt: Date;
}

/** The deadlines of a case that fall due after `now` and no later than `horizon`. */
export function remindersFor(row: ReminderRow, now: Date, horizon: Date): Reminder[] {
  const within = (at: Date | null): at is Date => at !== null && at > now && at <= horizon;
  const out: Reminder[] = [];
  if (within(row.nextDueAt)) out.push({ deadline: statutoryDeadlineKind(row.status as CaseStatus), dueAt: row.nextDueAt });
  if (!row.respondedAt && within(row.responseDueAt)) out.push({ deadline: 'response', dueAt: row.responseDueAt });
  if (!row.progressAt && within(row.progressDueAt)) out.push({ deadline: 'progress', dueAt: row.progressDueAt });
  if (!row.resultAt && within(row.resultDueAt)) out.push({ deadline: 'result', dueAt: row.resultDueAt });
  return out;
}

async function queueReminders(now: Date, batchSize: number, caseIds: readonly string[] | undefined): Promise<number> {
  const horizon = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS);
  let queued = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // nextTargetDueAt is the nearest unmet target, so any target due by the horizon implies it.
    const rows: ReminderRow[] = await db().$queryRaw<ReminderRow[]>`
      SELECT "id", "status"::text AS "status", "assigneeId", "unitId", "nextDueAt", "responseDueAt", "progressDueAt",
        "resultDueAt", "respondedAt", "progressAt", "resultAt"
      FROM "Case"
      WHERE "id" > ${after}::uuid
        AND "status"::text <> ALL(${TERMINAL}::text[])
        AND (("nextDueAt" > ${now} AND "nextDueAt" <= ${horizon}) OR "nextTargetDueAt" <= ${horizon})
        ${scopeFilter(caseIds)}
      ORDER BY "id"
      LIMIT ${batchSize}`;
    if (rows.length === 0) return queued;
    after = rows[rows.length - 1]!.id;
    queued += await db().$transaction(async (tx) => {
      const workers = recipientLookup(tx);
      let count = 0;
      for (const row of rows) {
        for (const reminder of remindersFor(row, now, horizon)) {
          const dueAt = reminder.dueAt.toISOString();
          count += await queueStaffMessages(
            tx,
            await workers(row.assigneeId, row.unitId),
            'dueSoon',
            'staff.dueSoon',
            `${row.id}:${reminder.deadline}:${dueAt}`,
            {
              caseId: row.id,
              data: { deadline: reminder.deadline, dueAt, overdue: false },
            },
          );
        }
      }
      return count;
    });
  }
}

/** Marks overdue cases (raising their level and telling their workers), then sends reminders. */
export async function runDeadlineSweep(options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let missed = 0;
  for (;;) {
    const marked = await db().$transaction((tx) => markMissedBatch(tx, now, batchSize, options.caseIds));
    if (marked === 0) break;
    missed += marked;
  }
  const reminders = await queueReminders(now, batchSize, options.caseIds);
  // Cases whose review or re-review window passed without a request close, each with a public event.
  const closed = await closeLapsedCases(now, batchSize, options.caseIds);
  // The citizens who agreed to it are asked, once, whether their problem was solved.
  const checkIns = await sendDueCheckIns(now, { batchSize, caseIds: options.caseIds });
  const supervisionSettled = await settleSupervision(now, batchSize, options.caseIds);
  return { missed, reminders, closed, checkIns, supervisionSettled };
}
