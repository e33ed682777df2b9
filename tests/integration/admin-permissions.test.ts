// The permission matrix of the administration pages added for units, categories, reply
// templates, settings, the two-step verification reset and the statistics download: every
// loader and action called as each role. Every role but ADMIN is refused (403) and writes
// nothing, even with a valid form; the statistics download goes to the roles that read statistics.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { crisisLinesField } from '#app/features/settings/admin.server.ts';
import { forgetSetting } from '#app/features/settings/settings.server.ts';
import { canExportStatistics, canManageReferenceData, canManageSettings, type Actor } from '#app/features/staff/permissions.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { db } from '#app/platform/db.server.ts';
import * as exportRoute from '#app/routes/_resources+/office.statistics_.export.tsx';
import * as categoryRoute from '#app/routes/office+/categories.$categoryId.tsx';
import * as categoriesRoute from '#app/routes/office+/categories._index.tsx';
import * as templateRoute from '#app/routes/office+/reply-templates.$templateId.tsx';
import * as templatesRoute from '#app/routes/office+/reply-templates._index.tsx';
import * as settingsRoute from '#app/routes/office+/settings.tsx';
import * as staffDetailRoute from '#app/routes/office+/staff.$staffId.tsx';
import * as unitRoute from '#app/routes/office+/units.$unitId.tsx';
import * as unitsRoute from '#app/routes/office+/units._index.tsx';
import { staffUser, unitId } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';

type Role = Actor['role'];
const ROLES: Role[] = ['CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST', 'ADMIN'];

afterAll(async () => {
  await db().setting.deleteMany({ where: { key: { in: ['crisisLines', 'clustering'] } } });
  forgetSetting('crisisLines');
  forgetSetting('clustering');
});

