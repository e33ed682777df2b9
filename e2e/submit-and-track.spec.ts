// A citizen sends a letter, keeps the receipt number and access code, and follows the case.
import {
  BROWSER_LOCALE,
  STRINGS,
  errorSummary,
  fillValidLetter,
  lookUpCase,
  submitForm,
  submitNewLetter,
  trackForm,
  type Locale,
} from './support.ts';
import { expect, test } from './test.ts';
import type { Page, Response } from '@playwright/test';

/** The receipt as someone might type it from paper: lower case, spaces instead of dashes. */
const casually = (receiptNo: string) => receiptNo.toLowerCase().replace(/-/g, ' ');

/** Changes one character of an access code, keeping it well formed. */
function wrongCode(accessCode: string): string {
  const first = accessCode.charAt(0);
  return `${first === 'Z' ? 'Y' : 'Z'}${accessCode.slice(1)}`;
}

/** Changes the random part of a receipt number; the check character then no longer matches. */
function wrongReceipt(receiptNo: string): string {
  const i = receiptNo.length - 2;
  const c = receiptNo.charAt(i);
  return `${receiptNo.slice(0, i)}${c === 'A' ? 'B' : 'A'}${receiptNo.slice(i + 1)}`;
}

/** Undoes React's escaping of text in server-rendered HTML. */
const decodeEntities = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The track form's POST: to /track without JavaScript, to /track.data (Remix single fetch) with it. */
const isTrackPost = (response: Response) =>
  response.request().method() === 'POST' && ['/track', '/track.data'].includes(new URL(response.url()).pathname);

/** Sends the track form and returns the HTTP status of its POST. */
async function lookUpAndCapture(page: Page, locale: Locale, receiptNo: string, accessCode: string): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse(isTrackPost), lookUpCase(page, STRINGS[locale], receiptNo, accessCode)]);
  return response.status();
}

for (const locale of ['zh-Hans', 'en'] as const satisfies readonly Locale[]) {
  const s = STRINGS[locale];

  test.describe(`submit and track (${locale})`, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    test('a letter is received and can be tracked with its receipt number and access code', async ({ page, baseURL }) => {
      const { receiptNo, accessCode, letter } = await submitNewLetter(page, s);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      // Neither secret is put in the URL, where history, logs and Referer headers would keep it.
      expect(page.url()).toBe(new URL('/submit/confirmation', baseURL).href);
      const compactCode = accessCode.replace(/-/g, '');
      for (const secret of [receiptNo, accessCode, compactCode, receiptNo.replace(/-/g, '')]) {
        expect(page.url().toUpperCase()).not.toContain(secret);
      }
      await expect(page.getByText(s.confirmation.accessCodeWarning)).toBeVisible();

      await page.goto('/track');
      await expect(page.getByRole('heading', { level: 1, name: s.track.title })).toBeVisible();
      await lookUpCase(page, s, casually(receiptNo), accessCode);

      await page.waitForURL((url) => url.pathname === '/track/case');
      expect(page.url()).toBe(new URL('/track/case', baseURL).href);
      await expect(page.getByTestId('case-receipt')).toHaveText(receiptNo);
      await expect(page.getByTestId('case-status')).toHaveText(s.status.SUBMITTED.title);
      await expect(page.getByText(s.status.SUBMITTED.description)).toBeVisible();
      await expect(page.getByText(letter.subject, { exact: true })).toBeVisible();
      await expect(page.getByText(s.kinds[letter.kind].label, { exact: true })).toBeVisible();
      const timeline = page.getByTestId('case-timeline');
      await expect(timeline.getByRole('listitem')).toHaveCount(1);
      await expect(timeline.getByRole('listitem').first()).toContainText(s.events.SUBMITTED);
    });

    test('a wrong access code gets one generic message that does not say which part was wrong', async ({ page, request }) => {
      const { receiptNo, accessCode } = await submitNewLetter(page, s);

      await page.goto('/track');
      const badCode = wrongCode(accessCode);
      expect(await lookUpAndCapture(page, locale, receiptNo, badCode)).toBe(400);

      expect(new URL(page.url()).pathname).toBe('/track');
      const summary = errorSummary(page, s);
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('listitem')).toHaveCount(1);
      await expect(summary.getByRole('listitem')).toHaveText(s.track.errors.noMatch);
      await expect(page.getByTestId('case-status')).toHaveCount(0);
      const form = trackForm(page, s);
      const wrongCodeState = {
        summary: (await summary.innerText()).trim(),
        receiptInvalid: await form.receiptNo.getAttribute('aria-invalid'),
        codeInvalid: await form.accessCode.getAttribute('aria-invalid'),
      };

      // A wrong receipt number with the right code looks exactly the same.
      await page.goto('/track');
      expect(await lookUpAndCapture(page, locale, wrongReceipt(receiptNo), accessCode)).toBe(400);
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('listitem')).toHaveText(s.track.errors.noMatch);
      expect({
        summary: (await summary.innerText()).trim(),
        receiptInvalid: await form.receiptNo.getAttribute('aria-invalid'),
        codeInvalid: await form.accessCode.getAttribute('aria-invalid'),
      }).toEqual(wrongCodeState);

      // The page sent back for a wrong code (as a browser without JavaScript gets it) says the
      // same, and echoes neither the typed code nor the real one.
      const direct = await request.post('/track?index', {
        form: { receiptNo, accessCode: badCode },
        headers: { 'Accept-Language': BROWSER_LOCALE[locale] },
        maxRedirects: 0,
      });
      expect(direct.status()).toBe(400);
      const html = decodeEntities(await direct.text());
      expect(html).toContain(s.track.errors.noMatch);
      for (const code of [badCode, badCode.replace('-', ''), accessCode, accessCode.replace('-', '')]) {
        expect(html.toUpperCase()).not.toContain(code);
      }

      // And the right pair still opens the case afterwards.
      await page.goto('/track');
      await lookUpCase(page, s, receiptNo, accessCode);
      await page.waitForURL((url) => url.pathname === '/track/case');
      await expect(page.getByTestId('case-receipt')).toHaveText(receiptNo);
    });
  });
}

