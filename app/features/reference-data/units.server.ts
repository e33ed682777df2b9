// Responsible units (责任单位) for /office/units: the tree, creating a unit, renaming and moving
// it, deactivating and reactivating it. Admins only, checked here whoever calls; these functions
// hold the rules (no cycles, no active unit under an inactive one, no category routed to a closed
// unit; see unit-rules.ts) and audit every change.
import { auditChange } from '#app/features/audit/audit.server.ts';
import { OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import {
  LocalizedNames,
  type NAME_FIELDS,
  OptionalId,
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
import { unitStatusRefusal, type UnitStatusRefusal } from './unit-rules.ts';
import type { Actor } from '#app/features/staff/permissions.ts';
import type { Locale } from '#app/i18n/config.ts';

// ---------------------------------------------------------------------------------------------
// Reading

export interface UnitTreeRow {
  id: string;
  code: string;
  name: string;
  active: boolean;
  /** The parent as shown in the tree (null for a top-level unit). */
  parentId: string | null;
  depth: number;
}

interface UnitRecord {
  id: string;
  code: string;
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
  parentId: string | null;
  active: boolean;
}

const UNIT_SELECT = { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true, parentId: true, active: true } as const;

/** Orders units parent before children, siblings by name in the reader's language. */
function treeOrder(rows: UnitRecord[], locale: Locale): UnitTreeRow[] {
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string | null, UnitRecord[]>();
  for (const row of rows) {
    const key = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const byName = (a: UnitRecord, b: UnitRecord) =>
    localizedName(a, locale).localeCompare(localizedName(b, locale), locale) || a.code.localeCompare(b.code);
  const out: UnitTreeRow[] = [];
  const seen = new Set<string>();
  const visit = (row: UnitRecord, parentId: string | null, depth: number) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    out.push({ id: row.id, code: row.code, name: localizedName(row, locale), active: row.active, parentId, depth });
    for (const child of [...(children.get(row.id) ?? [])].sort(byName)) visit(child, row.id, depth + 1);
  };
  for (const root of [...(children.get(null) ?? [])].sort(byName)) visit(root, null, 0);
  // Units caught in a cycle (the pages refuse to make one, but rows can be edited by hand) have no
  // root above them: list them at the top rather than lose them.
  for (const row of [...rows].sort(byName)) visit(row, null, 0);
  return out;
}

/** Every unit, active or not, in tree order. */
export async function unitTree(locale: Locale): Promise<UnitTreeRow[]> {
  return treeOrder(await db().unit.findMany({ select: UNIT_SELECT }), locale);
}

export interface UnitOption {
  id: string;
  /** Name and code, indented by depth with no-break spaces so the select shows the tree. */
  label: string;
  active: boolean;
}

/**
 * Units to choose from (a parent, a category's default unit): the active ones in tree order.
 * `keep` adds the currently chosen unit even when it has been deactivated, so saving a form
 * without touching the select does not quietly change it. `excludeSubtreeOf` leaves out a unit
 * and everything under it (as a parent they would make a cycle).
 */
export async function unitOptions(
  locale: Locale,
  options: { keep?: string | null; excludeSubtreeOf?: string } = {},
): Promise<UnitOption[]> {
  const rows = await unitTree(locale);
  const result: UnitOption[] = [];
  let skipBelow: number | null = null;
  for (const row of rows) {
    if (skipBelow !== null) {
      if (row.depth > skipBelow) continue;
      skipBelow = null;
    }
    if (row.id === options.excludeSubtreeOf) {
      skipBelow = row.depth;
      continue;
    }
    if (row.active || row.id === options.keep) {
      result.push({ id: row.id, label: `${'\u00a0\u00a0\u00a0'.repeat(row.depth)}${row.name} (${row.code})`, active: row.active });
    }
  }
  return result;
}

export interface UnitDetail {
  id: string;
  code: string;
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
  name: string;
  active: boolean;
  parentId: string | null;
  parent: { id: string; name: string; active: boolean } | null;
  createdAt: string;
  activeChildren: number;
  activeCategories: number;
  activeStaff: number;
  openCases: number;
  /** Why its status cannot change now (unit-rules.ts), or null. */
  statusRefusal: UnitStatusRefusal | null;
}

/** One unit for the admin page; NotFoundError when there is none. */
export async function unitDetail(actor: Actor, id: string, locale: Locale): Promise<UnitDetail> {
  requireReferenceDataAdmin(actor);
  const row = await db().unit.findUnique({
    where: { id },
    select: {
      ...UNIT_SELECT,
      createdAt: true,
      parent: { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true, active: true } },
    },
  });
  if (!row) throw new NotFoundError('unit');
  const [activeChildren, activeCategories, activeStaff, openCases] = await Promise.all([
    db().unit.count({ where: { parentId: id, active: true } }),
    db().category.count({ where: { defaultUnitId: id, active: true } }),
    db().staffUser.count({ where: { unitId: id, active: true } }),
    db().case.count({ where: { unitId: id, status: { in: [...OPEN_STATUSES] } } }),
  ]);
  return {
    id: row.id,
    code: row.code,
    nameZhHans: row.nameZhHans,
    nameZhHant: row.nameZhHant,
    nameEn: row.nameEn,
    name: localizedName(row, locale),
    active: row.active,
    parentId: row.parentId,
    parent: row.parent ? { id: row.parent.id, name: localizedName(row.parent, locale), active: row.parent.active } : null,
    createdAt: row.createdAt.toISOString(),
    activeChildren,
    activeCategories,
    activeStaff,
    openCases,
    statusRefusal: unitStatusRefusal({
      active: row.active,
      activeChildren,
      activeCategories,
      parentActive: row.parent ? row.parent.active : null,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Changes

export type UnitField = 'code' | (typeof NAME_FIELDS)[number] | 'parentId';
export type UnitEditField = Exclude<UnitField, 'code'>;

const CreateUnitForm = LocalizedNames.extend({ code: ReferenceCode, parentId: OptionalId });
const UpdateUnitForm = LocalizedNames.extend({ parentId: OptionalId });

const NOTICES = 'office-admin:units.detail.done';

async function isActiveUnit(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  return (await tx.unit.count({ where: { id, active: true } })) === 1;
}

/** Creates a unit, at the top of the tree or under an active parent; audited as unit.created. */
export async function createUnit(actor: Actor, form: FormInput, context: RequestContext): Promise<Created<UnitField>> {
  requireReferenceDataAdmin(actor);
  const parsed = parseForm(form, CreateUnitForm);
  if (!parsed.ok) return refused(parsed);
  const { values } = parsed;
  const { code, parentId = null, ...names } = parsed.value;
  const taken = refused<UnitField>({ errors: { code: 'taken' }, values });
  try {
    return await db().$transaction(async (tx) => {
      await lockReferenceData(tx);
      if (parentId && !(await isActiveUnit(tx, parentId))) return refused<UnitField>({ errors: { parentId: 'invalid' }, values });
      if ((await tx.unit.count({ where: { code } })) > 0) return taken;
      const unit = await tx.unit.create({ data: { code, parentId, ...names } });
      await auditChange(tx, { actor, context }, ['Unit', unit.id], 'unit.created', { code, parentId, ...names });
      return { ...done(NOTICES, 'created', { name: localizedName(names, context.locale) }), id: unit.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/** The ids of a unit and every unit above it (bounded, so a hand-made cycle cannot loop). */
async function selfAndAncestors(tx: Prisma.TransactionClient, id: string): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT "id", "parentId", 1 AS "depth" FROM "Unit" WHERE "id" = ${id}::uuid
      UNION ALL
      SELECT u."id", u."parentId", up."depth" + 1 FROM "Unit" u JOIN up ON u."id" = up."parentId" WHERE up."depth" < 1000
    )
    SELECT "id"::text AS "id" FROM up`;
  return new Set(rows.map((row) => row.id));
}

/**
 * Renames a unit and moves it in the tree; audited as unit.updated with the fields that changed.
 * A unit cannot move under itself or anything below it, and a new parent must be active. The
 * code stays as it was made: the seed and other systems refer to it.
 */
export async function updateUnit(actor: Actor, unitId: string, form: FormInput, context: RequestContext): Promise<Outcome<UnitEditField>> {
  requireReferenceDataAdmin(actor);
  const parsed = parseForm(form, UpdateUnitForm);
  if (!parsed.ok) return refused(parsed);
  const { values } = parsed;
  const { parentId = null, ...names } = parsed.value;
  return await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const before = await tx.unit.findUnique({ where: { id: unitId }, select: UNIT_SELECT });
    if (!before) throw new NotFoundError('unit');
    if (parentId !== before.parentId && parentId !== null) {
      if ((await selfAndAncestors(tx, parentId)).has(unitId)) {
        return refused<UnitEditField>({ errors: { parentId: parentId === unitId ? 'self' : 'cycle' }, values });
      }
      if (!(await isActiveUnit(tx, parentId))) return refused<UnitEditField>({ errors: { parentId: 'invalid' }, values });
    }
    const change = changedFields(
      { nameZhHans: before.nameZhHans, nameZhHant: before.nameZhHant, nameEn: before.nameEn, parentId: before.parentId },
      { ...names, parentId },
    );
    const name = { name: localizedName(names, context.locale) };
    if (!change) return done(NOTICES, 'unchanged', name);
    await tx.unit.update({ where: { id: unitId }, data: { ...names, parentId } });
    await auditChange(tx, { actor, context }, ['Unit', unitId], 'unit.updated', { code: before.code, ...change });
    return done(NOTICES, 'updated', name);
  });
}

/**
 * Closes a unit (it can no longer be chosen for staff, categories or new units) or opens it again,
 * when unitStatusRefusal allows it. Its staff and cases stay where they are. Audited as
 * unit.deactivated or unit.reactivated; asking for the status it already has changes nothing.
 */
export async function setUnitActive(actor: Actor, unitId: string, active: boolean, context: RequestContext): Promise<Outcome<never>> {
  requireReferenceDataAdmin(actor);
  return await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const unit = await tx.unit.findUnique({
      where: { id: unitId },
      select: { code: true, active: true, nameZhHans: true, nameZhHant: true, nameEn: true, parent: { select: { active: true } } },
    });
    if (!unit) throw new NotFoundError('unit');
    return await changeStatus(NOTICES, {
      active,
      was: unit.active,
      values: { name: localizedName(unit, context.locale) },
      refusal: async () =>
        unitStatusRefusal({
          active: unit.active,
          activeChildren: await tx.unit.count({ where: { parentId: unitId, active: true } }),
          activeCategories: await tx.category.count({ where: { defaultUnitId: unitId, active: true } }),
          parentActive: unit.parent ? unit.parent.active : null,
        }),
      write: async () => {
        await tx.unit.update({ where: { id: unitId }, data: { active } });
        const action = active ? 'unit.reactivated' : 'unit.deactivated';
        await auditChange(tx, { actor, context }, ['Unit', unitId], action, { code: unit.code, ...statusDetails(active) });
      },
    });
  });
}

/** The unit page's editor: its form posts (update, deactivate, reactivate) through one action. */
export const unitEditor: RecordEditor<UnitEditField> = { update: updateUnit, setActive: setUnitActive };
