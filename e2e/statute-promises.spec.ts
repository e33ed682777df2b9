// The statute's promises end to end, with and without JavaScript, in zh-Hans and English: a report of
// misconduct kept from the unit it names and answered by the discipline body, with the reporter's
// list of units that opened it (arts. 22, 30, 46(5)); kept from the supervisors and administrators of
// that unit and the units below it too, while a supervisor outside them finds it; a review decided
// one level up, never by the handler who replied (art. 35), with its outcome and dates on the track page.
import { randomUUID } from 'node:crypto';
import followUpEn from '#app/i18n/locales/en/follow-up.json' with { type: 'json' };
import officeAdminEn from '#app/i18n/locales/en/office-admin.json' with { type: 'json' };
import warningEn from '#app/i18n/locales/en/office-warning.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import followUpZhHans from '#app/i18n/locales/zh-Hans/follow-up.json' with { type: 'json' };
import officeAdminZhHans from '#app/i18n/locales/zh-Hans/office-admin.json' with { type: 'json' };
import warningZhHans from '#app/i18n/locales/zh-Hans/office-warning.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { fillReply } from './case-reply.ts';
import { acceptAndReplyAs, acceptCase, caseAndUnit, receiveLetter } from './case-setup.ts';
import { signInStaff } from './office-sign-in.ts';
import { createStaff, createStaffWithTotp } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  choice,
  confirmStep,
  expectNoAxeViolations,
  fillValidLetter,
  interpolate,
  JOURNEY_LOCALES,
  lookUpCase,
  sendAcceptLanguage,
  sendLetter,
  STRINGS,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';
import type { Page } from '@playwright/test';

