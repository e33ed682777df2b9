// Early warning against real PostgreSQL: cluster grouping, the level rules on submit, repeats,
// welfare, staff overrides and milestones, supervisors' cluster changes and the board.
import { describe, expect, it } from 'vitest';
import { officeQueue } from '#app/features/cases/queue.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { boardCaseIds } from '#app/features/early-warning/board.ts';
import { changeCluster, clusterPage, earlyWarningBoard } from '#app/features/early-warning/clusters.server.ts';
import { overrideWarning, recordMilestone } from '#app/features/early-warning/overrides.server.ts';
import { putSetting } from '#app/features/settings/settings.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { civilDateIn, isoDate } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { anyCategoryId, newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import type { Submission } from '#app/features/cases/submission.ts';

const LIFT = '幸福小区的电梯坏了半年，物业一直不修，老人上下楼非常困难，请督促物业尽快维修电梯';
const LIFT_AGAIN = '幸福小区电梯坏了半年多，物业不修，老人上下楼困难，希望督促尽快维修电梯';
const LIGHTS = '和平路上的路灯已经三个月不亮了，晚上出行很危险';

/** A fresh area per test keeps each test's cases apart from every other test's. */
function freshArea(): string {
  return `测试区-${newIdempotencyKey()}`;
}

async function submit(overrides: Partial<Submission>, now?: Date) {
  const receipt = await submitCase(await validSubmission({ phone: null, email: null, ...overrides }), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    now,
  });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  return { receipt, row };
}

async function reload(id: string) {
  return await db().case.findUniqueOrThrow({ where: { id } });
}

describe('cluster grouping', () => {
  it('puts similar letters of the same category and area in one cluster, and nothing else', async () => {
    const area = freshArea();
    const a = await submit({ area, subject: '电梯坏了', body: LIFT });
    expect(a.row.clusterId).toBeNull();
    const b = await submit({ area, subject: '电梯坏了', body: LIFT_AGAIN });
    const first = await reload(a.row.id);
    expect(b.row.clusterId).not.toBeNull();
    expect(first.clusterId).toBe(b.row.clusterId);

    // Different text, same area and category: no cluster.
    const lights = await submit({ area, subject: '路灯不亮', body: LIGHTS });
    expect(lights.row.clusterId).toBeNull();
    // Same text, another area: no cluster.
    const elsewhere = await submit({ area: freshArea(), subject: '电梯坏了', body: LIFT });
    expect(elsewhere.row.clusterId).toBeNull();
    // Same text and area, another category: no cluster.
    const otherCategory = await submit({ area, subject: '电梯坏了', body: LIFT, categoryId: await anyCategoryId('housing') });
    expect(otherCategory.row.clusterId).toBeNull();

    // A third similar letter joins the same cluster and every member turns yellow (3 cases).
    const c = await submit({ area, subject: '电梯坏了', body: LIFT });
    expect(c.row.clusterId).toBe(b.row.clusterId);
    for (const id of [a.row.id, b.row.id, c.row.id]) {
      const row = await reload(id);
      expect(row.warningLevel).toBe('YELLOW');
      expect(row.warningReasons).toContain('cluster');
      expect(row.responseDueAt).not.toBeNull();
    }
    const events = await db().caseEvent.findMany({
      where: { caseId: a.row.id, type: { in: ['CLUSTER_JOINED', 'WARNING_LEVEL_CHANGED'] } },
    });
    expect(events.map((e) => e.type).sort()).toEqual(['CLUSTER_JOINED', 'WARNING_LEVEL_CHANGED']);
  });

  it('only looks back 30 days', async () => {
    const area = freshArea();
    const now = new Date();
    const old = await submit({ area, subject: '电梯坏了', body: LIFT }, new Date(now.getTime() - 31 * 86_400_000));
    const recent = await submit({ area, subject: '电梯坏了', body: LIFT }, now);
    expect(recent.row.clusterId).toBeNull();
    expect((await reload(old.row.id)).clusterId).toBeNull();
  });

  it('does not group when an admin turns clustering off', async () => {
    const area = freshArea();
    await putSetting('clustering', { enabled: false, similarity: 0.3 }, null);
    try {
      await submit({ area, subject: '电梯坏了', body: LIFT });
      const second = await submit({ area, subject: '电梯坏了', body: LIFT });
      expect(second.row.clusterId).toBeNull();
    } finally {
      await putSetting('clustering', { enabled: true, similarity: 0.3 }, null);
    }
  });

  it('starts one cluster, not two, when similar letters arrive at the same moment', async () => {
    const area = freshArea();
    const seed = await submit({ area, subject: '电梯坏了', body: LIFT });
    const rows = await Promise.all(Array.from({ length: 4 }, () => submit({ area, subject: '电梯坏了', body: LIFT })));
    const clusters = new Set([...(await Promise.all([seed, ...rows].map((r) => reload(r.row.id)))).map((r) => r.clusterId)]);
    expect(clusters.size).toBe(1);
    expect([...clusters][0]).not.toBeNull();
  });
});

