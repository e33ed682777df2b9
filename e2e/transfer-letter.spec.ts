// A clerk forwards a case to another agency and opens its transfer letter (转送函): the citizen's
// name, phone number and valid ID card number are masked (an 18-digit number with a wrong check
// digit is left alone), the masked spans are listed on screen only, and one span is shown on the
// letter after the clerk gives a reason. With and without JavaScript, in zh-Hans and en, with axe.
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { receiveLetter } from './case-setup.ts';
import { openCase } from './office-queue.ts';
import { staffPageAs } from './office-sign-in.ts';
import { JOURNEY_LOCALES, STRINGS, choice, errorSummary, expectNoAxeViolations, interpolate, isNoJs, uniqueToken } from './support.ts';
import { expect, test } from './test.ts';

const OFFICE = { en: officeEn, 'zh-Hans': officeZhHans } as const;
const AGENCY = { en: 'Provincial Department of Human Resources', 'zh-Hans': '省人力资源和社会保障厅' } as const;

// GB 11643's own example, and the same digits with a check digit that does not match them.
const VALID_ID = '11010519491231002X';
const WRONG_CHECK = '110105194912310021';

for (const locale of JOURNEY_LOCALES) {
  test(`a clerk forwards a case and prints its transfer letter with personal data masked (${locale})`, async ({ browser }, testInfo) => {
    test.setTimeout(150_000);
    const js = !isNoJs(testInfo);
    const s = STRINGS[locale];
    const o = OFFICE[locale];
    const token = `R${uniqueToken()}`;
    const masked = (kind: keyof typeof s.redaction.kinds) => interpolate(s.redaction.masked, { kind: s.redaction.kinds[kind] });

    // The citizen writes in, naming themselves in the text with their phone and ID card number.
    const { receiptNo, letter } = await receiveLetter(
      {
        subject: `工资拖欠 Unpaid wages ${token}`,
        body: `我叫王小明，身份证号${VALID_ID}，电话13812345678。合同编号${WRONG_CHECK}。My employer has not paid me (${token}).`,
      },
      locale,
    );

    // The clerk forwards it to another agency; the form says a transfer letter follows.
    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    await openCase(clerk, locale, token, receiptNo);
    const forward = clerk.locator('details[data-action="forward"]');
    await forward.locator('summary').click();
    await expect(forward).toContainText(o.case.fields.agencyHint);
    await forward.getByLabel(o.case.fields.agency, { exact: true }).fill(AGENCY[locale]);
    await forward.getByRole('button', { name: o.case.action.forward }).click();
    if (js) await clerk.getByRole('alertdialog').getByRole('button', { name: o.case.confirm.forward.confirm }).click();
    await expect(clerk.getByRole('status')).toHaveText(o.case.done.forward);
    await expect(clerk.getByTestId('office-case-status')).toHaveText(s.status.TRANSFERRED.title);

    // The case page links to the letter.
    await clerk.getByRole('link', { name: o.case.transferLetter }).click();
    await clerk.waitForURL((url) => url.pathname.endsWith('/transfer'));
    await expect(clerk.getByRole('heading', { level: 1 })).toHaveText(interpolate(o.transfer.title, { receiptNo }));
    const body = clerk.getByTestId('transfer-letter-body');
    await expect(body).toContainText(masked('name'));
    await expect(body).toContainText(masked('idNumber'));
    await expect(body).toContainText(masked('phone'));
    await expect(body).toContainText(WRONG_CHECK);
    for (const detail of [letter.name, letter.phone, VALID_ID])
      await expect(clerk.getByTestId('transfer-letter')).not.toContainText(detail);
    await expect(clerk.getByTestId('transfer-letter')).toContainText(AGENCY[locale]);
    await expect(clerk.getByTestId('transfer-letter')).toContainText(receiptNo);
    // Staff see what each mask hides, in the list below the letter.
    const spans = clerk.getByTestId('transfer-masked-spans');
    await expect(spans).toContainText(VALID_ID);
    await expect(spans).toContainText(letter.phone);
    await expectNoAxeViolations(clerk, browser, testInfo, 'transfer letter');

    // Unmasking needs a choice and a reason: the error summary says so.
    const submit = clerk.getByRole('button', { name: o.transfer.unmask.submit });
    await submit.click();
    await expect(errorSummary(clerk, s)).toContainText(o.transfer.errors.spans.required);
    await expect(errorSummary(clerk, s)).toContainText(o.transfer.errors.reason.required);
    if (js) await expect(errorSummary(clerk, s)).toBeFocused();
    await expectNoAxeViolations(clerk, browser, testInfo, 'transfer letter, refused unmasking');

    // The clerk shows the phone number, with a reason; the rest stays masked.
    const where = o.transfer.masked.fields.body;
    await choice(
      clerk,
      'checkbox',
      interpolate(o.transfer.unmask.option, { kind: s.redaction.kinds.phone, text: letter.phone, where }),
    ).check();
    await clerk.getByLabel(o.transfer.unmask.reason, { exact: true }).fill(`受理机关需电话核实 ${token}`);
    await clerk.getByRole('button', { name: o.transfer.unmask.submit }).click();
    await expect(clerk.getByRole('status')).toHaveText(o.transfer.done.unmasked);
    await expect(body).toContainText(letter.phone);
    await expect(body).toContainText(masked('idNumber'));
    await expect(spans).toContainText(`受理机关需电话核实 ${token}`);

    // Printed, the letter stands alone: the list of what was masked and the form are not on paper.
    await clerk.emulateMedia({ media: 'print' });
    await expect(clerk.getByTestId('transfer-letter')).toBeVisible();
    await expect(spans).toBeHidden();
    await expect(clerk.getByRole('heading', { level: 1 })).toBeHidden();
    await clerk.emulateMedia({ media: 'screen' });

    // The case's history records the unmasking for staff.
    await clerk.getByRole('link', { name: interpolate(o.transfer.back, { receiptNo }) }).click();
    await expect(clerk.getByTestId('office-case-timeline')).toContainText(s.events.TRANSFER_UNMASKED);
  });
}
