// A complaint that ends in a mediation agreement instead of a decision (art. 33), with and without
// JavaScript: the handler of the case's unit records it through the settle panel, which first refuses
// it without the other party's consent and records nothing; recorded, the case is answered, and the
// citizen reads the terms on the track page, keeps the 30 days to ask for review, and prints the
// 调解协议书 with the other party and the terms.
import followUpEn from '#app/i18n/locales/en/follow-up.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import followUpZhHans from '#app/i18n/locales/zh-Hans/follow-up.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { formatInstant } from '#app/platform/time/format.ts';
import { acceptCase, caseAndUnit, caseAnswer, receiveLetter } from './case-setup.ts';
import { signInStaff } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  JOURNEY_LOCALES,
  STRINGS,
  choice,
  errorSummary,
  expectNoAxeViolations,
  interpolate,
  lookUpCase,
  sendAcceptLanguage,
  startsWith,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';

const TEXT = {
  en: { office: officeEn, followUp: followUpEn },
  'zh-Hans': { office: officeZhHans, followUp: followUpZhHans },
} as const;

/** Art. 35 (kept by art. 33): the citizen may ask for review within 30 days of the answer. */
const REVIEW_REQUEST_DAYS = 30;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
const civilDay = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

const addDays = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

for (const locale of JOURNEY_LOCALES) {
  test(`a complaint ends in a mediation agreement: refused without a consent, recorded, read and printed by the citizen (${locale})`, async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const { office: o, followUp: f } = TEXT[locale];
    const token = `MA${uniqueToken()}`;
    const { receiptNo, accessCode } = await receiveLetter(
      { area: `调解测试区 ${token}`, subject: `拖欠工资 Unpaid wages ${token}` },
      locale,
    );
    await acceptCase(receiptNo);
    const { caseId, unitCode } = await caseAndUnit(receiptNo);
    if (!unitCode) throw new Error('the letter was routed to no unit');

    // 1. The handler of the case's unit opens the settle panel.
    const handler = await signInStaff(browser, locale, js, await createStaff('HANDLER', unitCode));
    await handler.goto(`/office/cases/${caseId}`);
    const status = handler.getByTestId('office-case-status');
    await expect(status).toHaveText(s.status.ACCEPTED.title);
    const panel = handler.locator('details[data-action="settle"]');
    await panel.locator(':scope > summary').click();
    const party = panel.getByLabel(o.case.fields.agreementParty, { exact: true });
    const terms = panel.getByLabel(o.case.fields.agreementTerms, { exact: true });
    const citizenConsent = panel.getByRole('checkbox', { name: startsWith(o.case.fields.citizenConsent) });
    const partyConsent = panel.getByRole('checkbox', { name: startsWith(o.case.fields.partyConsent) });
    const otherParty = `某建筑劳务有限公司 ${token}`;
    const paragraphs = [`用人单位于2026年12月15日前一次性支付拖欠工资三万元。${token}`, `信访人收到款项后不再就此事项提出请求。${token}`];

    // 2. Everything but the other party's consent: refused at that box and in the summary, what was
    // entered kept, nothing recorded.
    await choice(handler, 'radio', o.case.agreements.MEDIATION).check();
    await party.fill(otherParty);
    await terms.fill(paragraphs.join('\n\n'));
    await choice(handler, 'checkbox', o.case.fields.citizenConsent).check();
    await panel.getByRole('button', { name: o.case.action.settle }).click();
    const summary = errorSummary(handler, s);
    await expect(summary.getByRole('link')).toHaveCount(1);
    await expect(summary.getByRole('link', { name: o.case.errors.consentRequired })).toHaveAttribute('href', '#field-settle-partyConsent');
    await expect(partyConsent).toHaveAttribute('aria-invalid', 'true');
    await expect(partyConsent).not.toBeChecked();
    await expect(panel).toHaveAttribute('open', '');
    await expect(panel.getByText(o.case.errors.consentRequired, { exact: true })).toBeVisible();
    await expect(citizenConsent).toBeChecked();
    await expect(citizenConsent).not.toHaveAttribute('aria-invalid', 'true');
    await expect(party).toHaveValue(otherParty);
    await expect(terms).toHaveValue(paragraphs.join('\n\n'));
    await expect(panel.getByRole('radio', { name: startsWith(o.case.agreements.MEDIATION) })).toBeChecked();
    await expect(status).toHaveText(s.status.ACCEPTED.title);
    expect(await caseAnswer(receiptNo)).toMatchObject({ status: 'ACCEPTED', agreementKind: null, agreementEvents: 0, repliedAt: null });
    await expectNoAxeViolations(handler, browser, testInfo, `settle panel refused (${locale})`);

    // 3. With both consents: recorded. The case is answered (REPLIED, lifecycle.ts) and its page
    // shows the agreement in the history and its written agreement among the notices.
    await choice(handler, 'checkbox', o.case.fields.partyConsent).check();
    await panel.getByRole('button', { name: o.case.action.settle }).click();
    await expect(handler.getByRole('status').filter({ hasText: o.case.done.settle })).toHaveText(o.case.done.settle);
    await expect(status).toHaveText(s.status.REPLIED.title);
    await expect(summary).toHaveCount(0);
    const entry = handler.getByTestId('office-case-timeline').getByRole('listitem').filter({ hasText: s.events.MEDIATED });
    await expect(entry).toHaveCount(1);
    for (const paragraph of paragraphs) await expect(entry).toContainText(paragraph);
    await expect(
      handler.getByTestId('office-written-notices').getByRole('link', { name: s.writtenNotices.titles.mediation }),
    ).toBeVisible();
    // An answered case is neither settled nor answered again.
    await expect(handler.locator('details[data-action="settle"]')).toHaveCount(0);
    await expect(handler.locator('details[data-action="reply"]')).toHaveCount(0);
    const recorded = await caseAnswer(receiptNo);
    expect(recorded).toMatchObject({ status: 'REPLIED', agreementKind: 'MEDIATION', agreementParty: otherParty, agreementEvents: 1 });
    if (!recorded.repliedAt || !recorded.reviewRequestDueAt) throw new Error('the agreement did not open the review window');
    expect(civilDay(recorded.reviewRequestDueAt, recorded.timeZone)).toBe(
      addDays(civilDay(recorded.repliedAt, recorded.timeZone), REVIEW_REQUEST_DAYS),
    );
    await expectNoAxeViolations(handler, browser, testInfo, `case page with a mediation agreement (${locale})`);
    await handler.context().close();

    // 4. The citizen tracks the case: answered, the terms as the answer, the agreement in the
    // history, the review window open until its date.
    const reviewBy = formatInstant(recorded.reviewRequestDueAt, locale, recorded.timeZone);
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    await page.goto('/track');
    await lookUpCase(page, s, receiptNo, accessCode);
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('case-status')).toHaveText(s.status.REPLIED.title);
    // The answer is named as the agreement it is, not as a reply.
    await expect(page.locator('#reply-title')).toHaveText(s.events.MEDIATED);
    const answer = page.getByTestId('case-reply').getByRole('paragraph');
    await expect(answer).toHaveText(paragraphs);
    const reached = page.getByTestId('case-timeline').getByRole('listitem').filter({ hasText: s.events.MEDIATED });
    await expect(reached).toHaveCount(1);
    const clock = page.getByTestId('case-deadlines');
    await expect(clock.locator('[data-clock-step="reply"]').getByTestId('clock-state')).toHaveText(s.case.clock.states.met);
    const reviewStep = clock.locator('[data-clock-step="reviewRequest"]');
    await expect(reviewStep.getByTestId('clock-state')).toHaveText(s.case.clock.states.open);
    await expect(reviewStep).toContainText(reviewBy);
    const followUp = page.getByTestId('follow-up');
    await expect(followUp.getByRole('link', { name: f.options.review })).toBeVisible();
    await expect(followUp).toContainText(interpolate(f.options.by, { date: reviewBy }));
    await expectNoAxeViolations(page, browser, testInfo, `track page with a mediation agreement (${locale})`);

    // 5. The written agreement (调解协议书), in the citizen's language: the other party, the terms,
    // both consents, and the review window.
    await page.getByTestId('written-notices').getByRole('link', { name: s.writtenNotices.titles.mediation }).click();
    await page.waitForURL((url) => url.pathname === '/track/case/notices/mediation');
    const notice = page.getByTestId('written-notice');
    await expect(notice).toHaveAttribute('lang', locale);
    await expect(notice.getByRole('heading', { level: 2 })).toHaveText(s.writtenNotices.titles.mediation);
    await expect(notice).toContainText(receiptNo);
    await expect(notice.getByRole('definition').filter({ hasText: otherParty })).toHaveCount(1);
    // Each paragraph of the terms is a paragraph of the agreement.
    for (const paragraph of paragraphs) await expect(notice.getByRole('paragraph').filter({ hasText: paragraph })).toHaveText(paragraph);
    await expect(notice).toContainText(s.writtenNotices.agreement.consent);
    await expect(notice).toContainText(interpolate(s.writtenNotices.next.reviewAgreement, { date: reviewBy }));
    await expectNoAxeViolations(page, browser, testInfo, `mediation agreement notice (${locale})`);

    // Printed: the agreement alone.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.no-print').first()).toBeHidden();
    await expect(notice).toContainText(otherParty);
  });
}
