// Finding a case as staff do: the queue's search box, then the receipt number's link.
import { expect, type Page } from '@playwright/test';
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import officeZhHans from '#app/i18n/locales/zh-Hans/office.json' with { type: 'json' };
import officeZhHant from '#app/i18n/locales/zh-Hant/office.json' with { type: 'json' };
import type { Locale } from './support.ts';

const OFFICE = { en: officeEn, 'zh-Hans': officeZhHans, 'zh-Hant': officeZhHant } as const;

/** Opens the case from the queue (going to the queue first when the page is elsewhere). */
export async function openCase(page: Page, locale: Locale, token: string, receiptNo: string): Promise<void> {
  const queue = OFFICE[locale].queue;
  if (new URL(page.url()).pathname !== '/office') await page.goto('/office');
  await page.getByLabel(queue.search, { exact: true }).fill(token);
  await page.getByRole('button', { name: queue.apply }).click();
  // The search's own results first: with JavaScript the address changes once they have loaded. A
  // click on the link of the list still shown would interrupt that navigation, and Remix logs the
  // aborted response as a console error ("AbortError: signal is aborted without reason").
  await page.waitForURL((url) => url.searchParams.get('q') === token);
  await page.getByRole('link', { name: receiptNo }).click();
  await expect(page.getByTestId('office-case-receipt')).toHaveText(receiptNo);
}
