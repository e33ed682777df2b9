// Every back-office page passes axe (WCAG 2.2 AA) in every language, signed in with a role that
// may see it: a clerk for the case pages, an administrator for the administration pages, a
// supervisor for the reports.
//
// Without JavaScript a page is the server's HTML, which is the DOM swept with JavaScript except where
// a component renders its no-JavaScript fallback (the components that call useHydrated: a data
// table's sort control, the queue's bulk actions, the combo box's select, the confirm button's plain
// submit). The project without JavaScript sweeps only the pages that show one of them (ADR 0014).
import officeAdminEn from '#app/i18n/locales/en/office-admin.json' with { type: 'json' };
import officeAdminZhHans from '#app/i18n/locales/zh-Hans/office-admin.json' with { type: 'json' };
import officeAdminZhHant from '#app/i18n/locales/zh-Hant/office-admin.json' with { type: 'json' };
import { assignWithReport, caseAndUnit, forwardCase, prepareRiskList, receiveLetter } from './case-setup.ts';
import { signInStaff, staffPageAs } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import { BROWSER_LOCALE, EVERY_LANGUAGE, LOCALES, expectNoAxeViolations, interpolate, sendAcceptLanguage, type Locale } from './support.ts';
import { expect, test } from './test.ts';
import type { Browser, Page, TestInfo } from '@playwright/test';

/**
 * A sweep of a dozen pages, about 3 s a page with both workers busy; without JavaScript each page is
 * also copied into a scripted context for axe (support.ts).
 */
const SWEEP_BUDGET = 300_000;

const ADMIN: Record<Locale, typeof officeAdminEn> = { en: officeAdminEn, 'zh-Hans': officeAdminZhHans, 'zh-Hant': officeAdminZhHant };

/** Opens the page and sweeps it with axe, checking first that it is in the test's language. */
async function sweep(target: Page, path: string, locale: Locale, browser: Browser, testInfo: TestInfo): Promise<void> {
  await target.goto(path);
  await expect(target.locator('html')).toHaveAttribute('lang', locale);
  await expectNoAxeViolations(target, browser, testInfo, `${path} (${locale})`);
}

