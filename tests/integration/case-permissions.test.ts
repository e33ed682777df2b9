// The permission matrix: every role against every case action and every data view, enforced by
// the server modules that the back-office loaders and actions call.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestReview } from '#app/features/cases/citizen-actions.server.ts';
import { queuePage, QueueFilters } from '#app/features/cases/queue.server.ts';
import {
  caseForActor,
  performCaseAction,
  viewContact,
  type ActionInput,
  type CaseActionOutcome,
} from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { transferLetterPage, unmaskForTransfer } from '#app/features/cases/transfer-letter.server.ts';
import { canUseQueue, canViewStatistics, canManageStaff, canReadAuditLog, type Actor } from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';

type Role = Actor['role'];
const ROLES: Role[] = ['CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST', 'ADMIN'];

async function newCase(kind: 'COMPLAINT' | 'MISCONDUCT_REPORT' = 'COMPLAINT') {
  // Wage arrears route to the human-resources unit by default.
  const receipt = await submitCase(await validSubmission({ kind }), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

async function actors() {
  return {
    CLERK: (await staffUser('CLERK')).actor,
    HANDLER: (await staffUser('HANDLER', 'human-resources')).actor,
    OTHER_HANDLER: (await staffUser('HANDLER', 'housing')).actor,
    SUPERVISOR: (await staffUser('SUPERVISOR')).actor,
    ANALYST: (await staffUser('ANALYST')).actor,
    ADMIN: (await staffUser('ADMIN')).actor,
  };
}

/** The HTTP status a call ends with: a refusal's own (422 a step that does not apply, 409 a stale version), or the error's. */
async function outcome(promise: Promise<unknown>): Promise<number> {
  try {
    const result = await promise;
    const refusal = z.object({ ok: z.literal(false), status: z.number() }).safeParse(result);
    return refusal.success ? refusal.data.status : 200;
  } catch (error) {
    if (error instanceof NotFoundError) return 404;
    if (error instanceof ForbiddenError) return 403;
    throw error;
  }
}

/** The case's version after a step that must go through. */
async function stepped(step: Promise<CaseActionOutcome>): Promise<number> {
  const done = await step;
  if (!done.ok) throw new Error(`refused: ${done.formError ?? JSON.stringify(done.errors)}`);
  return done.version;
}

describe('who may see a case', () => {
  it('clerks and supervisors see every case, handlers only their unit, analysts and admins none', async () => {
    const people = await actors();
    const c = await newCase();
    const expected: Record<keyof typeof people, number> = {
      CLERK: 200,
      HANDLER: 200,
      OTHER_HANDLER: 404,
      SUPERVISOR: 200,
      ANALYST: 404,
      ADMIN: 404,
    };
    for (const [who, actor] of Object.entries(people)) {
      expect([who, await outcome(caseForActor(actor, c.id))]).toEqual([who, expected[who as keyof typeof people]]);
    }
  });

  it('the queue of a handler holds only their unit', async () => {
    const people = await actors();
    await newCase();
    const page = await queuePage(people.OTHER_HANDLER, QueueFilters.parse({}));
    const housing = await unitId('housing');
    expect(page.rows.every((row) => row.unitId === housing)).toBe(true);
    // Whatever the filters say; a handler without a unit has an empty queue; analysts none at all.
    const other = await queuePage(people.OTHER_HANDLER, QueueFilters.parse({ unitId: await unitId('human-resources') }));
    expect(other.rows).toEqual([]);
    const noUnit = (await staffUser('HANDLER')).actor;
    expect((await queuePage(noUnit, QueueFilters.parse({}))).rows).toEqual([]);
    await expect(queuePage(people.ANALYST, QueueFilters.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('only case workers use the queue; statistics, staff and audit log go to their roles', () => {
    const actor = (role: Role): Actor => ({ id: 'x', role, unitId: null });
    expect(ROLES.filter((r) => canUseQueue(actor(r)))).toEqual(['CLERK', 'HANDLER', 'SUPERVISOR']);
    expect(ROLES.filter((r) => canViewStatistics(actor(r)))).toEqual(['SUPERVISOR', 'ANALYST', 'ADMIN']);
    expect(ROLES.filter((r) => canManageStaff(actor(r)))).toEqual(['ADMIN']);
    expect(ROLES.filter((r) => canReadAuditLog(actor(r)))).toEqual(['ADMIN']);
  });
});

describe('who may see contact details', () => {
  it('is every role that sees the case, each view audited; others get 404 and leave no trace', async () => {
    const people = await actors();
    const c = await newCase();
    for (const who of ['CLERK', 'HANDLER', 'SUPERVISOR'] as const) {
      const contact = await viewContact(people[who], c.id, '127.0.0.1');
      expect(contact?.name).toBe('李雷');
      expect(await db().auditLog.count({ where: { actorId: people[who].id, action: 'contact.viewed', targetId: c.id } })).toBe(1);
    }
    for (const who of ['OTHER_HANDLER', 'ANALYST', 'ADMIN'] as const) {
      expect(await outcome(viewContact(people[who], c.id, '127.0.0.1'))).toBe(404);
      expect(await db().auditLog.count({ where: { actorId: people[who].id, action: 'contact.viewed' } })).toBe(0);
    }
  });

  it('never shows the reporter of misconduct to a handler of the unit reported', async () => {
    const people = await actors();
    // A report about the unit its category would route to: that unit's handler now sees nothing of it
    // at all (arts. 30, 46(5)), not only no contact details.
    const receipt = await submitCase(
      await validSubmission({ kind: 'MISCONDUCT_REPORT', reportedUnitId: await unitId('human-resources') }),
      { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' },
    );
    const report = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    expect(await outcome(caseForActor(people.HANDLER, report.id))).toBe(404);
    expect(await outcome(viewContact(people.HANDLER, report.id, '127.0.0.1'))).toBe(404);
    expect(await outcome(viewContact(people.SUPERVISOR, report.id, '127.0.0.1'))).toBe(200);
  });
});

describe('who may act on a case', () => {
  // Each action from a state where the lifecycle allows it, so only the role decides.
  const scenarios: { input: (ctx: { into: string; unit: string }) => ActionInput; setup: ActionInput[] }[] = [
    { input: () => ({ action: 'accept' }), setup: [] },
    { input: () => ({ action: 'decline', reason: 'OUTSIDE_REMIT', detail: '', referral: '请向法院起诉' }), setup: [] },
    { input: () => ({ action: 'forward', agency: '省住建厅', message: '' }), setup: [] },
    { input: (ctx) => ({ action: 'assign', unitId: ctx.unit, assigneeId: null }), setup: [] },
    { input: (ctx) => ({ action: 'merge', intoReceiptNo: ctx.into }), setup: [] },
    { input: () => ({ action: 'note', message: '内部备注' }), setup: [] },
    { input: () => ({ action: 'startWork' }), setup: [{ action: 'accept' }] },
    { input: () => ({ action: 'extend', days: 30, reason: '需要现场核查' }), setup: [{ action: 'accept' }] },
    { input: () => answeredReply('答复意见'), setup: [{ action: 'accept' }] },
    { input: () => ({ action: 'close', message: null }), setup: [{ action: 'accept' }, answeredReply('答复')] },
  ];
  const allowed: Record<string, Role[]> = {
    accept: ['CLERK', 'SUPERVISOR'],
    decline: ['CLERK', 'SUPERVISOR'],
    forward: ['CLERK', 'SUPERVISOR'],
    assign: ['CLERK', 'SUPERVISOR'],
    merge: ['CLERK', 'SUPERVISOR'],
    note: ['CLERK', 'HANDLER', 'SUPERVISOR'],
    startWork: ['HANDLER', 'SUPERVISOR'],
    extend: ['SUPERVISOR'],
    reply: ['HANDLER', 'SUPERVISOR'],
    close: ['SUPERVISOR'],
  };

  for (const scenario of scenarios) {
    const action = scenario.input({ into: '', unit: '' }).action;
    it(`${action}: ${allowed[action]!.join(', ')} only`, async () => {
      const people = await actors();
      const supervisor = people.SUPERVISOR;
      const into = (await newCase()).receiptNo;
      const unit = await unitId('human-resources');
      for (const role of ROLES) {
        const c = await newCase();
        let version = c.version;
        for (const step of scenario.setup) version = await stepped(performCaseAction(supervisor, c.id, version, step));
        const eventsBefore = await db().caseEvent.count({ where: { caseId: c.id } });
        const result = await outcome(performCaseAction(people[role], c.id, version, scenario.input({ into, unit })));
        const expected = allowed[action]!.includes(role) ? 200 : role === 'ANALYST' || role === 'ADMIN' ? 404 : 403;
        expect([role, result]).toEqual([role, expected]);
        // A refused action leaves no trace on the case; an allowed one appends exactly one event.
        const eventsAfter = await db().caseEvent.count({ where: { caseId: c.id } });
        expect([role, eventsAfter - eventsBefore]).toEqual([role, result === 200 ? 1 : 0]);
        const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
        expect([role, after.version]).toEqual([role, result === 200 ? version + 1 : version]);
      }
    });
  }
});

describe('who may unmask personal data on a transfer letter', () => {
  it('whoever may forward the case (clerks, supervisors); a handler who sees it is refused; others find nothing', async () => {
    const people = await actors();
    const letter = await validSubmission();
    const body = `我是${letter.name}，电话${letter.phone}，邮箱${letter.email}，公司拖欠工资三个月。`;
    const receipt = await submitCase({ ...letter, body }, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    await stepped(performCaseAction(people.CLERK, c.id, c.version, { action: 'forward', agency: '省人社厅', message: '' }));
    const { spans } = await transferLetterPage(people.CLERK, c.id, 'zh-Hans');
    const expected = { CLERK: 200, SUPERVISOR: 200, HANDLER: 403, OTHER_HANDLER: 404, ANALYST: 404, ADMIN: 404 } as const;
    for (const [index, [who, status]] of Object.entries(expected).entries()) {
      const actor = people[who as keyof typeof expected];
      const form = new URLSearchParams({ spans: spans[index % spans.length]!.key, reason: '受理机关需要联系信访人' });
      const audits = await db().auditLog.count({ where: { action: 'transfer.unmasked', targetId: c.id } });
      expect([who, await outcome(unmaskForTransfer(actor, c.id, form, { ipAddress: '127.0.0.1' }))]).toEqual([who, status]);
      const written = (await db().auditLog.count({ where: { action: 'transfer.unmasked', targetId: c.id } })) - audits;
      expect([who, written]).toEqual([who, status === 200 ? 1 : 0]);
    }
  });
});

describe('optimistic concurrency', () => {
  it('two staff acting on the same version: one wins, the other gets a conflict and nothing is lost', async () => {
    const people = await actors();
    const c = await newCase();
    const results = await Promise.all([
      performCaseAction(people.CLERK, c.id, c.version, { action: 'note', message: 'first' }),
      performCaseAction(people.SUPERVISOR, c.id, c.version, { action: 'note', message: 'second' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, status: 409, errors: {}, values: {}, formError: 'conflict' });
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.version).toBe(c.version + 1);
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: 'NOTE' } })).toBe(1);
  });

  it('a stale version is refused even without a race', async () => {
    const people = await actors();
    const c = await newCase();
    await stepped(performCaseAction(people.CLERK, c.id, c.version, { action: 'accept' }));
    expect(await outcome(performCaseAction(people.SUPERVISOR, c.id, c.version, { action: 'note', message: 'late' }))).toBe(409);
  });
});

describe('deadlines move with the case', () => {
  it('acceptance starts the 60-day reply clock; one extension of at most 30 days; reply opens the review window', async () => {
    const people = await actors();
    const c = await newCase();
    const accepted = await stepped(performCaseAction(people.CLERK, c.id, c.version, { action: 'accept' }));
    const afterAccept = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(afterAccept.status).toBe('ACCEPTED');
    expect(afterAccept.replyDueAt).not.toBeNull();
    expect(afterAccept.nextDueAt?.getTime()).toBe(afterAccept.replyDueAt?.getTime());

    expect(await outcome(performCaseAction(people.SUPERVISOR, c.id, accepted, { action: 'extend', days: 31, reason: 'x' }))).toBe(422);
    const extended = await stepped(
      performCaseAction(people.SUPERVISOR, c.id, accepted, {
        action: 'extend',
        days: 30,
        reason: '需要现场核查',
      }),
    );
    const afterExtend = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(afterExtend.replyDueAt!.getTime() - afterAccept.replyDueAt!.getTime()).toBe(30 * 86_400_000);
    expect(await outcome(performCaseAction(people.SUPERVISOR, c.id, extended, { action: 'extend', days: 5, reason: 'again' }))).toBe(422);

    await stepped(performCaseAction(people.HANDLER, c.id, extended, answeredReply('经核查，工资已于12月1日结清。')));
    const replied = await db().case.findUniqueOrThrow({ where: { id: c.id }, include: { events: true } });
    expect(replied.status).toBe('REPLIED');
    expect(replied.reviewRequestDueAt).not.toBeNull();
    expect(replied.nextDueAt).toBeNull();
    expect(replied.events.find((e) => e.type === 'REPLY_PUBLISHED')).toMatchObject({
      visibility: 'PUBLIC',
      message: '经核查，工资已于12月1日结清。',
    });
  });
});

describe('the bar on the reported subtree (arts. 30, 46(5)) in the matrix', () => {
  it('every role of the reported unit and of a unit below it gets 404 on a report about it; others as for any case', async () => {
    const receipt = await submitCase(
      await validSubmission({ kind: 'MISCONDUCT_REPORT', reportedUnitId: await unitId('public-security'), reportedOfficial: null }),
      { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' },
    );
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    for (const code of ['public-security', 'public-security-dongcheng']) {
      for (const role of ROLES) {
        const actor = (await staffUser(role, code)).actor;
        expect([code, role, await outcome(caseForActor(actor, c.id))]).toEqual([code, role, 404]);
        expect([code, role, await outcome(viewContact(actor, c.id, '127.0.0.1'))]).toEqual([code, role, 404]);
      }
    }
    // The same roles outside the subtree: clerks and supervisors see it, as any case.
    const expected: Record<Role, number> = { CLERK: 200, HANDLER: 404, SUPERVISOR: 200, ANALYST: 404, ADMIN: 404 };
    for (const role of ROLES) {
      const actor = (await staffUser(role, 'housing')).actor;
      expect([role, await outcome(caseForActor(actor, c.id))]).toEqual([role, expected[role]]);
    }
    const discipline = (await staffUser('HANDLER', 'discipline-inspection')).actor;
    expect(await outcome(caseForActor(discipline, c.id))).toBe(200);
  });

  it('whoever withdrew for a conflict of interest (art. 28) gets 404 from then on, and the citizen is told without a name', async () => {
    const c = await newCase();
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const colleague = (await staffUser('HANDLER', 'human-resources')).actor;
    const done = await performCaseAction(handler, c.id, c.version, { action: 'recuse', reason: '举报人是我的亲属。' });
    expect(done).toMatchObject({ ok: true, left: true });
    expect(await outcome(caseForActor(handler, c.id))).toBe(404);
    expect(await outcome(performCaseAction(handler, c.id, c.version + 1, { action: 'note', message: '补充' }))).toBe(404);
    // A supervisor names a conflict of someone else; a handler may not.
    expect(
      await outcome(
        performCaseAction(colleague, c.id, c.version + 1, { action: 'recordConflict', staffId: supervisor.id, reason: '利害关系' }),
      ),
    ).toBe(403);
    await stepped(
      performCaseAction(supervisor, c.id, c.version + 1, {
        action: 'recordConflict',
        staffId: colleague.id,
        reason: '与被投诉企业有利害关系。',
      }),
    );
    expect(await outcome(caseForActor(colleague, c.id))).toBe(404);
    const events = await db().caseEvent.findMany({ where: { caseId: c.id, type: 'STAFF_RECUSED' } });
    expect(events.map((e) => [e.visibility, e.message])).toEqual([
      ['PUBLIC', null],
      ['PUBLIC', null],
    ]);
    expect(await db().auditLog.count({ where: { targetId: c.id, action: 'case.recused' } })).toBe(2);
  });
});

describe('review independence (arts. 35, 36) in the matrix', () => {
  it('issuing the review opinion: only case workers of the reviewing body who took no part in the reply', async () => {
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const c = await newCase();
    const v1 = await stepped(performCaseAction(supervisor, c.id, c.version, { action: 'accept' }));
    await stepped(performCaseAction(handler, c.id, v1, answeredReply('已责成企业支付。')));
    await requestReview(c.id, '加班费没有支付。');
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    const opinion = { action: 'issueReview', message: '维持。', outcome: 'UPHELD' } as const;
    const expected: [string, Actor, number][] = [
      ['handler who replied', handler, 404],
      ['supervisor who accepted', supervisor, 403],
      ['supervisor of the unit that replied', (await staffUser('SUPERVISOR', 'human-resources')).actor, 403],
      ['clerk', (await staffUser('CLERK')).actor, 403],
      ['analyst', (await staffUser('ANALYST')).actor, 404],
      ['admin', (await staffUser('ADMIN')).actor, 404],
      ['handler of another unit', (await staffUser('HANDLER', 'housing')).actor, 404],
    ];
    for (const [who, actor, code] of expected) {
      expect([who, await outcome(performCaseAction(actor, c.id, row.version, opinion))]).toEqual([who, code]);
    }
    const parent = (await staffUser('HANDLER', 'bureau')).actor;
    expect(await outcome(performCaseAction(parent, c.id, row.version, opinion))).toBe(200);
  });
});
