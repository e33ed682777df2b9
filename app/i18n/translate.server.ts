// Server-side translation for loaders and actions (page titles, messages built on the server).
import { createI18n } from './instance.ts';
import { localeFromRequest } from './locale.server.ts';
import { resources } from './resources.ts';
import type { Locale } from './config.ts';
import type { TFunction } from 'i18next';

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
