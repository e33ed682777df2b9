// Staff administration, the audit log and statistics, against the real test database: accounts
// created with a one-time password, role changes and deactivation audited, no admin locking
// themselves out, admin pages refused to other roles, and statistics free of personal data.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditLogPage, parseAuditFilters } from '#app/features/audit/log.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import {
  createStaff,
  endAllSessions,
  listStaff,
  setStaffActive,
  staffDetail,
  unlockSignIn,
  updateRoleAndUnit,
} from '#app/features/staff/admin.server.ts';
import { verifyPassword } from '#app/features/staff/passwords.server.ts';
import { STAFF_COOKIE, currentSession, signIn } from '#app/features/staff/sign-in.server.ts';
import { caseStatistics, STATISTICS_WEEKS } from '#app/features/statistics/statistics.server.ts';
import { db } from '#app/platform/db.server.ts';
import * as auditRoute from '#app/routes/office+/audit.tsx';
import * as staffDetailRoute from '#app/routes/office+/staff.$staffId.tsx';
import * as staffListRoute from '#app/routes/office+/staff._index.tsx';
import * as statisticsRoute from '#app/routes/office+/statistics.tsx';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest as request, sessionToken, statusOf } from '../support/office-requests.ts';

const ctx = { ipAddress: '192.0.2.10', locale: 'zh-Hans' } as const;
const NOTICES = 'office-admin:staff.detail.done';
const uniqueEmail = (prefix: string) => `${prefix}-${newIdempotencyKey()}@Example.gov.cn`;

async function auditRows(targetId: string, action: string) {
  return await db().auditLog.findMany({ where: { targetType: 'StaffUser', targetId, action }, orderBy: { id: 'asc' } });
}

describe('creating a staff account', () => {
  it('gives a one-time password that must be changed at first sign-in, and audits the creation', async () => {
    const admin = await staffUser('ADMIN');
    const email = uniqueEmail('new.handler');
    const outcome = await createStaff(
      admin.actor,
      formData({ email: `  ${email} `, name: ' 张三 ', role: 'HANDLER', unitId: await unitId('housing') }),
      ctx,
    );
    if (!outcome.ok) throw new Error(`not created: ${JSON.stringify(outcome.errors)}`);
    const { created } = outcome;
    expect(created.oneTimePassword).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(created.email).toBe(email.toLowerCase());

    const user = await db().staffUser.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: '张三', role: 'HANDLER', mustChangePassword: true, active: true });
    expect(user.unitId).toBe(await unitId('housing'));
    expect(await verifyPassword(user.passwordHash, created.oneTimePassword)).toBe(true);
    expect(user.passwordHash).not.toContain(created.oneTimePassword);

    const [entry] = await auditRows(created.id, 'staff.created');
    expect(entry).toMatchObject({ actorId: admin.user.id, ipAddress: ctx.ipAddress });
    expect(JSON.stringify(entry?.details)).not.toContain(created.oneTimePassword);

    expect(await signIn(email, created.oneTimePassword, { ipAddress: '192.0.2.11' })).toMatchObject({ ok: true, next: 'changePassword' });
  });

  it('reports every field problem at once, with codes the page translates', async () => {
    const admin = await staffUser('ADMIN');
    const empty = await createStaff(admin.actor, formData({}), ctx);
    expect(empty).toMatchObject({ ok: false, errors: { email: 'required', name: 'required', role: 'required' } });

    const bad = await createStaff(admin.actor, formData({ email: 'not-an-email', name: 'x'.repeat(101), role: 'HANDLER' }), ctx);
    expect(bad).toMatchObject({ ok: false, errors: { email: 'invalid', name: 'tooLong', unitId: 'required' } });

    const unknownUnit = await createStaff(
      admin.actor,
      formData({ email: uniqueEmail('x'), name: 'X', role: 'HANDLER', unitId: '00000000-0000-4000-8000-000000000000' }),
      ctx,
    );
    expect(unknownUnit).toMatchObject({ ok: false, errors: { unitId: 'invalid' } });
  });

  it('refuses an address that already has an account, whatever its case', async () => {
    const admin = await staffUser('ADMIN');
    const existing = await staffUser('CLERK');
    const outcome = await createStaff(
      admin.actor,
      formData({ email: existing.user.email.toUpperCase(), name: 'Someone', role: 'CLERK' }),
      ctx,
    );
    expect(outcome).toMatchObject({ ok: false, errors: { email: 'taken' } });
  });

  it('lists accounts with their unit in the reader’s language', async () => {
    const admin = await staffUser('ADMIN');
    const handler = await staffUser('HANDLER', 'housing');
    const rows = await listStaff(admin.actor, 'en');
    expect(rows.find((row) => row.id === handler.user.id)).toMatchObject({
      role: 'HANDLER',
      unitName: 'Municipal Housing and Urban-Rural Development Bureau',
      active: true,
    });
  });
});

