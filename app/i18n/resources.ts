// All translations, bundled on the server. The browser receives only its own language's
// strings, and only the namespaces its part of the site uses (see app/ui/i18n-bundle.tsx).
import enCommon from './locales/en/common.json';
import enOfficeAdmin from './locales/en/office-admin.json';
import enOfficeAuth from './locales/en/office-auth.json';
import enOffice from './locales/en/office.json';
import zhHansCommon from './locales/zh-Hans/common.json';
import zhHansOfficeAdmin from './locales/zh-Hans/office-admin.json';
import zhHansOfficeAuth from './locales/zh-Hans/office-auth.json';
import zhHansOffice from './locales/zh-Hans/office.json';
import zhHantCommon from './locales/zh-Hant/common.json';
import zhHantOfficeAdmin from './locales/zh-Hant/office-admin.json';
import zhHantOfficeAuth from './locales/zh-Hant/office-auth.json';
import zhHantOffice from './locales/zh-Hant/office.json';
import type { Locale } from './config.ts';

export type Namespace = 'common' | 'office' | 'office-auth' | 'office-admin';
type Bundle = Record<string, unknown>;

export const resources: Record<Locale, Record<Namespace, Bundle>> = {
  en: { common: enCommon, office: enOffice, 'office-auth': enOfficeAuth, 'office-admin': enOfficeAdmin },
  'zh-Hans': { common: zhHansCommon, office: zhHansOffice, 'office-auth': zhHansOfficeAuth, 'office-admin': zhHansOfficeAdmin },
  'zh-Hant': { common: zhHantCommon, office: zhHantOffice, 'office-auth': zhHantOfficeAuth, 'office-admin': zhHantOfficeAdmin },
};

/** The portal needs only `common`; the back office needs its own namespaces too. */
export function namespacesForPath(pathname: string): Namespace[] {
  return pathname === '/office' || pathname.startsWith('/office/')
    ? ['common', 'office', 'office-auth', 'office-admin']
    : ['common'];
}
