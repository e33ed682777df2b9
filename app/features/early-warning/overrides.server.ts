// Staff changes to a case's warning: overriding the level with a reason, and recording the
// milestones (responded, progress, result) that meet its response targets. Both are staff changes
// like any other: optimistic concurrency, an appended CaseEvent, and (for overrides) the audit log.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { CaseAccessError, CaseActionError, CaseConflictError, caseForActor, scopeOf } from '#app/features/cases/staff-actions.server.ts';
import { queueStaffMessages, warningAlertRecipients } from '#app/features/notifications/outbox.server.ts';
import { canOverrideWarning, canRecordMilestone, type Actor } from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { warningChanges } from './changes.ts';
import { assessWarning, milestoneUpdates, nextTargetDue, targetsAfterLevelChange, TARGET_KINDS, type TargetKind } from './levels.ts';
import { reassessWarnings, refreshClusterLevels } from './reassessment.server.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';

export const WarningChangeForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('override'),
    version: z.coerce.number().int().min(0),
    level: z.enum(WARNING_LEVELS, { error: 'level.required' }),
    reason: z.string().trim().min(1, 'reason.required').max(2000, 'reason.tooLong'),
  }),
  z.object({
    intent: z.literal('milestone'),
    version: z.coerce.number().int().min(0),
    milestone: z.enum(TARGET_KINDS as [TargetKind, ...TargetKind[]], { error: 'milestone.required' }),
    note: z.string().trim().max(2000, 'note.tooLong').default(''),
  }),
]);
export type WarningChange = z.infer<typeof WarningChangeForm>;

/** Sets the level by hand. The override wins over the rules until the next staff change. */
export async function overrideWarning(
  actor: Actor,
  caseId: string,
  change: Extract<WarningChange, { intent: 'override' }>,
  ipAddress: string | null,
  now = new Date(),
): Promise<void> {
  const row = await caseForActor(actor, caseId);
  if (!canOverrideWarning(actor, scopeOf(row))) throw new CaseAccessError(403);
  if (!warningChanges(actor, scopeOf(row), row.status).override) throw new CaseActionError('notAllowedNow');
  if (change.level === row.warningLevel) throw new CaseActionError('sameLevel');
  const targets = targetsAfterLevelChange(row.warningLevel, change.level, row, now, serviceTimeZone());
  const assessed = assessWarning({
    coSignerCount: row.coSignerCount,
    clusterSize: 0,
    repeat: row.repeatOfId !== null,
    welfareConcern: row.welfareConcern,
    missedDeadlines: row.missedDeadlines,
  });

  await db().$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: caseId, version: change.version },
      data: {
        warningLevel: change.level,
        warningOverride: change.level,
        warningOverrideReason: change.reason,
        ...targets,
        nextTargetDueAt: nextTargetDue(targets, row),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new CaseConflictError();
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'WARNING_OVERRIDDEN' satisfies CaseEventType,
        visibility: 'INTERNAL',
        actorType: 'STAFF',
        actorId: actor.id,
        message: change.reason,
        data: { from: row.warningLevel, to: change.level, rulesSay: assessed.level },
        createdAt: now,
      },
    });
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
    if (
      (change.level === 'ORANGE' || change.level === 'RED') &&
      WARNING_LEVELS.indexOf(change.level) > WARNING_LEVELS.indexOf(row.warningLevel)
    ) {
      await queueStaffMessages(
        tx,
        await warningAlertRecipients(tx, row.unitId),
        'warningAlert',
        'staff.warningAlert',
        `${caseId}:${change.level}:v${change.version + 1}`,
        {
          caseId,
          level: change.level,
          data: { level: change.level, reasons: ['override'] },
        },
      );
    }
    if (row.clusterId) await refreshClusterLevels(tx, [row.clusterId]);
  });
}

/** Records a milestone; a later milestone also meets the earlier targets (a result is a response). */
export async function recordMilestone(
  actor: Actor,
  caseId: string,
  change: Extract<WarningChange, { intent: 'milestone' }>,
  now = new Date(),
): Promise<void> {
  const row = await caseForActor(actor, caseId);
  if (!canRecordMilestone(actor, scopeOf(row))) throw new CaseAccessError(403);
  if (!warningChanges(actor, scopeOf(row), row.status).milestone) throw new CaseActionError('notAllowedNow');
  const met = { respondedAt: row.respondedAt, progressAt: row.progressAt, resultAt: row.resultAt };
  const updates = milestoneUpdates(change.milestone, met, now);
  if (Object.keys(updates).length === 0) throw new CaseActionError('alreadyRecorded');
  const after = { ...met, ...updates };

  await db().$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { id: caseId, version: change.version },
      data: { ...updates, nextTargetDueAt: nextTargetDue(row, after), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new CaseConflictError();
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'MILESTONE_RECORDED' satisfies CaseEventType,
        visibility: 'INTERNAL',
        actorType: 'STAFF',
        actorId: actor.id,
        message: change.note || null,
        data: { milestone: change.milestone, level: row.warningLevel },
        createdAt: now,
      },
    });
    // Like every staff change, this ends an override (the rules apply again).
    await reassessWarnings(tx, [caseId], now, { clearOverride: true, actorId: actor.id });
  });
}
