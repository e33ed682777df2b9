// All translations, bundled on the server. The browser receives only its own language's
// strings, embedded in the page (see app/root.tsx), never all three.
import en from './locales/en/common.json';
import zhHans from './locales/zh-Hans/common.json';
import zhHant from './locales/zh-Hant/common.json';
import type { Locale } from './config.ts';

export const resources: Record<Locale, { common: typeof en }> = {
  en: { common: en },
  'zh-Hans': { common: zhHans },
  'zh-Hant': { common: zhHant },
};
