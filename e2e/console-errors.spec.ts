// Every page, in every language, loads without a React hydration error or a Content Security Policy
// error in the browser console. A hydration error means the server's HTML differed from what the
// browser rendered (a date or time written differently, say), so React threw the page away and
// rendered it again; a CSP error means something the page needs was blocked.
import { expect, test, type Browser, type ConsoleMessage, type Page } from '@playwright/test';
import { staffPageAs } from './office-sign-in.ts';
import { BROWSER_LOCALE, LOCALES, STRINGS, isNoJs, submitNewLetter, type Locale } from './support.ts';
import { seedNotice, seedReceptionDay, uniqueTag } from './visit-fixtures.ts';

/** React's hydration errors (#418, #423, #425 minified), their development wording, and CSP reports. */
const HYDRATION = /Minified React error #(418|419|421|422|423|425)|hydrat|did not match|server rendered HTML/i;
const CSP = /Content Security Policy|Content-Security-Policy/i;

/** Collects the console errors and uncaught exceptions of a page that match the patterns above. */
function watchConsole(page: Page): { problems: string[] } {
  const watched = { problems: [] as string[] };
  const take = (text: string) => {
    if (HYDRATION.test(text) || CSP.test(text)) watched.problems.push(`${page.url()}: ${text.slice(0, 300)}`);
  };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') take(message.text());
  });
  page.on('pageerror', (error) => take(`${error.name}: ${error.message}`));
  return watched;
}

async function visitAll(page: Page, paths: string[], locale: Locale): Promise<void> {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // Hydration runs after the load; let it and any request it makes finish.
    await page.waitForLoadState('networkidle');
  }
}

async function staffPage(browser: Browser, locale: Locale, js: boolean, admin = false): Promise<Page> {
  // A clerk: the queue, the board and the case pages; an administrator: the rest.
  return (await staffPageAs(browser, locale, js, admin ? 'ADMIN' : 'CLERK')).page;
}

for (const locale of LOCALES) {
  test(`no hydration or CSP errors on any page (${locale})`, async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    const js = !isNoJs(testInfo);
    const tag = uniqueTag();
    const day = await seedReceptionDay({ daysFromToday: 3, slots: [{ start: '09:00', end: '09:30', capacity: 2 }] });
    const notice = await seedNotice({ tag, publishedAt: new Date(Date.now() - 60_000) });

    const context = await browser.newContext({ locale: BROWSER_LOCALE[locale], javaScriptEnabled: js });
    const portal = await context.newPage();
    const portalConsole = watchConsole(portal);
    const receipt = await submitNewLetter(portal, STRINGS[locale]);
    await visitAll(
      portal,
      [
        '/',
        '/submit',
        '/track',
        '/visits',
        `/visits/book/${day.slotIds[0]}`,
        '/notices',
        `/notices/${notice.id}`,
        '/privacy',
        '/office/sign-in',
      ],
      locale,
    );

    const staff = await staffPage(browser, locale, js);
    const staffConsole = watchConsole(staff);
    await visitAll(
      staff,
      [
        '/office',
        `/office?q=${encodeURIComponent(receipt.receiptNo)}`,
        '/office?q=%E6%BC%8F%E6%B0%B4',
        '/office/warnings',
        '/office/cases/new',
        '/office/account',
      ],
      locale,
    );
    await staff.goto('/office');
    const caseHref = await staff.locator('[data-testid="queue"] a.reference').first().getAttribute('href');
    expect(caseHref).toMatch(/^\/office\/cases\//);
    await visitAll(staff, [caseHref!], locale);

    const admin = await staffPage(browser, locale, js, true);
    const adminConsole = watchConsole(admin);
    await visitAll(
      admin,
      [
        '/office/staff',
        '/office/audit',
        '/office/statistics',
        '/office/units',
        '/office/categories',
        '/office/reply-templates',
        '/office/settings',
        '/office/calendar',
        '/office/notices',
        '/office/notices/new',
        '/office/reception',
        '/office/reception/new',
        `/office/reception/${day.dayId}`,
      ],
      locale,
    );

    expect([...portalConsole.problems, ...staffConsole.problems, ...adminConsole.problems]).toEqual([]);
  });
}
