// Every back-office page passes axe (WCAG 2.2 AA) in every language, signed in with a role that
// may see it: a clerk for the case pages, an administrator for the administration pages.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import officeAdminEn from '#app/i18n/locales/en/office-admin.json' with { type: 'json' };
import officeAdminZhHans from '#app/i18n/locales/zh-Hans/office-admin.json' with { type: 'json' };
import officeAdminZhHant from '#app/i18n/locales/zh-Hant/office-admin.json' with { type: 'json' };
import { receiveLetter } from './case-setup.ts';
import { staffPageAs } from './office-sign-in.ts';
import { BROWSER_LOCALE, LOCALES, expectNoAxeViolations, sendAcceptLanguage, skipRepeatedSweep, type Locale } from './support.ts';

const ADMIN: Record<Locale, typeof officeAdminEn> = { en: officeAdminEn, 'zh-Hans': officeAdminZhHans, 'zh-Hant': officeAdminZhHant };

/** Opens the path and runs axe on it, checking the page is in the locale's language. */
function checker(browser: Browser, testInfo: TestInfo, locale: Locale) {
  return async (target: Page, path: string) => {
    await target.goto(path);
    await expect(target.locator('html')).toHaveAttribute('lang', locale);
    await expectNoAxeViolations(target, browser, testInfo, `${path} (${locale})`);
  };
}

/** After a form was sent with mistakes: the error summary shows, and the page passes axe. */
async function checkAfterPost(page: Page, browser: Browser, testInfo: TestInfo, locale: Locale, label: string) {
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expectNoAxeViolations(page, browser, testInfo, `${label} (${locale})`);
}

// Each language's pages in a few tests of their own, so that each stays short.
for (const locale of LOCALES) {
  test(`the sign-in page and a clerk's pages pass axe (${locale})`, async ({ page, browser }, testInfo) => {
    skipRepeatedSweep(testInfo, locale);
    const js = testInfo.project.name !== 'no-js';
    const check = checker(browser, testInfo, locale);
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    // A case in the queue, for the case page below.
    await receiveLetter({}, locale);
    await check(page, '/office/sign-in');

    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    await check(clerk, '/office');
    await check(clerk, '/office?view=overdue&q=%E6%AC%A0%E8%96%AA');
    await check(clerk, '/office/cases/new');
    await check(clerk, '/office/account');
    // The case page, found through the queue.
    await clerk.goto('/office');
    const caseLink = clerk.locator('[data-testid="queue"] a').first();
    const href = await caseLink.getAttribute('href');
    expect(href).toMatch(/^\/office\/cases\//);
    await check(clerk, href!);
  });

  test(`an administrator's staff, audit and statistics pages pass axe (${locale})`, async ({ browser }, testInfo) => {
    skipRepeatedSweep(testInfo, locale);
    const js = testInfo.project.name !== 'no-js';
    const check = checker(browser, testInfo, locale);
    const { page: adminPage } = await staffPageAs(browser, locale, js, 'ADMIN');
    await check(adminPage, '/office/staff');
    await check(adminPage, '/office/audit');
    await check(adminPage, '/office/statistics');
    const staffLink = adminPage.locator('a[href^="/office/staff/"]').first();
    await adminPage.goto('/office/staff');
    await check(adminPage, (await staffLink.getAttribute('href'))!);
  });

  // Units and categories: the lists, a record's page, and forms sent with mistakes.
  test(`units and categories pass axe (${locale})`, async ({ browser }, testInfo) => {
    skipRepeatedSweep(testInfo, locale);
    const js = testInfo.project.name !== 'no-js';
    const check = checker(browser, testInfo, locale);
    const { page: adminPage } = await staffPageAs(browser, locale, js, 'ADMIN');
    const a = ADMIN[locale];
    await check(adminPage, '/office/units');
    await adminPage.getByRole('button', { name: a.units.create.submit }).click();
    await checkAfterPost(adminPage, browser, testInfo, locale, '/office/units with errors');
    await adminPage.goto('/office/units');
    await check(adminPage, (await adminPage.locator('[data-testid="unit-tree"] a').first().getAttribute('href'))!);
    await check(adminPage, '/office/categories');
    await adminPage.getByRole('button', { name: a.categories.create.submit }).click();
    await checkAfterPost(adminPage, browser, testInfo, locale, '/office/categories with errors');
    await adminPage.goto('/office/categories');
    await check(adminPage, (await adminPage.locator('[data-testid="categories"] a').first().getAttribute('href'))!);
  });

  // Reply templates and settings: the list, a template's page, and forms sent with mistakes.
  test(`reply templates and settings pass axe (${locale})`, async ({ browser }, testInfo) => {
    skipRepeatedSweep(testInfo, locale);
    const js = testInfo.project.name !== 'no-js';
    const check = checker(browser, testInfo, locale);
    const { page: adminPage } = await staffPageAs(browser, locale, js, 'ADMIN');
    const a = ADMIN[locale];
    await check(adminPage, '/office/reply-templates');
    await adminPage.getByRole('button', { name: a.replyTemplates.create.submit }).click();
    await checkAfterPost(adminPage, browser, testInfo, locale, '/office/reply-templates with errors');
    // A template of this run, created through the form, for its own page.
    await adminPage.getByLabel(a.replyTemplates.fields.kind.label, { exact: true }).selectOption('COMPLAINT');
    await adminPage.locator('label.choice').filter({ hasText: a.languages[locale] }).click();
    await adminPage.getByLabel(a.replyTemplates.fields.title.label, { exact: true }).fill(`axe ${locale} ${Date.now()}`);
    await adminPage.getByLabel(a.replyTemplates.fields.body.label, { exact: true }).fill('答复 Reply');
    await adminPage.getByRole('button', { name: a.replyTemplates.create.submit }).click();
    await adminPage.waitForURL((url) => /^\/office\/reply-templates\/[0-9a-f-]{36}$/.test(url.pathname));
    await check(adminPage, new URL(adminPage.url()).pathname);
    await check(adminPage, '/office/settings');
    await adminPage.getByLabel(a.settings.clustering.similarity.label, { exact: true }).fill('2');
    await adminPage.getByRole('button', { name: a.settings.clustering.submit }).click();
    await checkAfterPost(adminPage, browser, testInfo, locale, '/office/settings with errors');
  });
}
