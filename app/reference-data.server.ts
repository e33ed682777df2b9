// Categories and units as the portal shows them, named in the visitor's language.
import { db } from './db.server.ts';
import type { Locale } from './i18n/config.ts';

export interface LocalizedNames {
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
}

export function localizedName(row: LocalizedNames, locale: Locale): string {
  return locale === 'en' ? row.nameEn : locale === 'zh-Hant' ? row.nameZhHant : row.nameZhHans;
}

export async function listActiveCategories(locale: Locale): Promise<{ id: string; name: string }[]> {
  const rows = await db().category.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true },
  });
  return rows.map((row) => ({ id: row.id, name: localizedName(row, locale) }));
}