const TEXT = {
  en: { followUp: followUpEn, office: officeEn, admin: officeAdminEn, warning: warningEn },
  'zh-Hans': { followUp: followUpZhHans, office: officeZhHans, admin: officeAdminZhHans, warning: warningZhHans },
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

/** Searches the queue (the page must be on it) through its search box, as staff do, and waits for that search's answer. */
async function searchQueue(page: Page, o: typeof officeEn, term: string) {
  await page.getByLabel(o.queue.search, { exact: true }).fill(term);
  await page.getByRole('button', { name: o.queue.apply }).click();
  await page.waitForURL((url) => url.pathname === '/office' && url.searchParams.get('q') === term);
}

/** What a case's address answers: its status and its page's main heading. */
async function openCaseAddress(page: Page, caseId: string): Promise<{ status: number | undefined; heading: string }> {
  const response = await page.goto(`/office/cases/${caseId}`);
  return { status: response?.status(), heading: (await page.getByRole('heading', { level: 1 }).innerText()).trim() };
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
    // nothing: not in the queue, not at its address. (Supervisors and admins: the next test.)
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
    await confirmStep(discipline, js, o.case.confirm.reply.confirm);
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

  test(`a report of misconduct is kept from the supervisors and admins of the unit it names and below it, and found by a supervisor outside (${locale})`, async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const { office: o, admin: a, warning: w } = TEXT[locale];
    const names = NAMES[locale];
    const token = `MB${uniqueToken()}`;
    // A word of the letter alone (not of its subject or area), to search by.
    const word = `KW${uniqueToken()}`;

    // 1. Twelve shopkeepers report the public security bureau: a red case on the early-warning board.
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    await page.goto('/submit');
    const letter = await fillValidLetter(page, s, {
      kind: 'MISCONDUCT_REPORT',
      subject: `民警多次索要好处费 ${token}`,
      area: `东城区 ${token}`,
      body: `我们十二户商户联名举报：派出所民警多次索要好处费，收条上写着 ${word} 。Twelve shopkeepers report the same officer.`,
      coSignerCount: '12',
    });
    await page.getByLabel(s.submit.fields.categoryId.label, { exact: true }).selectOption({ label: names.lawCategory });
    await page.getByLabel(s.submit.fields.reportedUnit.label, { exact: true }).selectOption({ label: names.police });
    await page.getByLabel(s.submit.fields.reportedOfficial.label, { exact: true }).fill('王某');
    const { receiptNo } = await sendLetter(page, s);
    const { caseId, unitCode } = await caseAndUnit(receiptNo);
    expect(unitCode).toBe('discipline-inspection');

    // 2. A supervisor of another unit finds it by its receipt number and by a word of its text, on the
    // early-warning board and at its address, and opens the reporter's contact details (an audited view).
    const outsider = await createStaffWithTotp('SUPERVISOR', 'housing');
    const outside = await signInStaff(browser, locale, js, outsider, outsider.totpSecret);
    await expect(outside).toHaveURL((url) => url.pathname === '/office');
    for (const term of [receiptNo, word]) {
      await searchQueue(outside, o, term);
      await expect(outside.getByTestId('queue').getByRole('link', { name: receiptNo, exact: true })).toBeVisible();
    }
    await outside.goto('/office/warnings');
    await expect(outside.getByRole('heading', { level: 1, name: w.board.title })).toBeVisible();
    await expect(outside.getByTestId('board-cases').locator(`tr[data-receipt="${receiptNo}"]`)).toContainText(w.level.RED);
    expect(await openCaseAddress(outside, caseId)).toEqual({ status: 200, heading: expect.stringContaining(receiptNo) });
    await outside.getByRole('button', { name: o.case.showContact }).click();
    await expect(outside.getByTestId('office-case-contact')).toContainText(letter.name);
    await outside.context().close();

    // An administrator of another unit reads that view in the audit log, by the case's id.
    const outsideAdminLogin = await createStaffWithTotp('ADMIN', 'housing');
    const outsideAdmin = await signInStaff(browser, locale, js, outsideAdminLogin, outsideAdminLogin.totpSecret);
    await outsideAdmin.goto('/office/audit?action=contact.viewed');
    await expect(outsideAdmin.getByRole('heading', { level: 1, name: a.audit.title })).toBeVisible();
    await expect(outsideAdmin.getByRole('row').filter({ hasText: caseId })).toHaveCount(1);
    await outsideAdmin.context().close();

    // 3. A supervisor of the bureau itself finds nothing, by the same searches, on the same board, and
    // its address answers as a case that does not exist does.
    const supervisorLogin = await createStaffWithTotp('SUPERVISOR', 'public-security');
    const supervisor = await signInStaff(browser, locale, js, supervisorLogin, supervisorLogin.totpSecret);
    await expect(supervisor).toHaveURL((url) => url.pathname === '/office');
    for (const term of [receiptNo, word]) {
      await searchQueue(supervisor, o, term);
      await expect(supervisor.getByRole('status').filter({ hasText: o.queue.empty })).toHaveText(o.queue.empty);
      await expect(supervisor.getByTestId('queue').getByRole('link', { name: receiptNo, exact: true })).toHaveCount(0);
    }
    await expectNoAxeViolations(supervisor, browser, testInfo, `office queue searched for a barred report ${locale}`);
    await supervisor.goto('/office/warnings');
    await expect(supervisor.getByRole('heading', { level: 1, name: w.board.title })).toBeVisible();
    await expect(supervisor.locator(`tr[data-receipt="${receiptNo}"]`)).toHaveCount(0);
    await expect(supervisor.getByText(receiptNo)).toHaveCount(0);
    const nowhere = await openCaseAddress(supervisor, randomUUID());
    expect(nowhere).toEqual({ status: 404, heading: s.errorPage.notFound.title });
    expect(await openCaseAddress(supervisor, caseId)).toEqual(nowhere);
    await expect(supervisor.getByText(receiptNo)).toHaveCount(0);
    await expectNoAxeViolations(supervisor, browser, testInfo, `office case address of a barred report ${locale}`);
    await supervisor.context().close();

    // 4. An administrator of a unit below the bureau: the queue and its search send them to their own
    // start page, the board refuses them, the case's address answers as a case that does not exist,
    // and the audit log has no trace of it.
    const adminLogin = await createStaffWithTotp('ADMIN', 'public-security-dongcheng');
    const admin = await signInStaff(browser, locale, js, adminLogin, adminLogin.totpSecret);
    for (const queue of ['/office', `/office?q=${encodeURIComponent(receiptNo)}`, `/office?q=${encodeURIComponent(word)}`]) {
      await admin.goto(queue);
      await expect(admin).toHaveURL((url) => url.pathname === '/office/staff');
      await expect(admin.getByText(receiptNo)).toHaveCount(0);
    }
    expect((await admin.goto('/office/warnings'))?.status()).toBe(403);
    await expect(admin.getByRole('heading', { level: 1, name: a.errorPage.forbidden.title })).toBeVisible();
    await expect(admin.getByText(receiptNo)).toHaveCount(0);
    const adminNowhere = await openCaseAddress(admin, randomUUID());
    expect(adminNowhere).toEqual({ status: 404, heading: s.errorPage.notFound.title });
    expect(await openCaseAddress(admin, caseId)).toEqual(adminNowhere);
    await admin.goto('/office/audit?action=contact.viewed');
    await expect(admin.getByRole('heading', { level: 1, name: a.audit.title })).toBeVisible();
    await expect(admin.getByText(caseId)).toHaveCount(0);
    await expect(admin.getByText(receiptNo)).toHaveCount(0);
    await admin.context().close();
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
    await confirmStep(parent, js, o.case.confirm.issueReview.confirm);
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
