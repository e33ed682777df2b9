// What staff do to a case. Each action is checked against the role (app/features/staff/permissions.ts)
// and the lifecycle (app/features/cases/lifecycle.ts), writes the case with optimistic concurrency
// (the version the staff member read must still be current) and appends a CaseEvent. A case the
// actor may not see is a NotFoundError, an action their role never takes a ForbiddenError; an
// action that does not apply now, incomplete input or a stale version is a refusal (a value).
import { audit } from '#app/features/audit/audit.server.ts';
import { reassessWarnings } from '#app/features/early-warning/reassessment.server.ts';
import { queueCitizenMessage, queueStaffMessages, type Tx } from '#app/features/notifications/outbox.server.ts';
import { canTakeAction, canViewCase, canViewContact, type Actor, type CaseScope } from '#app/features/staff/permissions.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { serviceClock } from './clock.server.ts';
import { reReviewRequestDeadline, replyDeadline, reviewRequestDeadline, STATUTORY_LIMITS } from './deadlines.ts';
import { activeDeadlineField, nextStatus, type CaseAction, type CaseStatus } from './lifecycle.ts';
import type { CitizenTemplate } from '#app/features/notifications/topics.ts';
import type { CaseActionField } from './action-fields.ts';
import type { CaseEventType } from './events.ts';

export type ActionInput =
  | { action: 'accept' }
  | { action: 'startWork' }
  | { action: 'decline'; reason: string; referral: string }
  | { action: 'forward'; agency: string; message: string }
  | { action: 'assign'; unitId: string; assigneeId: string | null }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'reply'; message: string }
  | { action: 'note'; message: string }
  | { action: 'merge'; intoReceiptNo: string }
  | { action: 'close'; message: string | null }
  | { action: 'issueReview'; message: string }
  | { action: 'issueReReview'; message: string };

export const EVENT_TYPE: Record<CaseAction, CaseEventType> = {
  accept: 'ACCEPTED',
  decline: 'DECLINED',
  forward: 'FORWARDED',
  merge: 'MERGED',
  withdraw: 'WITHDRAWN',
  assign: 'ASSIGNED',
  startWork: 'WORK_STARTED',
  extend: 'EXTENDED',
  reply: 'REPLY_PUBLISHED',
  note: 'NOTE',
  requestReview: 'REVIEW_REQUESTED',
  issueReview: 'REVIEW_ISSUED',
  requestReReview: 'RE_REVIEW_REQUESTED',
  issueReReview: 'RE_REVIEW_ISSUED',
  close: 'CLOSED',
};

type CaseRow = NonNullable<Awaited<ReturnType<typeof loadForAction>>>;

async function loadForAction(caseId: string) {
  return await db().case.findUnique({ where: { id: caseId } });
}

export function scopeOf(row: { unitId: string | null; kind: string }): CaseScope {
  return { unitId: row.unitId, kind: row.kind };
}

/** Loads a case the actor may see, or throws NotFoundError (never revealing that it exists). */
export async function caseForActor(actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await loadForAction(caseId);
  if (!row || !canViewCase(actor, scopeOf(row))) throw new NotFoundError('case');
  return row;
}

/** A step taken (the case's new version and status), or why not. */
export type CaseActionOutcome = Outcome<CaseActionField, { version: number; caseStatus: CaseStatus }>;

interface Planned {
  data: Prisma.CaseUncheckedUpdateManyInput;
  event: { visibility: 'PUBLIC' | 'INTERNAL'; message: string | null; data: Prisma.InputJsonObject };
}

/** Why the action does not apply to the case or its input: a field's code, or the whole form's. */
interface NotApplicable {
  field: CaseActionField | null;
  code: string;
}

const notApplicable = (field: CaseActionField | null, code: string): NotApplicable => ({ field, code });

