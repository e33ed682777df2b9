// The hourly deadline sweep and the daily digest, against the real database: a missed deadline is
// counted once however often and however many instances sweep, and it raises the level.
import { describe, expect, it } from 'vitest';
import { runDeadlineSweep } from '#app/jobs/deadline-sweep.server.ts';
import { queueOverdueDigest } from '#app/jobs/overdue-digest.server.ts';
import { db } from '#app/platform/db.server.ts';
import { civilDateIn, isoDate } from '#app/platform/time/civil-date.ts';
import { staffUser } from '../support/fixtures.ts';
import { isolatedCase } from '../support/notifications.ts';

const DAY = 86_400_000;

/** A case received `daysAgo` days ago, assigned to a handler of its unit (so exactly one person is told). */
async function caseReceived(daysAgo: number, coSignerCount = 1) {
  const receivedAt = new Date(Date.now() - daysAgo * DAY);
  const c = await isolatedCase({ now: receivedAt, overrides: { coSignerCount } });
  const handler = await staffUser('HANDLER', 'human-resources');
  await db().case.update({ where: { id: c.row.id }, data: { assigneeId: handler.user.id } });
  return { ...c, handler };
}

function isOverdueNotice(message: { template: string; data: unknown }): boolean {
  return message.template === 'staff.dueSoon' && (message.data as { overdue?: boolean }).overdue === true;
}

async function sweepState(caseId: string) {
  const row = await db().case.findUniqueOrThrow({ where: { id: caseId } });
  const events = await db().caseEvent.findMany({ where: { caseId, type: 'DEADLINE_MISSED' } });
  const messages = await db().outboxMessage.findMany({ where: { caseId }, orderBy: { dedupeKey: 'asc' } });
  return { row, events, messages, keys: messages.map((m) => m.dedupeKey) };
}

describe('deadline sweep', () => {
  it('marks a missed statutory deadline once, raises the level, and tells the case’s worker once', async () => {
    // Yellow (3 co-signers), received 20 days ago: the 15-day acceptance deadline has passed.
    const c = await caseReceived(20, 3);
    expect(c.row.warningLevel).toBe('YELLOW');
    const dueAt = c.row.nextDueAt!;
    expect(dueAt.getTime()).toBeLessThan(Date.now());

    const first = await runDeadlineSweep({ caseIds: [c.row.id] });
    expect(first.missed).toBe(1);
    const after = await sweepState(c.row.id);
    expect(after.row.missedDeadlines).toBe(1);
    expect(after.row.missedDueAt?.getTime()).toBe(dueAt.getTime());
    expect(after.row.warningLevel).toBe('ORANGE');
    expect(after.row.warningReasons).toContain('deadlineMissed');
    expect(after.events).toHaveLength(1);
    expect(after.events[0]).toMatchObject({
      visibility: 'INTERNAL',
      actorType: 'SYSTEM',
      data: { deadline: 'acceptance', dueAt: dueAt.toISOString() },
    });
    // The overdue notice to the assignee, and the orange alert (the level rose to orange).
    const overdue = after.messages.filter(isOverdueNotice);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      staffId: c.handler.user.id,
      data: { deadline: 'acceptance', dueAt: dueAt.toISOString(), overdue: true },
    });
    expect(after.messages.some((m) => m.template === 'staff.warningAlert' && m.dedupeKey.endsWith(`${c.row.id}:ORANGE`))).toBe(true);
    // Orange restarts the response target (1 day), which is due soon: a reminder of that too.
    expect(
      after.messages
        .filter((m) => m.template === 'staff.dueSoon' && !isOverdueNotice(m))
        .map((m) => (m.data as { deadline: string }).deadline),
    ).toEqual(['response']);
    expect(await db().caseEvent.count({ where: { caseId: c.row.id, type: 'WARNING_LEVEL_CHANGED' } })).toBe(2);

    // A second sweep, and three at once: nothing more happens.
    const again = await runDeadlineSweep({ caseIds: [c.row.id] });
    const together = await Promise.all([1, 2, 3].map(() => runDeadlineSweep({ caseIds: [c.row.id] })));
    expect(again.missed + together.reduce((n, r) => n + r.missed, 0)).toBe(0);
    const final = await sweepState(c.row.id);
    expect(final.row.missedDeadlines).toBe(1);
    expect(final.events).toHaveLength(1);
    expect(final.keys).toEqual(after.keys);
    expect(await db().caseEvent.count({ where: { caseId: c.row.id, type: 'WARNING_LEVEL_CHANGED' } })).toBe(2);
  });

  it('several instances sweeping at once process each case exactly once', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => caseReceived(30)));
    const ids = cases.map((c) => c.row.id);
    // Small batches, so the instances really interleave and skip each other's locked rows.
    const reports = await Promise.all([1, 2, 3, 4].map(() => runDeadlineSweep({ caseIds: ids, batchSize: 2 })));
    expect(reports.reduce((n, r) => n + r.missed, 0)).toBe(6);
    for (const c of cases) {
      const state = await sweepState(c.row.id);
      expect(state.row.missedDeadlines).toBe(1);
      expect(state.row.warningLevel).toBe('BLUE');
      expect(state.events).toHaveLength(1);
      expect(state.messages.filter(isOverdueNotice)).toHaveLength(1);
    }
  });

  it('counts the next deadline again once it too is missed, but leaves finished cases alone', async () => {
    const c = await caseReceived(20);
    await runDeadlineSweep({ caseIds: [c.row.id] });
    // Accepted late; the reply deadline has now passed as well (set directly to stand in for 60 days).
    const replyDueAt = new Date(Date.now() - DAY);
    await db().case.update({ where: { id: c.row.id }, data: { status: 'ACCEPTED', replyDueAt, nextDueAt: replyDueAt } });
    await runDeadlineSweep({ caseIds: [c.row.id] });
    await runDeadlineSweep({ caseIds: [c.row.id] });
    const state = await sweepState(c.row.id);
    expect(state.row.missedDeadlines).toBe(2);
    expect(state.row.warningLevel).toBe('YELLOW');
    expect(state.events.map((e) => (e.data as { deadline: string }).deadline)).toEqual(['acceptance', 'reply']);

    const closed = await caseReceived(20);
    await db().case.update({ where: { id: closed.row.id }, data: { status: 'NOT_ACCEPTED' } });
    expect((await runDeadlineSweep({ caseIds: [closed.row.id] })).missed).toBe(0);
    expect((await sweepState(closed.row.id)).row.missedDeadlines).toBe(0);
  });

  it('reminds of deadlines and response targets due within 3 days, once per case and deadline', async () => {
    // Received 13 days ago: acceptance is due in about 2 days. Orange (6 co-signers): a response within 1 day.
    const c = await caseReceived(13, 6);
    expect(c.row.warningLevel).toBe('ORANGE');
    await db().case.update({
      where: { id: c.row.id },
      data: { responseDueAt: new Date(Date.now() + 5 * 3_600_000), nextTargetDueAt: new Date(Date.now() + 5 * 3_600_000) },
    });

    const first = await runDeadlineSweep({ caseIds: [c.row.id] });
    expect(first).toEqual({ missed: 0, reminders: 2, closed: 0, checkIns: 0, supervisionSettled: 0 });
    const reminders = (await sweepState(c.row.id)).messages.filter((m) => m.template === 'staff.dueSoon');
    expect(reminders.map((m) => (m.data as { deadline: string }).deadline).sort()).toEqual(['acceptance', 'response']);
    expect(reminders.every((m) => m.staffId === c.handler.user.id && (m.data as { overdue: boolean }).overdue === false)).toBe(true);

    const again = await Promise.all([1, 2].map(() => runDeadlineSweep({ caseIds: [c.row.id] })));
    expect(again.map((r) => r.reminders)).toEqual([0, 0]);
    expect((await sweepState(c.row.id)).messages.filter((m) => m.template === 'staff.dueSoon')).toHaveLength(2);
  });

  it('respects a handler who turned reminders off', async () => {
    const c = await caseReceived(13);
    await db().staffUser.update({ where: { id: c.handler.user.id }, data: { mutedNotifications: ['dueSoon'] } });
    expect((await runDeadlineSweep({ caseIds: [c.row.id] })).reminders).toBe(0);
  });
});

