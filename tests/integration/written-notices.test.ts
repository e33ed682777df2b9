// Written notices (arts. 23, 32, 35): one for each step the citizen must be told of in writing,
// built from the event that issued it, in the citizen's language, with their name and postal
// address; a notice that must go on paper is a "to post" task until its delivery is recorded.
import { describe, expect, it } from 'vitest';
import { citizenClockOf } from '#app/features/cases/citizen-clock.server.ts';
import { QueueFilters, queuePage } from '#app/features/cases/queue.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import {
  citizenNoticePage,
  noticesOf,
  recordDelivery,
  staffNoticePage,
  staffNoticePdf,
} from '#app/features/cases/written-notices/notices.server.ts';
import { runDeadlineSweep } from '#app/jobs/deadline-sweep.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { civilDateIn, isoDate } from '#app/platform/time/civil-date.ts';
import { formatInstant } from '#app/platform/time/format.ts';
import { serviceTimeZone, serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import type { Submission } from '#app/features/cases/submission.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ADDRESS = '北京市东城区东四十条1号院3单元502';
const IP = '198.51.100.7';

/** A letter from someone with no email and no phone, answered by post. */
async function letterByPost(overrides: Partial<Submission> = {}, locale: 'zh-Hans' | 'en' = 'zh-Hans') {
  const submission = await validSubmission({
    name: '王秀英',
    phone: null,
    email: null,
    postalAddress: ADDRESS,
    preferredReplyChannel: 'POST',
    ...overrides,
  });
  const receipt = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale, channel: 'LETTER' });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

function stepped<T extends { ok: boolean }>(outcome: T): T & { ok: true } {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return outcome as T & { ok: true };
}

/** What the deadline sweep recorded of a case: its missed deadlines and its supervision item (督办). */
async function sweepMarks(caseId: string) {
  const row = await db().case.findUniqueOrThrow({ where: { id: caseId } });
  const missed = await db().caseEvent.findMany({ where: { caseId, type: 'DEADLINE_MISSED' } });
  const overdue = await db().outboxMessage.findMany({ where: { caseId, template: 'staff.dueSoon' } });
  return {
    missedDeadlines: row.missedDeadlines,
    supervised: row.supervisionOpenedAt !== null,
    missed: missed.map((event) => event.data),
    overdue: overdue.filter((m) => (m.data as { overdue?: boolean }).overdue === true),
  };
}

/** Every case in the clerk's "notices to post" view (one page is plenty in a test database). */
async function toPostQueue(actor: Parameters<typeof queuePage>[0]) {
  return (await queuePage(actor, QueueFilters.parse({ toPost: '1' }), new Date(), 500)).rows;
}

