// Every page of every test is watched for hydration and Content Security Policy errors (test.ts),
// so the axe sweeps (accessibility.spec.ts, office-accessibility.spec.ts) and the notices test
// check their pages in all three languages as they go. Journeys run with JavaScript in English only
// (languages.ts), so this crawl visits, with JavaScript and in every language, the pages only they
// reach: the visits pages and the back office's warning board, notices and reception days.
import { staffPageAs } from './office-sign-in.ts';
import { BROWSER_LOCALE, EVERY_LANGUAGE, LOCALES, isNoJs, type Locale } from './support.ts';
import { expect, openContext, test } from './test.ts';
import { seedNotice, seedReceptionDay, uniqueTag } from './visit-fixtures.ts';
import type { Page } from '@playwright/test';

async function visitAll(page: Page, paths: string[], locale: Locale): Promise<void> {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // Hydration runs after the load; let it and any request it makes finish.
    await page.waitForLoadState('networkidle');
  }
}

for (const locale of LOCALES) {
  test(
    `no hydration or CSP errors on the pages only journeys reach (${locale})`,
    { tag: EVERY_LANGUAGE },
    async ({ browser }, testInfo) => {
      test.skip(isNoJs(testInfo), 'no hydration without JavaScript; the journeys that visit these pages watch them for CSP errors');
      const tag = uniqueTag();
      const day = await seedReceptionDay({ daysFromToday: 3, slots: [{ start: '09:00', end: '09:30', capacity: 2 }] });
      await seedNotice({ tag, publishedAt: new Date(Date.now() - 60_000) });

      const portal = await (await openContext(browser, { locale: BROWSER_LOCALE[locale] })).newPage();
      await visitAll(portal, ['/visits', `/visits/book/${day.slotIds[0]}`], locale);

      const { page: clerk } = await staffPageAs(browser, locale, true, 'CLERK');
      await visitAll(clerk, ['/office/warnings'], locale);

      const { page: admin } = await staffPageAs(browser, locale, true, 'ADMIN');
      await visitAll(
        admin,
        ['/office/notices', '/office/notices/new', '/office/reception', '/office/reception/new', `/office/reception/${day.dayId}`],
        locale,
      );
    },
  );
}
