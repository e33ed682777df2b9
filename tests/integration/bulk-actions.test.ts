// Bulk triage from the queue: each case its own step (event, version check, message), cases the
// action does not fit skipped with why, and the roles checked for the action and for each case.
import { describe, expect, it } from 'vitest';
import { submitBulkAction } from '#app/features/cases/bulk-actions.server.ts';
import { selectionValue } from '#app/features/cases/bulk-actions.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import type { Submission } from '#app/features/cases/submission.ts';

const context = { ipAddress: '192.0.2.9' };

async function newCase(overrides: Partial<Submission> = {}, locale = 'zh-Hans') {
  const { receiptNo } = await submitCase(await validSubmission(overrides), { idempotencyKey: newIdempotencyKey(), locale });
  return await db().case.findUniqueOrThrow({ where: { receiptNo } });
}

function form(fields: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
  return params;
}

const ticks = (rows: { id: string; version: number }[]) => rows.map((r) => selectionValue(r.id, r.version));

describe('bulk accept and assign', () => {
  it('accepts and assigns each case with its own events and its own message to the handler, and skips the rest with why', async () => {
    const { actor: clerk } = await staffUser('CLERK');
    const { user: handler } = await staffUser('HANDLER', 'housing');
    const cases = await Promise.all([1, 2, 3, 4, 5].map(() => newCase()));
    const declined = await newCase();
    await performCaseAction(clerk, declined.id, 0, { action: 'decline', reason: 'OTHER', detail: '理由', referral: '去处' });
    const stale = await newCase();
    const outcome = await submitBulkAction(
      clerk,
      form({
        bulkAction: 'acceptAssign',
        cases: [...ticks(cases), selectionValue(declined.id, 1), selectionValue(stale.id, 7)],
        unitId: await unitId('housing'),
        assigneeId: handler.id,
      }),
      context,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.done.sort()).toEqual(cases.map((c) => c.receiptNo).sort());
    expect(outcome.result.skipped).toEqual(
      expect.arrayContaining([
        { receiptNo: declined.receiptNo, reason: 'notAllowedNow' },
        { receiptNo: stale.receiptNo, reason: 'changed' },
      ]),
    );
    for (const c of cases) {
      const row = await db().case.findUniqueOrThrow({ where: { id: c.id }, include: { events: { orderBy: { id: 'asc' } } } });
      expect(row.status).toBe('ACCEPTED');
      expect(row.assigneeId).toBe(handler.id);
      expect(row.events.map((e) => e.type)).toEqual(expect.arrayContaining(['ACCEPTED', 'ASSIGNED']));
      expect(row.events.filter((e) => e.actorId === clerk.id)).toHaveLength(2);
    }
    const messages = await db().outboxMessage.findMany({ where: { template: 'staff.assigned', staffId: handler.id } });
    expect(messages).toHaveLength(5);
    const untouched = await db().case.findUniqueOrThrow({ where: { id: stale.id } });
    expect(untouched.status).toBe('SUBMITTED');
  });

  it('refuses a handler of another unit on its field, before any case changes', async () => {
    const { actor: clerk } = await staffUser('CLERK');
    const { user: other } = await staffUser('HANDLER', 'education');
    const c = await newCase();
    const outcome = await submitBulkAction(
      clerk,
      form({ bulkAction: 'acceptAssign', cases: ticks([c]), unitId: await unitId('housing'), assigneeId: other.id }),
      context,
    );
    expect(outcome).toMatchObject({ ok: false, status: 422, errors: { assigneeId: 'assigneeNotInUnit' } });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('SUBMITTED');
  });

  it('asks for the cases and for what each action needs', async () => {
    const { actor: clerk } = await staffUser('CLERK');
    expect(await submitBulkAction(clerk, form({ bulkAction: 'accept' }), context)).toMatchObject({
      ok: false,
      errors: { cases: 'noneChosen' },
    });
    const c = await newCase();
    expect(await submitBulkAction(clerk, form({ bulkAction: 'assign', cases: ticks([c]) }), context)).toMatchObject({
      ok: false,
      errors: { unitId: 'required' },
    });
    expect(await submitBulkAction(clerk, form({ bulkAction: 'warning', cases: ticks([c]) }), context)).toMatchObject({
      ok: false,
      errors: { level: 'required', reason: 'required' },
    });
    expect(await submitBulkAction(clerk, form({ bulkAction: 'accept', cases: ['not-a-case'] }), context)).toMatchObject({ ok: false });
    expect(await submitBulkAction(clerk, form({ nothing: 'here' }), context)).toMatchObject({
      ok: false,
      status: 400,
      errors: { bulkAction: 'required' },
    });
  });
});

