// The portal's language: the browser's Accept-Language on a first visit, then the visitor's own
// choice in the header, remembered across pages (a plain form post, so it works without JS).
import { LANGUAGE_NAMES, LOCALES, STRINGS, sendAcceptLanguage, type Locale } from './support.ts';
import { expect, test } from './test.ts';
import type { Page } from '@playwright/test';

async function expectPageIn(page: Page, locale: Locale, heading: string): Promise<void> {
  const s = STRINGS[locale];
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('navigation', { name: s.layout.mainNav })).toBeVisible();
  await expect(page.getByRole('link', { name: s.layout.skipToContent })).toBeAttached();
}

/** The header's language switcher: the current language is marked, the others are buttons. */
async function expectSwitcherShows(page: Page, current: Locale): Promise<void> {
  const switcher = page.getByRole('form', { name: STRINGS[current].layout.language });
  await expect(switcher).toBeVisible();
  for (const locale of LOCALES) {
    const button = switcher.getByRole('button', { name: LANGUAGE_NAMES[locale], exact: true });
    if (locale === current) {
      await expect(button).toHaveCount(0);
      const marker = switcher.getByText(LANGUAGE_NAMES[locale], { exact: true });
      await expect(marker).toHaveAttribute('aria-current', 'true');
      await expect(marker).toHaveAttribute('lang', locale);
    } else {
      await expect(button).toBeVisible();
      await expect(button).toHaveAttribute('lang', locale);
    }
  }
}

const FIRST_VISITS: { header: string; expected: Locale }[] = [
  { header: 'zh-CN,zh;q=0.9', expected: 'zh-Hans' },
  { header: 'zh-TW', expected: 'zh-Hant' },
  { header: 'zh-HK,zh;q=0.8', expected: 'zh-Hant' },
  { header: 'en', expected: 'en' },
  { header: 'en-GB,en;q=0.9', expected: 'en' },
  // Nothing we speak: the default, Simplified Chinese.
  { header: 'fr-FR,fr;q=0.9', expected: 'zh-Hans' },
  // The best supported language by q-value, not simply the first one listed.
  { header: 'fr;q=1, zh-TW;q=0.5, en;q=0.8', expected: 'en' },
];

test.describe('first visit follows Accept-Language', () => {
  for (const { header, expected } of FIRST_VISITS) {
    test.describe(`Accept-Language: ${header}`, () => {
      test(`the portal is shown in ${expected}`, async ({ page, context }) => {
        await sendAcceptLanguage(page, header);
        await page.goto('/');
        await expectPageIn(page, expected, STRINGS[expected].home.title);
        await expectSwitcherShows(page, expected);
        // No choice has been made, so nothing is remembered yet.
        expect((await context.cookies()).find((c) => c.name === 'pd_lng')).toBeUndefined();

        const nav = page.getByRole('navigation', { name: STRINGS[expected].layout.mainNav });
        await nav.getByRole('link', { name: STRINGS[expected].layout.nav.track }).click();
        await page.waitForURL((url) => url.pathname === '/track');
        await expectPageIn(page, expected, STRINGS[expected].track.title);
      });
    });
  }
});

test.describe('choosing a language in the header', () => {
  test.use({ locale: 'zh-CN' });

  test('switches the page, stays on it, and is remembered on other pages', async ({ page, context }) => {
    await page.goto('/track');
    await expectPageIn(page, 'zh-Hans', STRINGS['zh-Hans'].track.title);
    await expectSwitcherShows(page, 'zh-Hans');

    await page.getByRole('button', { name: LANGUAGE_NAMES.en, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/track' && url.search === '');
    await expectPageIn(page, 'en', STRINGS.en.track.title);
    await expectSwitcherShows(page, 'en');
    const cookie = (await context.cookies()).find((c) => c.name === 'pd_lng');
    expect(cookie?.value).toBe('en');
    expect(cookie?.path).toBe('/');
    expect(cookie?.sameSite).toBe('Lax');

    // Other pages, by link and by address, follow the choice, though the browser still asks for Chinese.
    const nav = page.getByRole('navigation', { name: STRINGS.en.layout.mainNav });
    await nav.getByRole('link', { name: STRINGS.en.layout.nav.submit }).click();
    await page.waitForURL((url) => url.pathname === '/submit');
    await expectPageIn(page, 'en', STRINGS.en.submit.title);
    await expect(page.getByLabel(STRINGS.en.submit.fields.subject.label, { exact: true })).toBeVisible();
    await page.goto('/privacy');
    await expectPageIn(page, 'en', STRINGS.en.privacy.title);

    // And the choice can be changed again from any page.
    await page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hant'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/privacy');
    await expectPageIn(page, 'zh-Hant', STRINGS['zh-Hant'].privacy.title);
    await expectSwitcherShows(page, 'zh-Hant');
    await page.goto('/');
    await expectPageIn(page, 'zh-Hant', STRINGS['zh-Hant'].home.title);

    // Back to Simplified Chinese, explicitly chosen this time.
    await page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hans'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expectPageIn(page, 'zh-Hans', STRINGS['zh-Hans'].home.title);
    expect((await context.cookies()).find((c) => c.name === 'pd_lng')?.value).toBe('zh-Hans');
  });

  test('the remembered choice wins over Accept-Language in a new visit', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'pd_lng', value: 'zh-Hant', url: baseURL ?? '' }]);
    await page.goto('/submit');
    await expectPageIn(page, 'zh-Hant', STRINGS['zh-Hant'].submit.title);
  });
});
