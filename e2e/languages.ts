// The languages the e2e suite runs in, and the rule for the project without JavaScript. Kept apart
// from support.ts so that playwright.config.ts can read it without the test helpers.

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Without JavaScript every test runs in the default language only. A page without JavaScript is the
 * server's HTML and its forms post and redirect the same way in every language; the project with
 * JavaScript runs every journey and sweep in each of its languages (ADR 0014). Choosing a language
 * without JavaScript is language.spec.ts's own subject, and it runs there.
 */
export const NO_JS_LOCALE: Locale = 'zh-Hans';

/**
 * Tests and groups name their language in brackets, "(en)"; these are the titles the project
 * without JavaScript leaves out.
 */
export const OTHER_LANGUAGE_TITLE = new RegExp(
  `\\((${LOCALES.filter((locale) => locale !== NO_JS_LOCALE)
    .map((locale) => locale.replace('-', '\\-'))
    .join('|')})\\)`,
);
