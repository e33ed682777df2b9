// The suite's `test`: Playwright's, with every page of every test watched for the two errors a
// page can show without failing any step. A React hydration error means the server's HTML differed
// from what the browser rendered (a date or time written differently, say), so React threw the
// page away and rendered it again; a Content Security Policy error means something the page needs
// was blocked. Each test fails at its end if one of its pages logged either.
//
// The pages of the `page` fixture's context are watched by the fixture; a test or helper that opens
// a context of its own does so through openContext, and its pages are watched too.
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

export { expect };

/** React's hydration errors (#418, #423, #425 minified), their development wording, and CSP reports. */
const HYDRATION = /Minified React error #(418|419|421|422|423|425)|hydrat|did not match|server rendered HTML/i;
const CSP = /Content Security Policy|Content-Security-Policy/i;

// A worker runs its tests one at a time: the problems of the test that is running.
let problems: string[] = [];

function watchPage(page: Page): void {
  const take = (text: string) => {
    if (HYDRATION.test(text) || CSP.test(text)) problems.push(`${page.url()}: ${text.slice(0, 300)}`);
  };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') take(message.text());
  });
  page.on('pageerror', (error) => take(`${error.name}: ${error.message}`));
}

function watchContext(context: BrowserContext): BrowserContext {
  context.on('page', watchPage);
  return context;
}

/** A new browser context whose pages are watched like the `page` fixture's. */
export async function openContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return watchContext(await browser.newContext(options));
}

/**
 * Every console error of a page, whatever it says, for tests that expect a page to log none at all.
 * (Hydration and CSP errors are caught on every page anyway.)
 */
export function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export const test = base.extend<{ pageErrors: void }>({
  context: async ({ context }, provide) => {
    await provide(watchContext(context));
  },
  pageErrors: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
    async ({ browserName: _browserName }, provide) => {
      problems = [];
      await provide();
      expect(problems, 'hydration or Content Security Policy errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
