// react-aria words a few things itself (a combo box's "show suggestions" button, "sorted
// ascending" announcements) and sorts and filters with Intl. Without this it would guess the
// language from the browser, which can differ from the page's and from the server's render.
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

/** react-aria ships its strings under region tags: zh-CN for Simplified, zh-TW for Traditional. */
const ARIA_LOCALE: Record<string, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en-GB' };

export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={ARIA_LOCALE[i18n.language] ?? i18n.language}>{children}</I18nProvider>;
}