describe('changing a role or unit', () => {
  it('saves the change and audits it with before and after', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await staffUser('CLERK');
    const housing = await unitId('housing');
    const outcome = await updateRoleAndUnit(admin.actor, clerk.user.id, formData({ role: 'HANDLER', unitId: housing }), ctx);
    expect(outcome).toEqual({ ok: true, notice: { key: `${NOTICES}.updated`, values: { name: clerk.user.name } } });
    expect(await db().staffUser.findUniqueOrThrow({ where: { id: clerk.user.id } })).toMatchObject({ role: 'HANDLER', unitId: housing });
    const entries = await auditRows(clerk.user.id, 'staff.roleChanged');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.user.id,
      ipAddress: ctx.ipAddress,
      details: { before: { role: 'CLERK', unitId: null }, after: { role: 'HANDLER', unitId: housing } },
    });

    // Saving the same values again changes nothing and writes nothing.
    expect(await updateRoleAndUnit(admin.actor, clerk.user.id, formData({ role: 'HANDLER', unitId: housing }), ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.unchanged`, values: { name: clerk.user.name } },
    });
    expect(await auditRows(clerk.user.id, 'staff.roleChanged')).toHaveLength(1);
  });

  it('needs a unit for a handler', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await staffUser('CLERK');
    expect(await updateRoleAndUnit(admin.actor, clerk.user.id, formData({ role: 'HANDLER' }), ctx)).toMatchObject({
      ok: false,
      errors: { unitId: 'required' },
    });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: clerk.user.id } })).role).toBe('CLERK');
  });

  it('does not let an admin remove their own admin role', async () => {
    const admin = await staffUser('ADMIN');
    const outcome = await updateRoleAndUnit(admin.actor, admin.user.id, formData({ role: 'CLERK' }), ctx);
    expect(outcome).toMatchObject({ ok: false, errors: { role: 'selfDemotion' } });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe('ADMIN');
    expect(await auditRows(admin.user.id, 'staff.roleChanged')).toHaveLength(0);
  });
});

describe('lifting a sign-in lock', () => {
  it('lifts every lock on the account, audited, and says so when there was none', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await staffUser('CLERK');
    for (let i = 0; i < 5; i++) await signIn(clerk.user.email, `wrong-${i}`, { ipAddress: '192.0.2.40' });
    expect((await staffDetail(admin.actor, clerk.user.id, 'en')).locked).toBe(true);
    expect((await listStaff(admin.actor, 'en')).find((row) => row.id === clerk.user.id)?.locked).toBe(true);
    expect(await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.40' })).toEqual({ ok: false, reason: 'invalid' });

    expect(await unlockSignIn(admin.actor, clerk.user.id, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.unlocked`, values: { name: clerk.user.name } },
    });
    expect(await auditRows(clerk.user.id, 'staff.unlocked')).toMatchObject([
      { actorId: admin.user.id, details: { accountLocked: false, addressesLocked: 1 } },
    ]);
    expect((await staffDetail(admin.actor, clerk.user.id, 'en')).locked).toBe(false);
    expect(await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.40' })).toMatchObject({ ok: true });

    expect(await unlockSignIn(admin.actor, clerk.user.id, ctx)).toMatchObject({ ok: true, notice: { key: `${NOTICES}.notLocked` } });
    expect(await auditRows(clerk.user.id, 'staff.unlocked')).toHaveLength(1);
  });
});

