// Server-side translation for loaders and actions (page titles, messages built on the server),
// and the i18next instances that render pages: made once per language and set of namespaces,
// never per request (creating one cost about a tenth of a page's rendering time). Nothing on the
// server changes an instance's language or resources, so requests can share them.
import { createI18n } from './instance.ts';
import { localeFromRequest } from './locale.server.ts';
import { resources, type Namespace } from './resources.ts';
import type { Locale } from './config.ts';
import type { i18n, TFunction } from 'i18next';

const renderers = new Map<string, Promise<i18n>>();

/** The shared instance that renders pages in `locale` with these namespaces. */
export async function renderingI18n(locale: Locale, namespaces: readonly Namespace[]): Promise<i18n> {
  const key = `${locale}:${namespaces.join(',')}`;
  let instance = renderers.get(key);
  if (!instance) {
    instance = createI18n(locale, Object.fromEntries(namespaces.map((ns) => [ns, resources[locale][ns]])));
    renderers.set(key, instance);
  }
  return await instance;
}

const instances = new Map<Locale, Promise<TFunction>>();

export async function translator(locale: Locale): Promise<TFunction> {
  let t = instances.get(locale);
  if (!t) {
    t = createI18n(locale, resources[locale]).then((i18n) => i18n.t);
    instances.set(locale, t);
  }
  return await t;
}

export async function translatorFor(request: Request): Promise<{ locale: Locale; t: TFunction }> {
  const locale = localeFromRequest(request);
  return { locale, t: await translator(locale) };
}
