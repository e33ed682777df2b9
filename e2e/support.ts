// Shared helpers for the e2e suite: the real locale strings, and the steps most specs repeat
// (filling in a valid letter, sending it, tracking a case, running axe).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import en from '#app/i18n/locales/en/common.json' with { type: 'json' };
import zhHans from '#app/i18n/locales/zh-Hans/common.json' with { type: 'json' };
import zhHant from '#app/i18n/locales/zh-Hant/common.json' with { type: 'json' };
import { SHARED_PAGE_SECONDS } from '#app/platform/http/headers.ts';
import { EVERY_LANGUAGE, LOCALES, NO_JS_LOCALE, type Locale } from './languages.ts';

export { EVERY_LANGUAGE, LOCALES, type Locale };

/** One locale's strings. Typed from English: a key missing in another language fails typecheck. */
export type Strings = typeof en;
export const STRINGS: Record<Locale, Strings> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };

/** What a browser in each language sends as Accept-Language (Playwright's `locale` option). */
export const BROWSER_LOCALE: Record<Locale, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

/** The language switcher names each language in itself. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

/**
 * Sends an exact Accept-Language header with every request of the page. (Playwright's `locale`
 * option takes one tag only, and in Chromium it overrides an Accept-Language in extraHTTPHeaders.)
 */
export async function sendAcceptLanguage(page: Page, header: string): Promise<void> {
  await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': header } }));
}

