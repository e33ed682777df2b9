// Every back-office page passes axe (WCAG 2.2 AA) in every language, signed in with a role that
// may see it: a clerk for the case pages, an administrator for the administration pages.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { base32Decode, totp } from '../app/domain/totp.ts';
import officeAuthEn from '../app/i18n/locales/en/office-auth.json' with { type: 'json' };
import officeAuthZhHans from '../app/i18n/locales/zh-Hans/office-auth.json' with { type: 'json' };
import officeAuthZhHant from '../app/i18n/locales/zh-Hant/office-auth.json' with { type: 'json' };
import { createAdminWithTotp, createStaff, type StaffLogin } from './staff-accounts.ts';
import { BROWSER_LOCALE, LOCALES, STRINGS, expectNoAxeViolations, sendAcceptLanguage, submitNewLetter, type Locale } from './support.ts';

const AUTH: Record<Locale, typeof officeAuthEn> = { en: officeAuthEn, 'zh-Hans': officeAuthZhHans, 'zh-Hant': officeAuthZhHant };

async function signIn(browser: Browser, locale: Locale, javaScriptEnabled: boolean, login: StaffLogin, totpSecret?: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
  const auth = AUTH[locale];
  await page.goto('/office/sign-in');
  await page.getByLabel(auth.signIn.fields.email.label, { exact: true }).fill(login.email);
  await page.getByLabel(auth.signIn.fields.password.label, { exact: true }).fill(login.password);
  await page.getByRole('button', { name: auth.signIn.submit }).click();
  if (totpSecret) {
    await page.waitForURL((url) => url.pathname === '/office/sign-in/code');
    await page.getByLabel(auth.code.fields.code.label, { exact: true }).fill(totp(base32Decode(totpSecret), new Date()));
    await page.getByRole('button', { name: auth.code.submit }).click();
  }
  await page.waitForURL((url) => url.pathname === '/office');
  return page;
}

for (const locale of LOCALES) {
  test(`back-office pages pass axe (${locale})`, async ({ page, browser }, testInfo) => {
    test.setTimeout(180_000);
    const js = testInfo.project.name !== 'no-js';
    const check = async (target: Page, path: string) => {
      await target.goto(path);
      await expect(target.locator('html')).toHaveAttribute('lang', locale);
      await expectNoAxeViolations(target, browser, testInfo, `${path} (${locale})`);
    };

    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    await submitNewLetter(page, STRINGS[locale]);
    await check(page, '/office/sign-in');

    const clerk = await signIn(browser, locale, js, await createStaff('CLERK'));
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

    const admin = await createAdminWithTotp();
    const adminPage = await signIn(browser, locale, js, admin, admin.totpSecret);
    await check(adminPage, '/office/staff');
    await check(adminPage, '/office/audit');
    await check(adminPage, '/office/statistics');
    const staffLink = adminPage.locator('a[href^="/office/staff/"]').first();
    await adminPage.goto('/office/staff');
    await check(adminPage, (await staffLink.getAttribute('href'))!);
  });
}
