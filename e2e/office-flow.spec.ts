// The whole journey across both sides: a citizen writes in, a clerk lists its two claims as they
// accept and assign the case, a handler of that unit answers each claim with its own outcome, and
// the citizen reads the reply and the claim-by-claim checklist on the track page.
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { fillReply } from './case-reply.ts';
import { chooseOption } from './combo-box.ts';
import { openCase } from './office-queue.ts';
import { signInStaff } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  confirmStep,
  expectNoAxeViolations,
  lookUpCase,
  sendAcceptLanguage,
  STRINGS,
  submitNewLetter,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';

const OFFICE = { en: { office: officeEn }, 'zh-Hans': { office: officeZhHans } } as const;

for (const locale of ['zh-Hans', 'en'] as const) {
  test(`citizen → clerk → handler → citizen (${locale})`, async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const o = OFFICE[locale].office;
    const token = `T${uniqueToken()}`;
    const clerk = await createStaff('CLERK');
    const handler = await createStaff('HANDLER', 'housing');

    // The citizen writes in.
    await sendAcceptLanguage(page, BROWSER_LOCALE[locale]);
    const { receiptNo, accessCode } = await submitNewLetter(page, s, { subject: `楼道漏水 Leaking stairwell ${token}` });

    // The clerk finds it, assigns it to the housing unit and its handler, and accepts it.
    const clerkPage = await signInStaff(browser, locale, js, clerk);
    await openCase(clerkPage, locale, token, receiptNo);
    await expect(clerkPage.getByTestId('office-case-status')).toHaveText(s.status.SUBMITTED.title);
    const assign = clerkPage.locator('details[data-action="assign"]');
    await assign.locator('summary').click();
    // The unit and handler fields are combo boxes with JavaScript, native selects without.
    const unitName = await chooseOption(clerkPage, assign, o.queue.unit, /住房|Housing/, js);
    await chooseOption(clerkPage, assign, o.queue.assignee, `${handler.name} (${unitName})`, js);
    await assign.getByRole('button', { name: o.case.action.assign }).click();
    await expect(clerkPage.getByRole('status')).toHaveText(o.case.done.assign);
    const accept = clerkPage.locator('details[data-action="accept"]');
    await accept.locator('summary').click();
    const claims = [`修复楼道漏水 Fix the leak ${token}`, `赔偿泡坏的家具 Pay for the damaged furniture ${token}`];
    await accept.getByLabel(o.case.fields.claims, { exact: true }).fill(claims.map((claim, i) => `${i + 1}. ${claim}`).join('\n'));
    await accept.getByRole('button', { name: o.case.action.accept }).click();
    await expect(clerkPage.getByRole('status')).toHaveText(o.case.done.accept);
    await expect(clerkPage.getByTestId('office-case-status')).toHaveText(s.status.ACCEPTED.title);

    // The handler of that unit sees it in their queue and publishes a reply.
    const handlerPage = await signInStaff(browser, locale, js, handler);
    await handlerPage.getByRole('link', { name: o.queue.views.mine }).click();
    await openCase(handlerPage, locale, token, receiptNo);
    const replyText = `经现场核查，物业已于本周修复楼道漏水。We have repaired the leak. ${token}`;
    const reply = handlerPage.locator('details[data-action="reply"]');
    await reply.locator(':scope > summary').click();
    const basis = `《物业管理条例》第三十五条 Property Management Regulations, art. 35`;
    await fillReply(reply, o, {
      answers: [
        { outcome: s.claimOutcomes.UPHELD, reasons: `漏水属实，已修复。${token}` },
        { outcome: s.claimOutcomes.NOT_UPHELD, reasons: `家具受损发生在漏水之前。${token}` },
      ],
      legalBasis: basis,
      text: replyText,
    });
    await reply.getByRole('button', { name: o.case.action.reply }).click();
    await confirmStep(handlerPage, js, o.case.confirm.reply.confirm);
    await expect(handlerPage.getByRole('status')).toHaveText(o.case.done.reply);
    await expect(handlerPage.getByTestId('office-case-status')).toHaveText(s.status.REPLIED.title);

    // The citizen reads the reply.
    await page.goto('/track');
    await lookUpCase(page, s, receiptNo.toLowerCase(), accessCode);
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('case-status')).toContainText(s.status.REPLIED.title);
    await expect(page.getByTestId('case-reply')).toContainText(replyText);
    // Each claim, as the clerk listed it, with its own outcome and reasons, then the basis.
    const checklist = page.getByTestId('claim-checklist').getByRole('listitem');
    await expect(checklist).toHaveCount(2);
    await expect(checklist.nth(0)).toContainText(claims[0]!);
    await expect(checklist.nth(0).getByTestId('claim-outcome')).toHaveText(s.claimOutcomes.UPHELD);
    await expect(checklist.nth(1)).toContainText(`家具受损发生在漏水之前。${token}`);
    await expect(checklist.nth(1).getByTestId('claim-outcome')).toHaveText(s.claimOutcomes.NOT_UPHELD);
    await expect(page.getByTestId('legal-basis')).toHaveText(basis);
    await expectNoAxeViolations(page, browser, testInfo, `track page with a claim-by-claim answer (${locale})`);
    await expect(page.getByTestId('case-timeline')).toContainText(s.events.ACCEPTED);
    await expect(page.getByTestId('case-timeline')).toContainText(s.events.REPLY_PUBLISHED);
  });
}
