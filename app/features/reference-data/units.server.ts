// Responsible units (责任单位) for /office/units: the tree, creating a unit, renaming and moving
// it, deactivating and reactivating it. Routes check canManageReferenceData first; these
// functions hold the rules whoever calls them (no cycles, no active unit under an inactive one,
// no category routed to a closed unit) and audit every change.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { CASE_STATUSES, TERMINAL_STATUSES } from '#app/features/cases/lifecycle.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import {
  LocalizedNames,
  NAME_FIELDS,
  OptionalId,
  ReferenceCode,
  changedFields,
  fieldErrors,
  formText,
  isUniqueViolation,
  lockReferenceData,
  type FieldErrors,
  type RequestContext,
} from './admin-forms.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';
import type { Locale } from '#app/i18n/config.ts';

export class UnitAdminError extends Error {
  constructor(readonly code: 'notFound') {
    super(code);
  }
}

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
}

/** Statuses in which a case still needs work from its unit. */
const OPEN_STATUSES = CASE_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));

export async function unitDetail(id: string, locale: Locale): Promise<UnitDetail | null> {
  const row = await db().unit.findUnique({
    where: { id },
    select: {
      ...UNIT_SELECT,
      createdAt: true,
      parent: { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true, active: true } },
    },
  });
  if (!row) return null;
  const [activeChildren, activeCategories, activeStaff, openCases] = await Promise.all([
    db().unit.count({ where: { parentId: id, active: true } }),
    db().category.count({ where: { defaultUnitId: id, active: true } }),
    db().staffUser.count({ where: { unitId: id, active: true } }),
    db().case.count({ where: { unitId: id, status: { in: OPEN_STATUSES } } }),
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
  };
}

// ---------------------------------------------------------------------------------------------
// Form input

export type UnitField = 'code' | (typeof NAME_FIELDS)[number] | 'parentId';
export type UnitEditField = Exclude<UnitField, 'code'>;
export type UnitValues = Partial<Record<UnitField, string>>;

export const CreateUnitForm = LocalizedNames.extend({ code: ReferenceCode, parentId: OptionalId });
export const UpdateUnitForm = LocalizedNames.extend({ parentId: OptionalId });

const CREATE_FIELDS: readonly UnitField[] = ['code', ...NAME_FIELDS, 'parentId'];
const EDIT_FIELDS: readonly UnitEditField[] = [...NAME_FIELDS, 'parentId'];

function readValues(form: FormData): UnitValues {
  return {
    code: formText(form, 'code', 200),
    nameZhHans: formText(form, 'nameZhHans', 300),
    nameZhHant: formText(form, 'nameZhHant', 300),
    nameEn: formText(form, 'nameEn', 300),
    parentId: formText(form, 'parentId', 40),
  };
}

export type UnitFormOutcome<Field extends string> =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; errors: FieldErrors<Field>; values: UnitValues };

async function isActiveUnit(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  return (await tx.unit.count({ where: { id, active: true } })) === 1;
}