test.describe('anonymous report of misconduct (en)', () => {
  const s = STRINGS.en;
  test.use({ locale: BROWSER_LOCALE.en });

  test('can be sent without any contact details and tracked with its receipt number and access code', async ({ page }) => {
    const { receiptNo, accessCode, letter } = await submitNewLetter(page, s, {
      kind: 'MISCONDUCT_REPORT',
      anonymous: true,
      name: '',
      phone: '',
      email: '',
      postalAddress: '',
      preferredReplyChannel: 'ONLINE',
    });
    await expect(page.getByTestId('access-code')).toHaveText(accessCode);

    await page.goto('/track');
    await lookUpCase(page, s, casually(receiptNo), accessCode.toLowerCase());
    await page.waitForURL((url) => url.pathname === '/track/case');
    await expect(page.getByTestId('case-receipt')).toHaveText(receiptNo);
    await expect(page.getByTestId('case-status')).toHaveText(s.status.SUBMITTED.title);
    await expect(page.getByText(letter.subject, { exact: true })).toBeVisible();
    await expect(page.getByText(s.kinds.MISCONDUCT_REPORT.label, { exact: true })).toBeVisible();
    await expect(page.getByTestId('case-timeline')).toContainText(s.events.SUBMITTED);
  });

  test('is refused for any other kind of letter', async ({ page }) => {
    await page.goto('/submit');
    await fillValidLetter(page, s, {
      kind: 'COMPLAINT',
      anonymous: true,
      name: '',
      phone: '',
      email: '',
      postalAddress: '',
      preferredReplyChannel: 'ONLINE',
    });
    await submitForm(page, s).send.click();
    const summary = errorSummary(page, s);
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('listitem')).toHaveCount(1);
    await expect(summary.getByRole('link', { name: s.submit.errors.anonymous.onlyMisconduct })).toHaveAttribute('href', '#field-anonymous');
    expect(new URL(page.url()).pathname).toBe('/submit');
  });
});
