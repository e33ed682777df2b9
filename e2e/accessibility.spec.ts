// WCAG 2.2 AA checks with axe on every portal page and state, in every language, with and
// without JavaScript; and the skip link for keyboard users.
import { receiveLetter } from './case-setup.ts';
import {
  BROWSER_LOCALE,
  EVERY_LANGUAGE,
  LOCALES,
  STRINGS,
  errorSummary,
  expectNoAxeViolations,
  lookUpCase,
  submitForm,
  submitNewLetter,
  type Strings,
} from './support.ts';
import { expect, test } from './test.ts';
import type { Page } from '@playwright/test';

/** With JavaScript, let hydration and any client-side requests finish before checking the DOM. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

interface PageState {
  name: string;
  /** Brings the page into the state to check; the heading confirms we are where we think. */
  open: (page: Page, s: Strings) => Promise<void>;
}

const STATES: PageState[] = [
  {
    name: 'home',
    open: async (page, s) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: s.home.title })).toBeVisible();
    },
  },
  {
    name: 'submit',
    open: async (page, s) => {
      await page.goto('/submit');
      await expect(page.getByRole('heading', { level: 1, name: s.submit.title })).toBeVisible();
    },
  },
  {
    name: 'submit-with-errors',
    open: async (page, s) => {
      await page.goto('/submit');
      await submitForm(page, s).send.click();
      await expect(errorSummary(page, s)).toBeVisible();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeAttached();
    },
  },
  {
    name: 'submit-confirmation',
    open: async (page, s) => {
      await submitNewLetter(page, s);
      await expect(page.getByTestId('access-code')).toBeVisible();
    },
  },
  {
    name: 'track',
    open: async (page, s) => {
      await page.goto('/track');
      await expect(page.getByRole('heading', { level: 1, name: s.track.title })).toBeVisible();
    },
  },
  {
    name: 'track-with-error',
    open: async (page, s) => {
      await page.goto('/track');
      await lookUpCase(page, s, 'XF-2601-0000-0000', 'AAAAA-AAAAA');
      await expect(errorSummary(page, s)).toContainText(s.track.errors.noMatch);
    },
  },
  {
    name: 'track-case',
    open: async (page, s) => {
      const { receiptNo, accessCode } = await receiveLetter();
      await page.goto('/track');
      await lookUpCase(page, s, receiptNo, accessCode);
      await page.waitForURL((url) => url.pathname === '/track/case');
      await expect(page.getByTestId('case-receipt')).toHaveText(receiptNo);
    },
  },
  {
    name: 'privacy',
    open: async (page, s) => {
      await page.goto('/privacy');
      await expect(page.getByRole('heading', { level: 1, name: s.privacy.title })).toBeVisible();
    },
  },
];

for (const locale of LOCALES) {
  const s = STRINGS[locale];

  test.describe(`accessibility (${locale})`, { tag: EVERY_LANGUAGE }, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    for (const state of STATES) {
      test(`axe finds no WCAG 2.2 AA violations: ${state.name}`, async ({ page, browser }, testInfo) => {
        await state.open(page, s);
        if (testInfo.project.use.javaScriptEnabled) await settle(page);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page).toHaveTitle(/\S/);
        await expectNoAxeViolations(page, browser, testInfo, `${state.name} [${locale}]`);
      });
    }

    test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'js', 'keyboard behaviour is checked with JavaScript on');
      await page.goto('/submit');
      await settle(page);
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: s.layout.skipToContent });
      await expect(skipLink).toBeFocused();
      await expect(skipLink).toHaveAttribute('href', '#main-content');
      await expect(skipLink).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('main')).toBeFocused();
      // The next Tab continues inside main, not back in the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    });
  });
}
