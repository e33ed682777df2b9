// The statute's promises end to end, with and without JavaScript, in zh-Hans and English: a report of
// misconduct kept from the unit it names and answered by the discipline body, with the reporter's
// list of units that opened it (arts. 22, 30, 46(5)); a review decided one level up, never by the
// handler who replied (art. 35), with its outcome and dates on the track page.
import followUpEn from '#app/i18n/locales/en/follow-up.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import followUpZhHans from '#app/i18n/locales/zh-Hans/follow-up.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { fillReply } from './case-reply.ts';
import { acceptAndReplyAs, acceptCase, caseAndUnit, receiveLetter } from './case-setup.ts';
import { signInStaff } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  JOURNEY_LOCALES,
  STRINGS,
  choice,
  expectNoAxeViolations,
  fillValidLetter,
  interpolate,
  lookUpCase,
  sendAcceptLanguage,
  sendLetter,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';
import type { Page } from '@playwright/test';

const TEXT = {
  en: { followUp: followUpEn, office: officeEn },
  'zh-Hans': { followUp: followUpZhHans, office: officeZhHans },
} as const;

/** Names from the seed data (prisma/seed.ts), as each language shows them. */
const NAMES = {
  en: {
    lawCategory: 'Law enforcement and justice',
    police: 'Municipal Public Security Bureau',
    discipline: 'Municipal Commission for Discipline Inspection and Supervision',
  },
  'zh-Hans': { lawCategory: '政法与执法司法', police: '市公安局', discipline: '市纪委监委' },
} as const;

/** Opens an action's panel on the office case page. */
async function openPanel(page: Page, intent: string) {
  const panel = page.locator(`details[data-action="${intent}"]`);
  await panel.locator(':scope > summary').click();
  return panel;
}