describe('bulk decline with a standard reason', () => {
  it('tells each citizen the reason and where to go instead, in their own language', async () => {
    const { actor: supervisor } = await staffUser('SUPERVISOR');
    const zh = await newCase({}, 'zh-Hans');
    const en = await newCase({}, 'en');
    const outcome = await submitBulkAction(
      supervisor,
      form({ bulkAction: 'decline', cases: ticks([zh, en]), declineReason: 'ARBITRATION' }),
      context,
    );
    expect(outcome.ok && outcome.result.done.length).toBe(2);
    const event = async (id: string) => (await db().caseEvent.findFirstOrThrow({ where: { caseId: id, type: 'DECLINED' } })).message ?? '';
    expect(await event(zh.id)).toContain('仲裁');
    expect(await event(en.id)).toContain('arbitration');
    expect((await db().case.findUniqueOrThrow({ where: { id: en.id } })).status).toBe('NOT_ACCEPTED');
  });
});

describe('bulk warning change and cluster', () => {
  it('raises the level of each case with the reason, audited', async () => {
    const { actor: clerk } = await staffUser('CLERK');
    const cases = [await newCase(), await newCase()];
    const outcome = await submitBulkAction(
      clerk,
      form({ bulkAction: 'warning', cases: ticks(cases), level: 'ORANGE', reason: '同一工地多人反映' }),
      context,
    );
    expect(outcome.ok && outcome.result.done.length).toBe(2);
    for (const c of cases) {
      const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
      expect(row.warningLevel).toBe('ORANGE');
      expect(row.warningOverrideReason).toBe('同一工地多人反映');
    }
    expect(await db().auditLog.count({ where: { action: 'warning.overridden', actorId: clerk.id } })).toBe(2);
  });

  it('puts cases into a new cluster, each with its event, and counts the cluster in their level', async () => {
    const { actor: clerk } = await staffUser('CLERK');
    const cases = [await newCase(), await newCase(), await newCase()];
    const outcome = await submitBulkAction(clerk, form({ bulkAction: 'cluster', cases: ticks(cases), clusterId: 'new' }), context);
    expect(outcome.ok && outcome.result.done.length).toBe(3);
    const rows = await db().case.findMany({ where: { id: { in: cases.map((c) => c.id) } } });
    const clusterIds = new Set(rows.map((r) => r.clusterId));
    expect(clusterIds.size).toBe(1);
    expect([...clusterIds][0]).not.toBeNull();
    // Three cases in a cluster: yellow (3–5).
    expect(rows.map((r) => r.warningLevel)).toEqual(['YELLOW', 'YELLOW', 'YELLOW']);
    expect(
      await db().caseEvent.count({ where: { caseId: { in: cases.map((c) => c.id) }, type: 'CLUSTER_JOINED', actorId: clerk.id } }),
    ).toBe(3);
  });
});

describe('who may use bulk actions', () => {
  it('refuses handlers, analysts and admins for every action, and skips cases a clerk cannot see', async () => {
    const c = await newCase();
    for (const role of ['HANDLER', 'ANALYST', 'ADMIN'] as const) {
      const { actor } = await staffUser(role, role === 'HANDLER' ? 'housing' : undefined);
      for (const bulkAction of ['accept', 'acceptAssign', 'assign', 'decline', 'cluster', 'warning']) {
        await expect(
          submitBulkAction(
            actor,
            form({
              bulkAction,
              cases: ticks([c]),
              unitId: await unitId('housing'),
              declineReason: 'LITIGATION',
              clusterId: 'new',
              level: 'RED',
              reason: 'x',
            }),
            context,
          ),
          `${role} ${bulkAction}`,
        ).rejects.toBeInstanceOf(ForbiddenError);
      }
    }
    const { actor: supervisor } = await staffUser('SUPERVISOR');
    const outcome = await submitBulkAction(
      supervisor,
      form({ bulkAction: 'accept', cases: [selectionValue('00000000-0000-4000-8000-00000000beef', 0)] }),
      context,
    );
    expect(outcome.ok && outcome.result.skipped).toEqual([{ receiptNo: null, reason: 'notFound' }]);
  });
});
