// Files with a letter and added later, with and without JavaScript: a refused file is reported
// with the form kept; accepted files are listed on the track page and come back as downloads,
// photos without their location; staff see them on the case page. axe on every page involved.
import attachmentsEn from '#app/i18n/locales/en/attachments.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import attachmentsZhHans from '#app/i18n/locales/zh-Hans/attachments.json' with { type: 'json' };
import { SECRETS, contains, jpegWithMetadata, pngWithMetadata, realPng } from '../tests/support/image-fixtures.ts';
import { staffPageAs } from './office-sign-in.ts';
import {
  BROWSER_LOCALE,
  STRINGS,
  errorSummary,
  expectNoAxeViolations,
  fillValidLetter,
  interpolate,
  lookUpCase,
  portalNotice,
  sendLetter,
  submitForm,
  uniqueToken,
  type Locale,
} from './support.ts';
import { expect, test } from './test.ts';
import type { Download, Page } from '@playwright/test';

const ATTACHMENTS = { en: attachmentsEn, 'zh-Hans': attachmentsZhHans } as const;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

const filesInput = (page: Page, locale: 'en' | 'zh-Hans') => page.getByLabel(ATTACHMENTS[locale].field.label, { exact: true });

async function downloaded(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Opens the track page of a case (the page must be able to reach /track). */
async function trackCase(page: Page, locale: Locale, receiptNo: string, accessCode: string) {
  await page.goto('/track');
  await lookUpCase(page, STRINGS[locale], receiptNo, accessCode);
  await page.waitForURL((url) => url.pathname === '/track/case');
}

for (const locale of ['en', 'zh-Hans'] as const) {
  const s = STRINGS[locale];
  const a = ATTACHMENTS[locale];

  test.describe(`attachments (${locale})`, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    test('a letter with a PNG and a PDF: listed on the track page, downloaded, the photo without its metadata', async ({
      page,
      browser,
    }, testInfo) => {
      const js = testInfo.project.name !== 'no-js';
      await page.goto('/submit');
      await expectNoAxeViolations(page, browser, testInfo, `submit-with-files-${locale}`);
      await fillValidLetter(page, s);
      await filesInput(page, locale).setInputFiles([
        { name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from(pngWithMetadata()) },
        { name: 'wage slip.pdf', mimeType: 'application/pdf', buffer: PDF },
      ]);
      if (js) {
        // Hold the answer back a little, so the progress bar can be seen while the files go.
        await page.route('**/submit/upload', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          await route.continue();
        });
      }
      const [{ receiptNo, accessCode }] = await Promise.all([
        sendLetter(page, s),
        js ? expect(page.getByRole('progressbar', { name: a.progress.label })).toBeVisible() : Promise.resolve(),
      ]);

      await trackCase(page, locale, receiptNo, accessCode);
      const files = page.getByTestId('case-files');
      await expect(files.getByRole('link', { name: '现场照片.png' })).toBeVisible();
      await expect(files.getByRole('link', { name: 'wage slip.pdf' })).toBeVisible();
      await expectNoAxeViolations(page, browser, testInfo, `track-case-with-files-${locale}`);

      const [pngDownload] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: '现场照片.png' }).click()]);
      expect(pngDownload.suggestedFilename()).toBe('现场照片.png');
      const png = await downloaded(pngDownload);
      expect(contains(png, SECRETS.gps)).toBe(false);
      expect(contains(png, SECRETS.pngText)).toBe(false);
      expect(png.equals(Buffer.from(realPng()))).toBe(true);

      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'wage slip.pdf' }).click()]);
      expect((await downloaded(pdfDownload)).equals(PDF)).toBe(true);

      // The download is served so that no browser renders it in the site's origin.
      const href = await files.getByRole('link', { name: 'wage slip.pdf' }).getAttribute('href');
      const response = await page.request.get(href ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect(response.headers()['content-disposition']).toBe(`attachment; filename="wage slip.pdf"; filename*=UTF-8''wage%20slip.pdf`);
      expect(response.headers()['x-content-type-options']).toContain('nosniff');
      expect(response.headers()['content-security-policy']).toContain("default-src 'none'; sandbox");
      expect(response.headers()['cache-control']).toBe('private, no-store');
    });

    test('a refused file is reported with the field, and everything else typed is kept', async ({ page, browser }, testInfo) => {
      await page.goto('/submit');
      const letter = await fillValidLetter(page, s);
      await filesInput(page, locale).setInputFiles([
        { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: HTML },
        { name: 'ok.png', mimeType: 'image/png', buffer: Buffer.from(realPng()) },
      ]);
      await submitForm(page, s).send.click();

      const summary = errorSummary(page, s);
      await expect(summary).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/submit');
      const refused = interpolate(a.problems.type, { name: 'invoice.pdf' });
      await expect(summary.getByRole('link', { name: refused })).toHaveAttribute('href', '#field-files');
      await expect(summary.getByRole('link', { name: a.field.chooseAgainWithout })).toHaveAttribute('href', '#field-files');
      const input = filesInput(page, locale);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('files-error')).toContainText(refused);
      await expect(input).toHaveAccessibleDescription(new RegExp(refused.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      // Browsers cannot fill a file input again; the page says so, and nothing else is lost.
      expect(await input.evaluate((el) => (el instanceof HTMLInputElement ? (el.files?.length ?? 0) : -1))).toBe(0);
      const form = submitForm(page, s);
      await expect(form.subject).toHaveValue(letter.subject);
      await expect(form.body).toHaveValue(letter.body);
      await expect(form.name).toHaveValue(letter.name);
      await expect(form.email).toHaveValue(letter.email);
      await expect(form.area).toHaveValue(letter.area);
      await expect(form.consent).toBeChecked();
      await expectNoAxeViolations(page, browser, testInfo, `submit-file-refused-${locale}`);

      // Chosen again, without the refused file, the letter goes.
      await input.setInputFiles([{ name: 'ok.png', mimeType: 'image/png', buffer: Buffer.from(realPng()) }]);
      const { receiptNo } = await sendLetter(page, s);
      expect(receiptNo).toBeTruthy();
    });

    test('files are added later on the track page; a photo keeps its orientation and loses its location', async ({
      page,
      browser,
    }, testInfo) => {
      const js = testInfo.project.name !== 'no-js';
      await page.goto('/submit');
      await fillValidLetter(page, s);
      const { receiptNo, accessCode } = await sendLetter(page, s);
      await trackCase(page, locale, receiptNo, accessCode);
      await expect(page.getByTestId('case-files')).toContainText(a.track.none);
      await page.getByRole('link', { name: a.track.addLink }).click();
      await page.waitForURL((url) => url.pathname === '/track/case/attachments');
      await expect(page.getByRole('heading', { level: 1, name: a.track.heading })).toBeVisible();
      await expectNoAxeViolations(page, browser, testInfo, `evidence-${locale}`);

      // Nothing chosen: a clear error, no upload.
      await page.getByRole('button', { name: a.track.submit }).click();
      await expect(errorSummary(page, s).getByRole('link', { name: a.problems.none })).toBeVisible();
      await expectNoAxeViolations(page, browser, testInfo, `evidence-error-${locale}`);

      await page
        .getByLabel(a.track.fieldLabel, { exact: true })
        .setInputFiles([{ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithMetadata(6)) }]);
      await page.getByRole('button', { name: a.track.submit }).click();
      // The page comes back with a notice in the portal's status area.
      await expect(portalNotice(page)).toHaveText(
        interpolate(locale === 'en' ? attachmentsEn.track.added_one : a.track.added_other, { count: 1 }),
      );
      await expectNoAxeViolations(page, browser, testInfo, `evidence-added-${locale}`);

      const link = page.getByRole('link', { name: 'IMG_0042.jpg' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const jpeg = await downloaded(download);
      for (const secret of [SECRETS.gps, SECRETS.camera, SECRETS.xmp, SECRETS.iptc, SECRETS.comment, SECRETS.trailer]) {
        expect(contains(jpeg, secret), secret).toBe(false);
      }
      if (js) {
        // The cleaned photo still decodes, and the kept orientation (6: turn 90°) still applies:
        // the 8×6 picture is shown 6 wide and 8 high.
        const size = await page.evaluate(async (base64) => {
          const image = new Image();
          image.src = `data:image/jpeg;base64,${base64}`;
          await image.decode();
          return [image.naturalWidth, image.naturalHeight];
        }, jpeg.toString('base64'));
        expect(size).toEqual([6, 8]);
      }

      await page.getByRole('link', { name: a.track.back }).click();
      await page.waitForURL((url) => url.pathname === '/track/case');
      await expect(page.getByTestId('case-files').getByRole('link', { name: 'IMG_0042.jpg' })).toBeVisible();
    });
  });
}

