// Creates an i18next instance for one locale, on the server per request and once in the browser.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale } from './config.ts';

export type TranslationBundle = Record<string, unknown>;

export async function createI18n(locale: Locale, bundle: TranslationBundle): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [locale],
    ns: ['common'],
    defaultNS: 'common',
    resources: { [locale]: { common: bundle } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initImmediate: false,
  });
  return instance;
}
