// The citizen's follow-up, with and without JavaScript: rate the reply, ask for a review, and a
// handler of the unit above the one that replied publishes the review opinion, which the citizen then reads.
import followUpEn from '#app/i18n/locales/en/follow-up.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import followUpZhHans from '#app/i18n/locales/zh-Hans/follow-up.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { acceptAndReply, caseAndUnit, receiveLetter } from './case-setup.ts';
import { signInStaff } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  choice,
  confirmStep,
  errorSummary,
  expectNoAxeViolations,
  lookUpCase,
  sendAcceptLanguage,
  STRINGS,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';

const TEXT = {
  en: { followUp: followUpEn, office: officeEn },
  'zh-Hans': { followUp: followUpZhHans, office: officeZhHans },
} as const;

for (const locale of ['zh-Hans', 'en'] as const) {
  test(`rate a reply, ask for a review, and read the review opinion (${locale})`, async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const f = TEXT[locale].followUp;
    const o = TEXT[locale].office;
    const token = `FU${uniqueToken()}`;
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    const { receiptNo, accessCode } = await receiveLetter({ area: `回访测试区 ${token}`, subject: `楼道漏水 ${token}` }, locale);
    const { caseId, unitCode } = await acceptAndReply(receiptNo, `物业已修复楼道漏水。${token}`);

    await page.goto('/track');
    await lookUpCase(page, s, receiptNo, accessCode);
    await page.waitForURL((url) => url.pathname === '/track/case');
    const followUp = page.getByTestId('follow-up');

    // Rate: nothing chosen gives the error summary; then a rating is kept and shown.
    await followUp.getByRole('link', { name: f.options.rate }).click();
    await expect(page.getByRole('heading', { level: 1, name: f.rate.title })).toBeVisible();
    await expectNoAxeViolations(page, browser, testInfo, `rate page ${locale}`);
    await page.getByRole('button', { name: f.rate.submit }).click();
    await expect(errorSummary(page, s)).toContainText(f.errors.rating.required);
    await expect(errorSummary(page, s)).toContainText(f.errors.solved.required);
    await choice(page, 'radio', f.rate.scale['4']).check();
    await choice(page, 'radio', f.rate.solvedOptions.PARTLY).check();
    await page.getByLabel(f.rate.comment, { exact: true }).fill(`加班费还没有发 ${token}`);
    await page.getByRole('button', { name: f.rate.submit }).click();
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('rating-summary')).toContainText(f.rate.scale['4']);

    // Ask for a review, with reasons.
    await page.getByTestId('follow-up').getByRole('link', { name: f.options.review }).click();
    await expect(page.getByRole('heading', { level: 1, name: f.review.review.title })).toBeVisible();
    await expectNoAxeViolations(page, browser, testInfo, `review request page ${locale}`);
    await page.getByLabel(f.review.reason, { exact: true }).fill(`答复没有提到加班费。${token}`);
    await page.getByRole('button', { name: f.review.review.submit }).click();
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('case-status')).toHaveText(s.status.REVIEW_REQUESTED.title);
    await expectNoAxeViolations(page, browser, testInfo, `track page after review request ${locale}`);

    // A handler of the unit above the one that replied publishes the review opinion (art. 35).
    const { unitCode: reviewUnit } = await caseAndUnit(receiptNo);
    expect(reviewUnit).not.toBe(unitCode);
    const handler = await signInStaff(browser, locale, js, await createStaff('HANDLER', reviewUnit ?? undefined));
    await handler.goto(`/office/cases/${caseId}`);
    await expect(handler.getByTestId('case-rating')).toBeVisible();
    const panel = handler.locator('details[data-action="issueReview"]');
    await panel.locator(':scope > summary').click();
    const opinion = `经复查，物业将于本月补发加班费。${token}`;
    // Every opinion states its outcome (arts. 35, 36).
    await choice(handler, 'radio', s.outcomes.CHANGED).check();
    await panel.getByLabel(o.case.fields.reviewOpinion, { exact: true }).fill(opinion);
    await panel.getByRole('button', { name: o.case.action.issueReview }).click();
    await confirmStep(handler, js, o.case.confirm.issueReview.confirm);
    // The shell has a status area of its own (the flash notice): the one that says it is done.
    const done = handler.getByRole('status').filter({ hasText: o.case.done.issueReview });
    await expect(done).toHaveText(o.case.done.issueReview);
    await handler.context().close();

    // The citizen reads it, and may now ask for a re-review.
    await page.reload();
    await expect(page.getByTestId('case-status')).toHaveText(s.status.REVIEWED.title);
    await expect(page.getByTestId('case-reply')).toContainText(opinion);
    await expect(page.getByTestId('case-outcome')).toContainText(s.outcomes.CHANGED);
    await expect(page.getByTestId('follow-up').getByRole('link', { name: f.options.reReview })).toBeVisible();
  });
}

test('withdraw a case before it is answered', async ({ page, browser }, testInfo) => {
  const s = STRINGS.en;
  const f = TEXT.en.followUp;
  await sendAcceptLanguage(page, 'en');
  const { receiptNo, accessCode } = await receiveLetter({ area: `撤回测试区 ${uniqueToken()}` }, 'en');
  await page.goto('/track');
  await lookUpCase(page, s, receiptNo, accessCode);
  await page.getByTestId('follow-up').getByRole('link', { name: f.options.withdraw }).click();
  await expectNoAxeViolations(page, browser, testInfo, 'withdraw page');
  await page.getByRole('button', { name: f.withdraw.submit }).click();
  await expect(errorSummary(page, s)).toContainText(f.errors.confirm.required);
  await choice(page, 'checkbox', f.withdraw.confirm).check();
  await page.getByRole('button', { name: f.withdraw.submit }).click();
  await page.waitForURL((url) => url.pathname === '/track/case');
  await expect(page.getByTestId('case-status')).toHaveText(s.status.WITHDRAWN.title);
});
