// The languages the e2e suite runs in, and which tests each project runs in which language. Kept
// apart from support.ts so that playwright.config.ts can read it without the test helpers.

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Without JavaScript every test runs in the default language only. A page without JavaScript is the
 * server's HTML and its forms post and redirect the same way in every language (ADR 0014). Choosing
 * a language without JavaScript is language.spec.ts's own subject, and it runs there.
 */
export const NO_JS_LOCALE: Locale = 'zh-Hans';

/**
 * The tag of the tests that check pages in every language (the axe sweeps, the console crawl, the
 * notices): the project with JavaScript runs them in all three languages.
 */
export const EVERY_LANGUAGE = '@every-language';

/**
 * Tests and groups name their language in brackets, "(en)"; these are the titles the project
 * without JavaScript leaves out.
 */
export const OTHER_LANGUAGE_TITLE = new RegExp(
  `\\((${LOCALES.filter((locale) => locale !== NO_JS_LOCALE)
    .map((locale) => locale.replace('-', '\\-'))
    .join('|')})\\)`,
);

/**
 * A journey (a test written for zh-Hans and English, not tagged EVERY_LANGUAGE) runs once in each
 * project: without JavaScript in zh-Hans, with it in English. Its flow is the same in both languages,
 * and JavaScript is what changes it; the sweeps check every page in every language with it. These
 * are the titles the project with JavaScript leaves out. (Playwright matches a title with its tags.)
 */
export const DEFAULT_LANGUAGE_JOURNEY_TITLE = new RegExp(`^(?!.*${EVERY_LANGUAGE}).*\\(${NO_JS_LOCALE.replace('-', '\\-')}\\)`);
