// 督办 against real PostgreSQL (arts. 44, 45): a case that missed its statutory date becomes a
// supervision item of the unit above its unit, due in five working days, once however many sweeps
// run; its supervisors hear of it; it shows in their view and on the case page; and it closes when
// the missed step is done.
import { describe, expect, it } from 'vitest';
import { casePageData } from '#app/features/cases/case-page.server.ts';
import { QueueFilters, queuePage } from '#app/features/cases/queue.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { runDeadlineSweep } from '#app/jobs/deadline-sweep.server.ts';
import { db } from '#app/platform/db.server.ts';
import { staffUser, unitId } from '../support/fixtures.ts';
import { isolatedCase } from '../support/notifications.ts';

const DAY = 86_400_000;

/** A case received 20 days ago in the human-resources unit: its 15 days to decide have passed. */
async function lapsedCase() {
  const { row } = await isolatedCase({ now: new Date(Date.now() - 20 * DAY) });
  await db().case.update({ where: { id: row.id }, data: { unitId: await unitId('human-resources') } });
  return await db().case.findUniqueOrThrow({ where: { id: row.id } });
}

describe('supervision items (督办)', () => {
  it('opens once on a missed date, for the supervisors of the unit above, and closes when the step is done', async () => {
    const bureau = await unitId('bureau');
    const above = await staffUser('SUPERVISOR', 'bureau');
    const c = await lapsedCase();

    const now = new Date();
    const reports = await Promise.all([1, 2, 3].map(() => runDeadlineSweep({ now, caseIds: [c.id] })));
    expect(reports.reduce((sum, r) => sum + r.missed, 0)).toBe(1);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.supervisionUnitId).toBe(bureau);
    expect(row.supervisionOpenedAt).toEqual(now);
    // Five working days: at least a week of calendar time, and never more than a fortnight with holidays.
    expect(row.supervisionDueAt!.getTime() - now.getTime()).toBeGreaterThanOrEqual(5 * DAY);
    expect(await db().caseEvent.findMany({ where: { caseId: c.id, type: 'SUPERVISION_OPENED' } })).toMatchObject([
      { visibility: 'INTERNAL', actorType: 'SYSTEM', data: { unitId: bureau, deadline: 'acceptance' } },
    ]);
    const told = await db().outboxMessage.findMany({ where: { caseId: c.id, template: 'staff.supervision' } });
    expect(told.map((m) => m.staffId)).toContain(above.user.id);
    // Only the supervisors of the unit above: not the whole office's.
    const recipients = await db().staffUser.findMany({ where: { id: { in: told.map((m) => m.staffId!) } }, select: { unitId: true } });
    expect(recipients.every((r) => r.unitId === bureau)).toBe(true);

    // In the supervisors' view, and among the case page's dates (arts. 44, 45).
    const view = await queuePage(above.actor, QueueFilters.parse({ supervision: '1' }), now, 500);
    expect(view.rows.some((r) => r.id === c.id)).toBe(true);
    const page = await casePageData(above.actor, c.id, 'zh-Hans', now);
    expect(page.deadlines.find((d) => d.kind === 'supervision')).toMatchObject({ article: '44, 45', active: true });

    // A later sweep while the step is still undone keeps it open.
    expect((await runDeadlineSweep({ now: new Date(now.getTime() + 3_600_000), caseIds: [c.id] })).supervisionSettled).toBe(0);

    // The clerk decides: the step is done, and the next sweep closes the item.
    const clerk = await staffUser('CLERK');
    const accepted = await performCaseAction(clerk.actor, c.id, row.version, { action: 'accept' });
    expect(accepted.ok).toBe(true);
    const later = new Date(now.getTime() + 2 * 3_600_000);
    expect((await runDeadlineSweep({ now: later, caseIds: [c.id] })).supervisionSettled).toBe(1);
    expect(await db().case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      supervisionOpenedAt: null,
      supervisionDueAt: null,
      supervisionUnitId: null,
    });
    expect(await db().caseEvent.findMany({ where: { caseId: c.id, type: 'SUPERVISION_CLOSED' } })).toMatchObject([
      { data: { late: false } },
    ]);
    const after = await queuePage(above.actor, QueueFilters.parse({ supervision: '1' }), later, 500);
    expect(after.rows.some((r) => r.id === c.id)).toBe(false);
  });

  it("goes to the office's supervisors when the unit has none above it", async () => {
    const { row } = await isolatedCase({ now: new Date(Date.now() - 20 * DAY) });
    await db().case.update({ where: { id: row.id }, data: { unitId: await unitId('bureau') } });
    const office = await staffUser('SUPERVISOR');
    await runDeadlineSweep({ caseIds: [row.id] });
    const c = await db().case.findUniqueOrThrow({ where: { id: row.id } });
    expect(c.supervisionOpenedAt).not.toBeNull();
    expect(c.supervisionUnitId).toBeNull();
    const told = await db().outboxMessage.findMany({ where: { caseId: row.id, template: 'staff.supervision' } });
    expect(told.map((m) => m.staffId)).toContain(office.user.id);
  });
});
