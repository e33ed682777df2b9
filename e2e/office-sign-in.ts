// Signs a staff member in to the back office in a fresh browser context, as a person would: the
// sign-in form, then the second-factor code when the account has one.
//
// A test about what staff do (not about signing in) can use a role's shared account instead
// (staffPageAs): it signs in through the form once per worker, keeps the session as Playwright
// storage state, and opens each later page already signed in.
import { base32Decode, totp } from '#app/features/staff/totp.server.ts';
import officeAuthEn from '#app/i18n/locales/en/office-auth.json' with { type: 'json' };
import officeAuthZhHans from '#app/i18n/locales/zh-Hans/office-auth.json' with { type: 'json' };
import officeAuthZhHant from '#app/i18n/locales/zh-Hant/office-auth.json' with { type: 'json' };
import { createStaff, createStaffWithTotp, type StaffLogin } from './staff-accounts.ts';
import { BROWSER_LOCALE, type Locale } from './support.ts';
import { openContext, recordConsoleErrors } from './test.ts';
import type { Browser, BrowserContext, Page } from '@playwright/test';

const AUTH = { en: officeAuthEn, 'zh-Hans': officeAuthZhHans, 'zh-Hant': officeAuthZhHant } as const;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

function newContext(browser: Browser, locale: Locale, javaScriptEnabled: boolean, storageState?: StorageState) {
  return openContext(browser, { locale: BROWSER_LOCALE[locale], javaScriptEnabled, storageState });
}

async function signInOnPage(page: Page, locale: Locale, login: StaffLogin, totpSecret?: string): Promise<void> {
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
  // Each role lands on its own first page of the back office.
  await page.waitForURL((url) => url.pathname.startsWith('/office') && !url.pathname.startsWith('/office/sign-in'));
}

export async function signInStaff(
  browser: Browser,
  locale: Locale,
  javaScriptEnabled: boolean,
  login: StaffLogin,
  totpSecret?: string,
): Promise<Page> {
  const page = await (await newContext(browser, locale, javaScriptEnabled)).newPage();
  await signInOnPage(page, locale, login, totpSecret);
  return page;
}

/** Signs in like signInStaff, watching the console from the sign-in form on. */
export async function signInWatchingConsole(
  browser: Browser,
  locale: Locale,
  javaScriptEnabled: boolean,
  login: StaffLogin,
  totpSecret?: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await (await newContext(browser, locale, javaScriptEnabled)).newPage();
  const errors = recordConsoleErrors(page);
  await signInOnPage(page, locale, login, totpSecret);
  return { page, errors };
}

export type SharedRole = 'CLERK' | 'SUPERVISOR' | 'ANALYST' | 'ADMIN';

interface SharedAccount {
  login: StaffLogin;
  state: StorageState;
}

// One account per role in each worker process, signed in once; the tests of a worker run one at a time.
const shared = new Map<SharedRole, Promise<SharedAccount>>();

async function signInShared(browser: Browser, role: SharedRole): Promise<SharedAccount> {
  // Administrators and supervisors must use two-step verification.
  const account: StaffLogin & { totpSecret?: string } =
    role === 'ADMIN' || role === 'SUPERVISOR' ? await createStaffWithTotp(role) : await createStaff(role);
  const context = await newContext(browser, 'zh-Hans', false);
  try {
    await signInOnPage(await context.newPage(), 'zh-Hans', account, account.totpSecret);
    return { login: account, state: await context.storageState() };
  } finally {
    await context.close();
  }
}

/**
 * A page of the role's shared account, already signed in (no unit: it works every case). For tests
 * about what staff do; tests about signing in, or that need an account of their own (a unit, a fresh
 * list of saved views, a name to find), use signInStaff.
 */
export async function staffPageAs(
  browser: Browser,
  locale: Locale,
  javaScriptEnabled: boolean,
  role: SharedRole,
): Promise<{ page: Page; login: StaffLogin }> {
  let account = shared.get(role);
  if (!account) {
    account = signInShared(browser, role);
    shared.set(role, account);
    // A failed sign-in is not kept: the next test tries again.
    account.catch(() => shared.delete(role));
  }
  const { login, state } = await account;
  const page = await (await newContext(browser, locale, javaScriptEnabled, state)).newPage();
  return { page, login };
}
