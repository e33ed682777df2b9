// Early warning end to end: a joint letter with 12 co-signers is red on the early-warning board
// the next time a clerk loads it; a letter with signs of self-harm shows where to get help now, and
// heads the queue and the board; a cluster of similar letters is one row of the board that opens
// to its cases; on a phone the board's rows are cards.
import warningEn from '#app/i18n/locales/en/office-warning.json' with { type: 'json' };
import warningZhHans from '#app/i18n/locales/zh-Hans/office-warning.json' with { type: 'json' };
import { receiveLetter } from './case-setup.ts';
import { staffPageAs } from './office-sign-in.ts';
import {
  BROWSER_LOCALE,
  JOURNEY_LOCALES,
  STRINGS,
  expectNoAxeViolations,
  interpolate,
  isNoJs,
  sendAcceptLanguage,
  submitNewLetter,
  uniqueToken,
  type Locale,
} from './support.ts';
import { expect, test } from './test.ts';
import type { Page } from '@playwright/test';

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

/** Six near-identical letters about unpaid wages from one neighbourhood: one cluster, orange. */
async function wageCluster(token: string, locale: Locale): Promise<string[]> {
  const receipts: string[] = [];
  for (let i = 0; i < 6; i++) receipts.push((await receiveLetter(wageLetter(token), locale)).receiptNo);
  return receipts;
}

function wageLetter(token: string, extra = '') {
  return {
    coSignerCount: '1',
    area: `欠薪测试区 ${token}`,
    subject: `工地拖欠工资 ${token}`,
    body: `建筑工地老板拖欠我们工资已经半年，多次讨要没有结果，请政府帮助追讨 (${token})。${extra}`,
  };
}

/** The board's rows, in order: each case's receipt number (or the cluster's id) and whether it is pinned. */
async function boardRows(page: Page): Promise<{ receipt: string | null; cluster: string | null; pinned: boolean }[]> {
  return await page
    .getByTestId('board-cases')
    .locator(':scope > tbody > tr')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        receipt: row.getAttribute('data-receipt'),
        cluster: row.getAttribute('data-cluster'),
        pinned: row.getAttribute('data-pinned') === 'true',
      })),
    );
}

for (const locale of JOURNEY_LOCALES) {
  test(`a self-harm case is the first row of the queue and of the board (${locale})`, async ({ browser }, testInfo) => {
    const w = OFFICE[locale].warning;
    const token = `SH${uniqueToken()}`;
    // The walkthrough: a self-harm letter among near-identical letters of one cluster, received last.
    const members = await wageCluster(token, locale);
    const { receiptNo: danger } = await receiveLetter(wageLetter(token, '我实在活不下去了。I cannot go on.'), locale);
    const { page: clerk } = await staffPageAs(browser, locale, !isNoJs(testInfo), 'CLERK');

    // The queue, this test's letters only: the self-harm letter first, marked in words.
    await clerk.goto(`/office?q=${token}`);
    const queueRows = clerk.locator('[data-testid="queue"] tbody tr');
    await expect(queueRows).toHaveCount(members.length + 1);
    await expect(queueRows.first().locator('a.reference')).toHaveText(danger);
    await expect(queueRows.first().getByTestId('safety-flag')).toContainText(w.safety.flag);

    // The board: pinned above everything else. Other tests' pinned cases share the server, so only
    // pinned rows may come before it.
    await clerk.goto('/office/warnings');
    await expect(clerk.getByRole('heading', { level: 1, name: w.board.title })).toBeVisible();
    const row = clerk.getByTestId('board-cases').locator(`tr[data-receipt="${danger}"]`);
    await expect(row).toHaveAttribute('data-pinned', 'true');
    await expect(row.getByTestId('safety-flag')).toContainText(w.safety.flag);
    await expect(row).toContainText(w.safety.pinned);
    const rows = await boardRows(clerk);
    const at = rows.findIndex((r) => r.receipt === danger);
    expect(rows.slice(0, at + 1).every((r) => r.pinned)).toBe(true);
    expect(rows.slice(at + 1).some((r) => r.pinned)).toBe(false);
    // Its cluster's other letters are not rows of their own.
    expect(rows.filter((r) => r.receipt !== null && members.includes(r.receipt))).toEqual([]);
    await expectNoAxeViolations(clerk, browser, testInfo, `board with a pinned case ${locale}`);
    await clerk.context().close();
  });

  test(`a cluster shows as one row (${locale})`, async ({ browser }, testInfo) => {
    const w = OFFICE[locale].warning;
    const token = `CL${uniqueToken()}`;
    const members = await wageCluster(token, locale);
    const { page: clerk } = await staffPageAs(browser, locale, !isNoJs(testInfo), 'CLERK');
    await clerk.goto('/office/warnings');

    // One row for the six letters, with its size, trend and next target; none of them on a row of its own.
    const clusterRows = clerk.getByTestId('board-cases').locator('tr[data-cluster]').filter({ hasText: token });
    await expect(clusterRows).toHaveCount(1);
    const row = clusterRows.first();
    await expect(row).toContainText(w.board.clusterTag);
    await expect(row).toContainText(interpolate(w.board.clusterSize_other, { formatted: 6 }));
    await expect(row).toContainText(interpolate(w.board.clusterTrend, { day: 6, week: 6 }));
    await expect(row).toContainText(w.level.ORANGE);
    for (const receiptNo of members) await expect(clerk.locator(`tr[data-receipt="${receiptNo}"]`)).toHaveCount(0);

    // It opens to its cases, with or without JavaScript (a native disclosure).
    const cases = row.getByTestId('board-cluster-cases');
    const links = cases.getByRole('link', { name: /^XF-/ });
    await expect(links.first()).toBeHidden();
    await cases.getByText(interpolate(w.board.clusterCases_other, { formatted: 6 })).click();
    await expect(links).toHaveCount(6);
    expect((await links.allTextContents()).sort()).toEqual([...members].sort());
    await expectNoAxeViolations(clerk, browser, testInfo, `board with a cluster opened ${locale}`);

    // Its title leads to the cluster's page.
    await row.getByRole('link', { name: wageLetter(token).subject }).click();
    await expect(clerk.getByTestId('cluster-size')).toHaveText('6');
    await clerk.context().close();
  });

  test(`the board reflows into cards at 360 px (${locale})`, async ({ browser }, testInfo) => {
    test.skip(isNoJs(testInfo), 'the layout is the same without JavaScript; one set of screenshots');
    const token = `PH${uniqueToken()}`;
    await wageCluster(token, locale);
    await receiveLetter(wageLetter(`${token}-X`, '我实在活不下去了。'), locale);
    const { page: clerk } = await staffPageAs(browser, locale, true, 'CLERK');
    await clerk.setViewportSize({ width: 360, height: 740 });
    await clerk.goto('/office/warnings');
    const cluster = clerk.getByTestId('board-cases').locator('tr[data-cluster]').filter({ hasText: token }).first();
    await cluster.getByTestId('board-cluster-cases').locator('summary').click();
    await clerk.screenshot({ path: testInfo.outputPath(`board-${locale}-360x740.png`), fullPage: false });
    const wide = await clerk.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    const overflow = await clerk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no sideways scrolling at 360 px (too wide: ${wide.join('; ')})`).toBeLessThanOrEqual(0);
    // Each row is a card: its cells stacked, each named by its column.
    const box = await cluster.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    await expect(cluster.locator('.board-table__label').first()).toBeVisible();
    await clerk.context().close();
  });
}