describe('levels on submit', () => {
  it('12 co-signers make a red case, with targets and alerts to the unit and supervisors', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const handler = await staffUser('HANDLER', 'human-resources');
    const { row } = await submit({ area: freshArea(), coSignerCount: 12 });
    expect(row.warningLevel).toBe('RED');
    expect(row.warningReasons).toEqual(['coSigners']);
    expect(row.responseDueAt).not.toBeNull();
    expect(row.progressDueAt).not.toBeNull();
    expect(row.resultDueAt).not.toBeNull();
    expect(row.nextTargetDueAt).toEqual(row.responseDueAt);
    const alerts = await db().outboxMessage.findMany({ where: { caseId: row.id, template: 'staff.warningAlert' } });
    const recipients = alerts.map((a) => a.staffId);
    expect(recipients).toContain(supervisor.user.id);
    expect(recipients).toContain(handler.user.id);
  });

  it('a letter with signs of self-harm is red, says so, and reaches supervisors who muted alerts', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    await db().staffUser.update({
      where: { id: supervisor.user.id },
      data: { mutedNotifications: ['warningAlert', 'assignment', 'dueSoon', 'overdueDigest'] },
    });
    const { receipt, row } = await submit({ area: freshArea(), body: '拖欠工资半年，家里没钱看病，我实在活不下去了。' });
    expect(receipt.welfareConcern).toBe(true);
    expect(row.welfareConcern).toBe(true);
    expect(row.warningLevel).toBe('RED');
    expect(row.warningReasons).toEqual(['welfare']);
    const alert = await db().outboxMessage.findFirst({
      where: { caseId: row.id, staffId: supervisor.user.id, template: 'staff.warningAlert' },
    });
    expect(alert).not.toBeNull();
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: row.id, type: 'WARNING_LEVEL_CHANGED' } });
    expect(event.visibility).toBe('INTERNAL');
    expect(event.data).toMatchObject({ to: 'RED', matches: ['活不下去'] });
  });

  it('a muted orange alert is not queued, but the red one is', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    await db().staffUser.update({ where: { id: supervisor.user.id }, data: { mutedNotifications: ['warningAlert'] } });
    const orange = await submit({ area: freshArea(), coSignerCount: 7 });
    expect(orange.row.warningLevel).toBe('ORANGE');
    expect(await db().outboxMessage.count({ where: { caseId: orange.row.id, staffId: supervisor.user.id } })).toBe(0);
  });

  it('the same person on the same issue again is blue', async () => {
    const area = freshArea();
    const phone = `139${String(Date.now()).slice(-8)}`;
    const first = await submit({ area, phone, subject: '电梯坏了', body: LIFT });
    expect(first.row.warningLevel).toBe('NONE');
    await putSetting('clustering', { enabled: false, similarity: 0.3 }, null);
    try {
      const again = await submit({ area, phone, subject: '电梯还是坏的', body: LIFT_AGAIN });
      expect(again.row.repeatOfId).toBe(first.row.id);
      expect(again.row.warningLevel).toBe('BLUE');
      expect(again.row.warningReasons).toEqual(['repeat']);
      // Someone else with the same words is not a repeat.
      const other = await submit({ area, phone: '13700000001', subject: '电梯坏了', body: LIFT });
      expect(other.row.repeatOfId).toBeNull();
      // The same person on another issue is not a repeat.
      const lights = await submit({ area, phone, subject: '路灯不亮', body: LIGHTS });
      expect(lights.row.repeatOfId).toBeNull();
    } finally {
      await putSetting('clustering', { enabled: true, similarity: 0.3 }, null);
    }
  });
});

