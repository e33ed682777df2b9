// Early warning end to end: a joint letter with 12 co-signers is red on the early-warning board
// the next time a clerk loads it, and a letter with signs of self-harm shows where to get help now.
import warningEn from '#app/i18n/locales/en/office-warning.json' with { type: 'json' };
import warningZhHans from '#app/i18n/locales/zh-Hans/office-warning.json' with { type: 'json' };
import { receiveLetter } from './case-setup.ts';
import { staffPageAs } from './office-sign-in.ts';
import { BROWSER_LOCALE, STRINGS, expectNoAxeViolations, sendAcceptLanguage, submitNewLetter, uniqueToken } from './support.ts';
import { expect, test } from './test.ts';

const OFFICE = {
  en: { warning: warningEn },
  'zh-Hans': { warning: warningZhHans },
} as const;

for (const locale of ['zh-Hans', 'en'] as const) {
  test(`a joint letter with 12 co-signers is red on the early-warning board (${locale})`, async ({ browser }, testInfo) => {
    const js = testInfo.project.name !== 'no-js';
    const w = OFFICE[locale].warning;
    const token = `EW${uniqueToken()}`;
    const { receiptNo } = await receiveLetter(
      {
        coSignerCount: '12',
        area: `联名测试区 ${token}`,
        subject: `十二户联名反映小区停水 ${token}`,
        body: `我们十二户居民联名反映：小区已经停水五天，没有任何通知 (${token})。Twelve households have had no water for five days.`,
      },
      locale,
    );

    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    await clerk.goto('/office');
    await clerk.getByRole('link', { name: w.nav, exact: true }).click();
    await expect(clerk.getByRole('heading', { level: 1, name: w.board.title })).toBeVisible();
    const row = clerk.getByTestId('board-cases').locator(`tr[data-receipt="${receiptNo}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(w.level.RED);
    await expect(row).toContainText(w.reason.coSigners);
    await expectNoAxeViolations(clerk, browser, testInfo, `early-warning board ${locale}`);

    // The case page shows the level and its targets; the warning page records a response.
    await row.getByRole('link', { name: receiptNo }).click();
    const panel = clerk.getByTestId('warning-panel');
    await expect(panel).toContainText(w.level.RED);
    await panel.getByRole('link', { name: w.panel.change }).click();
    await expect(clerk.getByRole('heading', { level: 1 })).toContainText(receiptNo);
    await expectNoAxeViolations(clerk, browser, testInfo, `warning change page ${locale}`);
    await clerk.getByRole('button', { name: w.change.recordMilestone }).click();
    // Nothing chosen: an error summary that names the field.
    await expect(clerk.getByRole('alert')).toContainText(w.errors.milestone.required);
    await clerk.locator('label').filter({ hasText: w.milestone.response }).click();
    await clerk.getByRole('button', { name: w.change.recordMilestone }).click();
    const metPrefix = w.targetState.met.split('{{metAt}}')[0]!.replace('{{target}}', w.target.response_response);
    await expect(clerk.getByTestId('warning-panel')).toContainText(metPrefix);
    await clerk.context().close();
  });
}

for (const locale of ['zh-Hans', 'en'] as const) {
  test(`a letter with signs of self-harm shows where to get help now (${locale})`, async ({ page, browser }, testInfo) => {
    const s = STRINGS[locale];
    const token = uniqueToken();
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    await submitNewLetter(page, s, {
      coSignerCount: '1',
      area: `求助测试区 ${token}`,
      subject: `工资拖欠半年 ${token}`,
      body: `工资拖欠半年，家里没钱看病，我实在活不下去了 (${token})。I do not know what to do any more.`,
    });
    const help = page.getByTestId('welfare-help');
    await expect(help).toBeVisible();
    await expect(help.getByRole('heading', { level: 2 })).toHaveText(s.welfare.title);
    await expect(help.getByRole('link', { name: '12356' })).toHaveAttribute('href', 'tel:12356');
    // The help comes before the receipt: the first thing a screen reader or a glance reaches.
    const helpBox = await help.boundingBox();
    const receiptBox = await page.getByTestId('receipt-no').boundingBox();
    expect(helpBox!.y).toBeLessThan(receiptBox!.y);
    await expectNoAxeViolations(page, browser, testInfo, `welfare help ${locale}`);
  });
}

test('an ordinary letter shows no crisis help', async ({ page }) => {
  const s = STRINGS.en;
  await sendAcceptLanguage(page, 'en');
  await submitNewLetter(page, s, { area: `普通区 ${uniqueToken()}` });
  await expect(page.getByRole('heading', { level: 1, name: s.confirmation.title })).toBeVisible();
  await expect(page.getByTestId('welfare-help')).toHaveCount(0);
});
