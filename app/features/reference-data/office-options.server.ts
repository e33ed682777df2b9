// Choices the back-office forms offer (categories, units, handlers), named in the reader's language.
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { listActiveCategories } from './lookup.server.ts';
import type { Locale } from '#app/i18n/config.ts';

export interface Option {
  value: string;
  label: string;
}

export async function officeOptions(locale: Locale) {
  const [categories, units, handlers] = await Promise.all([
    listActiveCategories(locale),
    db().unit.findMany({
      where: { active: true },
      orderBy: { code: 'asc' },
      select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true },
    }),
    db().staffUser.findMany({
      where: { active: true, role: 'HANDLER' },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, unitId: true },
    }),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, localizedName(u, locale)]));
  return {
    categories: categories.map((c): Option => ({ value: c.id, label: c.name })),
    units: units.map((u): Option => ({ value: u.id, label: localizedName(u, locale) })),
    handlers: handlers.map((h): Option & { unitId: string | null } => ({
      value: h.id,
      label: h.unitId ? `${h.name} (${unitNames.get(h.unitId) ?? ''})` : h.name,
      unitId: h.unitId,
    })),
  };
}
