// The weekly risk list (周风险清单), with and without JavaScript: the worker's own step prepares a
// week's list and emails every supervisor; a supervisor opens it from the link in that email and
// finds the week's open cluster with its trend, an orange case, an overdue case, a pending review
// request and a completion report sent back for rework, each by its receipt number. The list names
// issues and cases, never people: no name, phone number, email or address of anyone who wrote, and
// no member of staff. axe runs on the page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import reportsEn from '#app/i18n/locales/en/reports.json' with { type: 'json' };
import reportsZhHans from '#app/i18n/locales/zh-Hans/reports.json' with { type: 'json' };
import { parseEml, type ParsedEml } from '../tests/support/eml.ts';
import {
  acceptAndReply,
  prepareRiskList,
  receiveLetter,
  receivedDaysAgo,
  requestReviewOf,
  sendBackCompletionReport,
} from './case-setup.ts';
import { signInStaff } from './office-sign-in.ts';
import { serverState, STATE_FILE } from './server-state.ts';
import { createStaffWithTotp } from './staff-accounts.ts';
import { expectNoAxeViolations, isNoJs, JOURNEY_LOCALES, uniqueToken, validLetter } from './support.ts';
import { expect, test } from './test.ts';
import type { Page } from '@playwright/test';

const REPORTS = { en: reportsEn, 'zh-Hans': reportsZhHans } as const;

/** The supervisor's "scheduled report ready" emails that the worker wrote to the outbox folder. */
function reportMailsTo(email: string): ParsedEml[] {
  const dir = serverState().outboxDir;
  if (!dir) throw new Error(`${STATE_FILE} names no outboxDir`);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return []; // the folder appears with the first message
  }
  return files
    .map((f) => parseEml(readFileSync(path.join(dir, f), 'utf8')))
    .filter((m) => m.headers.get('x-petition-desk-template') === 'staff.reportReady' && m.headers.get('to') === email);
}

/** The row of a section's table that names this text (a receipt number, an area). */
const rowOf = (page: Page, section: string, text: string) => page.getByTestId(`risk-${section}`).getByRole('row').filter({ hasText: text });

for (const locale of JOURNEY_LOCALES) {
  const r = REPORTS[locale];

  test(`a supervisor opens the weekly risk list from its email (${locale})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const noJs = isNoJs(testInfo);
    const token = uniqueToken();

    // The week's issues, set up through the app: three similar letters from one neighbourhood (a
    // cluster), an orange case (seven co-signers), a case whose acceptance is overdue, a reply whose
    // citizen asked for review, and an assigned case whose completion report was sent back.
    const area = `朝阳区 Chaoyang ${token}`;
    const similar = {
      area,
      subject: `噪音扰民 Night-time noise ${token}`,
      body: `工地夜间施工噪音扰民 Night-time building noise ${token}.`,
    };
    const clustered = [];
    for (let i = 0; i < 3; i++) clustered.push((await receiveLetter(similar, locale)).receiptNo);
    const orange = await receiveLetter({ coSignerCount: '7' }, locale);
    const overdue = await receiveLetter({}, locale);
    await receivedDaysAgo(overdue.receiptNo, 20);
    const review = await receiveLetter({}, locale);
    await acceptAndReply(review.receiptNo, `已答复 ${token}`);
    await requestReviewOf(review.receiptNo, `不服答复 ${token}`);
    const returned = await receiveLetter({}, locale);
    await sendBackCompletionReport(returned.receiptNo, `已办结 ${token}`, `缺少凭证 ${token}`);

    // The worker's Friday step, for a past week of this test's own; the cluster's letters moved into it.
    const supervisor = await createStaffWithTotp('SUPERVISOR');
    const { key } = await prepareRiskList((noJs ? 2 : 1) + 2 * testInfo.retry, clustered);

    // The email names the list's page; the supervisor opens it from there.
    await expect
      .poll(() => reportMailsTo(supervisor.email).filter((m) => m.text.includes(`/office/reports/weekly/${key}`)).length, {
        timeout: 15_000,
      })
      .toBe(1);
    const [mail] = reportMailsTo(supervisor.email).filter((m) => m.text.includes(`/office/reports/weekly/${key}`));
    const link = /https?:\/\/\S+\/office\/reports\/weekly\/[0-9]{4}-W[0-9]{2}/.exec(mail!.text)?.[0];
    expect(link).toBeDefined();
    const page = await signInStaff(browser, locale, !noJs, supervisor, supervisor.totpSecret);
    await page.goto(new URL(link!).pathname);
    await expect(page.getByRole('heading', { level: 1, name: r.risk.title })).toBeVisible();
    await page.waitForLoadState(noJs ? 'load' : 'networkidle');

    // The open cluster, new this week: three cases, none the week before, rising. (Its category is
    // the row's header; the cells are area, level, confirmed, open cases, this week, the week before, trend.)
    const cluster = rowOf(page, 'clusters', token);
    await expect(cluster).toHaveCount(1);
    await expect(cluster.getByRole('cell').nth(4)).toHaveText('3');
    await expect(cluster.getByRole('cell').nth(5)).toHaveText('0');
    await expect(cluster.getByRole('cell').nth(6)).toHaveText(r.risk.trend.rising);
    // Each case in its section, by receipt number, linked to its page.
    await expect(rowOf(page, 'warned', orange.receiptNo)).toContainText(r.levels.ORANGE);
    await expect(rowOf(page, 'due', overdue.receiptNo)).toHaveCount(1);
    await expect(rowOf(page, 'reviews', review.receiptNo)).toHaveCount(1);
    await expect(rowOf(page, 'returned', returned.receiptNo)).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(r.risk.sections.returned) })).toBeVisible();
    await expect(rowOf(page, 'returned', returned.receiptNo).getByRole('link', { name: returned.receiptNo })).toHaveAttribute(
      'href',
      /^\/office\/cases\/[0-9a-f-]{36}$/,
    );

    // Issues and cases, never people: nobody who wrote, and no member of staff, is named.
    const list = await page.locator('main').innerText();
    const letter = validLetter();
    for (const personal of [letter.name, letter.phone, letter.email, letter.postalAddress, similar.subject, `不服答复 ${token}`])
      expect(list).not.toContain(personal);
    for (const staff of ['测试承办', '测试审核', '测试督办', '测试交办', supervisor.name]) expect(list).not.toContain(staff);

    await expectNoAxeViolations(page, browser, testInfo, `weekly risk list (${locale})`);
    await page.context().close();
  });
}
