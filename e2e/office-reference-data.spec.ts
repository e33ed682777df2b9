// An administrator creates a category in the back office, and a citizen can choose it in the
// portal's form straight away and send a letter under it (with and without JavaScript).
import officeAdminEn from '#app/i18n/locales/en/office-admin.json' with { type: 'json' };
import { staffPageAs } from './office-sign-in.ts';
import {
  BROWSER_LOCALE,
  STRINGS,
  fillValidLetter,
  interpolate,
  sendAcceptLanguage,
  sendLetter,
  submitForm,
  uniqueToken,
} from './support.ts';
import { expect, openContext, test } from './test.ts';

const a = officeAdminEn;

test('an admin creates a category and the portal offers it at once', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name !== 'no-js';
  const token = uniqueToken().toLowerCase();
  const name = { zhHans: `噪声扰民 ${token}`, zhHant: `噪聲擾民 ${token}`, en: `Noise nuisance ${token}` };

  // The admin finds Categories in the navigation and fills in the form.
  const { page: office } = await staffPageAs(browser, 'en', js, 'ADMIN');
  await office.goto('/office');
  await office.getByRole('navigation').getByRole('link', { name: a.nav.categories }).click();
  await expect(office.getByRole('heading', { level: 1, name: a.categories.list.title })).toBeVisible();
  await office.getByLabel(a.referenceData.fields.code.label, { exact: true }).fill(`noise-${token}`);
  await office.getByLabel(a.referenceData.fields.nameZhHans.label, { exact: true }).fill(name.zhHans);
  await office.getByLabel(a.referenceData.fields.nameZhHant.label, { exact: true }).fill(name.zhHant);
  await office.getByLabel(a.referenceData.fields.nameEn.label, { exact: true }).fill(name.en);
  const unit = office.getByLabel(a.categories.fields.defaultUnitId.label, { exact: true });
  const housing = await unit.locator('option', { hasText: 'Municipal Housing and Urban-Rural Development Bureau' }).getAttribute('value');
  await unit.selectOption(housing!);
  // The suggested position (after the last category) is kept, so the other specs' choices by position stay as they were.
  await expect(office.getByLabel(a.categories.fields.sortOrder.label, { exact: true })).toHaveValue(/^\d+$/);
  await office.getByRole('button', { name: a.categories.create.submit }).click();

  // The new category's page, with the layout's notice that it was created.
  await office.waitForURL((url) => /^\/office\/categories\/[0-9a-f-]{36}$/.test(url.pathname));
  await expect(office.getByRole('heading', { level: 1 })).toHaveText(interpolate(a.categories.detail.title, { name: name.en }));
  await expect(office.getByRole('status')).toHaveText(interpolate(a.categories.detail.done.created, { name: name.en }));

  // A citizen, in English, finds the new topic in the list and sends a letter under it.
  const s = STRINGS.en;
  await sendAcceptLanguage(page, BROWSER_LOCALE.en);
  await page.goto('/submit');
  const form = submitForm(page, s);
  await expect(form.category.locator('option', { hasText: name.en })).toHaveCount(1);
  await fillValidLetter(page, s);
  await form.category.selectOption({ label: name.en });
  const { receiptNo } = await sendLetter(page, s);
  expect(receiptNo).toBeTruthy();

  // In Chinese, the portal names it in Chinese.
  const zh = await openContext(browser, { javaScriptEnabled: js });
  const zhPage = await zh.newPage();
  await sendAcceptLanguage(zhPage, BROWSER_LOCALE['zh-Hans']);
  await zhPage.goto('/submit');
  await expect(submitForm(zhPage, STRINGS['zh-Hans']).category.locator('option', { hasText: name.zhHans })).toHaveCount(1);
  await zh.close();
});
