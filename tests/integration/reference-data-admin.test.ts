// Units and categories as admins manage them, against the real test database: creating, editing,
// moving, deactivating and reactivating, every change audited, cycles in the unit tree refused,
// and category changes reaching the portal's submissions at once.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitCase } from '#app/features/cases/submission.server.ts';
import {
  categoryDetail,
  createCategory,
  listCategories,
  setCategoryActive,
  updateCategory,
} from '#app/features/reference-data/categories.server.ts';
import { activeCategoryUnits, listActiveCategories } from '#app/features/reference-data/lookup.server.ts';
import { createUnit, setUnitActive, unitDetail, unitOptions, unitTree, updateUnit } from '#app/features/reference-data/units.server.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { formData } from '../support/office-requests.ts';

const ctx = { ipAddress: '192.0.2.20', locale: 'zh-Hans' } as const;
const UNIT_NOTICES = 'office-admin:units.detail.done';
const CATEGORY_NOTICES = 'office-admin:categories.detail.done';
const unique = () => randomBytes(4).toString('hex');

async function auditRows(targetType: string, targetId: string, action?: string) {
  return await db().auditLog.findMany({ where: { targetType, targetId, ...(action ? { action } : {}) }, orderBy: { id: 'asc' } });
}

function unitForm(fields: Partial<Record<'code' | 'nameZhHans' | 'nameZhHant' | 'nameEn' | 'parentId', string>> = {}) {
  const token = unique();
  return formData({
    code: `unit-${token}`,
    nameZhHans: `测试单位${token}`,
    nameZhHant: `測試單位${token}`,
    nameEn: `Test unit ${token}`,
    parentId: '',
    ...fields,
  });
}

async function newUnit(admin: Awaited<ReturnType<typeof staffUser>>, parentId = '') {
  const outcome = await createUnit(admin.actor, unitForm({ parentId }), ctx);
  if (!outcome.ok) throw new Error(`unit not created: ${JSON.stringify(outcome.errors)}`);
  return outcome.id;
}

function categoryForm(fields: Partial<Record<'code' | 'nameZhHans' | 'nameZhHant' | 'nameEn' | 'defaultUnitId' | 'sortOrder', string>>) {
  const token = unique();
  return formData({
    code: `topic-${token}`,
    nameZhHans: `测试类别${token}`,
    nameZhHant: `測試類別${token}`,
    nameEn: `Test topic ${token}`,
    defaultUnitId: '',
    sortOrder: '995',
    ...fields,
  });
}

