// Reception days and notices, with and without JavaScript (the config runs both), with axe on
// every new page: a citizen books a visit and cancels it, books one for a case with receipt number
// and access code, reads notices and their feed; staff set up and publish a day, write a notice,
// and receive a visitor.
import noticesEn from '#app/i18n/locales/en/notices.json' with { type: 'json' };
import visitsEn from '#app/i18n/locales/en/visits.json' with { type: 'json' };
import noticesZhHans from '#app/i18n/locales/zh-Hans/notices.json' with { type: 'json' };
import visitsZhHans from '#app/i18n/locales/zh-Hans/visits.json' with { type: 'json' };
import noticesZhHant from '#app/i18n/locales/zh-Hant/notices.json' with { type: 'json' };
import visitsZhHant from '#app/i18n/locales/zh-Hant/visits.json' with { type: 'json' };
import { receiveLetter } from './case-setup.ts';
import { staffPageAs } from './office-sign-in.ts';
import {
  BROWSER_LOCALE,
  EVERY_LANGUAGE,
  JOURNEY_LOCALES,
  LOCALES,
  STRINGS,
  choice,
  errorSummary,
  expectNoAxeViolations,
  expectOnSharedPage,
  interpolate,
  type Locale,
} from './support.ts';
import { expect, test } from './test.ts';
import {
  appointmentByReference,
  caseIdOf,
  seedNewVisitBooking,
  seedNotice,
  seedReceptionDay,
  shanghaiDay,
  uniqueTag,
} from './visit-fixtures.ts';
import type { Browser, Page, TestInfo } from '@playwright/test';

const VISITS: Record<Locale, typeof visitsEn> = { en: visitsEn, 'zh-Hans': visitsZhHans, 'zh-Hant': visitsZhHant };
const NOTICES: Record<Locale, typeof noticesEn> = { en: noticesEn, 'zh-Hans': noticesZhHans, 'zh-Hant': noticesZhHant };

const REFERENCE_PATTERN = /^YY-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
const CODE_PATTERN = /^[0-9A-Z]{5}-[0-9A-Z]{5}$/;

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** The page is in the reader's language and has no axe violations. */
async function check(page: Page, browser: Browser, testInfo: TestInfo, label: string, locale: Locale) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expectNoAxeViolations(page, browser, testInfo, `${label} (${locale})`);
}

/** The place of the day the staff journey sets up, as the portal shows it in each language. */
const PLACE_NAMES: Record<Locale, string> = { en: 'District reception centre', 'zh-Hant': '區信訪接待中心', 'zh-Hans': '区信访接待中心' };

/** The section of the visits page that shows a seeded day, found by its unique place. */
const daySection = (page: Page, place: string) => page.getByTestId('reception-day').filter({ hasText: place });

