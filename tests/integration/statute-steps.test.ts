// The statute's handling steps against real PostgreSQL: merged cases that follow their main case and
// keep their rights; a unit's objection within 5 working days (art. 23); assignments with a
// completion report, rework and escalation (art. 22(3)); matters for the courts (arts. 22, 28).
import { describe, expect, it } from 'vitest';
import { requestReview } from '#app/features/cases/citizen-actions.server.ts';
import { citizenCasePage } from '#app/features/cases/lookup.server.ts';
import { caseForActor, performCaseAction, type ActionInput, type CaseActionOutcome } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { anyCategoryId, newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const DAY = 86_400_000;
const reload = (id: string) => db().case.findUniqueOrThrow({ where: { id } });

async function newCase(overrides: Parameters<typeof validSubmission>[0] = {}, receivedAt?: Date) {
  const receipt = await submitCase(await validSubmission(overrides), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    ...(receivedAt ? { now: receivedAt } : {}),
  });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

/** Takes a step that must go through, on the case's current version. */
async function step(actor: Actor, caseId: string, input: ActionInput, now?: Date): Promise<CaseActionOutcome> {
  const row = await reload(caseId);
  const done = await performCaseAction(actor, caseId, row.version, input, now);
  if (!done.ok) throw new Error(`${input.action} refused: ${done.formError ?? JSON.stringify(done.errors)}`);
  return done;
}

async function publicTypes(caseId: string): Promise<string[]> {
  const events = await db().caseEvent.findMany({ where: { caseId, visibility: 'PUBLIC' }, orderBy: { id: 'asc' } });
  return events.map((e) => e.type);
}

describe('a merged case follows its main case and keeps its rights', () => {
  it('receives acceptance and reply on its own timeline, never the main case number, and may ask for review', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const main = await newCase();
    const joined = await newCase();
    await step(clerk, joined.id, { action: 'merge', intoReceiptNo: main.receiptNo });
    expect((await reload(joined.id)).status).toBe('MERGED');

    await step(clerk, main.id, { action: 'accept' });
    expect(await publicTypes(joined.id)).toContain('ACCEPTED');
    const merged = await citizenCasePage(joined.id, 'en');
    // The merged case follows its main case's acceptance and reply.
    expect(merged?.clock.map((d) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['reply', 'due'],
    ]);
    expect(JSON.stringify(merged)).not.toContain(main.receiptNo);

    await step(handler, main.id, answeredReply('已责成企业支付全部工资。'));
    const after = await reload(joined.id);
    expect(after.status).toBe('REPLIED');
    expect(after.reviewRequestDueAt).not.toBeNull();
    const page = await citizenCasePage(joined.id, 'en');
    expect(page?.view.reply?.message).toBe('已责成企业支付全部工资。');
    expect(page?.followUp).toBeTruthy();
    // Notified as if it were their own case.
    expect(await db().outboxMessage.count({ where: { caseId: joined.id, template: 'case.replied' } })).toBe(1);
    // Their own review request is handled like any other.
    expect(await requestReview(joined.id, '我的加班费没有提到。')).toBe('REVIEW_REQUESTED');
    expect((await reload(joined.id)).unitId).toBe(await unitId('bureau'));
  });

  it('a supervisor undoes a mistaken merge with a reason; a clerk may not', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const main = await newCase();
    const joined = await newCase();
    await step(clerk, joined.id, { action: 'merge', intoReceiptNo: main.receiptNo });
    const row = await reload(joined.id);
    await expect(performCaseAction(clerk, joined.id, row.version, { action: 'unmerge', reason: '不是同一事项' })).rejects.toThrow();
    const refused = await performCaseAction(supervisor, joined.id, row.version, { action: 'unmerge', reason: '' });
    expect(refused).toMatchObject({ ok: false, errors: { reason: 'reasonRequired' } });
    await step(supervisor, joined.id, { action: 'unmerge', reason: '不是同一事项，误合并。' });
    const after = await reload(joined.id);
    expect([after.status, after.mergedIntoId]).toEqual(['SUBMITTED', null]);
  });

  it('a report of misconduct is never merged', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const main = await newCase();
    const report = await newCase({ kind: 'MISCONDUCT_REPORT', reportedUnitId: null });
    const row = await reload(report.id);
    const refused = await performCaseAction(clerk, report.id, row.version, { action: 'merge', intoReceiptNo: main.receiptNo });
    expect(refused).toMatchObject({ ok: false, errors: { intoReceiptNo: 'mergeReport' } });
  });
});

