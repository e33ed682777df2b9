// The period reports and the public figures, with and without JavaScript, in zh-Hans and English:
// an analyst opens this month's report, sees its charts with their tables, and downloads the Excel
// workbook; a citizen reads the public figures and downloads them as JSON. axe runs on the report,
// the public figures and the open-data page.
import { readFile } from 'node:fs/promises';
import commonEn from '#app/i18n/locales/en/common.json' with { type: 'json' };
import reportsEn from '#app/i18n/locales/en/reports.json' with { type: 'json' };
import commonZhHans from '#app/i18n/locales/zh-Hans/common.json' with { type: 'json' };
import reportsZhHans from '#app/i18n/locales/zh-Hans/reports.json' with { type: 'json' };
import { staffPageAs } from './office-sign-in.ts';
import { BROWSER_LOCALE, expectNoAxeViolations, isNoJs, JOURNEY_LOCALES } from './support.ts';
import { expect, openContext, test } from './test.ts';
import type { Page } from '@playwright/test';

const REPORTS = { en: reportsEn, 'zh-Hans': reportsZhHans } as const;
const COMMON = { en: commonEn, 'zh-Hans': commonZhHans } as const;

// Without JavaScript the URL changes as soon as the next page's response commits, before its body
// is parsed; with it, the client fetches the route's data after hydration.
async function settle(page: Page, noJs: boolean): Promise<void> {
  await page.waitForLoadState(noJs ? 'load' : 'networkidle');
}

for (const locale of JOURNEY_LOCALES) {
  const r = REPORTS[locale];

  test(`an analyst opens the monthly report and downloads it as Excel (${locale})`, async ({ browser }, testInfo) => {
    const noJs = isNoJs(testInfo);
    const { page } = await staffPageAs(browser, locale, !noJs, 'ANALYST');
    await page.goto('/office/reports');
    await expect(page.getByRole('heading', { level: 1, name: r.title })).toBeVisible();
    // Choose this month through the form, as a person would.
    await page.getByRole('button', { name: r.form.submit }).click();
    await expect(page).toHaveURL(/period=month/);
    await settle(page, noJs);

    // The charts are SVG drawn on the server, each named, described, and with its table.
    const charts = page.locator('figure.chart');
    await expect(charts.nth(2)).toBeVisible();
    const rates = page.getByRole('figure', { name: r.charts.rates.title });
    await expect(rates.locator('svg[role="img"]')).toBeVisible();
    await expect(rates.locator('svg desc')).toHaveCount(1);
    await expect(rates.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page, browser, testInfo, `report (${locale})`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: r.export.xlsx }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    // An Office Open XML workbook is a zip file.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  });

  test(`a citizen reads the public figures and downloads them as JSON (${locale})`, async ({ browser }, testInfo) => {
    const noJs = isNoJs(testInfo);
    const context = await openContext(browser, { locale: BROWSER_LOCALE[locale], javaScriptEnabled: !noJs });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: COMMON[locale].layout.footer.statistics }).click();
    await expect(page.getByRole('heading', { level: 1, name: r.public.title })).toBeVisible();
    await settle(page, noJs);
    await expect(page.getByRole('figure', { name: r.public.rates.title }).locator('svg[role="img"]')).toBeVisible();
    await expect(page.getByTestId('public-months-table')).toBeVisible();
    await expect(page.getByTestId('public-years-table')).toBeVisible();
    await expectNoAxeViolations(page, browser, testInfo, `public figures (${locale})`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: r.public.downloads.json }).click(),
    ]);
    const figures = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      schema: string;
      months: unknown[];
      threshold: number;
    };
    expect(figures.schema).toBe('petition-desk/public-statistics/1');
    expect(figures.months).toHaveLength(12);
    expect(figures.threshold).toBe(5);

    await page.getByRole('link', { name: r.public.downloads.schema }).click();
    await expect(page.getByRole('heading', { level: 1, name: r.public.schema.title })).toBeVisible();
    await settle(page, noJs);
    await expectNoAxeViolations(page, browser, testInfo, `open data schema (${locale})`);
    await context.close();
  });
}
