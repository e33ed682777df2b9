import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from './i18n/config.ts';
import { createI18n, type TranslationBundles } from './i18n/instance.ts';
import { I18N_BUNDLE_ELEMENT_ID } from './ui/i18n-bundle.tsx';
import { TIME_ZONE_ATTRIBUTE, TimeZoneContext } from './ui/time-zone.tsx';

async function hydrate() {
  const lang = document.documentElement.lang;
  const element = document.getElementById(I18N_BUNDLE_ELEMENT_ID);
  const bundles: TranslationBundles = element?.textContent ? JSON.parse(element.textContent) : {};
  const i18n = await createI18n(isLocale(lang) ? lang : DEFAULT_LOCALE, bundles);
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