for (const locale of JOURNEY_LOCALES) {
  const v = VISITS[locale];
  const s = STRINGS[locale];

  test.describe(`reception days (${locale})`, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    test('book a visit as a new matter, then cancel it', async ({ page, browser, baseURL }, testInfo) => {
      // Six pages swept with axe: without JavaScript each sweep copies the page into a new context,
      // and under CI's load the journey ran past the default minute twice in a row.
      test.setTimeout(120_000);
      const day = await seedReceptionDay({
        daysFromToday: 2,
        slots: [
          { start: '09:00', end: '09:30', capacity: 2 },
          { start: '09:30', end: '10:00', capacity: 1 },
        ],
      });
      await page.goto('/');
      await page.getByRole('navigation', { name: s.layout.mainNav }).getByRole('link', { name: v.nav }).click();
      await page.waitForURL((url) => url.pathname === '/visits');
      await expect(page.getByRole('heading', { level: 1, name: v.list.title })).toBeVisible();
      await expect(page.getByText(interpolate(v.list.groupNote, { max: 5 }))).toBeVisible();
      const section = daySection(page, day.place);
      await expect(section.getByTestId('slot')).toHaveCount(2);
      await expect(section.getByTestId('slot-state').first()).toHaveText(interpolate(v.list.placesLeft, { places: 2 }));
      await check(page, browser, testInfo, '/visits', locale);

      await section
        .getByRole('link', { name: new RegExp(`^${v.list.book}`) })
        .first()
        .click();
      await page.waitForURL((url) => url.pathname === `/visits/book/${day.slotIds[0]}`);
      await expect(page.getByRole('heading', { level: 1, name: v.book.title })).toBeVisible();
      await check(page, browser, testInfo, '/visits/book', locale);

      // Sent empty: the error summary takes focus and links to the fields.
      await page.getByRole('button', { name: v.book.submit }).click();
      await expect(errorSummary(page, s)).toBeVisible();
      await expect(errorSummary(page, s)).toBeFocused();
      await expect(errorSummary(page, s)).toContainText(v.book.errors.mode.required);
      await check(page, browser, testInfo, '/visits/book with errors', locale);

      // A group of six: refused, and the form says why (art. 20); what was typed is kept.
      await choice(page, 'radio', v.book.fields.mode.NEW.label).check();
      await field(page, v.book.fields.name.label).fill('王小明');
      await field(page, v.book.fields.phone.label).fill('138 1234 5678');
      await field(page, v.book.fields.topic.label).fill('小区噪音扰民 Noise at night');
      await field(page, v.book.fields.representatives.label).fill('6');
      await page.getByRole('button', { name: v.book.submit }).click();
      const tooMany = interpolate(v.book.errors.representatives.tooMany, { max: 5 });
      await expect(errorSummary(page, s)).toContainText(tooMany);
      await expect(field(page, v.book.fields.representatives.label)).toHaveAttribute('aria-invalid', 'true');
      await expect(field(page, v.book.fields.name.label)).toHaveValue('王小明');
      await expect(page.getByText(interpolate(v.book.fields.representatives.hint, { max: 5 }))).toBeVisible();

      await field(page, v.book.fields.representatives.label).fill('2');
      await page.getByRole('button', { name: v.book.submit }).click();
      await page.waitForURL((url) => url.pathname === '/visits/confirmation');
      await expect(page.getByRole('heading', { level: 1, name: v.confirmation.title })).toBeVisible();
      const reference = (await page.getByTestId('booking-reference').innerText()).trim();
      const cancelCode = (await page.getByTestId('cancel-code').innerText()).trim();
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(cancelCode).toMatch(CODE_PATTERN);
      // The code never travels in the URL.
      expect(page.url()).toBe(new URL('/visits/confirmation', baseURL).href);
      await check(page, browser, testInfo, '/visits/confirmation', locale);
      expect(await appointmentByReference(reference)).toEqual({ caseId: null, status: 'BOOKED', representatives: 2 });

      await page.goto('/visits');
      await expect(daySection(page, day.place).getByTestId('slot-state').first()).toHaveText(interpolate(v.list.placesLeft, { places: 1 }));

      // Cancel: a wrong code first, then the right one.
      await page.getByRole('link', { name: v.list.cancelLink }).click();
      await page.waitForURL((url) => url.pathname === '/visits/cancel');
      await check(page, browser, testInfo, '/visits/cancel', locale);
      await field(page, v.cancel.fields.reference.label).fill(reference.toLowerCase());
      await field(page, v.cancel.fields.cancelCode.label).fill(`${cancelCode.startsWith('Z') ? 'Y' : 'Z'}${cancelCode.slice(1)}`);
      await page.getByRole('button', { name: v.cancel.submit }).click();
      await expect(errorSummary(page, s)).toContainText(v.cancel.errors.noMatch);
      await check(page, browser, testInfo, '/visits/cancel with errors', locale);
      await field(page, v.cancel.fields.cancelCode.label).fill(cancelCode);
      await page.getByRole('button', { name: v.cancel.submit }).click();
      await expect(page.getByTestId('booking-cancelled')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: v.cancel.doneTitle })).toBeVisible();
      await check(page, browser, testInfo, '/visits/cancel done', locale);
      expect((await appointmentByReference(reference))?.status).toBe('CANCELLED');

      // The place is free again.
      await page.goto('/visits');
      await expect(daySection(page, day.place).getByTestId('slot-state').first()).toHaveText(interpolate(v.list.placesLeft, { places: 2 }));
    });
  });
}