describe('deactivating and reactivating', () => {
  it('deactivation ends every session at once and is audited', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await staffUser('CLERK');
    const first = await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.12' });
    const second = await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.13' });
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    const asClerk = (token: string) => new Request('http://localhost/office', { headers: { Cookie: `${STAFF_COOKIE}=${token}` } });
    expect(await currentSession(asClerk(first.token))).not.toBeNull();

    expect(await setStaffActive(admin.actor, clerk.user.id, false, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.deactivated`, values: { name: clerk.user.name } },
    });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: clerk.user.id } })).active).toBe(false);
    expect(await db().staffSession.count({ where: { userId: clerk.user.id, revokedAt: null } })).toBe(0);
    expect(await currentSession(asClerk(first.token))).toBeNull();
    expect(await currentSession(asClerk(second.token))).toBeNull();
    const entries = await auditRows(clerk.user.id, 'staff.deactivated');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.user.id, details: { sessionsRevoked: 2 } });

    // A deactivated account cannot sign in; deactivating it again changes nothing.
    expect(await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.14' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await setStaffActive(admin.actor, clerk.user.id, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${NOTICES}.alreadyInactive` },
    });
    expect(await auditRows(clerk.user.id, 'staff.deactivated')).toHaveLength(1);

    expect(await setStaffActive(admin.actor, clerk.user.id, true, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${NOTICES}.reactivated` },
    });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: clerk.user.id } })).active).toBe(true);
    expect(await auditRows(clerk.user.id, 'staff.reactivated')).toMatchObject([
      { actorId: admin.user.id, details: { before: { active: false }, after: { active: true } } },
    ]);
    expect(await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.15' })).toMatchObject({ ok: true });
  });

  it('refuses to let an admin deactivate themselves', async () => {
    const admin = await staffUser('ADMIN');
    expect(await setStaffActive(admin.actor, admin.user.id, false, ctx)).toEqual({
      ok: false,
      status: 400,
      errors: {},
      values: {},
      formError: 'selfDeactivation',
    });
    expect((await staffDetail(admin.actor, admin.user.id, 'zh-Hans')).statusRefusal).toBe('selfDeactivation');
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).active).toBe(true);
    expect(await auditRows(admin.user.id, 'staff.deactivated')).toHaveLength(0);
  });

  it('refuses self-deactivation through the page action too', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const result = await staffDetailRoute.action({
      request: request(`/office/staff/${admin.user.id}`, token, { method: 'POST', body: formData({ intent: 'deactivate' }) }),
      params: { staffId: admin.user.id },
      context: loadContext,
    });
    expect(result).toMatchObject({ init: { status: 400 }, data: { formError: 'selfDeactivation' } });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).active).toBe(true);
  });

  it('ending all sessions is audited, and keeps the admin’s own current session', async () => {
    const admin = await staffUser('ADMIN');
    const supervisor = await staffUser('SUPERVISOR');
    await sessionToken(supervisor.user.id);
    await sessionToken(supervisor.user.id);
    expect(await endAllSessions(admin.actor, supervisor.user.id, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.sessionsRevoked`, values: { name: supervisor.user.name } },
    });
    expect(await db().staffSession.count({ where: { userId: supervisor.user.id, revokedAt: null } })).toBe(0);
    expect(await auditRows(supervisor.user.id, 'staff.sessionsRevoked')).toMatchObject([
      { actorId: admin.user.id, details: { sessionsRevoked: 2 } },
    ]);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: supervisor.user.id } })).active).toBe(true);

    const mine = await sessionToken(admin.user.id);
    await sessionToken(admin.user.id);
    const response = await staffDetailRoute.action({
      request: request(`/office/staff/${admin.user.id}`, mine, { method: 'POST', body: formData({ intent: 'endSessions' }) }),
      params: { staffId: admin.user.id },
      context: loadContext,
    });
    expect(response).toBeInstanceOf(Response);
    expect(await currentSession(request('/office', mine))).not.toBeNull();
    expect(await db().staffSession.count({ where: { userId: admin.user.id, revokedAt: null } })).toBe(1);
    expect((await staffDetail(admin.actor, admin.user.id, 'zh-Hans')).activeSessions).toBe(1);
  });
});

