// Categories for /office/categories: the list, creating one, editing its names, default unit and
// place in the list, deactivating and reactivating it. Routes check canManageReferenceData first;
// these functions hold the rules, audit every change and make the portal see it at once.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import {
  LocalizedNames,
  NAME_FIELDS,
  ReferenceCode,
  changedFields,
  fieldErrors,
  formText,
  isUniqueViolation,
  lockReferenceData,
  type FieldErrors,
  type RequestContext,
} from './admin-forms.server.ts';
import { forgetCategoryCache } from './lookup.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';
import type { Locale } from '#app/i18n/config.ts';

export class CategoryAdminError extends Error {
  constructor(readonly code: 'notFound') {
    super(code);
  }
}

export const SORT_ORDER_MAX = 100_000;

// ---------------------------------------------------------------------------------------------
// Reading

export interface CategoryRow {
  id: string;
  code: string;
  name: string;
  defaultUnitName: string | null;
  defaultUnitActive: boolean;
  sortOrder: number;
  active: boolean;
}

const unitNames = { select: { nameZhHans: true, nameZhHant: true, nameEn: true, active: true } } as const;

/** Every category in the order the portal lists them (closed ones too, marked as such). */
export async function listCategories(locale: Locale): Promise<CategoryRow[]> {
  const rows = await db().category.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: {
      id: true,
      code: true,
      nameZhHans: true,
      nameZhHant: true,
      nameEn: true,
      sortOrder: true,
      active: true,
      defaultUnit: unitNames,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: localizedName(row, locale),
    defaultUnitName: row.defaultUnit ? localizedName(row.defaultUnit, locale) : null,
    defaultUnitActive: row.defaultUnit?.active ?? false,
    sortOrder: row.sortOrder,
    active: row.active,
  }));
}

/** A suggestion for a new category's place: after the last, in the steps of ten the seed uses. */
export async function nextSortOrder(): Promise<number> {
  const last = await db().category.aggregate({ _max: { sortOrder: true } });
  return Math.min(SORT_ORDER_MAX, Math.floor((last._max.sortOrder ?? 0) / 10) * 10 + 10);
}

export interface CategoryDetail {
  id: string;
  code: string;
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
  name: string;
  defaultUnitId: string | null;
  defaultUnit: { id: string; name: string; active: boolean } | null;
  sortOrder: number;
  active: boolean;
  cases: number;
  /** Whether this is the only active category (the portal's form needs at least one). */
  lastActive: boolean;
}

export async function categoryDetail(id: string, locale: Locale): Promise<CategoryDetail | null> {
  const row = await db().category.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      nameZhHans: true,
      nameZhHant: true,
      nameEn: true,
      sortOrder: true,
      active: true,
      defaultUnitId: true,
      defaultUnit: { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true, active: true } },
    },
  });
  if (!row) return null;
  const [cases, activeCategories] = await Promise.all([
    db().case.count({ where: { categoryId: id } }),
    db().category.count({ where: { active: true } }),
  ]);
  return {
    id: row.id,
    code: row.code,
    nameZhHans: row.nameZhHans,
    nameZhHant: row.nameZhHant,
    nameEn: row.nameEn,
    name: localizedName(row, locale),
    defaultUnitId: row.defaultUnitId,
    defaultUnit: row.defaultUnit
      ? { id: row.defaultUnit.id, name: localizedName(row.defaultUnit, locale), active: row.defaultUnit.active }
      : null,
    sortOrder: row.sortOrder,
    active: row.active,
    cases,
    lastActive: row.active && activeCategories === 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Form input

export type CategoryField = 'code' | (typeof NAME_FIELDS)[number] | 'defaultUnitId' | 'sortOrder';
export type CategoryEditField = Exclude<CategoryField, 'code'>;
export type CategoryValues = Partial<Record<CategoryField, string>>;

const DefaultUnit = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value),
  z
    .string()
    .min(1, { error: 'required' })
    .pipe(z.uuid({ error: 'invalid' })),
);

/** Whole numbers from 0 to 100,000 (full-width digits, as Chinese input methods type them, too). */
const SortOrder = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : value),
  z
    .string()
    .min(1, { error: 'required' })
    .regex(/^\d{1,9}$/, { error: 'invalid' })
    .transform(Number)
    .pipe(z.number().max(SORT_ORDER_MAX, { error: 'tooLarge' })),
);

export const UpdateCategoryForm = LocalizedNames.extend({ defaultUnitId: DefaultUnit, sortOrder: SortOrder });
export const CreateCategoryForm = UpdateCategoryForm.extend({ code: ReferenceCode });

const CREATE_FIELDS: readonly CategoryField[] = ['code', ...NAME_FIELDS, 'defaultUnitId', 'sortOrder'];
const EDIT_FIELDS: readonly CategoryEditField[] = [...NAME_FIELDS, 'defaultUnitId', 'sortOrder'];

function readValues(form: FormData): CategoryValues {
  return {
    code: formText(form, 'code', 200),
    nameZhHans: formText(form, 'nameZhHans', 300),
    nameZhHant: formText(form, 'nameZhHant', 300),
    nameEn: formText(form, 'nameEn', 300),
    defaultUnitId: formText(form, 'defaultUnitId', 40),
    sortOrder: formText(form, 'sortOrder', 20),
  };
}

export type CategoryFormOutcome<Field extends string> =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; errors: FieldErrors<Field>; values: CategoryValues };

