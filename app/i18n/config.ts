// The portal's languages. zh-Hans is the default; the first visit follows Accept-Language.
export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-Hans';
export const LOCALE_COOKIE = 'pd_lng';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag from a browser to one of our locales, or null. */
export function matchLocaleTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (!lower) return null;
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (!(lower === 'zh' || lower.startsWith('zh-'))) return null;
  if (/^zh-(hant|tw|hk|mo)(\b|-)/.test(lower)) return 'zh-Hant';
  return 'zh-Hans';
}

/** Picks the best locale from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = matchLocaleTag(entry.tag);
    if (locale) return locale;
  }
  return null;
}