describe('who may use the admin pages', () => {
  it('only admins load or post to the staff pages and the audit log; statistics go to their roles', async () => {
    const people = {
      CLERK: await staffUser('CLERK'),
      HANDLER: await staffUser('HANDLER', 'housing'),
      SUPERVISOR: await staffUser('SUPERVISOR'),
      ANALYST: await staffUser('ANALYST'),
      ADMIN: await staffUser('ADMIN'),
    };
    const target = await staffUser('CLERK');
    const results: Record<string, number[]> = {};
    for (const [role, person] of Object.entries(people)) {
      const token = await sessionToken(person.user.id);
      const params = { staffId: target.user.id };
      results[role] = [
        await statusOf(() => staffListRoute.loader({ request: request('/office/staff', token), params: {}, context: loadContext })),
        await statusOf(() =>
          staffListRoute.action({
            request: request('/office/staff', token, { method: 'POST', body: formData({}) }),
            params: {},
            context: loadContext,
          }),
        ),
        await statusOf(() =>
          staffDetailRoute.loader({ request: request(`/office/staff/${target.user.id}`, token), params, context: loadContext }),
        ),
        await statusOf(() =>
          staffDetailRoute.action({
            request: request(`/office/staff/${target.user.id}`, token, { method: 'POST', body: formData({ intent: 'endSessions' }) }),
            params,
            context: loadContext,
          }),
        ),
        await statusOf(() => auditRoute.loader({ request: request('/office/audit', token), params: {}, context: loadContext })),
        await statusOf(() => statisticsRoute.loader({ request: request('/office/statistics', token), params: {}, context: loadContext })),
      ];
    }
    // staff list, create (400: the empty form reached validation), staff detail,
    // change (303 back to the page), audit log, statistics
    expect(results).toEqual({
      CLERK: [403, 403, 403, 403, 403, 403],
      HANDLER: [403, 403, 403, 403, 403, 403],
      SUPERVISOR: [403, 403, 403, 403, 403, 200],
      ANALYST: [403, 403, 403, 403, 403, 200],
      ADMIN: [200, 400, 200, 303, 200, 200],
    });
    // Refused requests changed nothing: only the admin's request ended the target's sessions.
    expect(await db().auditLog.count({ where: { targetId: target.user.id, action: 'staff.sessionsRevoked' } })).toBe(1);
  });

  it('answers 404 for an account that does not exist or a malformed id', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    for (const staffId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(
        await statusOf(() =>
          staffDetailRoute.loader({ request: request(`/office/staff/${staffId}`, token), params: { staffId }, context: loadContext }),
        ),
      ).toBe(404);
    }
  });
});

describe('the audit log', () => {
  it('pages newest first by id, and filters by action and by account', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await staffUser('CLERK');
    for (let i = 0; i < 3; i++) await endAllSessions(admin.actor, clerk.user.id, ctx);

    const first = await auditLogPage(admin.actor, parseAuditFilters(new URLSearchParams({ staff: clerk.user.id })), 'zh-Hans', 2);
    expect(first.rows.map((row) => row.action)).toEqual(['staff.sessionsRevoked', 'staff.sessionsRevoked']);
    expect(first.rows[0]).toMatchObject({
      actor: { id: admin.user.id, name: admin.user.name, email: admin.user.email },
      target: { type: 'StaffUser', id: clerk.user.id, name: clerk.user.name },
      ipAddress: ctx.ipAddress,
    });
    expect(JSON.parse(first.rows[0]?.details ?? '{}')).toMatchObject({ sessionsRevoked: 0 });
    expect(first.staff).toMatchObject({ id: clerk.user.id });
    expect(Number(first.rows[0]?.id)).toBeGreaterThan(Number(first.rows[1]?.id));
    expect(first.olderBefore).toBe(first.rows[1]?.id);

    const second = await auditLogPage(
      admin.actor,
      parseAuditFilters(new URLSearchParams({ staff: clerk.user.id, before: first.olderBefore ?? '' })),
      'zh-Hans',
      2,
    );
    expect(second.rows).toHaveLength(1);
    expect(Number(second.rows[0]?.id)).toBeLessThan(Number(first.rows[1]?.id));
    expect(second.olderBefore).toBeNull();

    const byAction = await auditLogPage(
      admin.actor,
      parseAuditFilters(new URLSearchParams({ action: 'staff.sessionsRevoked' })),
      'zh-Hans',
      100,
    );
    expect(byAction.rows.length).toBeGreaterThanOrEqual(3);
    expect(byAction.rows.every((row) => row.action === 'staff.sessionsRevoked')).toBe(true);
  });

  it('ignores malformed filters rather than failing', () => {
    expect(parseAuditFilters(new URLSearchParams({ before: '1; DROP TABLE', action: 'nope', staff: 'x' }))).toEqual({});
    expect(parseAuditFilters(new URLSearchParams({ before: '42' }))).toEqual({ before: 42n });
  });
});