describe('written notices', () => {
  it('issue an acceptance notice addressed by post, a "to post" task until its delivery is recorded', async () => {
    const clerk = await staffUser('CLERK');
    const c = await letterByPost();
    expect(await noticesOf(c.id)).toEqual([]);
    await expect(staffNoticePage(clerk.actor, c.id, 'acceptance', IP)).rejects.toBeInstanceOf(NotFoundError);

    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['维修漏水的屋顶'] }));
    expect(await noticesOf(c.id)).toMatchObject([{ kind: 'acceptance', delivery: null, toPost: true }]);
    // The task is in the clerks' queue, marked, and in its own view; the acceptance counts only once delivered.
    expect((await toPostQueue(clerk.actor)).find((row) => row.id === c.id)).toMatchObject({ toPost: true });
    expect((await citizenClockOf(c.id))?.[0]).toMatchObject({ kind: 'acceptance', state: 'due', doneAt: null });

    const page = await staffNoticePage(clerk.actor, c.id, 'acceptance', IP);
    expect(page.document).toMatchObject({
      kind: 'acceptance',
      lang: 'zh-Hans',
      title: '受理告知书',
      receiptNo: c.receiptNo,
      addressee: { name: '王秀英', postalAddress: ADDRESS },
      salutation: '王秀英：',
    });
    const accepted = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    const body = page.document.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(body).toContain('您反映的事项已经受理');
    expect(body).toContain(formatInstant(accepted.replyDueAt!, 'zh-Hans', serviceTimeZone()));
    expect(page.toPost).toBe(true);
    // The notice carries the citizen's name and address: every reading by staff is audited.
    expect(await db().auditLog.count({ where: { actorId: clerk.user.id, action: 'notice.viewed', targetId: c.id } })).toBe(1);

    const form = (fields: Record<string, string>) => fields;
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(await recordDelivery(clerk.actor, c.id, 'acceptance', form({ method: 'POST', deliveredOn: tomorrow }))).toMatchObject({
      ok: false,
      errors: { deliveredOn: 'day' },
    });
    const today = serviceToday();
    expect(
      await recordDelivery(clerk.actor, c.id, 'acceptance', form({ method: 'EMAIL', deliveredOn: today, trackingNo: 'XA123' })),
    ).toMatchObject({ ok: false, errors: { trackingNo: 'onlyPost' } });
    expect(await recordDelivery(clerk.actor, c.id, 'acceptance', form({ deliveredOn: today }))).toMatchObject({
      ok: false,
      errors: { method: 'required' },
    });
    expect(
      await recordDelivery(clerk.actor, c.id, 'acceptance', form({ method: 'POST', deliveredOn: today, trackingNo: 'XA123456789CN' })),
    ).toMatchObject({
      ok: true,
    });
    expect(await noticesOf(c.id)).toMatchObject([
      { kind: 'acceptance', delivery: { method: 'POST', trackingNo: 'XA123456789CN' }, toPost: false },
    ]);
    expect((await toPostQueue(clerk.actor)).map((row) => row.id)).not.toContain(c.id);
    const recorded = await db().noticeDelivery.findFirstOrThrow({ where: { caseId: c.id } });
    expect((await citizenClockOf(c.id))?.[0]).toMatchObject({ kind: 'acceptance', state: 'met', doneAt: recorded.deliveredAt });
    const delivered = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'NOTICE_DELIVERED' } });
    expect(delivered.visibility).toBe('PUBLIC');
    expect(delivered.message).toContain('受理告知书已于');
    expect(delivered.message).toContain('邮寄送达');
  });

  it('write the decision (信访处理意见书) claim by claim, with its basis and the 30 days to ask for review', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const c = await letterByPost();
    const accepted = stepped(
      await performCaseAction(supervisor.actor, c.id, c.version, { action: 'accept', claims: ['补发工资', '支付加班费'] }),
    );
    stepped(
      await performCaseAction(supervisor.actor, c.id, accepted.version, {
        action: 'reply',
        message: '经调查，现答复如下。',
        legalBasis: '《劳动合同法》第三十条',
        legalReferences: '《劳动合同法》第三十条\n《工资支付暂行规定》第18条第2款',
        answers: [
          { position: 1, outcome: 'UPHELD', reasons: '拖欠属实。' },
          { position: 2, outcome: 'NOT_UPHELD', reasons: '无加班记录。' },
        ],
      }),
    );
    const { document } = await citizenNoticePage(c.id, 'decision');
    expect(document.title).toBe('信访处理意见书');
    expect(document.sections[1]).toEqual({
      heading: '诉求及逐条处理意见',
      paragraphs: [],
      items: [
        { label: '诉求1：补发工资', value: '支持：拖欠属实。' },
        { label: '诉求2：支付加班费', value: '不予支持：无加班记录。' },
      ],
    });
    expect(document.sections.map((s) => s.heading)).toEqual([null, '诉求及逐条处理意见', '法律政策依据', '所依据的条款', '处理意见']);
    expect(document.sections[3]!.paragraphs).toEqual(['《劳动合同法》第三十条', '《工资支付暂行规定》第十八条第二款']);
    expect(document.nextSteps[0]).toContain('请求原办理机关的上一级机关复查（第三十五条）');
    expect(document.signature).toContain('信访局');
    expect(await noticesOf(c.id)).toMatchObject([
      { kind: 'acceptance', toPost: true },
      { kind: 'decision', toPost: true },
    ]);
  });

  it('are in the citizen’s language, and a refusal says why and where to go instead', async () => {
    const clerk = await staffUser('CLERK');
    const c = await letterByPost({ name: 'Alex Lee' }, 'en');
    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'decline', reason: 'ARBITRATION', detail: '', referral: '' }));
    const { document } = await citizenNoticePage(c.id, 'refusal');
    expect(document).toMatchObject({ lang: 'en', title: 'Notice of non-acceptance', salutation: 'Dear Alex Lee,' });
    expect(document.sections[1]!.paragraphs.join(' ')).toContain('resolved by arbitration');
  });

  it('are not for staff who may not see the case, nor for roles that do no case work', async () => {
    const clerk = await staffUser('CLERK');
    const elsewhere = await staffUser('HANDLER', 'education');
    const analyst = await staffUser('ANALYST');
    const c = await letterByPost();
    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept' }));
    await expect(staffNoticePage(elsewhere.actor, c.id, 'acceptance', IP)).rejects.toBeInstanceOf(NotFoundError);
    await expect(staffNoticePage(analyst.actor, c.id, 'acceptance', IP)).rejects.toBeInstanceOf(NotFoundError);
    const today = serviceToday();
    await expect(recordDelivery(elsewhere.actor, c.id, 'acceptance', { method: 'POST', deliveredOn: today })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const admin = await staffUser('ADMIN');
    await expect(recordDelivery(admin.actor, c.id, 'acceptance', { method: 'POST', deliveredOn: today })).rejects.toSatisfy(
      (error) => error instanceof NotFoundError || error instanceof ForbiddenError,
    );
    expect(await db().noticeDelivery.count({ where: { caseId: c.id } })).toBe(0);
  });

  it('count the acceptance as told only when its notice is delivered: posted after the 15 days, it is late', async () => {
    const clerk = await staffUser('CLERK');
    const c = await letterByPost();
    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['维修漏水的屋顶'] }));
    // Decided in time, but the 15 days (art. 23) ended yesterday and the notice is still unposted.
    const yesterday = new Date(Date.now() - 86_400_000);
    await db().case.update({ where: { id: c.id }, data: { acceptDueAt: yesterday } });
    expect((await citizenClockOf(c.id))?.[0]).toMatchObject({ kind: 'acceptance', state: 'missed' });
    // The refused case still needs its refusal posted: the view is not only open cases.
    const refused = await letterByPost();
    stepped(
      await performCaseAction(clerk.actor, refused.id, refused.version, {
        action: 'decline',
        reason: 'OUTSIDE_REMIT',
        detail: '',
        referral: '',
      }),
    );
    const queue = (await toPostQueue(clerk.actor)).map((row) => row.id);
    expect(queue).toEqual(expect.arrayContaining([c.id, refused.id]));

    stepped(await recordDelivery(clerk.actor, c.id, 'acceptance', { method: 'POST', deliveredOn: serviceToday() }));
    expect((await citizenClockOf(c.id))?.[0]).toMatchObject({ kind: 'acceptance', state: 'late' });
  });

  it('count as missed for the office too: the sweep marks an undelivered acceptance once, and 督办 waits for the delivery', async () => {
    const clerk = await staffUser('CLERK');
    const handler = await staffUser('HANDLER', 'human-resources');
    const c = await letterByPost();
    await db().case.update({ where: { id: c.id }, data: { unitId: await unitId('human-resources'), assigneeId: handler.user.id } });
    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['维修漏水的屋顶'] }));
    // Decided in time (the 15 days end in an hour), and the notice still unposted a day later.
    const acceptDueAt = new Date(Date.now() + HOUR);
    await db().case.update({ where: { id: c.id }, data: { acceptDueAt } });
    const now = new Date(Date.now() + DAY);
    expect((await citizenClockOf(c.id, now))?.[0]).toMatchObject({ kind: 'acceptance', state: 'missed' });

    // Three instances at once, then again an hour later: one mark.
    const together = await Promise.all([1, 2, 3].map(() => runDeadlineSweep({ now, caseIds: [c.id] })));
    const again = await runDeadlineSweep({ now: new Date(now.getTime() + HOUR), caseIds: [c.id] });
    expect(together.reduce((sum, report) => sum + report.missed, 0)).toBe(1);
    expect(again).toMatchObject({ missed: 0, supervisionSettled: 0 });
    const marked = await sweepMarks(c.id);
    expect(marked).toMatchObject({
      missedDeadlines: 1,
      supervised: true,
      missed: [{ deadline: 'acceptance', dueAt: acceptDueAt.toISOString(), undelivered: true }],
    });
    // The case's worker hears it is overdue, once, as for any missed acceptance.
    expect(marked.overdue).toMatchObject([
      { staffId: handler.user.id, data: { deadline: 'acceptance', dueAt: acceptDueAt.toISOString(), overdue: true } },
    ]);
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: 'SUPERVISION_OPENED' } })).toBe(1);

    // Posted at last: the step is done (late), and the next sweep closes the supervision item.
    const posted = new Date(now.getTime() + 2 * HOUR);
    const postedOn = isoDate(civilDateIn(posted, serviceTimeZone()));
    stepped(await recordDelivery(clerk.actor, c.id, 'acceptance', { method: 'POST', deliveredOn: postedOn }, posted));
    expect((await citizenClockOf(c.id, posted))?.[0]).toMatchObject({ kind: 'acceptance', state: 'late' });
    const settled = await runDeadlineSweep({ now: new Date(posted.getTime() + HOUR), caseIds: [c.id] });
    expect(settled).toMatchObject({ missed: 0, supervisionSettled: 1 });
    expect(await sweepMarks(c.id)).toMatchObject({ missedDeadlines: 1, supervised: false });
  });

  it('count a decision made late once: the miss the status sweep recorded is not marked again, and 督办 waits for the delivery', async () => {
    const clerk = await staffUser('CLERK');
    const c = await letterByPost();
    const lapsed = new Date(Date.now() - DAY);
    await db().case.update({ where: { id: c.id }, data: { acceptDueAt: lapsed, nextDueAt: lapsed } });
    const now = new Date();
    expect((await runDeadlineSweep({ now, caseIds: [c.id] })).missed).toBe(1);
    const version = (await db().case.findUniqueOrThrow({ where: { id: c.id } })).version;
    stepped(await performCaseAction(clerk.actor, c.id, version, { action: 'accept' }));

    // Accepted, but not yet told: one miss, and the supervision item stays open.
    const later = await runDeadlineSweep({ now: new Date(now.getTime() + HOUR), caseIds: [c.id] });
    expect(later).toMatchObject({ missed: 0, supervisionSettled: 0 });
    expect(await sweepMarks(c.id)).toMatchObject({ missedDeadlines: 1, supervised: true, missed: [{ deadline: 'acceptance' }] });

    stepped(await recordDelivery(clerk.actor, c.id, 'acceptance', { method: 'IN_PERSON', deliveredOn: serviceToday() }));
    expect((await runDeadlineSweep({ now: new Date(now.getTime() + 2 * HOUR), caseIds: [c.id] })).supervisionSettled).toBe(1);
    expect(await sweepMarks(c.id)).toMatchObject({ missedDeadlines: 1, supervised: false, missed: [{ deadline: 'acceptance' }] });
  });

  it('count an undelivered refusal too: the case has ended, but 督办 stays open until the citizen is told', async () => {
    const clerk = await staffUser('CLERK');
    const c = await letterByPost();
    stepped(
      await performCaseAction(clerk.actor, c.id, c.version, { action: 'decline', reason: 'OUTSIDE_REMIT', detail: '', referral: '' }),
    );
    await db().case.update({ where: { id: c.id }, data: { acceptDueAt: new Date(Date.now() + HOUR) } });
    const level = (await db().case.findUniqueOrThrow({ where: { id: c.id } })).warningLevel;
    const now = new Date(Date.now() + DAY);
    expect((await runDeadlineSweep({ now, caseIds: [c.id] })).missed).toBe(1);
    expect(await sweepMarks(c.id)).toMatchObject({ missedDeadlines: 1, supervised: true, missed: [{ undelivered: true }] });
    // The citizen's clock says the same: the refusal has not reached them, and its date passed.
    expect(await citizenClockOf(c.id, now)).toMatchObject([{ kind: 'acceptance', state: 'missed', doneAt: null }]);
    // An ended case keeps its warning level: nothing more is worked on it.
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).warningLevel).toBe(level);
    expect((await runDeadlineSweep({ now: new Date(now.getTime() + HOUR), caseIds: [c.id] })).supervisionSettled).toBe(0);

    const posted = new Date(now.getTime() + 2 * HOUR);
    const postedOn = isoDate(civilDateIn(posted, serviceTimeZone()));
    stepped(await recordDelivery(clerk.actor, c.id, 'refusal', { method: 'POST', deliveredOn: postedOn }, posted));
    expect((await runDeadlineSweep({ now: new Date(posted.getTime() + HOUR), caseIds: [c.id] })).supervisionSettled).toBe(1);
    expect(await citizenClockOf(c.id, posted)).toMatchObject([{ kind: 'acceptance', state: 'late' }]);
  });

  it('do not make a missed date for a citizen told by email or SMS', async () => {
    const clerk = await staffUser('CLERK');
    const byEmail = await validSubmission();
    const bySms = await validSubmission({ email: null });
    // Accepted in time (the 15 days end in an hour); swept a day later.
    const now = new Date(Date.now() + DAY);
    const cases = [];
    for (const submission of [byEmail, bySms]) {
      const receipt = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
      const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
      stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept' }));
      await db().case.update({ where: { id: c.id }, data: { acceptDueAt: new Date(Date.now() + HOUR) } });
      expect((await citizenClockOf(c.id, now))?.[0]).toMatchObject({ kind: 'acceptance', state: 'met' });
      cases.push(c.id);
    }
    expect((await runDeadlineSweep({ now, caseIds: cases })).missed).toBe(0);
    for (const id of cases) expect(await sweepMarks(id)).toMatchObject({ missedDeadlines: 0, supervised: false, missed: [], overdue: [] });
  });

  it('are not a task for a citizen with an email address', async () => {
    const clerk = await staffUser('CLERK');
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept' }));
    expect(await noticesOf(c.id)).toMatchObject([{ kind: 'acceptance', toPost: false }]);
  });

  it('come as a PDF for staff, with the Chinese font embedded, each download audited', async () => {
    const clerk = await staffUser('CLERK');
    const c = await letterByPost();
    stepped(await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['维修漏水的屋顶'] }));
    const file = await staffNoticePdf(clerk.actor, c.id, 'acceptance', IP);
    expect(file.fileName).toBe(`${c.receiptNo}-acceptance.pdf`);
    const bytes = Buffer.from(file.body);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A subset of the font is embedded (its name prefixed with six letters), so it prints anywhere.
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYiMicroHei/);
    expect(await db().auditLog.count({ where: { actorId: clerk.user.id, action: 'notice.viewed', targetId: c.id } })).toBe(1);
    const analyst = await staffUser('ANALYST');
    await expect(staffNoticePdf(analyst.actor, c.id, 'acceptance', IP)).rejects.toBeInstanceOf(NotFoundError);
  });
});
