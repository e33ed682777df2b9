// An administrator keeps the holiday calendar in the back office (with and without JavaScript):
// imports a year's days from a CSV file, is told plainly what is wrong with a bad file, adds a day
// by hand and removes it again. Years far from any other test's deadlines, one per project, so the
// two projects never touch each other's days.
import officeAdminEn from '#app/i18n/locales/en/office-admin.json' with { type: 'json' };
import { formatCivilDay } from '#app/platform/time/format.ts';
import { staffPageAs } from './office-sign-in.ts';
import { expectNoAxeViolations, interpolate } from './support.ts';
import { expect, test } from './test.ts';

const a = officeAdminEn;

/** The first Saturday of January of a year, as YYYY-MM-DD. */
function firstSaturday(year: number): string {
  const first = new Date(Date.UTC(year, 0, 1));
  const day = 1 + ((6 - first.getUTCDay() + 7) % 7);
  return `${year}-01-${String(day).padStart(2, '0')}`;
}

test('an admin imports a year of holidays, adds a day and removes it', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name !== 'no-js';
  const year = js ? 2097 : 2096;
  const saturday = firstSaturday(year);
  const { page } = await staffPageAs(browser, 'en', js, 'ADMIN');

  // The calendar is in the navigation with the other admin pages.
  await page.goto('/office');
  await page.getByRole('navigation').getByRole('link', { name: a.nav.calendar }).click();
  await expect(page.getByRole('heading', { level: 1, name: a.calendar.title })).toBeVisible();

  // A file with a mistake is refused, and the summary names its line.
  const file = page.getByLabel(a.calendar.import.fileLabel, { exact: true });
  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${year}-01-01,holiday\n${year}-01-02,day off\n`),
  });
  await page.getByRole('button', { name: a.calendar.import.submit }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText(interpolate(a.calendar.errors.import.atLine, { line: 2 }));
  await expect(summary).toContainText(a.calendar.errors.import.csvKind);
  await expectNoAxeViolations(page, browser, testInfo, '/office/calendar with a refused file');

  // The year's file: New Year's Day and a make-up working Saturday.
  const csv = `date,kind,name\n${year}-01-01,holiday,元旦\n${saturday},workday,元旦补班\n`;
  await file.setInputFiles({ name: `${year}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: a.calendar.import.submit }).click();
  await expect(page.getByRole('status')).toContainText(interpolate(a.calendar.done.imported, { added: 2, changed: 0, unchanged: 0 }));
  const table = page.getByTestId(`calendar-${year}`);
  await expect(table.getByRole('row').filter({ hasText: '元旦补班' })).toContainText(a.calendar.kinds.WORKDAY.short);
  await expect(table.getByRole('row').filter({ hasText: formatCivilDay(`${year}-01-01`, 'en', 'full') })).toContainText('元旦');

  // A day by hand.
  const mayDay = `${year}-05-01`;
  await page.getByLabel(a.calendar.fields.day.label, { exact: true }).fill(mayDay);
  await page.locator('label.choice').filter({ hasText: a.calendar.kinds.HOLIDAY.label }).click();
  await page.getByLabel(a.calendar.fields.name.label, { exact: true }).fill('Labour Day');
  await page.getByRole('button', { name: a.calendar.add.submit }).click();
  const mayDayWords = formatCivilDay(mayDay, 'en', 'full');
  await expect(page.getByRole('status')).toHaveText(interpolate(a.calendar.done.added, { day: mayDayWords }));
  const row = table.getByRole('row').filter({ hasText: 'Labour Day' });
  await expect(row).toHaveCount(1);

  // And removed again: the button names its day.
  await row.getByRole('button', { name: `${a.calendar.remove} ${mayDayWords}` }).click();
  await expect(page.getByRole('status')).toHaveText(interpolate(a.calendar.done.removed, { day: mayDayWords }));
  await expect(table.getByRole('row').filter({ hasText: 'Labour Day' })).toHaveCount(0);
});
