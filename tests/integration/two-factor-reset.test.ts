// An administrator resetting someone's two-step verification (lost phone and recovery codes),
// against the real test database: secret, recovery codes and last step cleared, every session
// ended, the reset audited, set-up forced again for roles that must use it, never one's own.
import { describe, expect, it } from 'vitest';
import { resetSecondFactor, staffDetail } from '#app/features/staff/admin.server.ts';
import { STAFF_COOKIE, currentSession, requireStaff, signIn } from '#app/features/staff/sign-in.server.ts';
import { base32Decode, totp } from '#app/features/staff/totp.server.ts';
import { enableTotp, newTotpSecret } from '#app/features/staff/two-factor.server.ts';
import { db } from '#app/platform/db.server.ts';
import * as staffDetailRoute from '#app/routes/office+/staff.$staffId.tsx';
import { staffUser } from '../support/fixtures.ts';
import { noticeOf } from '../support/notices.ts';
import { formData, loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';

const ctx = { ipAddress: '192.0.2.50', locale: 'zh-Hans' } as const;
const NOTICES = 'office-admin:staff.detail.done';
const asCookie = (token: string) => new Request('http://localhost/office', { headers: { Cookie: `${STAFF_COOKIE}=${token}` } });

/** An account with two-step verification really turned on, signed in on two devices. */
async function enrolled(role: 'SUPERVISOR' | 'CLERK') {
  const person = await staffUser(role);
  const secret = newTotpSecret();
  const codes = await enableTotp(person.user.id, secret, totp(base32Decode(secret), new Date()), '192.0.2.51');
  const tokens = [await sessionToken(person.user.id), await sessionToken(person.user.id)];
  return { ...person, secret, codes, tokens };
}

async function resetAudits(targetId: string) {
  return await db().auditLog.findMany({ where: { action: 'totp.resetByAdmin', targetType: 'StaffUser', targetId } });
}

describe('resetting two-step verification', () => {
  it('clears the secret, recovery codes and last step, ends every session, and is audited', async () => {
    const admin = await staffUser('ADMIN');
    const supervisor = await enrolled('SUPERVISOR');
    const before = await db().staffUser.findUniqueOrThrow({ where: { id: supervisor.user.id } });
    expect(before.totpSecretSealed).not.toBeNull();
    expect(before.recoveryCodeHashes).toHaveLength(10);
    expect(await currentSession(asCookie(supervisor.tokens[0]!))).not.toBeNull();

    expect(await resetSecondFactor(admin.actor, supervisor.user.id, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.twoFactorReset`, values: { name: supervisor.user.name } },
    });

    const after = await db().staffUser.findUniqueOrThrow({ where: { id: supervisor.user.id } });
    expect(after).toMatchObject({ totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [], active: true });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await db().staffSession.count({ where: { userId: supervisor.user.id, revokedAt: null } })).toBe(0);
    for (const token of supervisor.tokens) expect(await currentSession(asCookie(token))).toBeNull();
    expect(await resetAudits(supervisor.user.id)).toMatchObject([
      {
        actorId: admin.user.id,
        ipAddress: ctx.ipAddress,
        details: {
          before: { totpEnabled: true, recoveryCodesLeft: 10 },
          after: { totpEnabled: false, recoveryCodesLeft: 0 },
          sessionsRevoked: 2,
          mustSetUpAgain: true,
        },
      },
    ]);
    expect(JSON.stringify((await resetAudits(supervisor.user.id)).map((row) => row.details))).not.toContain(supervisor.secret);

    // A supervisor must use it: the next sign-in asks them to set it up again, and no page opens until they do.
    const next = await signIn(supervisor.user.email, supervisor.password, { ipAddress: '192.0.2.52' });
    expect(next).toMatchObject({ ok: true, next: 'enrolSecondFactor' });
    if (!next.ok) throw new Error('sign-in failed');
    await expect(requireStaff(asCookie(next.token))).rejects.toSatisfy(
      (thrown: unknown) => thrown instanceof Response && thrown.headers.get('Location') === '/office/account/two-factor',
    );
    // The old recovery codes no longer exist anywhere.
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: supervisor.user.id } })).recoveryCodeHashes).toEqual([]);
  });

  it('for a role that need not use it, the person signs in with their password alone afterwards', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await enrolled('CLERK');
    expect(await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.53' })).toMatchObject({ ok: true, next: 'secondFactor' });
    expect(await resetSecondFactor(admin.actor, clerk.user.id, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${NOTICES}.twoFactorReset` },
    });
    expect(await signIn(clerk.user.email, clerk.password, { ipAddress: '192.0.2.54' })).toMatchObject({ ok: true, next: 'done' });
    expect((await resetAudits(clerk.user.id))[0]?.details).toMatchObject({ mustSetUpAgain: false, sessionsRevoked: 3 });
    expect((await staffDetail(admin.actor, clerk.user.id, 'zh-Hans')).totpEnabled).toBe(false);
  });

  it('does nothing, and logs nothing, when two-step verification was not on', async () => {
    const admin = await staffUser('ADMIN');
    const clerk = await staffUser('CLERK');
    const token = await sessionToken(clerk.user.id);
    await db().staffUser.update({ where: { id: clerk.user.id }, data: { totpEnabledAt: null } });
    expect(await resetSecondFactor(admin.actor, clerk.user.id, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${NOTICES}.twoFactorAlreadyOff` },
    });
    expect(await resetAudits(clerk.user.id)).toHaveLength(0);
    expect(await currentSession(asCookie(token))).not.toBeNull();
  });

  it('an admin cannot reset their own, neither directly nor through the page', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    expect(await resetSecondFactor(admin.actor, admin.user.id, ctx)).toEqual({
      ok: false,
      status: 400,
      errors: {},
      values: {},
      formError: 'selfSecondFactorReset',
    });
    expect((await staffDetail(admin.actor, admin.user.id, 'zh-Hans')).resetRefusal).toBe('selfSecondFactorReset');
    const result = await staffDetailRoute.action({
      request: officeRequest(`/office/staff/${admin.user.id}`, token, { method: 'POST', body: formData({ intent: 'resetTwoFactor' }) }),
      params: { staffId: admin.user.id },
      context: loadContext,
    });
    expect(result).toMatchObject({ init: { status: 400 }, data: { formError: 'selfSecondFactorReset' } });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: admin.user.id } })).totpEnabledAt).not.toBeNull();
    expect(await currentSession(asCookie(token))).not.toBeNull();
    expect(await resetAudits(admin.user.id)).toHaveLength(0);
  });

  it('through the page: another admin resets a supervisor and is sent back with a notice', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const supervisor = await enrolled('SUPERVISOR');
    const response = await staffDetailRoute.action({
      request: officeRequest(`/office/staff/${supervisor.user.id}`, token, {
        method: 'POST',
        body: formData({ intent: 'resetTwoFactor' }),
      }),
      params: { staffId: supervisor.user.id },
      context: loadContext,
    });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(303);
    expect((response as Response).headers.get('Location')).toBe(`/office/staff/${supervisor.user.id}`);
    expect(noticeOf(response as Response)).toEqual({ key: `${NOTICES}.twoFactorReset`, values: { name: supervisor.user.name } });
    expect(await resetAudits(supervisor.user.id)).toHaveLength(1);
    // The admin's own session is untouched.
    expect(await currentSession(asCookie(token))).not.toBeNull();
  });
});
