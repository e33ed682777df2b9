// Text kept in each of the portal's languages (names of units and categories, notices, reception
// days), and the one rule for picking the reader's: their language, with no fallback needed
// because every language is required where these are written.
import type { Locale } from './config.ts';

export interface Localized<T = string> {
  zhHans: T;
  zhHant: T;
  en: T;
}

/** How units and categories store their names. */
export interface LocalizedNames {
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
}

export function pickLocalized<T>(text: Localized<T>, locale: Locale): T {
  return locale === 'en' ? text.en : locale === 'zh-Hant' ? text.zhHant : text.zhHans;
}

export function localizedName(row: LocalizedNames, locale: Locale): string {
  return pickLocalized({ zhHans: row.nameZhHans, zhHant: row.nameZhHant, en: row.nameEn }, locale);
}