describe("a unit's objection (art. 23)", () => {
  it('within 5 working days goes back to the office, marked; accepted, it is routed again with a new window', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const clerk = (await staffUser('CLERK')).actor;
    const c = await newCase();
    expect(c.objectionDueAt).not.toBeNull();
    const short = await performCaseAction(handler, c.id, c.version, { action: 'object', reason: '不归我们' });
    expect(short).toMatchObject({ ok: false, errors: { reason: 'objectionReason' } });
    const done = await step(handler, c.id, { action: 'object', reason: '该企业属于住房建设领域的工程款纠纷，不属于本单位职责。' });
    expect(done).toMatchObject({ left: true });
    const objected = await reload(c.id);
    expect([objected.unitId, objected.objectingUnitId]).toEqual([null, await unitId('human-resources')]);
    await expect(caseForActor(handler, c.id)).rejects.toBeInstanceOf(NotFoundError);
    // Nobody assigns it until the objection is decided.
    const blocked = await performCaseAction(clerk, c.id, objected.version, {
      action: 'assign',
      unitId: await unitId('housing'),
      assigneeId: null,
    });
    expect(blocked).toMatchObject({ ok: false, formError: 'objectionPending' });
    const same = await performCaseAction(clerk, c.id, objected.version, {
      action: 'decideObjection',
      decision: 'accept',
      unitId: await unitId('human-resources'),
      reason: '',
    });
    expect(same).toMatchObject({ ok: false, errors: { unitId: 'sameUnit' } });
    await step(clerk, c.id, { action: 'decideObjection', decision: 'accept', unitId: await unitId('housing'), reason: '' });
    const after = await reload(c.id);
    expect([after.unitId, after.objectingUnitId]).toEqual([await unitId('housing'), null]);
    expect(after.objectionDueAt?.getTime()).toBeGreaterThan(Date.now());
  });

  it('rejected with a reason, the unit keeps the case and cannot object again', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const c = await newCase();
    await step(handler, c.id, { action: 'object', reason: '该事项属于住房建设领域，不属于本单位职责。' });
    const noReason = await performCaseAction(supervisor, c.id, (await reload(c.id)).version, {
      action: 'decideObjection',
      decision: 'reject',
      unitId: null,
      reason: '',
    });
    expect(noReason).toMatchObject({ ok: false, errors: { reason: 'reasonRequired' } });
    await step(supervisor, c.id, { action: 'decideObjection', decision: 'reject', unitId: null, reason: '拖欠工资属于人社部门职责。' });
    const after = await reload(c.id);
    expect([after.unitId, after.objectionDueAt]).toEqual([await unitId('human-resources'), null]);
    const again = await performCaseAction(handler, c.id, after.version, { action: 'object', reason: '我们仍然认为不属于本单位职责。' });
    expect(again).toMatchObject({ ok: false, formError: 'objectionWindowPassed' });
  });

  it('after 5 working days the option is gone', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const c = await newCase();
    const late = new Date((c.objectionDueAt ?? new Date()).getTime() + 1);
    const refused = await performCaseAction(
      handler,
      c.id,
      c.version,
      { action: 'object', reason: '不属于本单位职责，应当由住建部门办理。' },
      late,
    );
    expect(refused).toMatchObject({ ok: false, formError: 'objectionWindowPassed' });
    // Five working days: never less than a week of calendar days minus the weekend, never more than two weeks.
    const span = (c.objectionDueAt?.getTime() ?? 0) - c.receivedAt.getTime();
    expect(span).toBeGreaterThan(5 * DAY);
    expect(span).toBeLessThan(14 * DAY);
  });
});

describe('assignments with a completion report (art. 22(3))', () => {
  it('the unit reports, the office sends it back; the third rework escalates to the supervisors; accepted, it is done', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const handler = (await staffUser('HANDLER', 'housing')).actor;
    const c = await newCase();
    const dueOn = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const past = await performCaseAction(clerk, c.id, c.version, {
      action: 'assign',
      unitId: await unitId('housing'),
      assigneeId: null,
      reportDueOn: '2020-01-01',
    });
    expect(past).toMatchObject({ ok: false, errors: { reportDueOn: 'reportDueOn' } });
    await step(clerk, c.id, { action: 'assign', unitId: await unitId('housing'), assigneeId: null, reportDueOn: dueOn });
    await step(clerk, c.id, { action: 'accept' });
    expect((await reload(c.id)).reportDueAt).not.toBeNull();
    for (let round = 1; round <= 3; round += 1) {
      await step(handler, c.id, { action: 'fileReport', findings: `第${round}次办结报告：已约谈企业负责人。` });
      const twice = await performCaseAction(handler, c.id, (await reload(c.id)).version, { action: 'fileReport', findings: '再报一次' });
      expect(twice).toMatchObject({ ok: false, formError: 'reportPending' });
      await step(clerk, c.id, { action: 'decideReport', decision: 'return', reason: `第${round}次退回：没有附上支付凭证。` });
      const row = await reload(c.id);
      expect(row.reworkCount).toBe(round);
      expect(row.escalatedAt !== null).toBe(round === 3);
    }
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: 'ESCALATED' } })).toBe(1);
    await step(handler, c.id, { action: 'fileReport', findings: '第4次办结报告：工资已支付，附凭证。' });
    await step(clerk, c.id, { action: 'decideReport', decision: 'accept', reason: '' });
    const done = await reload(c.id);
    expect(done.reportDueAt).toBeNull();
    const reports = await db().completionReport.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' } });
    expect(reports.map((r) => r.status)).toEqual(['RETURNED', 'RETURNED', 'RETURNED', 'ACCEPTED']);
    // Internal: nothing of it reaches the citizen.
    const citizen = await citizenCasePage(c.id, 'zh-Hans');
    expect(JSON.stringify(citizen)).not.toContain('办结报告');
    expect(JSON.stringify(citizen)).not.toContain('支付凭证');
  });

  it('a unit files no report that was not asked for', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const c = await newCase();
    const refused = await performCaseAction(handler, c.id, c.version, { action: 'fileReport', findings: '已办结。' });
    expect(refused).toMatchObject({ ok: false });
  });
});

describe('matters for the courts (arts. 22, 28)', () => {
  it('go to the political and legal affairs unit, and the citizen is told where and why', async () => {
    const c = await newCase({ categoryId: await anyCategoryId('litigation') });
    expect([c.unitId, c.routeReason]).toEqual([await unitId('political-legal'), 'courts']);
    const page = await citizenCasePage(c.id, 'en');
    expect(page?.routedTo).toBe('Municipal Political and Legal Affairs Commission');
    expect(page?.view.routeReason).toBe('courts');
  });
});