describe('overdue digest', () => {
  it('queues one digest per supervisor per day, listing the overdue cases', async () => {
    // Received ten years ago: it heads the list of overdue cases, however many other tests left.
    const c = await caseReceived(3650);
    const supervisor = await staffUser('SUPERVISOR');
    const muted = await staffUser('SUPERVISOR');
    await db().staffUser.update({ where: { id: muted.user.id }, data: { mutedNotifications: ['overdueDigest'] } });
    // Yesterday at noon in Shanghai (04:00 UTC): "now" and a minute later fall on the same service
    // day, wherever in the day the suite runs (just before 16:00 UTC they did not).
    const today = new Date();
    const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1, 4));

    const first = await queueOverdueDigest({ now });
    expect(first.date).toBe(isoDate(civilDateIn(now, 'Asia/Shanghai')));
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    const again = await Promise.all([queueOverdueDigest({ now }), queueOverdueDigest({ now: new Date(now.getTime() + 60_000) })]);
    expect(again.map((r) => r.queued)).toEqual([0, 0]);

    const digests = await db().outboxMessage.findMany({
      where: { template: 'staff.overdueDigest', staffId: { in: [supervisor.user.id, muted.user.id] } },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.dedupeKey).toBe(`staff.overdueDigest:${supervisor.user.id}:${first.date}`);
    const data = digests[0]!.data as { digest: { date: string; total: number; cases: { id: string; receiptNo: string }[] } };
    expect(data.digest.total).toBe(first.overdue);
    expect(data.digest.cases.length).toBe(Math.min(first.overdue, 50));
    expect(data.digest.cases[0]).toMatchObject({ id: c.row.id, receiptNo: c.row.receiptNo });
    // Receipt numbers and ids only: nothing about the citizens.
    expect(JSON.stringify(data)).not.toContain(c.submission.name!);
  });
});