describe('statistics', () => {
  it('count cases by status, kind, channel, category, unit and week, with no personal data', async () => {
    const token = randomBytes(4).toString('hex');
    const personal = {
      name: `统计测试人${token}`,
      phone: '13900001111',
      email: `stats.${token}@example.com`,
      subject: `统计隐私测试标题 ${token}`,
      body: `统计隐私测试正文，不能出现在统计结果里。${token} 我所在的公司拖欠工资。`,
      area: `测试区${token}`,
    };
    const before = await caseStatistics('zh-Hans');
    for (const kind of ['COMPLAINT', 'SUGGESTION'] as const) {
      await submitCase(await validSubmission({ ...personal, kind }), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    }
    const after = await caseStatistics('zh-Hans');

    expect(after.total).toBe(before.total + 2);
    expect(after.byStatus.reduce((sum, row) => sum + row.count, 0)).toBe(after.total);
    const count = <K extends string>(rows: { key: K; count: number }[], key: K) => rows.find((row) => row.key === key)?.count ?? 0;
    expect(count(after.byStatus, 'SUBMITTED')).toBe(count(before.byStatus, 'SUBMITTED') + 2);
    expect(count(after.byKind, 'COMPLAINT')).toBe(count(before.byKind, 'COMPLAINT') + 1);
    expect(count(after.byKind, 'SUGGESTION')).toBe(count(before.byKind, 'SUGGESTION') + 1);
    expect(count(after.byChannel, 'ONLINE')).toBe(count(before.byChannel, 'ONLINE') + 2);
    expect(after.open).toBe(before.open + 2);

    const wage = (stats: typeof after) => stats.byCategory.find((row) => row.name === '劳动工资与欠薪')?.total ?? 0;
    expect(wage(after)).toBe(wage(before) + 2);
    expect(after.byUnit.reduce((sum, row) => sum + row.total, 0)).toBe(after.total);
    expect(after.byCategory.reduce((sum, row) => sum + row.total, 0)).toBe(after.total);

    expect(after.perWeek).toHaveLength(STATISTICS_WEEKS);
    expect(after.perWeek.at(-1)?.count).toBe((before.perWeek.at(-1)?.count ?? 0) + 2);
    expect(after.perWeek.every((week) => /^\d{4}-\d{2}-\d{2}$/.test(week.weekStart))).toBe(true);
    expect(after.deadlines.overdue + after.deadlines.dueSoon).toBeLessThanOrEqual(after.open);

    const json = JSON.stringify(after);
    for (const value of [...Object.values(personal), token, '李雷', '13812345678', 'li.lei@example.com', '拖欠工资三个月']) {
      expect(json).not.toContain(value);
    }
    const receipts = await db().case.findMany({ select: { receiptNo: true, id: true }, take: 50, orderBy: { createdAt: 'desc' } });
    for (const { receiptNo, id } of receipts) {
      expect(json).not.toContain(receiptNo);
      expect(json).not.toContain(id);
    }
  });

  it('counts overdue and due-soon open cases', async () => {
    const now = new Date();
    const before = await caseStatistics('en', now);
    const receipt = await submitCase(await validSubmission(), {
      idempotencyKey: newIdempotencyKey(),
      locale: 'zh-Hans',
      receivedAt: new Date(now.getTime() - 40 * 86_400_000),
      now: new Date(now.getTime() - 40 * 86_400_000),
    });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    expect(c.nextDueAt && c.nextDueAt < now).toBe(true);
    const after = await caseStatistics('en', now);
    expect(after.deadlines.overdue).toBe(before.deadlines.overdue + 1);
    expect(after.byCategory.find((row) => row.id === c.categoryId)?.name).toBe('Wages and unpaid wages');
    expect(after.byCategory.find((row) => row.id === c.categoryId)?.overdue).toBe(
      (before.byCategory.find((row) => row.id === c.categoryId)?.overdue ?? 0) + 1,
    );
  });
});