for (const locale of JOURNEY_LOCALES) {
  test(`a report of misconduct never reaches the unit it names, and the reporter sees who opened it (${locale})`, async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const o = TEXT[locale].office;
    const names = NAMES[locale];
    const token = `MR${uniqueToken()}`;

    // 1. The citizen reports the public security bureau.
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    await page.goto('/submit');
    await fillValidLetter(page, s, { kind: 'MISCONDUCT_REPORT', subject: `民警索要好处费 ${token}`, area: `东城区 ${token}` });
    await page.getByLabel(s.submit.fields.categoryId.label, { exact: true }).selectOption({ label: names.lawCategory });
    await page.getByLabel(s.submit.fields.reportedUnit.label, { exact: true }).selectOption({ label: names.police });
    await page.getByLabel(s.submit.fields.reportedOfficial.label, { exact: true }).fill('王某');
    const { receiptNo, accessCode } = await sendLetter(page, s);
    const { caseId, unitCode } = await caseAndUnit(receiptNo);
    expect(unitCode).toBe('discipline-inspection');

    // 2. A handler of the bureau, and a clerk of a unit below it (clerks see every other case), find
    // nothing: not in the queue, not at its address. (Supervisors and admins, who sign in with a
    // second factor, are covered by the integration tests.)
    for (const [role, code] of [
      ['HANDLER', 'public-security'],
      ['CLERK', 'public-security-dongcheng'],
    ] as const) {
      const barred = await signInStaff(browser, locale, js, await createStaff(role, code));
      await barred.goto(`/office?all=1&q=${encodeURIComponent(token)}`);
      await expect(barred.getByRole('link', { name: receiptNo })).toHaveCount(0);
      const answer = await barred.goto(`/office/cases/${caseId}`);
      expect(answer?.status()).toBe(404);
      await expect(barred.getByText(receiptNo)).toHaveCount(0);
      await barred.context().close();
    }

    // 3. The discipline body opens it and answers it.
    await acceptCase(receiptNo);
    const discipline = await signInStaff(browser, locale, js, await createStaff('HANDLER', 'discipline-inspection'));
    await discipline.goto(`/office/cases/${caseId}`);
    await expect(discipline.getByTestId('office-reported-party')).toContainText(names.police);
    await expectNoAxeViolations(discipline, browser, testInfo, `office case page of a report ${locale}`);
    const reply = await openPanel(discipline, 'reply');
    const answer = `经查，反映的问题属实，已对相关人员立案审查。${token}`;
    await fillReply(reply, o, {
      answers: [{ outcome: s.claimOutcomes.SUBSTANTIATED, reasons: answer }],
      legalBasis: '《中国共产党纪律处分条例》',
      text: answer,
    });
    await reply.getByRole('button', { name: o.case.action.reply }).click();
    await expect(discipline.getByRole('status').filter({ hasText: o.case.done.reply })).toHaveText(o.case.done.reply);
    await discipline.context().close();

    // 4. The citizen reads the answer, and which units opened the report: the discipline body, never the bureau.
    await page.goto('/track');
    await lookUpCase(page, s, receiptNo, accessCode);
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('case-reply')).toContainText(answer);
    await expect(page.getByTestId('route-reason')).toHaveText(s.case.routed.discipline);
    await expect(page.getByTestId('report-bar')).toHaveText(interpolate(s.case.report.barred, { unit: names.police }));
    const openings = page.getByTestId('report-openings-table');
    await expect(openings).toContainText(names.discipline);
    await expect(openings).not.toContainText(names.police);
    await expect(openings).not.toContainText('李承办');
    await expectNoAxeViolations(page, browser, testInfo, `track page of a report ${locale}`);
  });

  test(`a review is decided one level up, not by the handler who replied, and the citizen sees its outcome and dates (${locale})`, async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const f = TEXT[locale].followUp;
    const o = TEXT[locale].office;
    const token = `RV${uniqueToken()}`;

    // 1. A handler of the unit gives the reply.
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    const { receiptNo, accessCode } = await receiveLetter({ area: `复查测试区 ${token}`, subject: `征地补偿 ${token}` }, locale);
    const { caseId, unitCode } = await caseAndUnit(receiptNo);
    if (!unitCode) throw new Error('the letter was routed to no unit');
    const replier = await createStaff('HANDLER', unitCode);
    await acceptAndReplyAs(receiptNo, replier.email, `补偿标准符合规定。${token}`);

    // 2. The citizen asks for a review.
    await page.goto('/track');
    await lookUpCase(page, s, receiptNo, accessCode);
    await page.waitForURL((url) => url.pathname === '/track/case');
    await page.getByTestId('follow-up').getByRole('link', { name: f.options.review }).click();
    await page.getByLabel(f.review.reason, { exact: true }).fill(`补偿没有考虑地上附着物。${token}`);
    await page.getByRole('button', { name: f.review.review.submit }).click();
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('case-deadlines')).toContainText(s.case.deadlines.reviewOpinion);
    await expect(page.getByTestId('case-deadlines')).toContainText(interpolate(s.case.article, { article: '35' }));
    const reviewer = await caseAndUnit(receiptNo);
    expect(reviewer.unitCode).toBe('bureau');

    // 3. The handler who replied is refused; a handler of the unit above issues the opinion.
    const original = await signInStaff(browser, locale, js, replier);
    expect((await original.goto(`/office/cases/${caseId}`))?.status()).toBe(404);
    await original.context().close();
    const parent = await signInStaff(browser, locale, js, await createStaff('HANDLER', 'bureau'));
    await parent.goto(`/office/cases/${caseId}`);
    const panel = await openPanel(parent, 'issueReview');
    await choice(panel.page(), 'radio', s.outcomes.CHANGED).check();
    const opinion = `经复查，应补偿地上附着物。${token}`;
    await panel.getByLabel(o.case.fields.reviewOpinion, { exact: true }).fill(opinion);
    await expectNoAxeViolations(parent, browser, testInfo, `office review opinion form ${locale}`);
    await panel.getByRole('button', { name: o.case.action.issueReview }).click();
    await expect(parent.getByRole('status').filter({ hasText: o.case.done.issueReview })).toHaveText(o.case.done.issueReview);
    await parent.context().close();

    // 4. The citizen sees the outcome, the opinion and the date by which they may ask for a re-review.
    await page.reload();
    await expect(page.getByTestId('case-status')).toHaveText(s.status.REVIEWED.title);
    await expect(page.getByTestId('case-outcome')).toHaveText(interpolate(s.case.outcome, { outcome: s.outcomes.CHANGED }));
    await expect(page.getByTestId('case-reply')).toContainText(opinion);
    await expect(page.getByTestId('case-deadlines')).toContainText(s.case.deadlines.reReviewRequest);
    await expect(page.getByTestId('case-deadlines')).toContainText(interpolate(s.case.article, { article: '36' }));
    await expectNoAxeViolations(page, browser, testInfo, `track page with a review outcome ${locale}`);
  });
}