test.describe('attachments in the back office (en)', () => {
  test.use({ locale: BROWSER_LOCALE.en });

  test('a clerk sees the files on the case page and downloads one', async ({ page, browser }, testInfo) => {
    const s = STRINGS.en;
    const token = `F${uniqueToken()}`;
    await page.goto('/submit');
    await fillValidLetter(page, s, { subject: `Broken street lights ${token}` });
    await filesInput(page, 'en').setInputFiles([{ name: 'lights.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    const { receiptNo } = await sendLetter(page, s);

    const { page: office } = await staffPageAs(browser, 'en', testInfo.project.name !== 'no-js', 'CLERK');
    const context = office.context();
    try {
      await office.goto('/office');
      await office.getByLabel(officeEn.queue.search, { exact: true }).fill(token);
      await office.getByRole('button', { name: officeEn.queue.apply }).click();
      await office.getByRole('link', { name: receiptNo }).click();
      const files = office.getByTestId('office-case-files');
      await expect(files.getByRole('link', { name: 'lights.pdf' })).toBeVisible();
      await expect(files).toContainText(attachmentsEn.list.downloadNote);
      await expectNoAxeViolations(office, browser, testInfo, 'office-case-with-files');
      const [download] = await Promise.all([office.waitForEvent('download'), files.getByRole('link', { name: 'lights.pdf' }).click()]);
      expect((await downloaded(download)).equals(PDF)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