describe('staff overrides and milestones', () => {
  it('an override wins until the next staff change, and is audited', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const { row } = await submit({ area: freshArea(), coSignerCount: 12 });
    await overrideWarning(
      supervisor.actor,
      row.id,
      { intent: 'override', version: row.version, level: 'YELLOW', reason: '已核实只涉及一户' },
      '127.0.0.1',
    );
    const lowered = await reload(row.id);
    expect(lowered.warningLevel).toBe('YELLOW');
    expect(lowered.warningOverride).toBe('YELLOW');
    expect(lowered.version).toBe(row.version + 1);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: row.id, type: 'WARNING_OVERRIDDEN' } });
    expect(event).toMatchObject({ actorId: supervisor.user.id, message: '已核实只涉及一户', visibility: 'INTERNAL' });
    expect(await db().auditLog.count({ where: { action: 'warning.overridden', targetId: row.id, actorId: supervisor.user.id } })).toBe(1);

    // The next staff change lets the rules speak again.
    await performCaseAction(supervisor.actor, row.id, lowered.version, { action: 'note', message: '已电话联系' });
    const after = await reload(row.id);
    expect(after.warningOverride).toBeNull();
    expect(after.warningOverrideReason).toBeNull();
    expect(after.warningLevel).toBe('RED');
  });

  it('needs a different level, a current version and the right role', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const handler = await staffUser('HANDLER', 'human-resources');
    const { row } = await submit({ area: freshArea(), coSignerCount: 4 });
    await expect(
      overrideWarning(supervisor.actor, row.id, { intent: 'override', version: row.version, level: 'YELLOW', reason: 'x' }, null),
    ).resolves.toMatchObject({ ok: false, status: 422, formError: 'sameLevel' });
    await expect(
      overrideWarning(handler.actor, row.id, { intent: 'override', version: row.version, level: 'RED', reason: 'x' }, null),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      overrideWarning(supervisor.actor, row.id, { intent: 'override', version: row.version + 5, level: 'RED', reason: 'x' }, null),
    ).resolves.toMatchObject({ ok: false, status: 409, formError: 'conflict' });
    expect((await reload(row.id)).warningLevel).toBe('YELLOW');
  });

  it('recording milestones meets the targets in order', async () => {
    const handler = await staffUser('HANDLER', 'human-resources');
    const { row } = await submit({ area: freshArea(), coSignerCount: 11 });
    await recordMilestone(handler.actor, row.id, { intent: 'milestone', version: row.version, milestone: 'response', note: '' });
    const responded = await reload(row.id);
    expect(responded.respondedAt).not.toBeNull();
    expect(responded.nextTargetDueAt).toEqual(responded.progressDueAt);
    await recordMilestone(handler.actor, row.id, { intent: 'milestone', version: responded.version, milestone: 'result', note: '已解决' });
    const done = await reload(row.id);
    expect(done.progressAt).not.toBeNull();
    expect(done.resultAt).not.toBeNull();
    expect(done.nextTargetDueAt).toBeNull();
    await expect(
      recordMilestone(handler.actor, row.id, { intent: 'milestone', version: done.version, milestone: 'progress', note: '' }),
    ).resolves.toMatchObject({ ok: false, status: 422, formError: 'alreadyRecorded' });
    expect(await db().caseEvent.count({ where: { caseId: row.id, type: 'MILESTONE_RECORDED' } })).toBe(2);
  });

  it('a closed case has no open target', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const { row } = await submit({ area: freshArea(), coSignerCount: 8 });
    await performCaseAction(supervisor.actor, row.id, row.version, {
      action: 'decline',
      reason: 'OUTSIDE_REMIT',
      detail: '',
      referral: '请向法院起诉',
    });
    expect((await reload(row.id)).nextTargetDueAt).toBeNull();
  });
});

