// Embeds the current language's strings in the page so the browser can hydrate without a
// second request and without downloading the other two languages.
import { useTranslation } from 'react-i18next';
import { useNonce } from './nonce.tsx';
import type { i18n as I18n } from 'i18next';

export const I18N_BUNDLE_ELEMENT_ID = 'pd-i18n';

// An instance's strings never change once it is made (on the server, one per language and set of
// namespaces, shared by every request), so each is serialised once.
const serialised = new WeakMap<I18n, string>();

function bundleJson(i18n: I18n): string {
  let json = serialised.get(i18n);
  if (json === undefined) {
    const namespaces = Array.isArray(i18n.options.ns) ? i18n.options.ns : ['common'];
    const bundles = Object.fromEntries(namespaces.map((ns) => [ns, i18n.getResourceBundle(i18n.language, ns) ?? {}]));
    json = JSON.stringify(bundles).replace(/</g, '\\u003c');
    serialised.set(i18n, json);
  }
  return json;
}

export function I18nBundle() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const json = bundleJson(i18n);
  return (
    <script
      id={I18N_BUNDLE_ELEMENT_ID}
      type="application/json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}
