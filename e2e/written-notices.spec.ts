// Written decisions for a citizen who can only be reached by post (issue 14): a clerk registers
// their letter with a postal address alone and lists its two claims; the acceptance notice waits
// as a "to post" task until the clerk prints it and records its delivery; the handler answers each
// claim with its own outcome; the citizen reads the checklist and prints the written decision.
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { fillReply } from './case-reply.ts';
import { receiveLetter, receivedDaysAgo } from './case-setup.ts';
import { chooseOption } from './combo-box.ts';
import { openCase } from './office-queue.ts';
import { signInStaff, staffPageAs } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  choice,
  confirmStep,
  expectNoAxeViolations,
  lookUpCase,
  sendAcceptLanguage,
  STRINGS,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';

const OFFICE = { en: officeEn, 'zh-Hans': officeZhHans } as const;
const ADDRESS = '北京市东城区东四十条1号院3单元502';

for (const locale of ['zh-Hans', 'en'] as const) {
  test(`a letter answered by post: notices to post, a decision claim by claim, printed (${locale})`, async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(150_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const o = OFFICE[locale];
    const token = `W${uniqueToken()}`;

    // 1. A clerk registers the letter: a name and a postal address, no phone, no email.
    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    await clerk.goto('/office/cases/new');
    const form = clerk.locator('form.form');
    await choice(clerk, 'radio', o.channels.LETTER).check();
    await choice(clerk, 'radio', s.kinds.COMPLAINT.label).check();
    await chooseOption(clerk, form, s.submit.fields.categoryId.label, js ? (locale === 'en' ? 'Hous' : '住房') : /住房|Housing/, js);
    await clerk.getByLabel(s.submit.fields.subject.label, { exact: true }).fill(`屋顶漏水 Leaking roof ${token}`);
    await clerk.getByLabel(s.submit.fields.body.label, { exact: true }).fill(`屋顶漏水三个月，家具被泡坏。${token}`);
    await clerk.getByLabel(s.submit.fields.name.label, { exact: true }).fill('王秀英');
    await clerk.getByLabel(s.submit.fields.postalAddress.label, { exact: true }).fill(ADDRESS);
    await choice(clerk, 'radio', s.replyChannels.POST).check();
    await choice(clerk, 'checkbox', o.register.consent).check();
    await clerk.getByRole('button', { name: o.register.submit }).click();
    await expect(clerk.getByRole('heading', { level: 1, name: o.register.doneTitle })).toBeVisible();
    const receiptNo = (await clerk.getByTestId('receipt-no').innerText()).trim();
    const accessCode = (await clerk.getByTestId('access-code').innerText()).trim();

    // 2. They accept it with its two claims; the acceptance notice is now to post.
    await clerk.goto('/office');
    await openCase(clerk, locale, token, receiptNo);
    const accept = clerk.locator('details[data-action="accept"]');
    await accept.locator(':scope > summary').click();
    const claims = [`修复屋顶 Repair the roof ${token}`, `赔偿家具 Pay for the furniture ${token}`];
    await accept.getByLabel(o.case.fields.claims, { exact: true }).fill(claims.join('\n'));
    await accept.getByRole('button', { name: o.case.action.accept }).click();
    await expect(clerk.getByRole('status')).toHaveText(o.case.done.accept);
    const notices = clerk.getByTestId('office-written-notices');
    await expect(notices.getByRole('listitem')).toHaveCount(1);
    await expect(notices).toContainText(o.writtenNotices.toPost);
    // The task is in the clerks' queue too, in its own view, until the delivery is recorded.
    await clerk.goto('/office?view=toPost');
    const task = clerk.getByRole('row').filter({ hasText: receiptNo });
    await expect(task).toContainText(o.writtenNotices.toPost);
    await task.getByRole('link', { name: new RegExp(receiptNo) }).click();

    // The clerk prints the notice (addressed to the citizen's postal address) and records its delivery.
    await notices.getByRole('link', { name: s.writtenNotices.titles.acceptance }).click();
    const notice = clerk.getByTestId('written-notice');
    await expect(notice).toContainText(ADDRESS);
    await expect(notice).toContainText(receiptNo);
    await expectNoAxeViolations(clerk, browser, testInfo, `acceptance notice (${locale})`);
    await choice(clerk, 'radio', s.writtenNotices.methods.POST).check();
    await clerk.getByLabel(o.writtenNotices.fields.trackingNo, { exact: true }).fill('XA123456789CN');
    await clerk.getByRole('button', { name: o.writtenNotices.record }).click();
    await expect(clerk.getByRole('status')).toHaveText(o.writtenNotices.done);
    await expect(clerk.getByTestId('notice-delivery')).toContainText('XA123456789CN');
    await clerk.context().close();

    // 3. The handler of the unit answers the two claims with different outcomes.
    const handler = await signInStaff(browser, locale, js, await createStaff('HANDLER', 'housing'));
    await openCase(handler, locale, token, receiptNo);
    const reply = handler.locator('details[data-action="reply"]');
    await reply.locator(':scope > summary').click();
    const basis = `《物业管理条例》第三十五条 ${token}`;
    await fillReply(reply, o, {
      answers: [
        { outcome: s.claimOutcomes.UPHELD, reasons: `屋顶防水层老化，物业已修复。${token}` },
        { outcome: s.claimOutcomes.NOT_UPHELD, reasons: `家具受损与漏水无关。${token}` },
      ],
      legalBasis: basis,
      text: `现将处理意见答复如下。${token}`,
    });
    await reply.getByRole('button', { name: o.case.action.reply }).click();
    await confirmStep(handler, js, o.case.confirm.reply.confirm);
    await expect(handler.getByRole('status')).toHaveText(o.case.done.reply);
    await handler.context().close();

    // 4. The citizen tracks the case: every date so far (the acceptance counted from the day its
    // notice was delivered, in time), the checklist, and the decision to print.
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    await page.goto('/track');
    await lookUpCase(page, s, receiptNo, accessCode);
    await page.waitForURL((url) => url.pathname === '/track/case');
    const clock = page.getByTestId('case-deadlines');
    const state = (step: string) => clock.locator(`[data-clock-step="${step}"]`).getByTestId('clock-state');
    await expect(state('acceptance')).toHaveText(s.case.clock.states.met);
    await expect(state('reply')).toHaveText(s.case.clock.states.met);
    await expect(state('reviewRequest')).toHaveText(s.case.clock.states.open);
    await expectNoAxeViolations(page, browser, testInfo, `track page with the whole clock (${locale})`);
    const checklist = page.getByTestId('claim-checklist').getByRole('listitem');
    await expect(checklist).toHaveCount(2);
    await expect(checklist.nth(0).getByTestId('claim-outcome')).toHaveText(s.claimOutcomes.UPHELD);
    await expect(checklist.nth(1).getByTestId('claim-outcome')).toHaveText(s.claimOutcomes.NOT_UPHELD);
    await page.getByTestId('written-notices').getByRole('link', { name: s.writtenNotices.titles.decision }).click();
    const decision = page.getByTestId('written-notice');
    await expect(decision).toHaveAttribute('lang', locale);
    await expect(decision).toContainText(claims[1]!);
    await expect(decision).toContainText(`家具受损与漏水无关。${token}`);
    await expect(decision).toContainText(basis);
    await expectNoAxeViolations(page, browser, testInfo, `written decision (${locale})`);

    // Printed: the notice alone, on A4, with its whole Chinese text.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.no-print').first()).toBeHidden();
    await expect(decision).toBeVisible();
    await expect(decision).toContainText(`屋顶防水层老化，物业已修复。${token}`);
    await testInfo.attach(`decision-print-${locale}`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
}

test('a missed date: the citizen is told of the remedy and prints the request to the body above', async ({ page, browser }, testInfo) => {
  const s = STRINGS['zh-Hans'];
  const token = `M${uniqueToken()}`;
  const { receiptNo, accessCode } = await receiveLetter({ subject: `无人答复 ${token}` });
  await receivedDaysAgo(receiptNo, 20);
  await sendAcceptLanguage(page, BROWSER_LOCALE['zh-Hans']);
  await page.goto('/track');
  await lookUpCase(page, s, receiptNo, accessCode);
  await page.waitForURL((url) => url.pathname === '/track/case');
  const acceptance = page.getByTestId('case-deadlines').locator('[data-clock-step="acceptance"]');
  await expect(acceptance.getByTestId('clock-state')).toHaveText(s.case.clock.states.missed);
  const remedy = acceptance.getByTestId('deadline-remedy');
  await expect(remedy).toContainText(s.case.deadlines.remedy);
  await remedy.getByRole('link', { name: s.case.deadlines.remedyLink }).click();
  const request = page.getByTestId('remedy-request');
  await expect(request).toContainText(receiptNo);
  await expect(request).toContainText(`无人答复 ${token}`);
  await expectNoAxeViolations(page, browser, testInfo, 'remedy request');
});
