// The strings a page hydrates with: one JSON document per language and set of namespaces, at an
// address that names its content, so the browser fetches it once and keeps it (ADR 0019) instead of
// every page carrying it inline (it was 60% of the form's HTML).
import type { Locale } from './config.ts';

/** FNV-1a: a short, stable fingerprint of the content for the address (not a security measure). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export interface BundleDocument {
  json: string;
  url: string;
}

export function bundleDocument(locale: Locale, bundles: Readonly<Record<string, unknown>>): BundleDocument {
  const json = JSON.stringify(bundles);
  return { json, url: `/locales/${locale}/${Object.keys(bundles).join('+')}.${fingerprint(json)}.json` };
}

const FILE = /^([a-z-]+(?:\+[a-z-]+)*)\.([0-9a-f]{8})\.json$/;

/** The namespaces and fingerprint a bundle's file name holds, or null. */
export function parseBundleFile(file: string): { namespaces: string[]; fingerprint: string } | null {
  const match = FILE.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { namespaces: match[1].split('+'), fingerprint: match[2] };
}

/** Whether a bundle document is the one a file name asks for (its content has not changed since). */
export const isCurrent = (document: BundleDocument, file: string) => document.url.endsWith(`/${file}`);