async function plan(row: CaseRow, input: ActionInput, now: Date): Promise<Planned | NotApplicable> {
  const c = serviceClock();
  switch (input.action) {
    case 'accept': {
      const replyDueAt = replyDeadline(now, null, c);
      return {
        data: { acceptedAt: now, replyDueAt },
        event: { visibility: 'PUBLIC', message: null, data: { replyDueAt: replyDueAt.toISOString() } },
      };
    }
    case 'startWork':
      return { data: {}, event: { visibility: 'INTERNAL', message: null, data: {} } };
    case 'decline': {
      const reason = input.reason.trim();
      const referral = input.referral.trim();
      if (!reason) return notApplicable('reason', 'reasonRequired');
      if (!referral) return notApplicable('referral', 'referralRequired');
      return { data: {}, event: { visibility: 'PUBLIC', message: `${reason}\n\n${referral}`, data: { reason, referral } } };
    }
    case 'forward': {
      const agency = input.agency.trim();
      if (!agency) return notApplicable('agency', 'agencyRequired');
      return { data: { transferredTo: agency }, event: { visibility: 'PUBLIC', message: input.message.trim() || null, data: { agency } } };
    }
    case 'assign': {
      const unit = await db().unit.findFirst({ where: { id: input.unitId, active: true } });
      if (!unit) return notApplicable('unitId', 'unitRequired');
      if (input.assigneeId) {
        const assignee = await db().staffUser.findFirst({
          where: { id: input.assigneeId, active: true, unitId: unit.id, role: 'HANDLER' },
        });
        if (!assignee) return notApplicable('assigneeId', 'assigneeNotInUnit');
      }
      return {
        data: { unitId: unit.id, assigneeId: input.assigneeId },
        event: { visibility: 'PUBLIC', message: null, data: { unitId: unit.id, assigneeId: input.assigneeId } },
      };
    }
    case 'extend': {
      if (row.extensionDays) return notApplicable(null, 'alreadyExtended');
      if (!Number.isInteger(input.days) || input.days < 1 || input.days > STATUTORY_LIMITS.maxExtensionDays)
        return notApplicable('days', 'extensionDays');
      if (!row.acceptedAt) return notApplicable(null, 'notAccepted');
      const reason = input.reason.trim();
      if (!reason) return notApplicable('reason', 'reasonRequired');
      const replyDueAt = replyDeadline(row.acceptedAt, input.days, c);
      return {
        data: { extensionDays: input.days, extensionReason: reason, replyDueAt },
        event: { visibility: 'PUBLIC', message: reason, data: { days: input.days, replyDueAt: replyDueAt.toISOString() } },
      };
    }
    case 'reply': {
      const message = input.message.trim();
      if (!message) return notApplicable('message', 'messageRequired');
      return {
        data: { repliedAt: now, reviewRequestDueAt: reviewRequestDeadline(now, c) },
        event: { visibility: 'PUBLIC', message, data: {} },
      };
    }
    case 'note': {
      const message = input.message.trim();
      if (!message) return notApplicable('message', 'messageRequired');
      return { data: {}, event: { visibility: 'INTERNAL', message, data: {} } };
    }
    case 'merge': {
      const target = await db().case.findUnique({ where: { receiptNo: input.intoReceiptNo } });
      if (!target || target.id === row.id) return notApplicable('intoReceiptNo', 'mergeTarget');
      return { data: { mergedIntoId: target.id }, event: { visibility: 'PUBLIC', message: null, data: { into: target.receiptNo } } };
    }
    case 'close':
      return { data: { closedAt: now }, event: { visibility: 'PUBLIC', message: input.message?.trim() || null, data: {} } };
    case 'issueReview': {
      // Art. 35: the review opinion, in writing; the citizen may then ask for re-review within 30 days.
      const message = input.message.trim();
      if (!message) return notApplicable('message', 'messageRequired');
      const reReviewRequestDueAt = reReviewRequestDeadline(now, c);
      return {
        data: { reReviewRequestDueAt },
        event: { visibility: 'PUBLIC', message, data: { reReviewRequestDueAt: reReviewRequestDueAt.toISOString() } },
      };
    }
    case 'issueReReview': {
      // Art. 36: the re-review opinion is final; the same facts and reasons are not accepted again.
      const message = input.message.trim();
      if (!message) return notApplicable('message', 'messageRequired');
      return { data: { closedAt: now }, event: { visibility: 'PUBLIC', message, data: {} } };
    }
  }
}

