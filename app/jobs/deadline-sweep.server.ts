// The hourly deadline sweep (run by the worker, app/jobs/worker.server.ts). It is safe to run on
// several instances at once and to run again:
// - a missed statutory deadline is recorded once per case and deadline: batches are claimed with
//   FOR UPDATE SKIP LOCKED, and a case whose missedDueAt already equals its nextDueAt is done;
// - so is an acceptance decision that has not reached a citizen answered on paper by its date
//   (ADR 0016), unless the case's acceptance was recorded as missed already, checked under the lock;
// - reminders are outbox messages whose dedupe keys name the case and deadline instant, so a second
//   run queues nothing new.
import { sendDueCheckIns } from '#app/features/cases/check-in.server.ts';
import { closeLapsedCases } from '#app/features/cases/citizen-actions.server.ts';
import { acceptanceNoticeLateSql } from '#app/features/cases/citizen-clock.server.ts';
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

function scopeFilter(caseIds: readonly string[] | undefined, id: Prisma.Sql = Prisma.raw('"id"')): Prisma.Sql {
  return caseIds ? Prisma.sql`AND ${id} = ANY(${[...caseIds]}::uuid[])` : Prisma.empty;
}

interface MissedRow {
  id: string;
  status: CaseStatus;
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

/** A deadline a case just missed, as the batches below found it under its row lock. */
interface Miss {
  row: MissedRow;
  deadline: DeadlineKind;
  dueAt: Date;
  /** More for the DEADLINE_MISSED event. */
  detail?: { undelivered: true };
}

/**
 * Records each miss, in the caller's transaction with the case rows locked: one DEADLINE_MISSED
 * event, one more missed deadline on the case (and `alsoSet`), the warning level raised for open
 * cases, supervision opened, and the case's workers told it is overdue.
 */
async function recordMisses(tx: Tx, misses: readonly Miss[], now: Date, alsoSet: Prisma.Sql = Prisma.empty): Promise<number> {
  if (misses.length === 0) return 0;
  const ids = misses.map((m) => m.row.id);
  await tx.$executeRaw`
    UPDATE "Case" SET "missedDeadlines" = "missedDeadlines" + 1, "updatedAt" = ${now} ${alsoSet}
    WHERE "id" = ANY(${ids}::uuid[])`;
  await tx.caseEvent.createMany({
    data: misses.map((m) => ({
      caseId: m.row.id,
      type: 'DEADLINE_MISSED' satisfies CaseEventType,
      visibility: 'INTERNAL' as const,
      actorType: 'SYSTEM' as const,
      data: { deadline: m.deadline, dueAt: m.dueAt.toISOString(), ...m.detail },
      createdAt: now,
    })),
  });
  // Raises the level one step per missed deadline, and alerts when it reaches orange or red.
  await reassessWarnings(
    tx,
    misses.flatMap((m) => (TERMINAL_STATUSES.has(m.row.status) ? [] : [m.row.id])),
    now,
  );
  // 督办: the unit above supervises each case until the missed step is done (arts. 44, 45).
  await openSupervision(
    tx,
    misses.map((m) => ({ id: m.row.id, unitId: m.row.unitId, deadline: m.deadline, missedDueAt: m.dueAt })),
    now,
  );

  const workers = recipientLookup(tx);
  for (const { row, deadline, dueAt } of misses) {
    const at = dueAt.toISOString();
    await queueStaffMessages(tx, await workers(row.assigneeId, row.unitId), 'dueSoon', 'staff.dueSoon', `${row.id}:overdue:${at}`, {
      caseId: row.id,
      data: { deadline, dueAt: at, overdue: true },
    });
  }
  return misses.length;
}

/** What a batch did: the rows it claimed (none: the sweep moves on) and the cases it marked. */
interface BatchResult {
  claimed: number;
  marked: number;
}

/** Marks one batch of overdue cases in the caller's transaction. */
async function markMissedBatch(tx: Tx, now: Date, batchSize: number, caseIds: readonly string[] | undefined): Promise<BatchResult> {
  // Rows another instance holds are skipped, and re-checked under the lock: a case it has just
  // marked no longer matches (missedDueAt = nextDueAt), so each case is counted once.
  const rows = await tx.$queryRaw<(MissedRow & { nextDueAt: Date })[]>`
    SELECT "id", "status"::text AS "status", "nextDueAt", "assigneeId", "unitId"
    FROM "Case"
    WHERE "nextDueAt" < ${now}
      AND ("missedDueAt" IS NULL OR "missedDueAt" <> "nextDueAt")
      AND "status"::text <> ALL(${TERMINAL}::text[])
      ${scopeFilter(caseIds)}
    ORDER BY "nextDueAt", "id"
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
  const misses = rows.map((row) => ({ row, deadline: statutoryDeadlineKind(row.status), dueAt: row.nextDueAt }));
  const marked = await recordMisses(tx, misses, now, Prisma.sql`, "missedDueAt" = "nextDueAt"`);
  return { claimed: rows.length, marked };
}

/** The case already has its acceptance recorded as missed, by either batch: each is marked once. */
function acceptanceMarkedSql(c: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "CaseEvent" m WHERE m."caseId" = ${c}."id"
    AND m."type" = ${'DEADLINE_MISSED' satisfies CaseEventType} AND m."data"->>'deadline' = ${'acceptance' satisfies DeadlineKind})`;
}

/**
 * Marks one batch of cases whose citizen, answered on paper, has not been told the acceptance
 * decision by its date (ADR 0016), in the caller's transaction. The status-based batch cannot see
 * them: the decision was made, so the case works against another deadline, or has ended (a refusal,
 * a forwarding).
 */
async function markUndeliveredBatch(tx: Tx, now: Date, batchSize: number, caseIds: readonly string[] | undefined): Promise<BatchResult> {
  const c = Prisma.raw('c');
  const rows = await tx.$queryRaw<(MissedRow & { acceptDueAt: Date })[]>`
    SELECT c."id", c."status"::text AS "status", c."acceptDueAt", c."assigneeId", c."unitId"
    FROM "Case" c
    WHERE ${acceptanceNoticeLateSql(now, c)}
      AND NOT ${acceptanceMarkedSql(c)}
      ${scopeFilter(caseIds, Prisma.raw('c."id"'))}
    ORDER BY c."acceptDueAt", c."id"
    LIMIT ${batchSize}
    FOR UPDATE OF c SKIP LOCKED`;
  if (rows.length === 0) return { claimed: 0, marked: 0 };
  // The mark is an event, not a column of the row, so the lock's re-check cannot see one another
  // instance committed after this statement began: ask again, now that the rows are ours.
  const marked = await tx.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Case" c WHERE c."id" = ANY(${rows.map((row) => row.id)}::uuid[]) AND ${acceptanceMarkedSql(c)}`;
  const done = new Set(marked.map((row) => row.id));
  const misses = rows.flatMap((row) =>
    done.has(row.id) ? [] : [{ row, deadline: 'acceptance' as const, dueAt: row.acceptDueAt, detail: { undelivered: true as const } }],
  );
  return { claimed: rows.length, marked: await recordMisses(tx, misses, now) };
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

/**
 * Art. 36: a re-review hearing arranged ahead stops the re-review clock on its day. The staff action
 * that arranges it leaves the deadline running until then (cases/staff-actions.server.ts); no event,
 * since HEARING_STARTED already names the day. The deadline must be on or after that day, and the
 * sweep runs hourly, so the clock stops before it could be missed.
 */
async function stopHearingClocks(now: Date, caseIds: readonly string[] | undefined): Promise<number> {
  return db().$executeRaw`
    UPDATE "Case" SET "nextDueAt" = NULL, "updatedAt" = ${now}
    WHERE "hearingSince" <= ${now} AND "nextDueAt" IS NOT NULL AND "status" = 'RE_REVIEW_REQUESTED'
      ${scopeFilter(caseIds)}`;
}

/** Stops the clocks of hearings begun, marks overdue cases (raising their level and telling their workers), then sends reminders. */
export async function runDeadlineSweep(options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  await stopHearingClocks(now, options.caseIds);
  let missed = 0;
  // From the case's status first; then the paper citizens not yet told the acceptance decision.
  for (const batch of [markMissedBatch, markUndeliveredBatch]) {
    for (;;) {
      const { claimed, marked } = await db().$transaction((tx) => batch(tx, now, batchSize, options.caseIds));
      if (claimed === 0) break;
      missed += marked;
    }
  }
  const reminders = await queueReminders(now, batchSize, options.caseIds);
  // Cases whose review or re-review window passed without a request close, each with a public event.
  const closed = await closeLapsedCases(now, batchSize, options.caseIds);
  // The citizens who agreed to it are asked, once, whether their problem was solved.
  const checkIns = await sendDueCheckIns(now, { batchSize, caseIds: options.caseIds });
  const supervisionSettled = await settleSupervision(now, batchSize, options.caseIds);
  return { missed, reminders, closed, checkIns, supervisionSettled };
}
