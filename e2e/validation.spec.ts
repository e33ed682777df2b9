// A letter with problems is sent back with every problem listed, linked to its field, the
// answers already given kept, and each field's error announced with it.
import {
  BROWSER_LOCALE,
  RECEIPT_PATTERN,
  STRINGS,
  describedByTexts,
  errorSummary,
  escapeRegExp,
  fillValidLetter,
  sendLetter,
  submitForm,
  type Locale,
} from './support.ts';
import { expect, test } from './test.ts';

for (const locale of ['zh-Hans', 'en'] as const satisfies readonly Locale[]) {
  const s = STRINGS[locale];
  const e = s.submit.errors;

  test.describe(`validation (${locale})`, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    test('an empty subject and no contact details are reported, then fixed and sent', async ({ page }, testInfo) => {
      await page.goto('/submit');
      const letter = await fillValidLetter(page, s, {
        kind: 'SUGGESTION',
        categoryIndex: 2,
        subject: '',
        name: '',
        phone: '',
        email: '',
        postalAddress: '',
        preferredReplyChannel: 'ONLINE',
      });
      const form = submitForm(page, s);
      const categoryValue = await form.category.inputValue();
      expect(categoryValue).not.toBe('');
      await form.send.click();

      // Still on the form, not sent.
      const summary = errorSummary(page, s);
      await expect(summary).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/submit');
      await expect(page.getByTestId('receipt-no')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      // The summary lists the problems in form order, each linking to its field.
      const expected = [
        { field: 'subject', message: e.subject.required },
        { field: 'name', message: e.name.required },
        { field: 'phone', message: e.phone.phoneOrEmail },
      ] as const;
      const links = summary.getByRole('link');
      await expect(links).toHaveText(expected.map((x) => x.message));
      for (const [i, { field }] of expected.entries()) {
        await expect(links.nth(i)).toHaveAttribute('href', `#field-${field}`);
      }

      // Keyboard and screen reader users start from the summary.
      if (testInfo.project.name === 'js') {
        await expect(summary).toBeFocused();
        expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false)).toBe(true);
      } else {
        await expect(summary).toHaveAttribute('autofocus', '');
      }

      // Each field with a problem is marked invalid and described by its own message.
      const fieldsWithErrors = { subject: form.subject, name: form.name, phone: form.phone };
      for (const { field, message } of expected) {
        const input = fieldsWithErrors[field];
        await expect(input).toHaveAttribute('id', `field-${field}`);
        await expect(input).toHaveAttribute('aria-invalid', 'true');
        expect(await describedByTexts(input)).toContain(message);
        await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
      }
      // Fields without a problem are not marked.
      for (const ok of [form.area, form.body, form.coSignerCount, form.email, form.category]) {
        await expect(ok).not.toHaveAttribute('aria-invalid', 'true');
      }
      await expect(page.locator('[aria-invalid="true"]')).toHaveCount(expected.length);

      // Everything already answered is still there.
      await expect(form.kind('SUGGESTION').getByRole('radio')).toBeChecked();
      await expect(form.category).toHaveValue(categoryValue);
      await expect(form.area).toHaveValue(letter.area);
      await expect(form.body).toHaveValue(letter.body);
      await expect(form.coSignerCount).toHaveValue(letter.coSignerCount);
      await expect(form.replyChannel('ONLINE').getByRole('radio')).toBeChecked();
      await expect(form.anonymous.getByRole('checkbox')).not.toBeChecked();
      await expect(form.consent.getByRole('checkbox')).toBeChecked();

      // Fix the problems and send.
      await form.subject.fill(`公园长椅 Park benches ${letter.body.slice(-6)}`);
      await form.name.fill('李华');
      await form.email.fill('li.hua@example.com');
      const receipt = await sendLetter(page, s);
      expect(receipt.receiptNo).toMatch(RECEIPT_PATTERN);
      await expect(errorSummary(page, s)).toHaveCount(0);
    });

    test('each error summary link moves focus to its field, and the errors stay on the page', async ({ page }) => {
      await page.goto('/submit');
      const letter = await fillValidLetter(page, s, {
        subject: '',
        name: '',
        phone: '',
        email: '',
        postalAddress: '',
        preferredReplyChannel: 'ONLINE',
      });
      const form = submitForm(page, s);
      await form.send.click();
      const summary = errorSummary(page, s);
      await expect(summary).toBeVisible();

      const targets = [
        { message: e.subject.required, field: form.subject },
        { message: e.name.required, field: form.name },
        { message: e.phone.phoneOrEmail, field: form.phone },
      ];
      for (const { message, field } of targets) {
        await summary.getByRole('link', { name: message }).click();
        await expect(field).toBeFocused();
        // Following a link must not lose the problems still to fix, nor what was typed.
        await expect(summary).toBeVisible();
        await expect(summary.getByRole('link')).toHaveText(targets.map((x) => x.message));
        await expect(field).toHaveAttribute('aria-invalid', 'true');
        await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
        await expect(form.body).toHaveValue(letter.body);
      }
    });

    test('a form sent completely empty lists every required field', async ({ page }) => {
      await page.goto('/submit');
      const form = submitForm(page, s);
      await form.send.click();
      const summary = errorSummary(page, s);
      await expect(summary).toBeVisible();
      // The reply channel defaults to "online", so it is not an error; everything else required is.
      const expected = [
        { field: 'kind', message: e.kind.required },
        { field: 'categoryId', message: e.categoryId.required },
        { field: 'subject', message: e.subject.required },
        { field: 'body', message: e.body.required },
        { field: 'name', message: e.name.required },
        { field: 'phone', message: e.phone.phoneOrEmail },
        { field: 'consent', message: e.consent.required },
      ];
      const links = summary.getByRole('link');
      await expect(links).toHaveText(expected.map((x) => x.message));
      for (const [i, { field }] of expected.entries()) {
        await expect(links.nth(i)).toHaveAttribute('href', `#field-${field}`);
        // Every link leads to an element that exists.
        await expect(page.locator(`#field-${field}`)).toHaveCount(1);
      }
      await expect(form.category).toHaveAttribute('aria-invalid', 'true');
      expect(await describedByTexts(form.category)).toContain(e.categoryId.required);
      await expect(form.consent.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
      expect(await describedByTexts(form.consent.getByRole('checkbox'))).toContain(e.consent.required);
    });
  });
}
