// Staff changes to a case's warning: overriding the level with a reason, and recording the
// milestones (responded, progress, result) that meet its response targets. Both are staff changes
// like any other: optimistic concurrency, an appended CaseEvent, and (for overrides) the audit log.
// The page for them (/office/cases/:id/warning) reads and posts through warningChangePage and
// changeWarning; who may change what is the one rule in changes.ts.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { caseForActor, scopeOf } from '#app/features/cases/staff-actions.server.ts';
import { queueStaffMessages, warningAlertRecipients, type Tx } from '#app/features/notifications/outbox.server.ts';
import { canOverrideWarning, canRecordMilestone, type Actor } from '#app/features/staff/permissions.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { mayChangeWarning, warningChanges } from './changes.ts';
import { WARNING_FIELDS, type WarningField } from './forms.ts';
import {
  assessWarning,
  milestoneUpdates,
  levelRank,
  nextTargetDue,
  responseWording,
  targetStatuses,
  targetsAfterLevelChange,
  TARGET_KINDS,
  type TargetKind,
} from './levels.ts';
import { reassessWarnings, refreshClusterLevels } from './reassessment.server.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';

const version = z.coerce.number().int().min(0);

export const WarningChangeForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('override'),
    version,
    level: z.enum(WARNING_LEVELS, { error: 'required' }),
    reason: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'tooLong' }),
  }),
  z.object({
    intent: z.literal('milestone'),
    version,
    milestone: z.enum(TARGET_KINDS as [TargetKind, ...TargetKind[]], { error: 'required' }),
    note: z.string().trim().max(2000, { error: 'tooLong' }).default(''),
  }),
]);
export type WarningChange = z.infer<typeof WarningChangeForm>;

/** A change made (the page goes back to the case), or why not. */
export type WarningOutcome = Outcome<WarningField, object>;

/** The case, when the actor may change its warning in some way (404 when they may not see it, 403 otherwise). */
async function caseForWarningChange(actor: Actor, caseId: string) {
  const row = await caseForActor(actor, caseId);
  const changes = warningChanges(actor, scopeOf(row), row.status);
  if (!mayChangeWarning(changes)) throw new ForbiddenError('warning');
  return { row, changes };
}

/** What the warning page shows: the level, its targets, and the forms this actor may use. */
export async function warningChangePage(actor: Actor, caseId: string, now = new Date()) {
  const { row, changes } = await caseForWarningChange(actor, caseId);
  const met = { respondedAt: row.respondedAt, progressAt: row.progressAt, resultAt: row.resultAt };
  return {
    caseId: row.id,
    receiptNo: row.receiptNo,
    version: row.version,
    level: row.warningLevel,
    wording: responseWording(row.warningLevel),
    targets: targetStatuses(row, met, now),
    // Only milestones that would still change something are offered.
    milestones: TARGET_KINDS.filter((kind) => Object.keys(milestoneUpdates(kind, met, now)).length > 0),
    canOverride: changes.override,
    canRecord: changes.milestone,
    now,
  };
}

/** The warning page's form posts: an override or a milestone, parsed here. */
export async function changeWarning(actor: Actor, caseId: string, form: URLSearchParams | RawForm, context: { ipAddress: string }) {
  await caseForWarningChange(actor, caseId);
  const parsed = parseForm(form, WarningChangeForm);
  if (!parsed.ok) {
    const errors = Object.fromEntries(WARNING_FIELDS.flatMap((field) => (parsed.errors[field] ? [[field, parsed.errors[field]]] : [])));
    // Nothing the page shows to point at (no known intent, no version): the form was not the page's.
    if (Object.keys(errors).length === 0) return refusedFor('invalid', 400);
    return refused<WarningField>({ errors, values: parsed.values });
  }
  const change = parsed.value;
  return change.intent === 'override'
    ? await overrideWarning(actor, caseId, change, context.ipAddress)
    : await recordMilestone(actor, caseId, change);
}

/** Who changes which case, from which version read, when. */
interface ChangeAt {
  actor: Actor;
  caseId: string;
  version: number;
  now: Date;
}

/**
 * Writes a staff change to the warning, with its event and what follows from it (`then`, in the
 * same transaction), if the case is still at the version read: otherwise nothing (409).
 */
