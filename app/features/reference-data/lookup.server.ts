// Categories and units as the portal shows them, named in the visitor's language.
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import type { Locale } from '#app/i18n/config.ts';

export async function listActiveCategories(locale: Locale): Promise<{ id: string; name: string }[]> {
  const rows = await db().category.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true },
  });
  return rows.map((row) => ({ id: row.id, name: localizedName(row, locale) }));
}

/** Active units, in the tree's order of codes, as a report of misconduct chooses whom it is about. */
export async function listActiveUnits(locale: Locale): Promise<{ id: string; name: string }[]> {
  const rows = await db().unit.findMany({
    where: { active: true },
    orderBy: { code: 'asc' },
    select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true },
  });
  return rows.map((row) => ({ id: row.id, name: localizedName(row, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** Whether a unit exists and is active (a report may name only such a unit). */
export async function isActiveUnit(unitId: string): Promise<boolean> {
  return (await db().unit.count({ where: { id: unitId, active: true } })) === 1;
}

// Categories change rarely (an admin edits them), and every submission needs them: keep them
// for a minute per process rather than asking the database each time.
const CACHE_MS = 60_000;
let categoryUnitsCache: { at: number; value: Promise<Map<string, string | null>> } | null = null;

/** Active category ids, each with the unit that receives its cases by default. */
export function activeCategoryUnits(now = Date.now()): Promise<Map<string, string | null>> {
  if (!categoryUnitsCache || now - categoryUnitsCache.at > CACHE_MS) {
    const value = db()
      .category.findMany({ where: { active: true }, select: { id: true, defaultUnitId: true } })
      .then((rows) => new Map(rows.map((row) => [row.id, row.defaultUnitId])));
    value.catch(() => {
      categoryUnitsCache = null;
    });
    categoryUnitsCache = { at: now, value };
  }
  return categoryUnitsCache.value;
}

/**
 * Forgets this process's cached categories, so the next submission reads them again. The admin
 * pages call it after every change to a category; other app instances catch up within CACHE_MS.
 */
export function forgetCategoryCache(): void {
  categoryUnitsCache = null;
}
