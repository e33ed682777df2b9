// What a citizen does to their own case through the track session: ask for review or re-review,
// withdraw, and rate the answer. Each is checked against the statute's windows
// (follow-up.ts) and the lifecycle, appends a public CaseEvent, and tells the staff concerned.
import { z } from 'zod';
import { reassessWarnings } from '#app/features/early-warning/reassessment.server.ts';
import { caseWorkerRecipients, queueStaffMessages, supervisorRecipients, type Tx } from '#app/features/notifications/outbox.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { serviceClock } from './clock.server.ts';
import { reReviewOpinionDeadline, reviewOpinionDeadline } from './deadlines.ts';
import {
  canRate,
  canWithdraw,
  openReviewRequest,
  RATING_COMMENT_MAX,
  REQUEST_REASON_MAX,
  requestWindowLapsed,
  SOLVED,
  WITHDRAW_REASON_MAX,
  type ReviewRequest,
} from './follow-up.ts';
import { nextStatus, type CaseAction, type CaseStatus } from './lifecycle.ts';
import { releaseMergedCases } from './merged-cases.server.ts';
import { reviewBodyFor } from './review-stage.server.ts';
import type { CaseEventType } from './events.ts';

/** The request does not apply to the case as it is now (window passed, already answered…). */
export class CitizenActionError extends Error {
  constructor(readonly code: 'notAllowedNow' | 'windowPassed') {
    super(code);
  }
}

// The follow-up pages' forms (follow-up-forms.server.ts). Errors are codes under follow-up:errors.<field>.
export const ReviewRequestForm = z.object({
  reason: z.string().trim().min(1, 'required').max(REQUEST_REASON_MAX, 'tooLong'),
});

export const WithdrawForm = z.object({
  reason: z.string().trim().max(WITHDRAW_REASON_MAX, 'tooLong').default(''),
  confirm: z.literal('yes', { error: 'required' }),
});

export const RatingForm = z.object({
  rating: z.coerce.number({ error: 'required' }).int('required').min(1, 'required').max(5, 'required'),
  solved: z.enum(SOLVED, { error: 'required' }),
  comment: z.string().trim().max(RATING_COMMENT_MAX, 'tooLong').default(''),
});

async function loadCase(caseId: string) {
  return await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      status: true,
      version: true,
      unitId: true,
      assigneeId: true,
      reviewRequestDueAt: true,
      reReviewRequestDueAt: true,
      repliedByUnitId: true,
      reviewedByUnitId: true,
      reportedParty: { select: { unitId: true } },
    },
  });
}

type Row = Awaited<ReturnType<typeof loadCase>>;

/** One citizen transition: the status changes only from the status read, so a staff change in between wins. */
async function transition(
  row: Row,
  action: CaseAction,
  data: Prisma.CaseUncheckedUpdateManyInput,
  event: { type: CaseEventType; message: string | null; data: Prisma.InputJsonObject },
  now: Date,
  after?: (tx: Tx, to: CaseStatus) => Promise<void>,
): Promise<CaseStatus> {
  const to = nextStatus(row.status, action);
  if (!to) throw new CitizenActionError('notAllowedNow');
  return await db().$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: row.id, version: row.version, status: row.status },
      data: { ...data, status: to, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new CitizenActionError('notAllowedNow');
    await tx.caseEvent.create({
      data: {
        caseId: row.id,
        type: event.type,
        visibility: 'PUBLIC',
        actorType: 'CITIZEN',
        fromStatus: row.status,
        toStatus: to,
        message: event.message,
        data: event.data,
        createdAt: now,
      },
    });
    await reassessWarnings(tx, [row.id], now);
    await after?.(tx, to);
    return to;
  });
}

/** The staff who work the case hear of the citizen's request; supervisors too when nobody is assigned. */
async function tellStaff(tx: Tx, row: Pick<Row, 'id' | 'assigneeId' | 'unitId'>, cause: string) {
  const recipients = await caseWorkerRecipients(tx, row.assigneeId, row.unitId);
  const all = row.assigneeId ? recipients : [...recipients, ...(await supervisorRecipients(tx))];
  const unique = [...new Map(all.map((r) => [r.id, r])).values()];
  await queueStaffMessages(tx, unique, 'assignment', 'staff.assigned', `${row.id}:${cause}`, { caseId: row.id });
}

/** The two requests for another look at the answer: review after the reply (art. 35), re-review after the review opinion (art. 36). */
const REVIEW_REQUESTS = {
  review: { awaits: 'REPLIED', action: 'requestReview', event: 'REVIEW_REQUESTED', opinionDue: reviewOpinionDeadline },
  reReview: { awaits: 'REVIEWED', action: 'requestReReview', event: 'RE_REVIEW_REQUESTED', opinionDue: reReviewOpinionDeadline },
} as const;