for (const locale of LOCALES) {
  test(`back-office pages pass axe (${locale})`, { tag: EVERY_LANGUAGE }, async ({ page, browser }, testInfo) => {
    test.setTimeout(SWEEP_BUDGET);
    const js = testInfo.project.name !== 'no-js';
    // Without JavaScript, only the pages that render a no-JavaScript fallback (at the top).
    const check = async (target: Page, path: string, fallback = false) => {
      if (js || fallback) await sweep(target, path, locale, browser, testInfo);
    };

    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    // A case in the queue, for the case page below.
    await receiveLetter({}, locale);
    await check(page, '/office/sign-in');

    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    // The queue's sort control and bulk actions; the registration form's selects.
    await check(clerk, '/office', true);
    await check(clerk, '/office?view=overdue&q=%E6%AC%A0%E8%96%AA', true);
    await check(clerk, '/office/cases/new', true);
    await check(clerk, '/office/account');
    // The case page, found through the queue.
    await clerk.goto('/office');
    const caseLink = clerk.locator('[data-testid="queue"] a').first();
    const href = await caseLink.getAttribute('href');
    expect(href).toMatch(/^\/office\/cases\//);
    // Its action panels' selects and plain confirm buttons.
    await check(clerk, href!, true);

    const { page: adminPage } = await staffPageAs(browser, locale, js, 'ADMIN');
    // The staff list's sort control.
    await check(adminPage, '/office/staff', true);
    await check(adminPage, '/office/audit');
    await check(adminPage, '/office/statistics');
    const staffLink = adminPage.locator('a[href^="/office/staff/"]').first();
    await adminPage.goto('/office/staff');
    await check(adminPage, (await staffLink.getAttribute('href'))!);
  });

  // Units, categories, reply templates and settings: the lists, a record's page, and forms sent
  // with mistakes (error summary, fields in error). A test of its own, for its own time budget.
  test(`administration pages pass axe (${locale})`, { tag: EVERY_LANGUAGE }, async ({ browser }, testInfo) => {
    test.setTimeout(SWEEP_BUDGET);
    const js = testInfo.project.name !== 'no-js';
    test.skip(!js, 'these pages render no no-JavaScript fallback: without JavaScript their DOM is the one swept with it');
    const check = (target: Page, path: string) => sweep(target, path, locale, browser, testInfo);
    const { page: adminPage } = await staffPageAs(browser, locale, js, 'ADMIN');
    const a = ADMIN[locale];
    const afterPost = async (label: string) => {
      await expect(adminPage.locator('.error-summary')).toBeVisible();
      await expect(adminPage.locator('html')).toHaveAttribute('lang', locale);
      await expectNoAxeViolations(adminPage, browser, testInfo, `${label} (${locale})`);
    };
    await check(adminPage, '/office/units');
    await adminPage.getByRole('button', { name: a.units.create.submit }).click();
    await afterPost('/office/units with errors');
    await adminPage.goto('/office/units');
    await check(adminPage, (await adminPage.locator('[data-testid="unit-tree"] a').first().getAttribute('href'))!);
    await check(adminPage, '/office/categories');
    await adminPage.getByRole('button', { name: a.categories.create.submit }).click();
    await afterPost('/office/categories with errors');
    await adminPage.goto('/office/categories');
    await check(adminPage, (await adminPage.locator('[data-testid="categories"] a').first().getAttribute('href'))!);
    await check(adminPage, '/office/reply-templates');
    await adminPage.getByRole('button', { name: a.replyTemplates.create.submit }).click();
    await afterPost('/office/reply-templates with errors');
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
    await afterPost('/office/settings with errors');
    // The office's name on written notices: one language left empty is refused at its field.
    const officeEn = adminPage.getByLabel(interpolate(a.settings.office.fieldLabel, { language: a.languages.en }), { exact: true });
    await officeEn.fill('');
    await adminPage.getByRole('button', { name: a.settings.office.submit }).click();
    await afterPost('/office/settings office name with errors');
    await expect(adminPage.locator('.error-summary')).toContainText(
      interpolate(a.settings.office.errors.required, { language: a.languages.en }),
    );
    // A retention period outside its range is refused at its field, and the message names the range.
    await adminPage.getByLabel(a.settings.retention.contactYears.label, { exact: true }).fill('99');
    await adminPage.getByRole('button', { name: a.settings.retention.submit }).click();
    await afterPost('/office/settings retention with errors');
    await expect(adminPage.locator('.error-summary')).toContainText(
      interpolate(a.settings.retention.errors.contactYears.range, { min: 1, max: 30 }),
    );
    // The holiday calendar: the form sent empty, then a day far from any test's deadlines, so the
    // page shows a year's table with its remove button.
    await check(adminPage, '/office/calendar');
    await adminPage.getByRole('button', { name: a.calendar.add.submit }).click();
    await afterPost('/office/calendar with errors');
    await adminPage.getByLabel(a.calendar.fields.day.label, { exact: true }).fill('2099-01-01');
    await adminPage.locator('label.choice').filter({ hasText: a.calendar.kinds.HOLIDAY.label }).click();
    await adminPage.getByRole('button', { name: a.calendar.add.submit }).click();
    await expect(adminPage.getByTestId('calendar-2099')).toBeVisible();
    await check(adminPage, '/office/calendar');
  });

  // The report pages a supervisor reads: this month's period report, and a weekly risk list as the
  // worker prepared it (a past week of this test's own: each week's list is prepared once).
  test(`report pages pass axe (${locale})`, { tag: EVERY_LANGUAGE }, async ({ browser }, testInfo) => {
    test.setTimeout(SWEEP_BUDGET);
    const js = testInfo.project.name !== 'no-js';
    test.skip(!js, 'these pages render no no-JavaScript fallback: without JavaScript their DOM is the one swept with it');
    const check = (target: Page, path: string) => sweep(target, path, locale, browser, testInfo);
    // An orange case, so the list has a row to show.
    await receiveLetter({ coSignerCount: '7' }, locale);
    const { key } = await prepareRiskList(20 + LOCALES.indexOf(locale) + 3 * testInfo.retry, []);
    const { page: supervisor } = await staffPageAs(browser, locale, js, 'SUPERVISOR');
    await check(supervisor, '/office/reports');
    await check(supervisor, `/office/reports/weekly/${key}`);
    await expect(supervisor.getByTestId('risk-warned')).toBeVisible();
  });

  // The statute's own staff pages: a unit's completion report (art. 22(3)), with its documents
  // field, and a transfer letter (转送函) with its masks and the form to show one.
  test(`statute pages pass axe (${locale})`, { tag: EVERY_LANGUAGE }, async ({ browser }, testInfo) => {
    test.setTimeout(SWEEP_BUDGET);
    const js = testInfo.project.name !== 'no-js';
    test.skip(!js, 'these pages render no no-JavaScript fallback: without JavaScript their DOM is the one swept with it');
    const check = (target: Page, path: string) => sweep(target, path, locale, browser, testInfo);
    const assigned = await receiveLetter({}, locale);
    await assignWithReport(assigned.receiptNo);
    const { caseId, unitCode } = await caseAndUnit(assigned.receiptNo);
    if (!unitCode) throw new Error('the letter was routed to no unit');
    const handler = await signInStaff(browser, locale, js, await createStaff('HANDLER', unitCode));
    await check(handler, `/office/cases/${caseId}/report`);
    // The page itself, not a refusal: its heading names the case.
    await expect(handler.getByRole('heading', { level: 1 })).toContainText(assigned.receiptNo);
    await expect(handler.locator('input[type="file"]')).toHaveCount(1);

    const forwarded = await receiveLetter({}, locale);
    const forwardedId = await forwardCase(forwarded.receiptNo, '市人民法院');
    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    await check(clerk, `/office/cases/${forwardedId}/transfer`);
    await expect(clerk.getByRole('heading', { level: 1 })).toContainText(forwarded.receiptNo);
    await expect(clerk.getByTestId('transfer-letter')).toBeVisible();
  });
}