test.describe('booking for a case (en)', () => {
  test.use({ locale: BROWSER_LOCALE.en });
  const v = VISITS.en;
  const s = STRINGS.en;

  test('a citizen books with the receipt number and access code of their case', async ({ page }, testInfo) => {
    const { receiptNo, accessCode } = await receiveLetter({}, 'en');
    const day = await seedReceptionDay({ daysFromToday: 3, slots: [{ start: '14:00', end: '14:30', capacity: 1 }] });
    await page.goto(`/visits/book/${day.slotIds[0]}`);
    await choice(page, 'radio', v.book.fields.mode.CASE.label).check();
    await field(page, v.book.fields.receiptNo.label).fill(receiptNo);
    await field(page, v.book.fields.accessCode.label).fill(`${accessCode.startsWith('Z') ? 'Y' : 'Z'}${accessCode.slice(1)}`);
    await page.getByRole('button', { name: v.book.submit }).click();
    await expect(errorSummary(page, s)).toContainText(v.book.errors.receiptNo.noMatch);
    // The server never sends the access code back into the page (with scripts, the browser keeps what was typed).
    if (testInfo.project.name === 'no-js') await expect(field(page, v.book.fields.accessCode.label)).toHaveValue('');

    await choice(page, 'radio', v.book.fields.mode.CASE.label).check();
    await field(page, v.book.fields.accessCode.label).fill(accessCode);
    await page.getByRole('button', { name: v.book.submit }).click();
    await page.waitForURL((url) => url.pathname === '/visits/confirmation');
    const reference = (await page.getByTestId('booking-reference').innerText()).trim();
    await expect(page.getByText(v.confirmation.bringReceipt)).toBeVisible();
    expect((await appointmentByReference(reference))?.caseId).toBe(await caseIdOf(receiptNo));

    // The slot is now full.
    await page.goto(`/visits/book/${day.slotIds[0]}`);
    await expect(page.getByTestId('slot-not-open')).toHaveText(v.book.notOpen.full);
  });
});

for (const locale of LOCALES) {
  const n = NOTICES[locale];
  const s = STRINGS[locale];

  test.describe(`notices (${locale})`, { tag: EVERY_LANGUAGE }, () => {
    test.use({ locale: BROWSER_LOCALE[locale] });

    test('current notices on the notices page, their own page, the home page and the feed; others nowhere', async ({
      page,
      browser,
    }, testInfo) => {
      const tag = uniqueTag();
      const now = Date.now();
      const current = await seedNotice({ tag: `${tag}-now`, publishedAt: new Date(now - 60_000) });
      const future = await seedNotice({ tag: `${tag}-future`, publishedAt: new Date(now + 3_600_000) });
      const expired = await seedNotice({
        tag: `${tag}-gone`,
        publishedAt: new Date(now - 7_200_000),
        expiresAt: new Date(now - 3_600_000),
      });

      // Seeded straight into the database, as by another process: the home page shows it within the
      // few seconds its shared rendering lives.
      await page.goto('/');
      await expectOnSharedPage(page, page.getByTestId('latest-notices').getByRole('link', { name: current.titles[locale] }));
      await check(page, browser, testInfo, '/ with notices', locale);

      await page.getByRole('navigation', { name: s.layout.mainNav }).getByRole('link', { name: n.nav }).click();
      await page.waitForURL((url) => url.pathname === '/notices');
      await expect(page.getByRole('heading', { level: 1, name: n.list.title })).toBeVisible();
      const list = page.getByTestId('notice-list');
      await expectOnSharedPage(page, list.getByRole('link', { name: current.titles[locale] }));
      await expect(list.getByText(future.titles[locale])).toHaveCount(0);
      await expect(list.getByText(expired.titles[locale])).toHaveCount(0);
      const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      await expect(alternate).toHaveAttribute('href', `/notices.atom?lang=${locale}`);
      await check(page, browser, testInfo, '/notices', locale);

      await list.getByRole('link', { name: current.titles[locale] }).click();
      await page.waitForURL((url) => url.pathname === `/notices/${current.id}`);
      await expect(page.getByRole('heading', { level: 1, name: current.titles[locale] })).toBeVisible();
      await expect(page.getByTestId('notice-body').locator('p')).toHaveCount(2);
      await check(page, browser, testInfo, '/notices/:id', locale);

      const hidden = await page.goto(`/notices/${future.id}`);
      expect(hidden?.status()).toBe(404);

      const feed = await page.request.get(`/notices.atom?lang=${locale}`);
      expect(feed.status()).toBe(200);
      expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
      const xml = await feed.text();
      // The browser's own XML parser (in a context with scripts, whatever this project's setting).
      const context = await browser.newContext({ javaScriptEnabled: true });
      try {
        const parser = await context.newPage();
        const parsed = await parser.evaluate((source) => {
          const doc = new DOMParser().parseFromString(source, 'application/xml');
          const atom = 'http://www.w3.org/2005/Atom';
          return {
            errors: doc.getElementsByTagName('parsererror').length,
            root: doc.documentElement.localName,
            namespace: doc.documentElement.namespaceURI,
            self: doc.querySelector('feed > link[rel="self"]')?.getAttribute('href') ?? null,
            titles: Array.from(doc.getElementsByTagNameNS(atom, 'entry')).map(
              (entry) => entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent ?? '',
            ),
          };
        }, xml);
        expect(parsed.errors).toBe(0);
        expect(parsed).toMatchObject({ root: 'feed', namespace: 'http://www.w3.org/2005/Atom' });
        expect(parsed.self).toMatch(new RegExp(`/notices\\.atom\\?lang=${locale}$`));
        expect(parsed.titles).toContain(current.titles[locale]);
        expect(parsed.titles).not.toContain(future.titles[locale]);
        expect(parsed.titles).not.toContain(expired.titles[locale]);
      } finally {
        await context.close();
      }
    });
  });
}

