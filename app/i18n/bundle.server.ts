// Serves the translation bundles that pages point at (bundle.ts): built from the locale files for
// any language and set of known namespaces, once per process.
import { bundleDocument, parseBundleFile, type BundleDocument } from './bundle.ts';
import { isLocale } from './config.ts';
import { resources, type Namespace } from './resources.ts';

const documents = new Map<string, BundleDocument>();
/** Pages use a handful of sets; other orders and subsets are answered but not kept. */
const KEPT = 30;

function isNamespace(locale: keyof typeof resources, name: string): name is Namespace {
  return Object.hasOwn(resources[locale], name);
}

/** The bundle for /locales/:locale/:file, or null when the language or a namespace is unknown. */
export function translationBundle(locale: string, file: string): BundleDocument | null {
  if (!isLocale(locale)) return null;
  const parsed = parseBundleFile(file);
  if (!parsed || parsed.namespaces.length === 0) return null;
  const key = `${locale}:${parsed.namespaces.join('+')}`;
  let document = documents.get(key);
  if (!document) {
    const namespaces = parsed.namespaces.filter((name): name is Namespace => isNamespace(locale, name));
    if (namespaces.length !== parsed.namespaces.length) return null;
    document = bundleDocument(locale, Object.fromEntries(namespaces.map((name) => [name, resources[locale][name]])));
    if (documents.size < KEPT) documents.set(key, document);
  }
  return document;
}