/** The stored deadline staff now work against, for the queue's order. */
function nextDueFor(status: CaseStatus, row: CaseRow, data: Prisma.CaseUncheckedUpdateManyInput): Date | null {
  const field = activeDeadlineField(status);
  if (!field) return null;
  const updated = data[field];
  return updated instanceof Date ? updated : row[field];
}

/**
 * Takes one step on a case. A refusal (422 for a step that does not apply or incomplete input,
 * 409 when someone changed the case since `expectedVersion` was read) changes nothing.
 */
export async function performCaseAction(
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  input: ActionInput,
  now = new Date(),
): Promise<CaseActionOutcome> {
  const row = await caseForActor(actor, caseId);
  if (!canTakeAction(actor, input.action, scopeOf(row))) throw new ForbiddenError(`case action ${input.action}`);
  const to = nextStatus(row.status, input.action);
  if (!to) return refusedFor('notAllowedNow', 422);
  const planned = await plan(row, input, now);
  if ('code' in planned) {
    const { field, code } = planned;
    return field ? refused<CaseActionField>({ errors: { [field]: code }, values: {} }, 422) : refusedFor(code, 422);
  }
  const data: Prisma.CaseUncheckedUpdateManyInput = {
    ...planned.data,
    status: to,
    nextDueAt: nextDueFor(to, row, planned.data),
    version: { increment: 1 },
  };

  return await db().$transaction(async (tx): Promise<CaseActionOutcome> => {
    // Only if nobody changed the case since it was read: otherwise one update would be lost.
    const updated = await tx.case.updateMany({ where: { id: caseId, version: expectedVersion }, data });
    if (updated.count === 0) return refusedFor('conflict', 409);
    await tx.caseEvent.create({
      data: {
        caseId,
        type: EVENT_TYPE[input.action],
        visibility: planned.event.visibility,
        actorType: 'STAFF',
        actorId: actor.id,
        fromStatus: row.status,
        toStatus: to,
        message: planned.event.message,
        data: planned.event.data,
        createdAt: now,
      },
    });
    // A staff change ends any warning override and may end the response targets (a closed case).
    await reassessWarnings(tx, [caseId], now, { clearOverride: true, actorId: actor.id });
    await notifyAfterAction(tx, row, input, expectedVersion + 1);
    return { ok: true, version: expectedVersion + 1, caseStatus: to };
  });
}

/** What the citizen is told about, by email when they gave one (never with the access code). */
const CITIZEN_MESSAGE: Partial<Record<CaseAction, CitizenTemplate>> = {
  accept: 'case.accepted',
  decline: 'case.declined',
  forward: 'case.forwarded',
  extend: 'case.extended',
  reply: 'case.replied',
  issueReview: 'case.replied',
  issueReReview: 'case.replied',
};

async function notifyAfterAction(tx: Tx, row: CaseRow, input: ActionInput, version: number): Promise<void> {
  const template = CITIZEN_MESSAGE[input.action];
  // The version names this change, so a message is queued once per change however often it is retried.
  if (template) await queueCitizenMessage(tx, row.id, template, `v${version}`);
  if (input.action === 'assign' && input.assigneeId && input.assigneeId !== row.assigneeId) {
    const assignee = await tx.staffUser.findMany({
      where: { id: input.assigneeId, active: true },
      select: { id: true, mutedNotifications: true },
    });
    await queueStaffMessages(tx, assignee, 'assignment', 'staff.assigned', `${row.id}:v${version}`, { caseId: row.id });
  }
}

/** Shows a citizen's contact details to staff allowed to see them, and records that they did. */
export async function viewContact(actor: Actor, caseId: string, ipAddress: string) {
  const row = await caseForActor(actor, caseId);
  if (!canViewContact(actor, scopeOf(row))) throw new ForbiddenError('contact');
  const contact = await db().caseContact.findUnique({ where: { caseId } });
  await audit({
    action: 'contact.viewed',
    actorId: actor.id,
    targetType: 'Case',
    targetId: caseId,
    ipAddress,
    details: { receiptNo: row.receiptNo },
  });
  return contact;
}