/** Creates a unit, at the top of the tree or under an active parent; audited as unit.created. */
export async function createUnitFromForm(form: FormData, actor: Actor, context: RequestContext): Promise<UnitFormOutcome<UnitField>> {
  const values = readValues(form);
  const parsed = CreateUnitForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, CREATE_FIELDS), values };
  const { code, parentId = null, ...names } = parsed.data;
  try {
    return await db().$transaction(async (tx) => {
      await lockReferenceData(tx);
      if (parentId && !(await isActiveUnit(tx, parentId))) return { ok: false as const, errors: { parentId: 'invalid' }, values };
      if ((await tx.unit.count({ where: { code } })) > 0) return { ok: false as const, errors: { code: 'taken' }, values };
      const unit = await tx.unit.create({ data: { code, parentId, ...names } });
      await audit(
        {
          action: 'unit.created',
          actorId: actor.id,
          targetType: 'Unit',
          targetId: unit.id,
          ipAddress: context.ipAddress,
          details: { code, parentId, ...names },
        },
        tx,
      );
      return { ok: true as const, id: unit.id, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { code: 'taken' }, values };
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
export async function updateUnitFromForm(
  form: FormData,
  actor: Actor,
  unitId: string,
  context: RequestContext,
): Promise<UnitFormOutcome<UnitEditField>> {
  const values = readValues(form);
  const parsed = UpdateUnitForm.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, EDIT_FIELDS), values };
  const { parentId = null, ...names } = parsed.data;
  return await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const before = await tx.unit.findUnique({ where: { id: unitId }, select: UNIT_SELECT });
    if (!before) throw new UnitAdminError('notFound');
    if (parentId !== before.parentId && parentId !== null) {
      if ((await selfAndAncestors(tx, parentId)).has(unitId)) {
        return { ok: false as const, errors: { parentId: parentId === unitId ? 'self' : 'cycle' }, values };
      }
      if (!(await isActiveUnit(tx, parentId))) return { ok: false as const, errors: { parentId: 'invalid' }, values };
    }
    const change = changedFields(
      { nameZhHans: before.nameZhHans, nameZhHant: before.nameZhHant, nameEn: before.nameEn, parentId: before.parentId },
      { ...names, parentId },
    );
    if (!change) return { ok: true as const, id: unitId, changed: false };
    await tx.unit.update({ where: { id: unitId }, data: { ...names, parentId } });
    await audit(
      {
        action: 'unit.updated',
        actorId: actor.id,
        targetType: 'Unit',
        targetId: unitId,
        ipAddress: context.ipAddress,
        details: { code: before.code, ...change },
      },
      tx,
    );
    return { ok: true as const, id: unitId, changed: true };
  });
}

export type UnitStatusOutcome =
  | { ok: true; changed: boolean }
  | { ok: false; reason: 'hasActiveChildren' | 'usedByCategories' | 'parentInactive' };

/**
 * Closes a unit: it can no longer be chosen for staff, categories or new units. Refused while an
 * active unit sits under it or an active category sends its cases to it, so no case is routed to
 * a closed unit. Its staff and cases stay where they are. Audited as unit.deactivated.
 */
export async function deactivateUnit(actor: Actor, unitId: string, context: RequestContext): Promise<UnitStatusOutcome> {
  return await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { code: true, active: true } });
    if (!unit) throw new UnitAdminError('notFound');
    if (!unit.active) return { ok: true as const, changed: false };
    if ((await tx.unit.count({ where: { parentId: unitId, active: true } })) > 0)
      return { ok: false as const, reason: 'hasActiveChildren' as const };
    const categories = await tx.category.count({ where: { defaultUnitId: unitId, active: true } });
    if (categories > 0) return { ok: false as const, reason: 'usedByCategories' as const };
    await tx.unit.update({ where: { id: unitId }, data: { active: false } });
    await audit(
      {
        action: 'unit.deactivated',
        actorId: actor.id,
        targetType: 'Unit',
        targetId: unitId,
        ipAddress: context.ipAddress,
        details: { code: unit.code, before: { active: true }, after: { active: false } },
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}

/** Opens a closed unit again, if its parent (if any) is active; audited as unit.reactivated. */
export async function reactivateUnit(actor: Actor, unitId: string, context: RequestContext): Promise<UnitStatusOutcome> {
  return await db().$transaction(async (tx) => {
    await lockReferenceData(tx);
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { code: true, active: true, parentId: true } });
    if (!unit) throw new UnitAdminError('notFound');
    if (unit.active) return { ok: true as const, changed: false };
    if (unit.parentId && !(await isActiveUnit(tx, unit.parentId))) return { ok: false as const, reason: 'parentInactive' as const };
    await tx.unit.update({ where: { id: unitId }, data: { active: true } });
    await audit(
      {
        action: 'unit.reactivated',
        actorId: actor.id,
        targetType: 'Unit',
        targetId: unitId,
        ipAddress: context.ipAddress,
        details: { code: unit.code, before: { active: false }, after: { active: true } },
      },
      tx,
    );
    return { ok: true as const, changed: true };
  });
}

export const UnitIntent = z.enum(['update', 'deactivate', 'reactivate']);