describe('who may manage units, categories, reply templates and settings', () => {
  it('the permission functions: admins only; the statistics download with the statistics', () => {
    const actor = (role: Role): Actor => ({ id: 'x', role, unitId: null });
    expect(ROLES.filter((r) => canManageReferenceData(actor(r)))).toEqual(['ADMIN']);
    expect(ROLES.filter((r) => canManageSettings(actor(r)))).toEqual(['ADMIN']);
    expect(ROLES.filter((r) => canExportStatistics(actor(r)))).toEqual(['SUPERVISOR', 'ANALYST', 'ADMIN']);
  });

  it('every loader and action: 403 and nothing written for every role but ADMIN, even with valid forms', async () => {
    const bureau = await unitId('bureau');
    const housing = await unitId('housing');
    const unit = await db().unit.create({
      data: {
        code: `matrix-${randomBytes(4).toString('hex')}`,
        nameZhHans: '矩阵',
        nameZhHant: '矩陣',
        nameEn: 'Matrix',
        parentId: bureau,
      },
    });
    const category = await db().category.create({
      data: {
        code: `matrix-${randomBytes(4).toString('hex')}`,
        nameZhHans: '矩阵',
        nameZhHant: '矩陣',
        nameEn: 'Matrix',
        defaultUnitId: housing,
        sortOrder: 996,
      },
    });
    const template = await db().replyTemplate.create({ data: { kind: 'COMPLAINT', locale: 'zh-Hans', title: '矩阵模板', body: '答复' } });
    const target = await staffUser('SUPERVISOR');
    await db().staffUser.update({
      where: { id: target.user.id },
      data: { totpEnabledAt: new Date(), totpSecretSealed: 'sealed-secret', recoveryCodeHashes: ['a', 'b'] },
    });
    // Locked out of sign-in, for the whole account and for one address, so that "unlock" has something to lift.
    const lockedUntil = new Date(Date.now() + 3_600_000);
    await db().staffUser.update({ where: { id: target.user.id }, data: { failedSignIns: 0, lockedUntil } });
    await db().signInLockout.create({ data: { userId: target.user.id, address: '192.0.2.99', failures: 0, lockedUntil } });

    /** A snapshot of everything the calls could write. */
    const snapshot = async (actorId: string) => ({
      units: await db().unit.count(),
      unit: await db().unit.findUniqueOrThrow({ where: { id: unit.id } }),
      categories: await db().category.count(),
      category: await db().category.findUniqueOrThrow({ where: { id: category.id } }),
      templates: await db().replyTemplate.count(),
      template: await db().replyTemplate.findUniqueOrThrow({ where: { id: template.id } }),
      settings: await db().setting.findMany({ orderBy: { key: 'asc' } }),
      target: await db().staffUser.findUniqueOrThrow({
        where: { id: target.user.id },
        select: { totpEnabledAt: true, totpSecretSealed: true, recoveryCodeHashes: true, lockedUntil: true },
      }),
      lockouts: await db().signInLockout.count({ where: { userId: target.user.id } }),
      audit: await db().auditLog.count({ where: { actorId } }),
    });

    const results: Record<string, Record<string, number>> = {};
    for (const role of ROLES) {
      const person = await staffUser(role, role === 'HANDLER' ? 'housing' : undefined);
      const token = await sessionToken(person.user.id);
      const token4 = randomBytes(4).toString('hex');
      const get = (path: string) => officeRequest(path, token);
      const post = (path: string, fields: Record<string, string>) => officeRequest(path, token, { method: 'POST', body: formData(fields) });
      const names = { nameZhHans: `名${token4}`, nameZhHant: `名${token4}`, nameEn: `Name ${token4}` };
      const before = await snapshot(person.user.id);

      const calls: Record<string, () => Promise<unknown>> = {
        'units (view)': () => unitsRoute.loader({ request: get('/office/units'), params: {}, context: loadContext }),
        'units (create)': () =>
          unitsRoute.action({
            request: post('/office/units', { code: `u-${token4}`, ...names, parentId: bureau }),
            params: {},
            context: loadContext,
          }),
        'unit (view)': () =>
          unitRoute.loader({ request: get(`/office/units/${unit.id}`), params: { unitId: unit.id }, context: loadContext }),
        'unit (edit)': () =>
          unitRoute.action({
            request: post(`/office/units/${unit.id}`, { intent: 'update', ...names, parentId: bureau }),
            params: { unitId: unit.id },
            context: loadContext,
          }),
        'unit (deactivate)': () =>
          unitRoute.action({
            request: post(`/office/units/${unit.id}`, { intent: 'deactivate' }),
            params: { unitId: unit.id },
            context: loadContext,
          }),
        'categories (view)': () => categoriesRoute.loader({ request: get('/office/categories'), params: {}, context: loadContext }),
        'categories (create)': () =>
          categoriesRoute.action({
            request: post('/office/categories', { code: `c-${token4}`, ...names, defaultUnitId: housing, sortOrder: '997' }),
            params: {},
            context: loadContext,
          }),
        'category (view)': () =>
          categoryRoute.loader({
            request: get(`/office/categories/${category.id}`),
            params: { categoryId: category.id },
            context: loadContext,
          }),
        'category (edit)': () =>
          categoryRoute.action({
            request: post(`/office/categories/${category.id}`, { intent: 'update', ...names, defaultUnitId: housing, sortOrder: '998' }),
            params: { categoryId: category.id },
            context: loadContext,
          }),
        'category (deactivate)': () =>
          categoryRoute.action({
            request: post(`/office/categories/${category.id}`, { intent: 'deactivate' }),
            params: { categoryId: category.id },
            context: loadContext,
          }),
        'templates (view)': () => templatesRoute.loader({ request: get('/office/reply-templates'), params: {}, context: loadContext }),
        'templates (create)': () =>
          templatesRoute.action({
            request: post('/office/reply-templates', { kind: 'COMPLAINT', locale: 'en', title: `T ${token4}`, body: 'Reply' }),
            params: {},
            context: loadContext,
          }),
        'template (view)': () =>
          templateRoute.loader({
            request: get(`/office/reply-templates/${template.id}`),
            params: { templateId: template.id },
            context: loadContext,
          }),
        'template (edit)': () =>
          templateRoute.action({
            request: post(`/office/reply-templates/${template.id}`, {
              intent: 'update',
              kind: 'COMPLAINT',
              locale: 'zh-Hans',
              title: `T ${token4}`,
              body: 'x',
            }),
            params: { templateId: template.id },
            context: loadContext,
          }),
        'template (deactivate)': () =>
          templateRoute.action({
            request: post(`/office/reply-templates/${template.id}`, { intent: 'deactivate' }),
            params: { templateId: template.id },
            context: loadContext,
          }),
        'settings (view)': () => settingsRoute.loader({ request: get('/office/settings'), params: {}, context: loadContext }),
        'settings (crisis lines)': () =>
          settingsRoute.action({
            request: post('/office/settings', {
              intent: 'crisisLines',
              ...Object.fromEntries(LOCALES.map((locale) => [crisisLinesField(locale), `Line ${token4} | 12356`])),
            }),
            params: {},
            context: loadContext,
          }),
        'settings (clustering)': () =>
          settingsRoute.action({
            request: post('/office/settings', {
              intent: 'clustering',
              clusteringEnabled: 'yes',
              similarity: `0.${(ROLES.indexOf(role) + 2) * 10}`,
            }),
            params: {},
            context: loadContext,
          }),
        'staff (reset two-step)': () =>
          staffDetailRoute.action({
            request: post(`/office/staff/${target.user.id}`, { intent: 'resetTwoFactor' }),
            params: { staffId: target.user.id },
            context: loadContext,
          }),
        'staff (unlock sign-in)': () =>
          staffDetailRoute.action({
            request: post(`/office/staff/${target.user.id}`, { intent: 'unlock' }),
            params: { staffId: target.user.id },
            context: loadContext,
          }),
        'statistics (download)': () =>
          exportRoute.action({ request: post('/office/statistics/export', {}), params: {}, context: loadContext }),
      };
      results[role] = {};
      for (const [name, call] of Object.entries(calls)) results[role][name] = await statusOf(call);

      const after = await snapshot(person.user.id);
      if (role !== 'ADMIN') {
        // Refused: the only thing a role that may read statistics leaves is its download's entry.
        const downloads = canExportStatistics(person.actor) ? 1 : 0;
        expect([role, after]).toEqual([role, { ...before, audit: before.audit + downloads }]);
      } else {
        // The admin's valid requests did change things: proof that the forms above were real.
        expect(after.units).toBe(before.units + 1);
        expect(after.categories).toBe(before.categories + 1);
        expect(after.templates).toBe(before.templates + 1);
        expect(after.target.totpEnabledAt).toBeNull();
        expect(after.target.lockedUntil).toBeNull();
        expect(after.lockouts).toBe(0);
        expect(after.unit.active).toBe(false);
        expect(after.category.active).toBe(false);
        expect(after.template.active).toBe(false);
      }
    }

    const refused = (download: number) => ({
      'units (view)': 403,
      'units (create)': 403,
      'unit (view)': 403,
      'unit (edit)': 403,
      'unit (deactivate)': 403,
      'categories (view)': 403,
      'categories (create)': 403,
      'category (view)': 403,
      'category (edit)': 403,
      'category (deactivate)': 403,
      'templates (view)': 403,
      'templates (create)': 403,
      'template (view)': 403,
      'template (edit)': 403,
      'template (deactivate)': 403,
      'settings (view)': 403,
      'settings (crisis lines)': 403,
      'settings (clustering)': 403,
      'staff (reset two-step)': 403,
      'staff (unlock sign-in)': 403,
      'statistics (download)': download,
    });
    expect(results).toEqual({
      CLERK: refused(403),
      HANDLER: refused(403),
      SUPERVISOR: refused(200),
      ANALYST: refused(200),
      ADMIN: {
        'units (view)': 200,
        'units (create)': 303,
        'unit (view)': 200,
        'unit (edit)': 303,
        'unit (deactivate)': 303,
        'categories (view)': 200,
        'categories (create)': 303,
        'category (view)': 200,
        'category (edit)': 303,
        'category (deactivate)': 303,
        'templates (view)': 200,
        'templates (create)': 303,
        'template (view)': 200,
        'template (edit)': 303,
        'template (deactivate)': 303,
        'settings (view)': 200,
        'settings (crisis lines)': 303,
        'settings (clustering)': 303,
        'staff (reset two-step)': 303,
        'staff (unlock sign-in)': 303,
        'statistics (download)': 200,
      },
    });
  });

  it('answers 404 for a unit, category or template that does not exist or a malformed id', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const get = (path: string) => officeRequest(path, token);
      expect(
        await statusOf(() => unitRoute.loader({ request: get(`/office/units/${id}`), params: { unitId: id }, context: loadContext })),
      ).toBe(404);
      expect(
        await statusOf(() =>
          categoryRoute.loader({ request: get(`/office/categories/${id}`), params: { categoryId: id }, context: loadContext }),
        ),
      ).toBe(404);
      expect(
        await statusOf(() =>
          templateRoute.loader({ request: get(`/office/reply-templates/${id}`), params: { templateId: id }, context: loadContext }),
        ),
      ).toBe(404);
      const deactivate = officeRequest(`/office/units/${id}`, token, { method: 'POST', body: formData({ intent: 'deactivate' }) });
      expect(await statusOf(() => unitRoute.action({ request: deactivate, params: { unitId: id }, context: loadContext }))).toBe(404);
    }
    // An unknown intent is a bad request, not a change.
    const unit = await unitId('housing');
    const odd = officeRequest(`/office/units/${unit}`, token, { method: 'POST', body: formData({ intent: 'delete' }) });
    expect(await statusOf(() => unitRoute.action({ request: odd, params: { unitId: unit }, context: loadContext }))).toBe(400);
  });
});
