// A unit's completion report with its documents (art. 22(3)), with and without JavaScript: the
// handler of the unit the case was assigned to opens the report's page from the case page; a refused
// document comes back at the file field and in the error summary with the findings kept; filed, the
// report's documents are links in the case page's history, and the assigning office downloads them.
import attachmentsEn from '#app/i18n/locales/en/attachments.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import attachmentsZhHans from '#app/i18n/locales/zh-Hans/attachments.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import { assignWithReport, caseAndUnit, receiveLetter } from './case-setup.ts';
import { signInStaff, staffPageAs } from './office-sign-in.ts';
import { createStaff } from './staff-accounts.ts';
import { JOURNEY_LOCALES, STRINGS, errorSummary, expectNoAxeViolations, interpolate, uniqueToken } from './support.ts';
import { expect, test } from './test.ts';
import type { Download } from '@playwright/test';

const TEXT = {
  en: { office: officeEn, attachments: attachmentsEn },
  'zh-Hans': { office: officeZhHans, attachments: attachmentsZhHans },
} as const;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

async function downloaded(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

for (const locale of JOURNEY_LOCALES) {
  test(`a unit files its completion report with documents, and the assigning office downloads them (${locale})`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const js = testInfo.project.name !== 'no-js';
    const s = STRINGS[locale];
    const { office: o, attachments: a } = TEXT[locale];
    const token = `CR${uniqueToken()}`;
    const { receiptNo } = await receiveLetter({ area: `办结测试区 ${token}`, subject: `拖欠工资 ${token}` }, locale);
    const { caseId, unitCode } = await caseAndUnit(receiptNo);
    if (!unitCode) throw new Error('the letter was routed to no unit');
    await assignWithReport(receiptNo);

    // 1. The unit's handler opens the report's page from the case page.
    const handler = await signInStaff(browser, locale, js, await createStaff('HANDLER', unitCode));
    await handler.goto(`/office/cases/${caseId}`);
    await handler.getByRole('link', { name: o.case.action.fileReport }).click();
    await handler.waitForURL((url) => url.pathname === `/office/cases/${caseId}/report`);
    await expectNoAxeViolations(handler, browser, testInfo, `completion report form ${locale}`);

    // 2. A document that is not what its name says: refused at the field and in the summary; the findings stay.
    const findings = handler.getByLabel(o.case.fields.findings, { exact: true });
    const text = `已责成企业补发全部工资。${token}`;
    await findings.fill(text);
    const files = handler.getByLabel(o.completionReport.filesLabel, { exact: true });
    await files.setInputFiles([{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: HTML }]);
    await handler.getByRole('button', { name: o.case.action.fileReport }).click();
    const refused = interpolate(a.problems.type, { name: 'scan.pdf' });
    await expect(errorSummary(handler, s).getByRole('link', { name: refused })).toHaveAttribute('href', '#field-files');
    await expect(files).toHaveAttribute('aria-invalid', 'true');
    await expect(handler.getByTestId('files-error')).toContainText(refused);
    await expect(findings).toHaveValue(text);
    await expectNoAxeViolations(handler, browser, testInfo, `completion report refused ${locale}`);

    // 3. Chosen again: filed, and back on the case page, its document a link in the report's history.
    await files.setInputFiles([{ name: '工资支付凭证.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await handler.getByRole('button', { name: o.case.action.fileReport }).click();
    await handler.waitForURL((url) => url.pathname === `/office/cases/${caseId}`);
    await expect(handler.getByRole('status').filter({ hasText: o.case.done.fileReport })).toHaveText(o.case.done.fileReport);
    const documents = handler.getByTestId('office-completion').getByTestId('report-documents');
    await expect(documents.getByRole('link', { name: '工资支付凭证.pdf' })).toHaveAttribute(
      'href',
      new RegExp(`^/office/cases/${caseId}/attachments/[0-9a-f-]{36}$`),
    );
    await expect(handler.getByRole('link', { name: o.case.action.fileReport })).toHaveCount(0);
    await handler.context().close();

    // 4. The assigning office reads the report and downloads its document.
    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    try {
      await clerk.goto(`/office/cases/${caseId}`);
      const report = clerk.getByTestId('office-completion');
      await expect(report).toContainText(text);
      await expectNoAxeViolations(clerk, browser, testInfo, `case page with a completion report ${locale}`);
      const [download] = await Promise.all([
        clerk.waitForEvent('download'),
        report.getByTestId('report-documents').getByRole('link', { name: '工资支付凭证.pdf' }).click(),
      ]);
      expect((await downloaded(download)).equals(PDF)).toBe(true);
    } finally {
      await clerk.context().close();
    }
  });
}
