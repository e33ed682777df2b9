import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from './i18n/config.ts';
import { createI18n, type TranslationBundles } from './i18n/instance.ts';
import { I18N_BUNDLE_ELEMENT_ID, rememberBundleUrl } from './ui/i18n-bundle.tsx';
import { TIME_ZONE_ATTRIBUTE, TimeZoneContext } from './ui/time-zone.tsx';

/** The page's strings, from the address it names (fetched early by its preload link). */
async function translationBundles(url: string): Promise<TranslationBundles> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const bundles: unknown = await response.json();
  if (!isTranslationBundles(bundles)) throw new Error(`${url} is not a translation bundle`);
  return bundles;
}

function isTranslationBundles(value: unknown): value is TranslationBundles {
  const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(value) && Object.values(value).every(isObject);
}

async function hydrate() {
  const lang = document.documentElement.lang;
  const url = document.getElementById(I18N_BUNDLE_ELEMENT_ID)?.getAttribute('href');
  // Without its strings the page stays as the server sent it, which works without scripts.
  if (!url) return;
  const i18n = await createI18n(isLocale(lang) ? lang : DEFAULT_LOCALE, await translationBundles(url));
  rememberBundleUrl(i18n, url);
  const timeZone = document.documentElement.getAttribute(TIME_ZONE_ATTRIBUTE) ?? 'UTC';
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <TimeZoneContext.Provider value={timeZone}>
          <I18nextProvider i18n={i18n}>
            <RemixBrowser />
          </I18nextProvider>
        </TimeZoneContext.Provider>
      </StrictMode>,
    );
  });
}

void hydrate();
