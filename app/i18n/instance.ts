// Creates an i18next instance for one locale, on the server per request and once in the browser.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale } from './config.ts';

/** Namespace → nested strings, for one locale. */
export type TranslationBundles = Record<string, Record<string, unknown>>;

export async function createI18n(locale: Locale, bundles: TranslationBundles): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [locale],
    ns: Object.keys(bundles),
    defaultNS: 'common',
    resources: { [locale]: bundles },
    interpolation: { escapeValue: false },
    returnNull: false,
    initImmediate: false,
  });
  return instance;
}