export type Kind = keyof Strings['kinds'];
export type ReplyChannel = keyof Strings['replyChannels'];

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches an accessible name that starts with `text` (radio and checkbox names include their hints). */
export const startsWith = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}`);

/** i18next-style `{{name}}` interpolation, for the few strings that take values. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export const RECEIPT_PATTERN = /^XF-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
export const ACCESS_CODE_PATTERN = /^[0-9A-Z]{5}-[0-9A-Z]{5}$/;

/** A short random token, so each test can recognise its own letter. */
export const uniqueToken = () => Math.random().toString(36).slice(2, 8).toUpperCase();

export interface Letter {
  kind: Kind;
  /** Index of the topic in the category select (0 is the placeholder). */
  categoryIndex: number;
  area: string;
  subject: string;
  body: string;
  coSignerCount: string;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  postalAddress: string;
  preferredReplyChannel: ReplyChannel;
  consent: boolean;
}

export function validLetter(overrides: Partial<Letter> = {}): Letter {
  const token = uniqueToken();
  return {
    kind: 'COMPLAINT',
    categoryIndex: 1,
    // Each letter from its own neighbourhood: unrelated letters, so the suite's cases do not all
    // gather into one cluster of similar cases (which would make every one of them red).
    area: `海淀区 Haidian District ${token}`,
    subject: `路灯不亮 Street lights out ${token}`,
    body: `The street lights on our road have been out for three weeks (${token}). 我们这条路的路灯已经坏了三个星期。Please repair them.`,
    coSignerCount: '3',
    anonymous: false,
    name: '王小明',
    phone: '13812345678',
    email: 'wang.xiaoming@example.com',
    postalAddress: '北京市海淀区中关村大街1号',
    preferredReplyChannel: 'EMAIL',
    consent: true,
    ...overrides,
  };
}

/**
 * The visible label of a react-aria radio or checkbox. The real <input> inside it is visually
 * hidden (1px, clipped), so a person clicks the label; `check()` on the label reads the state of
 * the input it contains.
 */
export function choice(page: Page, role: 'radio' | 'checkbox', label: string): Locator {
  return page.locator('label').filter({ has: page.getByRole(role, { name: startsWith(label) }) });
}

/** The portal layout's status area, where a flash notice (files added, …) is shown once. */
export function portalNotice(page: Page): Locator {
  return page.locator('main > [role="status"]');
}

/** The form's controls, found by their translated labels as a person would. */
export function submitForm(page: Page, s: Strings) {
  const f = s.submit.fields;
  const text = (label: string) => page.getByLabel(label, { exact: true });
  return {
    kind: (kind: Kind) => choice(page, 'radio', s.kinds[kind].label),
    category: text(f.categoryId.label),
    area: text(f.area.label),
    subject: text(f.subject.label),
    body: text(f.body.label),
    coSignerCount: text(f.coSignerCount.label),
    anonymous: choice(page, 'checkbox', f.anonymous.label),
    name: text(f.name.label),
    phone: text(f.phone.label),
    email: text(f.email.label),
    postalAddress: text(f.postalAddress.label),
    replyChannel: (channel: ReplyChannel) => choice(page, 'radio', s.replyChannels[channel]),
    consent: choice(page, 'checkbox', f.consent.label),
    send: page.getByRole('button', { name: s.submit.send }),
  };
}

/** Fills in every field of the submit form (the page must be on /submit). Returns what was entered. */
export async function fillValidLetter(page: Page, s: Strings, overrides: Partial<Letter> = {}): Promise<Letter> {
  const letter = validLetter(overrides);
  const form = submitForm(page, s);
  await form.kind(letter.kind).check();
  await form.category.selectOption({ index: letter.categoryIndex });
  await form.area.fill(letter.area);
  await form.subject.fill(letter.subject);
  await form.body.fill(letter.body);
  await form.coSignerCount.fill(letter.coSignerCount);
  await form.anonymous.setChecked(letter.anonymous);
  await form.name.fill(letter.name);
  await form.phone.fill(letter.phone);
  await form.email.fill(letter.email);
  await form.postalAddress.fill(letter.postalAddress);
  await form.replyChannel(letter.preferredReplyChannel).check();
  await form.consent.setChecked(letter.consent);
  return letter;
}

export interface Receipt {
  receiptNo: string;
  accessCode: string;
}

/** Sends the filled-in form and reads the receipt number and access code from the confirmation. */
export async function sendLetter(page: Page, s: Strings): Promise<Receipt> {
  await submitForm(page, s).send.click();
  await page.waitForURL((url) => url.pathname === '/submit/confirmation');
  await expect(page.getByRole('heading', { level: 1, name: s.confirmation.title })).toBeVisible();
  const receiptNo = (await page.getByTestId('receipt-no').innerText()).trim();
  const accessCode = (await page.getByTestId('access-code').innerText()).trim();
  expect(receiptNo).toMatch(RECEIPT_PATTERN);
  expect(accessCode).toMatch(ACCESS_CODE_PATTERN);
  return { receiptNo, accessCode };
}

/** Opens /submit, fills in a valid letter, sends it. */
export async function submitNewLetter(page: Page, s: Strings, overrides: Partial<Letter> = {}): Promise<Receipt & { letter: Letter }> {
  await page.goto('/submit');
  const letter = await fillValidLetter(page, s, overrides);
  const receipt = await sendLetter(page, s);
  return { ...receipt, letter };
}

export function trackForm(page: Page, s: Strings) {
  return {
    receiptNo: page.getByLabel(s.track.fields.receiptNo.label, { exact: true }),
    accessCode: page.getByLabel(s.track.fields.accessCode.label, { exact: true }),
    submit: page.getByRole('button', { name: s.track.submit }),
  };
}

/** Fills in and sends the track form (the page must be on /track). */
export async function lookUpCase(page: Page, s: Strings, receiptNo: string, accessCode: string): Promise<void> {
  const form = trackForm(page, s);
  await form.receiptNo.fill(receiptNo);
  await form.accessCode.fill(accessCode);
  await form.submit.click();
}

/** The GOV.UK-style error summary at the top of a form page. */
/**
 * A back-office step that cannot be undone (publishing an answer, declining, closing…) asks first
 * with JavaScript, in an alert dialog (ConfirmSubmitButton); without it, the click sent the form.
 */
export async function confirmStep(page: Page, js: boolean, confirmLabel: string): Promise<void> {
  if (js) await page.getByRole('alertdialog').getByRole('button', { name: confirmLabel }).click();
}

export function errorSummary(page: Page, s: Strings): Locator {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: s.errors.summaryTitle }) });
}

/** Reads `aria-describedby` and returns the text of each element it points to (null when missing). */
export async function describedByTexts(field: Locator): Promise<(string | null)[]> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  return await field.evaluate((_element, idList) => idList.map((id) => document.getElementById(id)?.textContent?.trim() ?? null), ids);
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe in the page itself (legacy mode): the default mode opens a blank page for every run to merge
 * frames' results, and the app has no iframes, the one thing only it checks (ADR 0018). Every
 * result type is kept: with passes truncated (`resultTypes`), landmark-unique's comparison of all
 * landmarks reports distinct sections as duplicates.
 */
async function runAxe(page: Page) {
  return await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
}

/**
 * axe runs inside the page, which a context with JavaScript disabled cannot do (its timers never
 * fire). To check what a visitor without JavaScript gets, the page's current DOM (as served and
 * left by the browser) is loaded, with its scripts removed, at the same URL in a scripted page:
 * same origin, same stylesheets, so colours and layout are identical.
 *
 * One such page per browser (a worker's), reused: a context and a page of their own for every
 * check cost about 2.5 s a page on a 2-core machine, and the stylesheet stays cached.
 */
interface AxeCopyPage {
  page: Page;
  /** The copy the next navigation to `url` is answered with. */
  next: { url: string; html: string } | null;
}
const axeCopyPages = new WeakMap<Browser, Promise<AxeCopyPage>>();

async function openAxeCopyPage(browser: Browser): Promise<AxeCopyPage> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const copy: AxeCopyPage = { page: await context.newPage(), next: null };
  await context.route(
    (target) => copy.next !== null && target.href === copy.next.url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: copy.next?.html ?? '' }),
  );
  return copy;
}

async function runAxeOnCopy(page: Page, browser: Browser) {
  // Without its fragment: a request's URL has none, and a change of fragment alone would not reload.
  const url = page.url().split('#')[0]!;
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  let opening = axeCopyPages.get(browser);
  if (!opening) {
    opening = openAxeCopyPage(browser);
    axeCopyPages.set(browser, opening);
  }
  const copy = await opening;
  const viewport = page.viewportSize();
  if (viewport) await copy.page.setViewportSize(viewport);
  copy.next = { url, html };
  try {
    await copy.page.goto(url);
    await expect(copy.page.locator('script')).toHaveCount(0);
    await expect(copy.page.locator('html')).toHaveAttribute('lang', (await page.locator('html').getAttribute('lang')) ?? '');
    return await runAxe(copy.page);
  } finally {
    copy.next = null;
  }
}

/**
 * The languages a journey is written for: the default and English. It runs in each project once,
 * without JavaScript in zh-Hans and with it in English (languages.ts). The third language's pages
 * are the same pages with other words; its strings are checked by the locale check and its pages by
 * the sweeps.
 */
export const JOURNEY_LOCALES = ['zh-Hans', 'en'] as const satisfies readonly Locale[];

export function isNoJs(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled === false;
}

/**
 * Runs axe on the page and fails with every violation's rule id and targets. Without JavaScript it
 * runs only on pages in NO_JS_LOCALE (e2e/languages.ts): a test whose title names no language may
 * still visit a page in another, and its other steps run there all the same.
 */
export async function expectNoAxeViolations(page: Page, browser: Browser, testInfo: TestInfo, label: string): Promise<void> {
  // A page reached by a form post or a link is still being parsed when its first elements appear.
  await page.waitForLoadState('load');
  if (isNoJs(testInfo) && (await page.locator('html').getAttribute('lang')) !== NO_JS_LOCALE) return;
  const results = isNoJs(testInfo) ? await runAxeOnCopy(page, browser) : await runAxe(page);
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${JSON.stringify(node.target)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${violation.id} [${violation.impact ?? 'n/a'}] ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
  if (report) {
    const message = `axe violations on ${label} (${testInfo.project.name}):\n${report}`;
    console.log(message);
    await testInfo.attach(`axe-${label}`, { body: message, contentType: 'text/plain' });
  }
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
    `axe violations on ${label}`,
  ).toEqual([]);
}

/**
 * Public pages (home, notices) may be answered from a rendering up to SHARED_PAGE_SECONDS old
 * (server/shared-pages.ts). Data a test writes straight into the database, as another process
 * would, shows once that rendering expires: reload until it does, for at most that long and a bit.
 */
export async function expectOnSharedPage(page: Page, locator: Locator): Promise<void> {
  await expect(async () => {
    if (!(await locator.isVisible())) await page.reload();
    await expect(locator).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: (SHARED_PAGE_SECONDS + 5) * 1000 });
}