describe('clusters: supervisors confirm, split, dissolve and reply', () => {
  async function clusterOf(count: number) {
    const area = freshArea();
    const rows = [];
    for (let i = 0; i < count; i++) rows.push((await submit({ area, subject: '电梯坏了', body: LIFT })).row);
    const clusterId = (await reload(rows[0]!.id)).clusterId!;
    expect(clusterId).not.toBeNull();
    return { clusterId, ids: rows.map((r) => r.id) };
  }

  it('confirm, then split: both halves are reassessed', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const { clusterId, ids } = await clusterOf(6);
    expect((await reload(ids[0]!)).warningLevel).toBe('ORANGE');
    await changeCluster(supervisor.actor, clusterId, { intent: 'confirm' });
    expect((await db().caseCluster.findUniqueOrThrow({ where: { id: clusterId } })).confirmed).toBe(true);

    const split = await changeCluster(supervisor.actor, clusterId, { intent: 'split', caseIds: ids.slice(0, 3) });
    const newClusterId = split.ok ? split.newClusterId : undefined;
    expect(newClusterId).toBeDefined();
    for (const id of ids) expect((await reload(id)).warningLevel).toBe('YELLOW');
    expect(await db().case.count({ where: { clusterId: newClusterId } })).toBe(3);
    await expect(changeCluster(supervisor.actor, clusterId, { intent: 'split', caseIds: ids.slice(3) })).resolves.toMatchObject({
      ok: false,
      status: 422,
      errors: { caseIds: 'all' },
    });
  });

  it('dissolve: the cases no longer count together', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const { clusterId, ids } = await clusterOf(3);
    await changeCluster(supervisor.actor, clusterId, { intent: 'dissolve' });
    for (const id of ids) {
      const row = await reload(id);
      expect(row.clusterId).toBeNull();
      expect(row.warningLevel).toBe('NONE');
      expect(row.nextTargetDueAt).toBeNull();
    }
    await expect(changeCluster(supervisor.actor, clusterId, { intent: 'confirm' })).resolves.toMatchObject({
      ok: false,
      status: 422,
      formError: 'clusterDissolved',
    });
  });

  it('one coordinated reply reaches every case that can take one, each on its own timeline', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const { clusterId, ids } = await clusterOf(3);
    for (const id of ids.slice(0, 2)) {
      const row = await reload(id);
      await performCaseAction(supervisor.actor, id, row.version, { action: 'accept' });
    }
    const replied = await changeCluster(supervisor.actor, clusterId, {
      intent: 'reply',
      outcome: 'UPHELD',
      reasons: '电梯已超过使用年限。',
      legalBasis: '《特种设备安全法》第四十八条',
      legalReferences: '《特种设备安全法》第四十八条',
      message: '物业已承诺本月内更换电梯。',
    });
    const reply = replied.ok ? replied.reply : undefined;
    expect(reply?.replied).toHaveLength(2);
    expect(reply?.skipped).toEqual([{ receiptNo: (await reload(ids[2]!)).receiptNo, reason: 'notReplyable' }]);
    for (const id of ids.slice(0, 2)) {
      const row = await reload(id);
      expect([row.status, row.legalReferences]).toEqual(['REPLIED', [{ law: '特种设备安全法', article: 48, paragraph: null }]]);
      expect(await db().caseEvent.count({ where: { caseId: id, type: 'REPLY_PUBLISHED', message: '物业已承诺本月内更换电梯。' } })).toBe(1);
      // Each claim of each case gets the coordinated outcome and reasons (逐条).
      expect(await db().caseClaim.findMany({ where: { caseId: id }, select: { outcome: true, reasons: true } })).toEqual([
        { outcome: 'UPHELD', reasons: '电梯已超过使用年限。' },
      ]);
    }
  });

  it('refuses a coordinated reply whose articles it cannot read, before answering any case', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const { clusterId, ids } = await clusterOf(2);
    const row = await reload(ids[0]!);
    await performCaseAction(supervisor.actor, ids[0]!, row.version, { action: 'accept' });
    const refused = await changeCluster(supervisor.actor, clusterId, {
      intent: 'reply',
      outcome: 'UPHELD',
      reasons: '电梯已超过使用年限。',
      legalBasis: '《特种设备安全法》第四十八条',
      legalReferences: '特种设备安全法',
      message: '物业已承诺本月内更换电梯。',
    });
    expect(refused).toMatchObject({ ok: false, status: 422, errors: { legalReferences: 'format' } });
    expect((await reload(ids[0]!)).status).toBe('ACCEPTED');
  });

  it('only supervisors change clusters; handlers do not see them', async () => {
    const { clusterId } = await clusterOf(2);
    const clerk = await staffUser('CLERK');
    const handler = await staffUser('HANDLER', 'human-resources');
    await expect(changeCluster(clerk.actor, clusterId, { intent: 'dissolve' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeCluster(handler.actor, clusterId, { intent: 'confirm' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(clusterPage(handler.actor, clusterId)).rejects.toBeInstanceOf(ForbiddenError);
    const page = await clusterPage(clerk.actor, clusterId);
    expect(page.size).toBe(2);
    expect(page.canManage).toBe(false);
    expect(page.newLast24h).toBe(2);
    expect((await db().caseCluster.findUniqueOrThrow({ where: { id: clusterId } })).dissolvedAt).toBeNull();
  });
});

describe('“My cases”', () => {
  it('pins a case with signs of self-harm above the person’s other cases', async () => {
    const handler = await staffUser('HANDLER', 'human-resources');
    const area = freshArea();
    const overdue = await submit({ area, subject: '路灯不亮', body: LIGHTS }, new Date(Date.now() - 20 * 86_400_000));
    const danger = await submit({ area, subject: '工资', body: '老板拖欠我工资一年了，我实在活不下去了。' });
    // Both are the handler's, the ordinary one more overdue than the other.
    await db().case.updateMany({ where: { id: { in: [overdue.row.id, danger.row.id] } }, data: { assigneeId: handler.user.id } });
    const mine = await officeQueue(handler.actor, new URLSearchParams({ view: 'mine' }), 'zh-Hans');
    expect(mine.rows.map((r) => [r.id, r.pinned])).toEqual([
      [danger.row.id, true],
      [overdue.row.id, false],
    ]);
  });
});

describe('the early-warning board', () => {
  it('lists open orange and red cases by their next target, and only the unit’s own for handlers', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const housingHandler = await staffUser('HANDLER', 'housing');
    const red = await submit({ area: freshArea(), coSignerCount: 15 });
    const orange = await submit({ area: freshArea(), coSignerCount: 7 });
    const yellow = await submit({ area: freshArea(), coSignerCount: 4 });
    const board = await earlyWarningBoard(supervisor.actor);
    const ids = boardCaseIds(board.entries);
    expect(ids).toContain(red.row.id);
    expect(ids).toContain(orange.row.id);
    expect(ids).not.toContain(yellow.row.id);
    // After the pinned cases, by the day the next target falls due: red is due the same day, orange
    // within 24 hours, so red comes first unless the day is nearly over.
    const days = board.entries
      .filter((e) => !(e.kind === 'case' && e.pinned))
      .map((e) => (e.kind === 'case' ? e.case.nextTargetDueAt : e.cluster.nextTargetDueAt))
      .map((at) => (at ? isoDate(civilDateIn(at, serviceTimeZone())) : '9999-12-31'));
    expect([...days].sort()).toEqual(days);
    // Wage arrears go to the human-resources unit, so a housing handler sees none of them.
    const theirs = await earlyWarningBoard(housingHandler.actor);
    expect(boardCaseIds(theirs.entries)).not.toContain(red.row.id);
    expect(theirs.canSeeClusters).toBe(false);
    expect(theirs.entries.filter((e) => e.kind === 'cluster')).toEqual([]);
  });

  it('puts a case with signs of self-harm first and shows a cluster as one entry, not as its cases', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const handler = await staffUser('HANDLER', 'human-resources');
    const area = freshArea();
    // The walkthrough: six near-identical letters of one cluster (orange), and a letter among them
    // with signs of self-harm, received last.
    const members = [];
    for (let i = 0; i < 6; i++) members.push((await submit({ area, subject: '电梯坏了', body: LIFT })).row);
    const danger = (await submit({ area, subject: '电梯坏了', body: `${LIFT}。我实在活不下去了。` })).row;
    const clusterId = (await reload(danger.id)).clusterId;
    expect(clusterId).not.toBeNull();
    const cluster = await Promise.all(members.map((m) => reload(m.id)));
    expect(cluster.map((m) => [m.clusterId, m.warningLevel])).toEqual(members.map(() => [clusterId, 'ORANGE']));

    const board = await earlyWarningBoard(supervisor.actor);
    // Other tests' pinned cases share the database: only pinned cases come before it.
    const at = board.entries.findIndex((e) => e.id === danger.id);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(board.entries[at]).toMatchObject({ kind: 'case', pinned: true });
    expect(board.entries.slice(0, at).every((e) => e.kind === 'case' && e.pinned)).toBe(true);
    expect(board.entries.slice(at + 1).some((e) => e.kind === 'case' && e.pinned)).toBe(false);

    // The cluster is one entry, with its size and trend, opening to its cases (the pinned one too).
    const rows = board.entries.filter((e) => e.id === clusterId);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    if (row.kind !== 'cluster') throw new Error('the cluster is not a cluster row');
    expect(row.cluster).toMatchObject({ size: 7, openCases: 7, newLast24h: 7, newLast7d: 7 });
    expect(row.cluster.cases.map((c) => c.id).sort()).toEqual([...members.map((m) => m.id), danger.id].sort());
    expect(row.cluster.cases[0]?.id).toBe(danger.id);
    // None of its cases is a row of its own but the one pinned for safety.
    const alone = board.entries.filter((e) => e.kind === 'case' && e.case.clusterId === clusterId).map((e) => e.id);
    expect(alone).toEqual([danger.id]);

    // A handler, who does not see clusters, sees each of the unit's cases, the pinned one first.
    const theirs = await earlyWarningBoard(handler.actor);
    expect(theirs.entries.filter((e) => e.kind === 'cluster')).toEqual([]);
    const ids = theirs.entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([danger.id, ...members.map((m) => m.id)]));
    const theirsAt = ids.indexOf(danger.id);
    expect(theirs.entries.slice(0, theirsAt + 1).every((e) => e.kind === 'case' && e.pinned)).toBe(true);
    expect(ids.indexOf(members[0]!.id)).toBeGreaterThan(theirsAt);

    // Staff who judge the signs mistaken lower the level: the pin goes, and the case joins its cluster's row.
    const lowered = await overrideWarning(
      supervisor.actor,
      danger.id,
      { intent: 'override', version: (await reload(danger.id)).version, level: 'ORANGE', reason: '已核实，当事人安全' },
      null,
    );
    expect(lowered.ok).toBe(true);
    const after = await earlyWarningBoard(supervisor.actor);
    expect(after.entries.some((e) => e.id === danger.id)).toBe(false);
    expect(boardCaseIds(after.entries)).toContain(danger.id);
  });
});
