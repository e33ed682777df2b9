// Signs a staff member in to the back office in a fresh browser context, as a person would: the
// sign-in form, then the second-factor code when the account has one.
import { base32Decode, totp } from '#app/features/staff/totp.server.ts';
import officeAuthEn from '#app/i18n/locales/en/office-auth.json' with { type: 'json' };
import officeAuthZhHans from '#app/i18n/locales/zh-Hans/office-auth.json' with { type: 'json' };
import officeAuthZhHant from '#app/i18n/locales/zh-Hant/office-auth.json' with { type: 'json' };
import { BROWSER_LOCALE, type Locale } from './support.ts';
import type { StaffLogin } from './staff-accounts.ts';
import type { Browser, Page } from '@playwright/test';

const AUTH = { en: officeAuthEn, 'zh-Hans': officeAuthZhHans, 'zh-Hant': officeAuthZhHant } as const;

export async function signInStaff(
  browser: Browser,
  locale: Locale,
  javaScriptEnabled: boolean,
  login: StaffLogin,
  totpSecret?: string,
): Promise<Page> {
  const context = await browser.newContext({ locale: BROWSER_LOCALE[locale], javaScriptEnabled });
  const page = await context.newPage();
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
  await page.waitForURL((url) => url.pathname.startsWith('/office') && !url.pathname.startsWith('/office/sign-in'));
  return page;
}