for (const locale of JOURNEY_LOCALES) {
  const v = VISITS[locale];
  const n = NOTICES[locale];
  const s = STRINGS[locale];

  test(`staff set up a reception day and a notice, and receive a visitor (${locale})`, async ({ browser }, testInfo) => {
    // About twenty pages, each checked with axe (without JavaScript, on a copy of the page): 1.5 min
    // alone, but once past 3 minutes on a busy 2-core CI machine (fresh-clone run of bc9ea53).
    test.setTimeout(300_000);
    const js = testInfo.project.name !== 'no-js';
    const go = async (target: Page, path: string, label = path) => {
      await target.goto(path);
      await check(target, browser, testInfo, label, locale);
    };

    // An administrator sets a day up and publishes it.
    const { page: adminPage } = await staffPageAs(browser, locale, js, 'ADMIN');
    await go(adminPage, '/office/reception');
    await adminPage.getByRole('link', { name: v.office.list.create }).click();
    await adminPage.waitForURL((url) => url.pathname === '/office/reception/new');
    await check(adminPage, browser, testInfo, '/office/reception/new', locale);
    await adminPage.getByLabel(v.office.new.fields.date.label, { exact: true }).fill('2020-01-01');
    await adminPage.getByRole('button', { name: v.office.new.submit }).click();
    await expect(errorSummary(adminPage, s)).toContainText(v.office.new.errors.date.past);
    await check(adminPage, browser, testInfo, '/office/reception/new with errors', locale);

    const tag = uniqueTag();
    const date = shanghaiDay(4);
    await adminPage.getByLabel(v.office.new.fields.date.label, { exact: true }).fill(date);
    for (const [suffix, text] of [
      ['ZhHans', `区信访接待中心 ${tag}`],
      ['ZhHant', `區信訪接待中心 ${tag}`],
      ['En', `District reception centre ${tag}`],
    ] as const) {
      const language = v.office.languages[suffix];
      await adminPage.getByLabel(interpolate(v.office.new.fields.place.label, { language }), { exact: true }).fill(text);
      await adminPage
        .getByLabel(interpolate(v.office.new.fields.official.label, { language }), { exact: true })
        .fill(suffix === 'En' ? 'District head' : '区长');
    }
    await adminPage.getByLabel(v.office.new.fields.slots.label, { exact: true }).fill('09:00-09:30 3\n14:00-14:30 2');
    await adminPage.getByRole('button', { name: v.office.new.submit }).click();
    await adminPage.waitForURL((url) => /^\/office\/reception\/[0-9a-f-]{36}$/.test(url.pathname));
    // The shell's status area says what was done (a flash notice, not a ?done= in the address).
    await expect(adminPage.getByText(v.office.day.done.created)).toBeVisible();
    await expect(adminPage.getByTestId('day-status')).toHaveText(v.office.draft);
    await expect(adminPage.getByTestId('office-slot')).toHaveCount(2);
    await check(adminPage, browser, testInfo, '/office/reception/:dayId', locale);
    await adminPage.getByRole('button', { name: v.office.day.publish }).click();
    await expect(adminPage.getByTestId('day-status')).toHaveText(v.office.published);
    await expect(adminPage.getByText(v.office.day.done.published)).toBeVisible();

    // …and it is on the portal.
    const citizen = await browser.newPage({ locale: BROWSER_LOCALE[locale] });
    await citizen.goto('/visits');
    await expect(daySection(citizen, `${PLACE_NAMES[locale]} ${tag}`)).toBeVisible();
    await citizen.close();

    // An administrator writes a notice.
    await go(adminPage, '/office/notices');
    await adminPage.getByRole('link', { name: n.office.list.create }).click();
    await adminPage.waitForURL((url) => url.pathname === '/office/notices/new');
    await check(adminPage, browser, testInfo, '/office/notices/new', locale);
    await adminPage.getByRole('button', { name: n.office.new.submit }).click();
    await expect(errorSummary(adminPage, s)).toContainText(n.office.errors.kind.required);
    await check(adminPage, browser, testInfo, '/office/notices/new with errors', locale);
    await choice(adminPage, 'radio', n.kinds.FAQ).check();
    for (const suffix of ['ZhHans', 'ZhHant', 'En'] as const) {
      const language = n.office.languages[suffix];
      await adminPage.getByLabel(interpolate(n.office.fields.title, { language }), { exact: true }).fill(`FAQ ${tag} ${suffix}`);
      await adminPage.getByLabel(interpolate(n.office.fields.body, { language }), { exact: true }).fill(`Answer ${tag}`);
    }
    await adminPage.getByRole('button', { name: n.office.new.submit }).click();
    await adminPage.waitForURL((url) => /^\/office\/notices\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect(adminPage.getByText(n.office.edit.done.created)).toBeVisible();
    await expect(adminPage.getByTestId('notice-state')).toHaveText(n.office.state.CURRENT);
    await check(adminPage, browser, testInfo, '/office/notices/:id', locale);
    await adminPage.context().close();

    // A clerk receives a visitor who booked for today.
    const today = await seedReceptionDay({ daysFromToday: 0, slots: [{ start: '00:00', end: '00:30', capacity: 4 }] });
    const booking = await seedNewVisitBooking(today.slotIds[0]!, `李四 ${tag}`);
    const { page: clerk } = await staffPageAs(browser, locale, js, 'CLERK');
    await go(clerk, `/office/reception/${today.dayId}`, '/office/reception/:dayId (clerk)');
    const row = clerk.getByTestId('appointment-row').filter({ hasText: booking.reference });
    await expect(row).toContainText(`李四 ${tag}`);
    await row.getByRole('button', { name: new RegExp(`^${v.office.mark.ATTENDED}`) }).click();
    await expect(clerk.getByTestId('appointment-row').filter({ hasText: booking.reference }).getByTestId('appointment-status')).toHaveText(
      v.status.ATTENDED,
    );
    await expect(clerk.getByText(v.office.day.done.attendance)).toBeVisible();
    await clerk.getByRole('link', { name: booking.reference }).click();
    await clerk.waitForURL((url) => url.pathname === `/office/reception/${today.dayId}/appointments/${booking.id}`);
    await expect(clerk.getByRole('heading', { level: 2, name: v.office.appointment.registerTitle })).toBeVisible();
    await check(clerk, browser, testInfo, '/office/reception/:dayId/appointments/:id', locale);
    await clerk.context().close();
  });
}