describe('units', () => {
  it('creates a unit under a parent, audited, and shows it in the tree below that parent', async () => {
    const admin = await staffUser('ADMIN');
    const bureau = await unitId('bureau');
    const token = unique();
    const outcome = await createUnit(
      admin.actor,
      unitForm({
        code: `  Tax-Bureau-${token} `,
        nameZhHans: ' 市税务局 ',
        nameZhHant: '市稅務局',
        nameEn: 'Municipal Tax Bureau',
        parentId: bureau,
      }),
      ctx,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const unit = await db().unit.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(unit).toMatchObject({ code: `tax-bureau-${token}`, nameZhHans: '市税务局', parentId: bureau, active: true });

    expect(await auditRows('Unit', unit.id, 'unit.created')).toMatchObject([
      { actorId: admin.user.id, ipAddress: ctx.ipAddress, details: { code: unit.code, parentId: bureau, nameEn: 'Municipal Tax Bureau' } },
    ]);

    const tree = await unitTree('en');
    const row = tree.find((r) => r.id === unit.id);
    const parentRow = tree.find((r) => r.id === bureau);
    expect(row).toMatchObject({ name: 'Municipal Tax Bureau', parentId: bureau, depth: (parentRow?.depth ?? -1) + 1 });
    // Tree order: a parent comes before each of its children.
    expect(tree.findIndex((r) => r.id === bureau)).toBeLessThan(tree.findIndex((r) => r.id === unit.id));
    expect((await unitOptions('zh-Hans')).map((o) => o.id)).toContain(unit.id);
  });

  it('reports every field problem at once, and refuses a taken code or a closed parent', async () => {
    const admin = await staffUser('ADMIN');
    const empty = await createUnit(admin.actor, formData({}), ctx);
    expect(empty).toMatchObject({
      ok: false,
      errors: { code: 'required', nameZhHans: 'required', nameZhHant: 'required', nameEn: 'required' },
    });
    const bad = await createUnit(admin.actor, unitForm({ code: 'tax bureau!', nameEn: 'x'.repeat(121), parentId: 'nope' }), ctx);
    expect(bad).toMatchObject({ ok: false, errors: { code: 'invalid', nameEn: 'tooLong', parentId: 'invalid' } });
    expect(await createUnit(admin.actor, unitForm({ code: 'housing' }), ctx)).toMatchObject({
      ok: false,
      errors: { code: 'taken' },
    });

    const closed = await newUnit(admin);
    expect(await setUnitActive(admin.actor, closed, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${UNIT_NOTICES}.deactivated` },
    });
    const under = await createUnit(admin.actor, unitForm({ parentId: closed }), ctx);
    expect(under).toMatchObject({ ok: false, errors: { parentId: 'invalid' } });
    expect(await db().unit.count({ where: { parentId: closed } })).toBe(0);
  });

  it('renames and moves a unit, auditing only what changed; saving the same values writes nothing', async () => {
    const admin = await staffUser('ADMIN');
    const id = await newUnit(admin);
    const before = await db().unit.findUniqueOrThrow({ where: { id } });
    const bureau = await unitId('bureau');
    const outcome = await updateUnit(
      admin.actor,
      id,
      formData({ nameZhHans: before.nameZhHans, nameZhHant: before.nameZhHant, nameEn: 'Renamed unit', parentId: bureau }),
      ctx,
    );
    expect(outcome).toEqual({ ok: true, notice: { key: `${UNIT_NOTICES}.updated`, values: { name: before.nameZhHans } } });
    expect(await db().unit.findUniqueOrThrow({ where: { id } })).toMatchObject({
      nameEn: 'Renamed unit',
      parentId: bureau,
      code: before.code,
    });
    const [entry] = await auditRows('Unit', id, 'unit.updated');
    expect(entry?.details).toEqual({
      code: before.code,
      before: { nameEn: before.nameEn, parentId: null },
      after: { nameEn: 'Renamed unit', parentId: bureau },
    });

    const again = await updateUnit(
      admin.actor,
      id,
      formData({ nameZhHans: before.nameZhHans, nameZhHant: before.nameZhHant, nameEn: 'Renamed unit', parentId: bureau }),
      ctx,
    );
    expect(again).toEqual({ ok: true, notice: { key: `${UNIT_NOTICES}.unchanged`, values: { name: before.nameZhHans } } });
    expect(await auditRows('Unit', id, 'unit.updated')).toHaveLength(1);

    const invalid = await updateUnit(admin.actor, id, formData({ nameZhHans: '', nameZhHant: 'x', nameEn: 'y' }), ctx);
    expect(invalid).toMatchObject({ ok: false, errors: { nameZhHans: 'required' } });
    await expect(updateUnit(admin.actor, '00000000-0000-4000-8000-000000000000', unitForm(), ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a parent cycle: not under itself, not under anything below it', async () => {
    const admin = await staffUser('ADMIN');
    const top = await newUnit(admin);
    const middle = await newUnit(admin, top);
    const bottom = await newUnit(admin, middle);
    const names = await db().unit.findUniqueOrThrow({ where: { id: top } });
    const move = (parentId: string) =>
      updateUnit(
        admin.actor,
        top,
        formData({ nameZhHans: names.nameZhHans, nameZhHant: names.nameZhHant, nameEn: names.nameEn, parentId }),
        ctx,
      );

    expect(await move(bottom)).toMatchObject({ ok: false, errors: { parentId: 'cycle' } });
    expect(await move(middle)).toMatchObject({ ok: false, errors: { parentId: 'cycle' } });
    expect(await move(top)).toMatchObject({ ok: false, errors: { parentId: 'self' } });
    expect((await db().unit.findUniqueOrThrow({ where: { id: top } })).parentId).toBeNull();
    expect(await auditRows('Unit', top, 'unit.updated')).toHaveLength(0);

    // The form offers neither the unit itself nor anything below it as a parent.
    const offered = (await unitOptions('zh-Hans', { excludeSubtreeOf: top })).map((o) => o.id);
    expect(offered).not.toContain(top);
    expect(offered).not.toContain(middle);
    expect(offered).not.toContain(bottom);
    expect(offered).toContain(await unitId('bureau'));
  });

  it('two admins moving two units under each other at once: one wins, no cycle is made', async () => {
    const admin = await staffUser('ADMIN');
    const a = await newUnit(admin);
    const b = await newUnit(admin);
    const [rowA, rowB] = await Promise.all([
      db().unit.findUniqueOrThrow({ where: { id: a } }),
      db().unit.findUniqueOrThrow({ where: { id: b } }),
    ]);
    const under = (row: typeof rowA, parentId: string) =>
      updateUnit(
        admin.actor,
        row.id,
        formData({ nameZhHans: row.nameZhHans, nameZhHant: row.nameZhHant, nameEn: row.nameEn, parentId }),
        ctx,
      );
    const results = await Promise.all([under(rowA, b), under(rowB, a)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ errors: { parentId: 'cycle' } }]);
    const after = await db().unit.findMany({ where: { id: { in: [a, b] } } });
    expect(after.filter((u) => u.parentId !== null)).toHaveLength(1);
  });

  it('deactivates a unit only when nothing active depends on it, and reactivates it under an active parent', async () => {
    const admin = await staffUser('ADMIN');
    const parent = await newUnit(admin);
    const child = await newUnit(admin, parent);

    expect(await setUnitActive(admin.actor, parent, false, ctx)).toMatchObject({ ok: false, status: 409, formError: 'hasActiveChildren' });
    const created = await createCategory(admin.actor, categoryForm({ defaultUnitId: child }), ctx);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(await setUnitActive(admin.actor, child, false, ctx)).toMatchObject({ ok: false, status: 409, formError: 'usedByCategories' });
    expect(await unitDetail(admin.actor, child, 'zh-Hans')).toMatchObject({ activeCategories: 1, statusRefusal: 'usedByCategories' });
    expect(await db().unit.count({ where: { id: { in: [parent, child] }, active: false } })).toBe(0);

    expect(await setCategoryActive(admin.actor, created.id, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${CATEGORY_NOTICES}.deactivated` },
    });
    expect(await setUnitActive(admin.actor, child, false, ctx)).toMatchObject({ ok: true, notice: { key: `${UNIT_NOTICES}.deactivated` } });
    expect(await setUnitActive(admin.actor, child, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${UNIT_NOTICES}.alreadyInactive` },
    });
    expect(await setUnitActive(admin.actor, parent, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${UNIT_NOTICES}.deactivated` },
    });
    expect(await auditRows('Unit', child, 'unit.deactivated')).toMatchObject([
      { actorId: admin.user.id, details: { before: { active: true }, after: { active: false } } },
    ]);
    // A closed unit is no longer offered anywhere.
    expect((await unitOptions('zh-Hans')).map((o) => o.id)).not.toContain(child);

    expect(await setUnitActive(admin.actor, child, true, ctx)).toMatchObject({ ok: false, status: 409, formError: 'parentInactive' });
    expect(await setUnitActive(admin.actor, parent, true, ctx)).toMatchObject({ ok: true, notice: { key: `${UNIT_NOTICES}.reactivated` } });
    expect(await setUnitActive(admin.actor, child, true, ctx)).toMatchObject({ ok: true, notice: { key: `${UNIT_NOTICES}.reactivated` } });
    expect(await setUnitActive(admin.actor, child, true, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${UNIT_NOTICES}.alreadyActive` },
    });
    expect(await auditRows('Unit', child, 'unit.reactivated')).toHaveLength(1);
    await expect(setUnitActive(admin.actor, '00000000-0000-4000-8000-000000000000', false, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps a closed parent selectable while editing a unit under it, so saving does not move it', async () => {
    const admin = await staffUser('ADMIN');
    const parent = await newUnit(admin);
    const child = await newUnit(admin, parent);
    await db().unit.update({ where: { id: parent }, data: { active: false } });
    const options = await unitOptions('en', { keep: parent, excludeSubtreeOf: child });
    expect(options.find((o) => o.id === parent)).toMatchObject({ active: false });
    const row = await db().unit.findUniqueOrThrow({ where: { id: child } });
    expect(
      await updateUnit(
        admin.actor,
        child,
        formData({ nameZhHans: row.nameZhHans, nameZhHant: row.nameZhHant, nameEn: 'Kept', parentId: parent }),
        ctx,
      ),
    ).toMatchObject({ ok: true, notice: { key: `${UNIT_NOTICES}.updated` } });
    expect((await db().unit.findUniqueOrThrow({ where: { id: child } })).parentId).toBe(parent);
  });
});

describe('categories', () => {
  it('creates a category that the portal offers and accepts at once, audited', async () => {
    const admin = await staffUser('ADMIN');
    const housing = await unitId('housing');
    // Fill the per-process cache first: the change must not wait for it to expire.
    await activeCategoryUnits();
    const token = unique();
    const outcome = await createCategory(
      admin.actor,
      categoryForm({ code: `Noise-${token}`, nameZhHans: `噪声扰民${token}`, defaultUnitId: housing, sortOrder: '１５５' }),
      ctx,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const category = await db().category.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(category).toMatchObject({ code: `noise-${token}`, defaultUnitId: housing, sortOrder: 155, active: true });
    expect(await auditRows('Category', category.id, 'category.created')).toMatchObject([
      { actorId: admin.user.id, ipAddress: ctx.ipAddress, details: { code: category.code, defaultUnitId: housing, sortOrder: 155 } },
    ]);

    expect((await listActiveCategories('zh-Hans')).find((c) => c.id === category.id)?.name).toBe(`噪声扰民${token}`);
    expect((await activeCategoryUnits()).get(category.id)).toBe(housing);
    const receipt = await submitCase(await validSubmission({ categoryId: category.id }), {
      idempotencyKey: newIdempotencyKey(),
      locale: 'zh-Hans',
    });
    expect(await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } })).toMatchObject({
      categoryId: category.id,
      unitId: housing,
    });
    expect((await listCategories(admin.actor, 'en')).find((c) => c.id === category.id)).toMatchObject({
      defaultUnitName: 'Municipal Housing and Urban-Rural Development Bureau',
    });
  });

  it('reports field problems with codes the page translates', async () => {
    const admin = await staffUser('ADMIN');
    expect(await createCategory(admin.actor, formData({}), ctx)).toMatchObject({
      ok: false,
      errors: {
        code: 'required',
        nameZhHans: 'required',
        nameZhHant: 'required',
        nameEn: 'required',
        defaultUnitId: 'required',
        sortOrder: 'required',
      },
    });
    expect(await createCategory(admin.actor, categoryForm({ defaultUnitId: 'x', sortOrder: '1.5' }), ctx)).toMatchObject({
      ok: false,
      errors: { defaultUnitId: 'invalid', sortOrder: 'invalid' },
    });
    expect(
      await createCategory(admin.actor, categoryForm({ defaultUnitId: await unitId('housing'), sortOrder: '100001' }), ctx),
    ).toMatchObject({
      ok: false,
      errors: { sortOrder: 'tooLarge' },
    });
    expect(await createCategory(admin.actor, categoryForm({ code: 'housing', defaultUnitId: await unitId('housing') }), ctx)).toMatchObject(
      {
        ok: false,
        errors: { code: 'taken' },
      },
    );
    const closed = await db().unit.create({
      data: { code: `closed-${unique()}`, nameZhHans: '停', nameZhHant: '停', nameEn: 'Closed', active: false },
    });
    expect(await createCategory(admin.actor, categoryForm({ defaultUnitId: closed.id }), ctx)).toMatchObject({
      ok: false,
      errors: { defaultUnitId: 'invalid' },
    });
  });

  it('edits names, default unit and position: new cases go to the new unit at once', async () => {
    const admin = await staffUser('ADMIN');
    const housing = await unitId('housing');
    const education = await unitId('education');
    const created = await createCategory(admin.actor, categoryForm({ defaultUnitId: housing }), ctx);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const row = await db().category.findUniqueOrThrow({ where: { id: created.id } });
    await activeCategoryUnits();
    const outcome = await updateCategory(
      admin.actor,
      row.id,
      formData({ nameZhHans: row.nameZhHans, nameZhHant: row.nameZhHant, nameEn: 'Schools', defaultUnitId: education, sortOrder: '45' }),
      ctx,
    );
    expect(outcome).toEqual({ ok: true, notice: { key: `${CATEGORY_NOTICES}.updated`, values: { name: row.nameZhHans } } });
    expect((await activeCategoryUnits()).get(row.id)).toBe(education);
    expect((await auditRows('Category', row.id, 'category.updated'))[0]?.details).toEqual({
      code: row.code,
      before: { nameEn: row.nameEn, defaultUnitId: housing, sortOrder: 995 },
      after: { nameEn: 'Schools', defaultUnitId: education, sortOrder: 45 },
    });
    const unchanged = await updateCategory(
      admin.actor,
      row.id,
      formData({ nameZhHans: row.nameZhHans, nameZhHant: row.nameZhHant, nameEn: 'Schools', defaultUnitId: education, sortOrder: '45' }),
      ctx,
    );
    expect(unchanged).toEqual({ ok: true, notice: { key: `${CATEGORY_NOTICES}.unchanged`, values: { name: row.nameZhHans } } });
    expect(await auditRows('Category', row.id, 'category.updated')).toHaveLength(1);
    await expect(
      updateCategory(admin.actor, '00000000-0000-4000-8000-000000000000', categoryForm({ defaultUnitId: education }), ctx),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deactivation takes a category off the portal at once; reactivation needs an open default unit', async () => {
    const admin = await staffUser('ADMIN');
    const unit = await newUnitForCategories(admin);
    const created = await createCategory(admin.actor, categoryForm({ defaultUnitId: unit }), ctx);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect((await activeCategoryUnits()).has(created.id)).toBe(true);

    expect(await setCategoryActive(admin.actor, created.id, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${CATEGORY_NOTICES}.deactivated` },
    });
    expect(await setCategoryActive(admin.actor, created.id, false, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${CATEGORY_NOTICES}.alreadyInactive` },
    });
    expect((await activeCategoryUnits()).has(created.id)).toBe(false);
    expect((await listActiveCategories('en')).map((c) => c.id)).not.toContain(created.id);
    await expect(
      submitCase(await validSubmission({ categoryId: created.id }), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' }),
    ).rejects.toThrow(/inactive category/);
    expect(await auditRows('Category', created.id, 'category.deactivated')).toHaveLength(1);

    await db().unit.update({ where: { id: unit }, data: { active: false } });
    expect(await categoryDetail(admin.actor, created.id, 'zh-Hans')).toMatchObject({ statusRefusal: 'unitInactive' });
    expect(await setCategoryActive(admin.actor, created.id, true, ctx)).toMatchObject({
      ok: false,
      status: 409,
      formError: 'unitInactive',
    });
    await db().unit.update({ where: { id: unit }, data: { active: true } });
    expect(await setCategoryActive(admin.actor, created.id, true, ctx)).toMatchObject({
      ok: true,
      notice: { key: `${CATEGORY_NOTICES}.reactivated` },
    });
    expect((await activeCategoryUnits()).get(created.id)).toBe(unit);
    expect(await auditRows('Category', created.id, 'category.reactivated')).toMatchObject([{ actorId: admin.user.id }]);
  });

  it('never deactivates the last active category', async () => {
    const admin = await staffUser('ADMIN');
    const active = await db().category.findMany({ where: { active: true }, select: { id: true } });
    const [keep, ...others] = active.map((c) => c.id);
    try {
      await db().category.updateMany({ where: { id: { in: others } }, data: { active: false } });
      expect((await categoryDetail(admin.actor, keep!, 'zh-Hans')).statusRefusal).toBe('lastActive');
      expect(await setCategoryActive(admin.actor, keep!, false, ctx)).toMatchObject({ ok: false, status: 409, formError: 'lastActive' });
      expect((await db().category.findUniqueOrThrow({ where: { id: keep! } })).active).toBe(true);
      expect(await auditRows('Category', keep!, 'category.deactivated')).toHaveLength(0);
    } finally {
      await db().category.updateMany({ where: { id: { in: others } }, data: { active: true } });
    }
  });
});

async function newUnitForCategories(admin: Awaited<ReturnType<typeof staffUser>>) {
  return await newUnit(admin, await unitId('bureau'));
}