async function requestAnotherLook(kind: ReviewRequest, caseId: string, reason: string, now: Date): Promise<CaseStatus> {
  const row = await loadCase(caseId);
  const request = REVIEW_REQUESTS[kind];
  if (openReviewRequest(row, now) !== kind) throw new CitizenActionError(row.status === request.awaits ? 'windowPassed' : 'notAllowedNow');
  const dueAt = request.opinionDue(now, serviceClock());
  // The decision looked at again, and the body above the unit that made it (arts. 35, 36).
  const decidedBy = (kind === 'review' ? row.repliedByUnitId : row.reviewedByUnitId) ?? row.unitId;
  const body = await reviewBodyFor(decidedBy, row.reportedParty?.unitId ?? null);
  const due =
    kind === 'review' ? { reviewDueAt: dueAt, repliedByUnitId: decidedBy } : { reReviewDueAt: dueAt, reviewedByUnitId: decidedBy };
  return await transition(
    row,
    request.action,
    { ...due, nextDueAt: dueAt, unitId: body, assigneeId: null, hearingSince: null, hearingHeld: false },
    { type: request.event, message: reason, data: { [`${kind}DueAt`]: dueAt.toISOString(), unitId: body } },
    now,
    (tx) => tellStaff(tx, { id: row.id, unitId: body, assigneeId: null }, `${kind}:${now.toISOString()}`),
  );
}

export async function requestReview(caseId: string, reason: string, now = new Date()): Promise<CaseStatus> {
  return await requestAnotherLook('review', caseId, reason, now);
}

export async function requestReReview(caseId: string, reason: string, now = new Date()): Promise<CaseStatus> {
  return await requestAnotherLook('reReview', caseId, reason, now);
}

/**
 * Withdrawal ends the case; nothing is deleted, and the staff working it are told. Cases merged into
 * it go back to their own handling: their citizens still wait for an answer.
 */
export async function withdrawCase(caseId: string, reason: string, now = new Date()): Promise<CaseStatus> {
  const row = await loadCase(caseId);
  if (!canWithdraw(row.status)) throw new CitizenActionError('notAllowedNow');
  return await transition(
    row,
    'withdraw',
    { closedAt: now, nextDueAt: null },
    { type: 'WITHDRAWN', message: reason || null, data: {} },
    now,
    async (tx) => {
      await releaseMergedCases(tx, row.id, now);
      await tellStaff(tx, row, 'withdrawn');
    },
  );
}

export async function rateCase(caseId: string, input: z.infer<typeof RatingForm>): Promise<void> {
  const row = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, rating: { select: { id: true } } } });
  if (!canRate(row.status, row.rating !== null)) throw new CitizenActionError('notAllowedNow');
  const values = { rating: input.rating, solved: input.solved, comment: input.comment || null };
  await db().$transaction(async (tx) => {
    await tx.satisfactionRating.upsert({ where: { caseId }, create: { caseId, ...values }, update: values });
    await tx.caseEvent.create({
      data: {
        caseId,
        type: (row.rating ? 'RATING_CHANGED' : 'RATED') satisfies CaseEventType,
        visibility: 'PUBLIC',
        actorType: 'CITIZEN',
        data: { rating: input.rating, solved: input.solved },
      },
    });
  });
}

/**
 * Closes cases whose review or re-review window passed without a request (run by the hourly
 * sweep). Each case is claimed with SKIP LOCKED and closed only from the status read, so several
 * sweeps at once close it once.
 */
export async function closeLapsedCases(now = new Date(), batch = 200, caseIds?: readonly string[]): Promise<number> {
  const only = caseIds ? Prisma.sql`AND "id" = ANY(${[...caseIds]}::uuid[])` : Prisma.empty;
  let closed = 0;
  for (;;) {
    const done = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<
        { id: string; status: CaseStatus; reviewRequestDueAt: Date | null; reReviewRequestDueAt: Date | null }[]
      >`
        SELECT "id", "status", "reviewRequestDueAt", "reReviewRequestDueAt" FROM "Case"
        WHERE (("status" = 'REPLIED' AND "reviewRequestDueAt" < ${now}) OR ("status" = 'REVIEWED' AND "reReviewRequestDueAt" < ${now})) ${only}
        ORDER BY "id" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      for (const row of rows) {
        const due = row.status === 'REPLIED' ? row.reviewRequestDueAt : row.reReviewRequestDueAt;
        if (!requestWindowLapsed(row.status, due, now)) continue;
        await tx.case.update({
          where: { id: row.id },
          data: { status: 'CLOSED', closedAt: now, nextDueAt: null, version: { increment: 1 } },
        });
        await tx.caseEvent.create({
          data: {
            caseId: row.id,
            type: 'CLOSED' satisfies CaseEventType,
            visibility: 'PUBLIC',
            actorType: 'SYSTEM',
            fromStatus: row.status,
            toStatus: 'CLOSED',
            data: { reason: row.status === 'REPLIED' ? 'reviewWindowPassed' : 'reReviewWindowPassed' },
            createdAt: now,
          },
        });
      }
      await reassessWarnings(
        tx,
        rows.map((r) => r.id),
        now,
      );
      return rows.length;
    });
    closed += done;
    if (done < batch) return closed;
  }
}
