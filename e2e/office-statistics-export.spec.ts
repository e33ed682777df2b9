// An analyst downloads the statistics as CSV from the statistics page, with and without
// JavaScript: a file, not a page, in the reader's language, with counts only.
import { readFile } from 'node:fs/promises';
import officeAdminEn from '#app/i18n/locales/en/office-admin.json' with { type: 'json' };
import officeAuthEn from '#app/i18n/locales/en/office-auth.json' with { type: 'json' };
import { createStaff } from './staff-accounts.ts';
import { BROWSER_LOCALE, sendAcceptLanguage } from './support.ts';
import { expect, openContext, test } from './test.ts';

test('an analyst downloads the statistics as a CSV file', async ({ browser }, testInfo) => {
  const analyst = await createStaff('ANALYST');
  const context = await openContext(browser, { javaScriptEnabled: testInfo.project.name !== 'no-js', acceptDownloads: true });
  const page = await context.newPage();
  await sendAcceptLanguage(page, BROWSER_LOCALE.en);
  await page.goto('/office/sign-in');
  await page.getByLabel(officeAuthEn.signIn.fields.email.label, { exact: true }).fill(analyst.email);
  await page.getByLabel(officeAuthEn.signIn.fields.password.label, { exact: true }).fill(analyst.password);
  await page.getByRole('button', { name: officeAuthEn.signIn.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/office/sign-in'));
  await page.goto('/office/statistics');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: officeAdminEn.statistics.export.submit }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^statistics-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Table,Row,Code,Cases,Open,Overdue');
  expect(lines.some((line) => line.startsWith('Overview,All cases,total,'))).toBe(true);
  // The page stays where it was.
  await expect(page).toHaveURL(/\/office\/statistics$/);
  await context.close();
});
