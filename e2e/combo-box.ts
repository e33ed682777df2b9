// Choosing from a ComboBoxField (app/ui/combo-box-field.tsx) as a person would: without
// JavaScript it is a native <select>; with it, a react-aria combo box that is typed into (a
// string) or opened with its button and picked from (a pattern).
import { expect, type Locator, type Page } from '@playwright/test';

/** Chooses the option and returns its full text. `scope` is the form or panel holding the field. */
export async function chooseOption(page: Page, scope: Locator, label: string, option: string | RegExp, js: boolean): Promise<string> {
  if (!js) {
    const select = scope.getByLabel(label, { exact: true });
    const text = (await select.locator('option', { hasText: option }).first().innerText()).trim();
    await select.selectOption({ label: text });
    return text;
  }
  // The text input appears once the page has hydrated (before that, the native select).
  const input = scope.locator('input[role="combobox"]').and(scope.getByLabel(label, { exact: true }));
  await expect(input).toBeVisible();
  // react-aria closes the list when the page scrolls under it, as typing into a field half off
  // screen would do: bring the field into full view first, as a person would.
  await input.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  if (typeof option === 'string') {
    await input.fill(option);
  } else {
    await input.locator('xpath=following-sibling::button').click();
  }
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  const choice = listbox.getByRole('option', { name: option }).first();
  const text = (await choice.innerText()).trim();
  await choice.click();
  await expect(listbox).toBeHidden();
  await expect(input).toHaveValue(text);
  return text;
}
