// Points the page at its language's strings (app/i18n/bundle.ts) and asks the browser to fetch them
// early: the browser hydrates with them without a second copy inside every page, and keeps them
// for the next page. Only the current language and the namespaces this part of the site uses.
import { useTranslation } from 'react-i18next';
import { bundleDocument } from '#app/i18n/bundle.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/i18n/config.ts';
import type { i18n as I18n } from 'i18next';

export const I18N_BUNDLE_ELEMENT_ID = 'pd-i18n';

// An instance's strings never change once it is made (on the server, one per language and set of
// namespaces, shared by every request), so each address is worked out once.
const addresses = new WeakMap<I18n, string>();

/** In the browser: the address the instance was made from, so hydration renders that very one. */
export function rememberBundleUrl(i18n: I18n, url: string): void {
  addresses.set(i18n, url);
}

function bundleUrl(i18n: I18n): string {
  let url = addresses.get(i18n);
  if (url === undefined) {
    const namespaces = Array.isArray(i18n.options.ns) ? i18n.options.ns : ['common'];
    const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
    url = bundleDocument(locale, Object.fromEntries(namespaces.map((ns) => [ns, i18n.getResourceBundle(i18n.language, ns) ?? {}]))).url;
    addresses.set(i18n, url);
  }
  return url;
}

export function I18nBundle() {
  const { i18n } = useTranslation();
  return <link id={I18N_BUNDLE_ELEMENT_ID} rel="preload" as="fetch" crossOrigin="anonymous" href={bundleUrl(i18n)} />;
}
