// The back-office queue as a day's work uses it: one case accepted and assigned from its page with
// "Save and next" (one page load, a choice and a button per case), bulk accept-and-assign, word-aware Chinese search,
// the self-harm case pinned first, keyboard triage, and a queue dense enough to scan (screenshots
// at 1,280 × 900 and 360 × 740, saved with the run's results, not in the repository).
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { caseAndUnit, receiveLetter } from './case-setup.ts';
import { chooseOption } from './combo-box.ts';
import { staffPageAs } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import { JOURNEY_LOCALES, STRINGS, choice, expectNoAxeViolations, interpolate, isNoJs, uniqueToken, type Locale } from './support.ts';
import { expect, test } from './test.ts';
import type { Browser, Page } from '@playwright/test';

const OFFICE = { en: officeEn, 'zh-Hans': officeZhHans } as const;

async function clerk(browser: Browser, locale: Locale, js: boolean): Promise<Page> {
  return (await staffPageAs(browser, locale, js, 'CLERK')).page;
}

const receiptLinks = (page: Page) => page.locator('[data-testid="queue"] a.reference');
/** The bulk form (the filter bar has a unit select of the same name). */
const bulkForm = (page: Page) => page.locator('section.bulk');

for (const locale of JOURNEY_LOCALES) {
  const o = OFFICE[locale];

  test(`a clerk accepts and assigns 5 cases at once (${locale})`, async ({ browser }, testInfo) => {
    const js = !isNoJs(testInfo);
    const token = uniqueToken();
    const receipts: string[] = [];
    for (let i = 0; i < 5; i++) {
      receipts.push((await receiveLetter({ subject: `路灯不亮 Street lights out ${token} ${i}` }, locale)).receiptNo);
    }

    const page = await clerk(browser, locale, js);
    await page.goto(`/office?q=${token}`);
    await expect(receiptLinks(page)).toHaveCount(5);
    if (js) {
      await choice(page, 'checkbox', o.bulk.selectAll).check();
    } else {
      // Without scripts the box is a plain input inside its label: a click on it ticks it.
      for (const receiptNo of receipts) {
        const box = page.getByRole('checkbox', { name: interpolate(o.bulk.selectCase, { receiptNo }) });
        await box.dispatchEvent('click');
        await expect(box).toBeChecked();
      }
    }
    await bulkForm(page).getByLabel(o.bulk.action, { exact: true }).selectOption('acceptAssign');
    await bulkForm(page).getByLabel(o.bulk.unit, { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: o.bulk.apply }).click();
    await expect(page.getByTestId('bulk-result')).toContainText(
      interpolate(o.bulk.result, { action: o.bulk.actions.acceptAssign, done: 5, skipped: 0 }),
    );
    // None of them is still waiting to be accepted.
    await page.goto(`/office?q=${token}&status=SUBMITTED`);
    await expect(receiptLinks(page)).toHaveCount(0);
  });

  test(`a clerk accepts and assigns a case from the queue and "Save and next" opens the next one (${locale})`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const js = !isNoJs(testInfo);
    const token = uniqueToken();
    for (const i of [1, 2]) await receiveLetter({ subject: `路灯不亮 Street lights out ${token} ${i}` }, locale);
    const page = await clerk(browser, locale, js);
    // A view of this test's new letters only: the queue shares the server with other tests.
    await page.goto(`/office?q=${token}&status=SUBMITTED`);
    await expect(receiptLinks(page)).toHaveCount(2);
    const [first, second] = (await receiptLinks(page).allInnerTexts()).map((text) => text.trim()) as [string, string];
    const { unitCode } = await caseAndUnit(first);
    const handler = await createStaff('HANDLER', unitCode ?? 'housing');

    // 1 page load: the case, with the triage form open and the routed unit chosen.
    await receiptLinks(page).first().click();
    await expect(page.getByTestId('office-case-receipt')).toHaveText(first);
    const triage = page.locator('details[data-action="acceptAssign"]');
    await expect(triage).toHaveAttribute('open', '');
    if (!unitCode) await chooseOption(page, triage, o.queue.unit, /住房|Housing/, js);
    // 2: the handler, of that unit.
    await chooseOption(page, triage, o.queue.assignee, handler.name, js);
    await expectNoAxeViolations(page, browser, testInfo, `accept and assign (${locale})`);
    // 3: Save and next.
    await triage.getByRole('button', { name: o.case.saveAndNext }).click();
    await expect(page.getByTestId('office-case-receipt')).toHaveText(second);
    await expect(page.getByRole('status')).toHaveText(interpolate(o.case.doneNext, { receiptNo: first }));
    await expect(page.getByTestId('office-case-status')).toHaveText(STRINGS[locale].status.SUBMITTED.title);
    await expectNoAxeViolations(page, browser, testInfo, `the next case (${locale})`);

    // The last case of the view goes back to the view, which has nothing left to accept.
    await page.locator('details[data-action="acceptAssign"]').getByRole('button', { name: o.case.saveAndNext }).click();
    await expect(page.getByRole('status').filter({ hasText: interpolate(o.case.doneLast, { receiptNo: second }) })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/office');
    await expect(receiptLinks(page)).toHaveCount(0);

    // Both accepted and assigned: the first to its handler, each step its own event.
    await page.goto(`/office?q=${token}`);
    await receiptLinks(page).filter({ hasText: first }).click();
    await expect(page.getByTestId('office-case-status')).toHaveText(STRINGS[locale].status.ACCEPTED.title);
    await expect(page.locator('.summary-list').first()).toContainText(handler.name);
    const timeline = page.getByTestId('office-case-timeline');
    await expect(timeline).toContainText(STRINGS[locale].events.ACCEPTED);
    await expect(timeline).toContainText(STRINGS[locale].events.ASSIGNED);
  });

  test(`on the case page, a opens accept and assign, and never fires in a text field (${locale})`, async ({ browser }, testInfo) => {
    test.skip(isNoJs(testInfo), 'shortcuts need JavaScript');
    const token = uniqueToken();
    const { receiptNo } = await receiveLetter({ subject: `路灯不亮 ${token}` }, locale);
    const page = await clerk(browser, locale, true);
    await page.goto(`/office?q=${token}`);
    await receiptLinks(page).filter({ hasText: receiptNo }).click();
    await expect(page.getByTestId('office-case-receipt')).toHaveText(receiptNo);
    const triage = page.locator('details[data-action="acceptAssign"]');
    const claims = triage.getByLabel(o.case.fields.claims, { exact: true });
    // Collapsed, then opened again by the key, with the focus on its first field.
    await triage.locator(':scope > summary').click();
    await expect(triage).not.toHaveAttribute('open', '');
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await expect(triage).toHaveAttribute('open', '');
    await expect(claims).toBeFocused();
    // Typed into the claims, "a" is a letter.
    await claims.press('End');
    await claims.pressSequentially(' a');
    await expect(claims).toHaveValue(/ a$/);
    await expect(claims).toBeFocused();
    // "?" lists it.
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: o.shortcuts.title })).toContainText(o.shortcuts.case.acceptAssign);
  });

  test(`staff find 楼道漏水 and 工资拖欠 without spaces, in any order (${locale})`, async ({ browser }, testInfo) => {
    const token = uniqueToken();
    const leak = await receiveLetter(
      {
        subject: `楼道天花板漏水 ${token}`,
        body: `我们单元的楼道天花板一直漏水，已经三个月了，物业一直没有修。${token}`,
      },
      locale,
    );
    const wages = await receiveLetter(
      {
        subject: `讨要工资 ${token}`,
        body: `公司拖欠工资已经半年，老板不接电话。${token}`,
      },
      locale,
    );
    const page = await clerk(browser, locale, !isNoJs(testInfo));
    await page.goto(`/office?q=${encodeURIComponent('楼道漏水')}`);
    await expect(receiptLinks(page).filter({ hasText: leak.receiptNo })).toHaveCount(1);
    // The words found are marked in the results.
    await expect(page.locator('[data-testid="queue"] mark').first()).toBeVisible();
    await page.goto(`/office?q=${encodeURIComponent('工资拖欠')}`);
    await expect(receiptLinks(page).filter({ hasText: wages.receiptNo })).toHaveCount(1);
  });

  test(`a self-harm case is the first row of the queue, marked in words (${locale})`, async ({ browser }, testInfo) => {
    const token = uniqueToken();
    const danger = await receiveLetter(
      {
        subject: `工资 ${token}`,
        body: `老板拖欠我工资一年了，我实在活不下去了。${token}`,
      },
      locale,
    );
    // A later, ordinary letter does not push it down.
    await receiveLetter({ subject: `路灯不亮 ${token}` }, locale);
    const page = await clerk(browser, locale, !isNoJs(testInfo));
    // This test's letters only: other tests' pinned cases share the server.
    await page.goto(`/office?q=${token}`);
    await expect(receiptLinks(page)).toHaveCount(2);
    const firstRow = page.locator('[data-testid="queue"] tbody tr').first();
    await expect(firstRow.locator('a.reference')).toHaveText(danger.receiptNo);
    await expect(firstRow.getByTestId('safety-flag')).toBeVisible();
  });

  test(`keyboard triage: j moves, x selects, a opens accept and assign (${locale})`, async ({ browser }, testInfo) => {
    test.skip(isNoJs(testInfo), 'shortcuts need JavaScript');
    const token = uniqueToken();
    for (let i = 0; i < 2; i++) await receiveLetter({ subject: `路灯不亮 ${token} ${i}` }, locale);
    const page = await clerk(browser, locale, true);
    await page.goto(`/office?q=${token}`);
    await expect(receiptLinks(page)).toHaveCount(2);
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await expect(receiptLinks(page).first()).toBeFocused();
    await page.keyboard.press('j');
    await expect(receiptLinks(page).nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(receiptLinks(page).first()).toBeFocused();
    await page.keyboard.press('x');
    const first = (await receiptLinks(page).first().textContent())!;
    await expect(page.getByRole('checkbox', { name: interpolate(o.bulk.selectCase, { receiptNo: first }) })).toBeChecked();
    await page.keyboard.press('a');
    await expect(bulkForm(page).getByLabel(o.bulk.action, { exact: true })).toHaveValue('acceptAssign');
    await expect(bulkForm(page).getByLabel(o.bulk.unit, { exact: true })).toBeFocused();
    // Typing in a field never fires a shortcut.
    await page.getByLabel(o.queue.search, { exact: true }).fill('');
    await page.getByLabel(o.queue.search, { exact: true }).pressSequentially('jx');
    await expect(page.getByLabel(o.queue.search, { exact: true })).toHaveValue('jx');
    await bulkForm(page).getByLabel(o.bulk.unit, { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: o.bulk.apply }).click();
    await expect(page.getByTestId('bulk-result')).toContainText(
      interpolate(o.bulk.result, { action: o.bulk.actions.acceptAssign, done: 1, skipped: 0 }),
    );
  });

  test(`the queue shows at least 15 cases at 1,280 × 900 and reflows at 360 px (${locale})`, async ({ browser }, testInfo) => {
    test.skip(isNoJs(testInfo), 'the layout is the same without JavaScript; one set of screenshots');
    for (let i = 0; i < 16; i++) await receiveLetter({}, locale);
    const page = await clerk(browser, locale, true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/office');
    await expect(receiptLinks(page).nth(15)).toBeAttached();
    // The screenshot first, so that a failing count still leaves the picture to look at.
    await page.screenshot({ path: testInfo.outputPath(`queue-${locale}-1280x900.png`) });
    const visible = await receiptLinks(page).evaluateAll(
      (links) => links.filter((a) => a.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
    expect(visible, 'rows fully visible without scrolling').toBeGreaterThanOrEqual(15);
    // A receipt number on one line: a link that wraps has more than one line box.
    const wrapped = await receiptLinks(page).evaluateAll((links) =>
      links.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent),
    );
    expect(wrapped).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/office');
    await page.screenshot({ path: testInfo.outputPath(`queue-${locale}-360x740.png`) });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no sideways scrolling at 360 px (too wide: ${wide.join('; ')})`).toBeLessThanOrEqual(0);
  });
}