async function writeWarningChange(
  at: ChangeAt,
  data: Prisma.CaseUncheckedUpdateManyInput,
  event: { type: CaseEventType; message: string | null; data: Prisma.InputJsonObject },
  then: (tx: Tx) => Promise<unknown>,
): Promise<WarningOutcome> {
  const { actor, caseId, version, now } = at;
  return await db().$transaction(async (tx): Promise<WarningOutcome> => {
    const updated = await tx.case.updateMany({ where: { id: caseId, version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) return refusedFor('conflict', 409);
    await tx.caseEvent.create({
      data: { caseId, ...event, visibility: 'INTERNAL', actorType: 'STAFF', actorId: actor.id, createdAt: now },
    });
    await then(tx);
    return { ok: true };
  });
}

/** Sets the level by hand. The override wins over the rules until the next staff change. */
export async function overrideWarning(
  actor: Actor,
  caseId: string,
  change: Extract<WarningChange, { intent: 'override' }>,
  ipAddress: string | null,
  now = new Date(),
): Promise<WarningOutcome> {
  const row = await caseForActor(actor, caseId);
  if (!canOverrideWarning(actor, scopeOf(row))) throw new ForbiddenError('warning override');
  if (!warningChanges(actor, scopeOf(row), row.status).override) return refusedFor('notAllowedNow', 422);
  if (change.level === row.warningLevel) return refusedFor('sameLevel', 422);
  const targets = targetsAfterLevelChange(row.warningLevel, change.level, row, now, serviceTimeZone());
  const assessed = assessWarning({
    coSignerCount: row.coSignerCount,
    clusterSize: 0,
    repeat: row.repeatOfId !== null,
    welfareConcern: row.welfareConcern,
    missedDeadlines: row.missedDeadlines,
  });

  return await writeWarningChange(
    { actor, caseId, version: change.version, now },
    {
      warningLevel: change.level,
      warningOverride: change.level,
      warningOverrideReason: change.reason,
      ...targets,
      nextTargetDueAt: nextTargetDue(targets, row),
    },
    { type: 'WARNING_OVERRIDDEN', message: change.reason, data: { from: row.warningLevel, to: change.level, rulesSay: assessed.level } },
    async (tx) => {
      await audit(
        {
          action: 'warning.overridden',
          actorId: actor.id,
          targetType: 'Case',
          targetId: caseId,
          ipAddress,
          details: { receiptNo: row.receiptNo, from: row.warningLevel, to: change.level },
        },
        tx,
      );
      // A level raised to orange or red alerts the unit and the supervisors.
      if ((change.level === 'ORANGE' || change.level === 'RED') && levelRank(change.level) > levelRank(row.warningLevel)) {
        await queueStaffMessages(
          tx,
          await warningAlertRecipients(tx, row.unitId),
          'warningAlert',
          'staff.warningAlert',
          `${caseId}:${change.level}:v${change.version + 1}`,
          { caseId, level: change.level, data: { level: change.level, reasons: ['override'] } },
        );
      }
      if (row.clusterId) await refreshClusterLevels(tx, [row.clusterId]);
    },
  );
}

/** Records a milestone; a later milestone also meets the earlier targets (a result is a response). */
export async function recordMilestone(
  actor: Actor,
  caseId: string,
  change: Extract<WarningChange, { intent: 'milestone' }>,
  now = new Date(),
): Promise<WarningOutcome> {
  const row = await caseForActor(actor, caseId);
  if (!canRecordMilestone(actor, scopeOf(row))) throw new ForbiddenError('milestone');
  if (!warningChanges(actor, scopeOf(row), row.status).milestone) return refusedFor('notAllowedNow', 422);
  const met = { respondedAt: row.respondedAt, progressAt: row.progressAt, resultAt: row.resultAt };
  const updates = milestoneUpdates(change.milestone, met, now);
  if (Object.keys(updates).length === 0) return refusedFor('alreadyRecorded', 422);
  const after = { ...met, ...updates };

  return await writeWarningChange(
    { actor, caseId, version: change.version, now },
    { ...updates, nextTargetDueAt: nextTargetDue(row, after) },
    { type: 'MILESTONE_RECORDED', message: change.note || null, data: { milestone: change.milestone, level: row.warningLevel } },
    // Like every staff change, this ends an override (the rules apply again).
    async (tx) => await reassessWarnings(tx, [caseId], now, { clearOverride: true, actorId: actor.id }),
  );
}