async function isActiveUnit(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  return (await tx.unit.count({ where: { id, active: true } })) === 1;
}

/** Creates an active category, listed on the portal at once; audited as category.created. */
export async function createCategoryFromForm(
  form: FormData,
  actor: Actor,
  context: RequestContext,
): Promise<CategoryFormOutcome<CategoryField>> {
  const values = readValues(form);
  const parsed = CreateCategoryForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, CREATE_FIELDS), values };
  const { code, defaultUnitId, sortOrder, ...names } = parsed.data;
  try {
    const outcome = await db().$transaction(async (tx) => {
      await lockReferenceData(tx);
      if (!(await isActiveUnit(tx, defaultUnitId))) return { ok: false as const, errors: { defaultUnitId: 'invalid' }, values };
      if ((await tx.category.count({ where: { code } })) > 0) return { ok: false as const, errors: { code: 'taken' }, values };
      const category = await tx.category.create({ data: { code, defaultUnitId, sortOrder, ...names } });
      await audit(
        {
          action: 'category.created',
          actorId: actor.id,
          targetType: 'Category',
          targetId: category.id,
          ipAddress: context.ipAddress,
          details: { code, defaultUnitId, sortOrder, ...names },
        },
        tx,
      );
      return { ok: true as const, id: category.id, changed: true };
    });
    if (outcome.ok) forgetCategoryCache();
    return outcome;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { code: 'taken' }, values };
    throw error;
  }
}

/**
 * Changes a category's names, default unit and place in the list; audited as category.updated
 * with the fields that changed. Cases already received keep their unit; new ones go to the new
 * default unit. The code stays as it was made.
 */
export async function updateCategoryFromForm(
  form: FormData,
  actor: Actor,
  categoryId: string,
  context: RequestContext,
): Promise<CategoryFormOutcome<CategoryEditField>> {
  const values = readValues(form);
  const parsed = UpdateCategoryForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, EDIT_FIELDS), values };
  const { defaultUnitId, sortOrder, ...names } = parsed.data;
  const outcome = await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const before = await tx.category.findUnique({ where: { id: categoryId } });
    if (!before) throw new CategoryAdminError('notFound');
    if (defaultUnitId !== before.defaultUnitId && !(await isActiveUnit(tx, defaultUnitId))) {
      return { ok: false as const, errors: { defaultUnitId: 'invalid' }, values };
    }
    const change = changedFields(
      {
        nameZhHans: before.nameZhHans,
        nameZhHant: before.nameZhHant,
        nameEn: before.nameEn,
        defaultUnitId: before.defaultUnitId,
        sortOrder: before.sortOrder,
      },
      { ...names, defaultUnitId, sortOrder },
    );
    if (!change) return { ok: true as const, id: categoryId, changed: false };
    await tx.category.update({ where: { id: categoryId }, data: { ...names, defaultUnitId, sortOrder } });
    await audit(
      {
        action: 'category.updated',
        actorId: actor.id,
        targetType: 'Category',
        targetId: categoryId,
        ipAddress: context.ipAddress,
        details: { code: before.code, ...change },
      },
      tx,
    );
    return { ok: true as const, id: categoryId, changed: true };
  });
  if (outcome.ok && outcome.changed) forgetCategoryCache();
  return outcome;
}

export type CategoryStatusOutcome = { ok: true; changed: boolean } | { ok: false; reason: 'lastActive' | 'unitInactive' };

/**
 * Takes a category off the portal's form. Its cases keep it. The last active category cannot go
 * (the form would have nothing to offer). Audited as category.deactivated.
 */
export async function deactivateCategory(actor: Actor, categoryId: string, context: RequestContext): Promise<CategoryStatusOutcome> {
  const outcome = await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const category = await tx.category.findUnique({ where: { id: categoryId }, select: { code: true, active: true } });
    if (!category) throw new CategoryAdminError('notFound');
    if (!category.active) return { ok: true as const, changed: false };
    if ((await tx.category.count({ where: { active: true } })) <= 1) return { ok: false as const, reason: 'lastActive' as const };
    await tx.category.update({ where: { id: categoryId }, data: { active: false } });
    await audit(
      {
        action: 'category.deactivated',
        actorId: actor.id,
        targetType: 'Category',
        targetId: categoryId,
        ipAddress: context.ipAddress,
        details: { code: category.code, before: { active: true }, after: { active: false } },
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
  if (outcome.ok && outcome.changed) forgetCategoryCache();
  return outcome;
}

/** Puts a category back on the form, if its default unit is open; audited as category.reactivated. */
export async function reactivateCategory(actor: Actor, categoryId: string, context: RequestContext): Promise<CategoryStatusOutcome> {
  const outcome = await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const category = await tx.category.findUnique({ where: { id: categoryId }, select: { code: true, active: true, defaultUnitId: true } });
    if (!category) throw new CategoryAdminError('notFound');
    if (category.active) return { ok: true as const, changed: false };
    if (!category.defaultUnitId || !(await isActiveUnit(tx, category.defaultUnitId)))
      return { ok: false as const, reason: 'unitInactive' as const };
    await tx.category.update({ where: { id: categoryId }, data: { active: true } });
    await audit(
      {
        action: 'category.reactivated',
        actorId: actor.id,
        targetType: 'Category',
        targetId: categoryId,
        ipAddress: context.ipAddress,
        details: { code: category.code, before: { active: false }, after: { active: true } },
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
  if (outcome.ok && outcome.changed) forgetCategoryCache();
  return outcome;
}
