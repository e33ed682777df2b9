// Text kept in each of the portal's languages is posted as one field a language, named with the
// language's suffix (titleZhHans, placeEn): the forms find the base and the language from the name.
export const LANGUAGE_SUFFIXES = ['ZhHans', 'ZhHant', 'En'] as const;
export type LanguageSuffix = (typeof LANGUAGE_SUFFIXES)[number];

/** "titleZhHant" → { base: "title", suffix: "ZhHant" }; a field of no language has suffix null. */
export function languageField(field: string): { base: string; suffix: LanguageSuffix | null } {
  const suffix = LANGUAGE_SUFFIXES.find((s) => field.endsWith(s) && field.length > s.length) ?? null;
  return { base: suffix ? field.slice(0, -suffix.length) : field, suffix };
}

/** The fields of `bases`, each in every language, in that order: title in each, then body in each. */
export function inEachLanguage<Base extends string>(...bases: Base[]): `${Base}${LanguageSuffix}`[] {
  return bases.flatMap((base) => LANGUAGE_SUFFIXES.map((suffix) => `${base}${suffix}` as const));
}
