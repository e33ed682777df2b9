// Categories for /office/categories: the list, creating one, editing its names, default unit and
// place in the list, deactivating and reactivating it. Admins only, checked here whoever calls;
// these functions hold the rules (see category-rules.ts), audit every change and make the portal
// see it at once.
import { z } from 'zod';
import { auditChange } from '#app/features/audit/audit.server.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import {
  LocalizedNames,
  type NAME_FIELDS,
  ReferenceCode,
  changeStatus,
  changedFields,
  done,
  statusDetails,
  isUniqueViolation,
  lockReferenceData,
  requireReferenceDataAdmin,
  type Created,
  type FormInput,
  type RecordEditor,
  type RequestContext,
} from './admin-forms.server.ts';
import { categoryStatusRefusal, type CategoryStatusRefusal } from './category-rules.ts';
import { forgetCategoryCache } from './lookup.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';
import type { Locale } from '#app/i18n/config.ts';

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

const CATEGORY_SELECT = {
  id: true,
  code: true,
  nameZhHans: true,
  nameZhHant: true,
  nameEn: true,
  sortOrder: true,
  active: true,
  defaultUnitId: true,
  defaultUnit: { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true, active: true } },
} as const;

/** Every category in the order the portal lists them (closed ones too, marked as such). */
export async function listCategories(actor: Actor, locale: Locale): Promise<CategoryRow[]> {
  requireReferenceDataAdmin(actor);
  const rows = await db().category.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: CATEGORY_SELECT,
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
  /** Why its status cannot change now (category-rules.ts), or null. */
  statusRefusal: CategoryStatusRefusal | null;
}

/** One category for the admin page; NotFoundError when there is none. */
export async function categoryDetail(actor: Actor, id: string, locale: Locale): Promise<CategoryDetail> {
  requireReferenceDataAdmin(actor);
  const row = await db().category.findUnique({
    where: { id },
    select: CATEGORY_SELECT,
  });
  if (!row) throw new NotFoundError('category');
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
    statusRefusal: categoryStatusRefusal({ active: row.active, activeCategories, defaultUnitActive: row.defaultUnit?.active ?? false }),
  };
}

// ---------------------------------------------------------------------------------------------
// Changes

export type CategoryField = 'code' | (typeof NAME_FIELDS)[number] | 'defaultUnitId' | 'sortOrder';
export type CategoryEditField = Exclude<CategoryField, 'code'>;

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

const NOTICES = 'office-admin:categories.detail.done';

async function isActiveUnit(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  return (await tx.unit.count({ where: { id, active: true } })) === 1;
}

/**
 * Runs a change to the categories in one locked transaction; when it wrote something (`wrote()`)
 * and committed, this process forgets its cached categories so the portal's next submission
 * sees the change at once.
 */
async function changeCategories<T>(change: (tx: Prisma.TransactionClient, wrote: () => void) => Promise<T>): Promise<T> {
  let written = false;
  const result = await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    return await change(tx, () => {
      written = true;
    });
  });
  if (written) forgetCategoryCache();
  return result;
}

/** Creates an active category, listed on the portal at once; audited as category.created. */
export async function createCategory(actor: Actor, form: FormInput, context: RequestContext): Promise<Created<CategoryField>> {
  requireReferenceDataAdmin(actor);
  const parsed = parseForm(form, CreateCategoryForm);
  if (!parsed.ok) return refused(parsed);
  const { values } = parsed;
  const { code, defaultUnitId, sortOrder, ...names } = parsed.value;
  const taken = refused<CategoryField>({ errors: { code: 'taken' }, values });
  try {
    return await changeCategories(async (tx, wrote) => {
      if (!(await isActiveUnit(tx, defaultUnitId))) return refused<CategoryField>({ errors: { defaultUnitId: 'invalid' }, values });
      if ((await tx.category.count({ where: { code } })) > 0) return taken;
      const category = await tx.category.create({ data: { code, defaultUnitId, sortOrder, ...names } });
      wrote();
      await auditChange(tx, { actor, context }, ['Category', category.id], 'category.created', {
        code,
        defaultUnitId,
        sortOrder,
        ...names,
      });
      return { ...done(NOTICES, 'created', { name: localizedName(names, context.locale) }), id: category.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/**
 * Changes a category's names, default unit and place in the list; audited as category.updated
 * with the fields that changed. Cases already received keep their unit; new ones go to the new
 * default unit. The code stays as it was made.
 */
export async function updateCategory(
  actor: Actor,
  id: string,
  form: FormInput,
  context: RequestContext,
): Promise<Outcome<CategoryEditField>> {
  requireReferenceDataAdmin(actor);
  const parsed = parseForm(form, UpdateCategoryForm);
  if (!parsed.ok) return refused(parsed);
  const { values } = parsed;
  const { defaultUnitId, sortOrder, ...names } = parsed.value;
  const name = { name: localizedName(names, context.locale) };
  return await changeCategories(async (tx, wrote) => {
    const before = await tx.category.findUnique({ where: { id: id } });
    if (!before) throw new NotFoundError('category');
    if (defaultUnitId !== before.defaultUnitId && !(await isActiveUnit(tx, defaultUnitId))) {
      return refused<CategoryEditField>({ errors: { defaultUnitId: 'invalid' }, values });
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
    if (!change) return done(NOTICES, 'unchanged', name);
    await tx.category.update({ where: { id: id }, data: { ...names, defaultUnitId, sortOrder } });
    wrote();
    await auditChange(tx, { actor, context }, ['Category', id], 'category.updated', { code: before.code, ...change });
    return done(NOTICES, 'updated', name);
  });
}

/**
 * Takes a category off the portal's form (its cases keep it) or puts it back, when
 * categoryStatusRefusal allows it. Audited as category.deactivated or category.reactivated;
 * asking for the status it already has changes nothing.
 */
export async function setCategoryActive(
  actor: Actor,
  categoryId: string,
  active: boolean,
  context: RequestContext,
): Promise<Outcome<never>> {
  requireReferenceDataAdmin(actor);
  return await changeCategories(async (tx, wrote): Promise<Outcome<never>> => {
    const category = await tx.category.findUnique({
      where: { id: categoryId },
      select: { code: true, active: true, nameZhHans: true, nameZhHant: true, nameEn: true, defaultUnitId: true },
    });
    if (!category) throw new NotFoundError('category');
    return await changeStatus(NOTICES, {
      active,
      was: category.active,
      values: { name: localizedName(category, context.locale) },
      refusal: async () =>
        categoryStatusRefusal({
          active: category.active,
          activeCategories: await tx.category.count({ where: { active: true } }),
          defaultUnitActive: category.defaultUnitId !== null && (await isActiveUnit(tx, category.defaultUnitId)),
        }),
      write: async () => {
        await tx.category.update({ where: { id: categoryId }, data: { active } });
        wrote();
        const action = active ? 'category.reactivated' : 'category.deactivated';
        await auditChange(tx, { actor, context }, ['Category', categoryId], action, { code: category.code, ...statusDetails(active) });
      },
    });
  });
}

/** The category page's editor: its form posts (update, deactivate, reactivate) through one action. */
export const categoryEditor: RecordEditor<CategoryEditField> = { update: updateCategory, setActive: setCategoryActive };
