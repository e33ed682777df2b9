// Embeds the current language's strings in the page so the browser can hydrate without a
// second request and without downloading the other two languages.
import { useTranslation } from 'react-i18next';
import { useNonce } from './nonce.tsx';

export const I18N_BUNDLE_ELEMENT_ID = 'pd-i18n';

export function I18nBundle() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const namespaces = Array.isArray(i18n.options.ns) ? i18n.options.ns : ['common'];
  const bundles = Object.fromEntries(namespaces.map((ns) => [ns, i18n.getResourceBundle(i18n.language, ns) ?? {}]));
  const json = JSON.stringify(bundles).replace(/</g, '\\u003c');
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
