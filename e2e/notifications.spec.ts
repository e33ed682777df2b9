// A citizen who gives an email address hears that a reply was published: the worker that runs
// beside the e2e server writes the message as an .eml file, which this spec reads. The link in it
// opens the track page with the receipt number filled in, and the access code is never in it.
// A citizen who gives only a phone number gets SMS notices instead, written as .sms files to the
// outbox folder's sms folder (no SMS_GATEWAY_URL in the e2e run).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import notificationsEn from '#app/i18n/locales/en/notifications.json' with { type: 'json' };
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import { parseEml, type ParsedEml } from '../tests/support/eml.ts';
import { fillReply } from './case-reply.ts';
import { acceptAndReply } from './case-setup.ts';
import { openCase } from './office-queue.ts';
import { signInStaff, staffPageAs } from './office-sign-in.ts';
import { STATE_FILE, serverState } from './server-state.ts';
import { createStaff } from './staff-accounts.ts';
import {
  BROWSER_LOCALE,
  choice,
  confirmStep,
  expectNoAxeViolations,
  sendAcceptLanguage,
  STRINGS,
  submitNewLetter,
  trackForm,
  uniqueToken,
} from './support.ts';
import { expect, test } from './test.ts';

const s = STRINGS.en;
const o = officeEn;

function outboxDir(): string {
  const dir = serverState().outboxDir;
  if (!dir) throw new Error(`${STATE_FILE} names no outboxDir`);
  return dir;
}

async function withDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverState().databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The unit the case was routed to (its category's default), so a handler there can reply. */
async function unitCodeOf(receiptNo: string): Promise<string> {
  return await withDatabase(async (client) => {
    const found = await client.query<{ code: string }>(
      'SELECT u.code FROM "Case" c JOIN "Unit" u ON u.id = c."unitId" WHERE c."receiptNo" = $1',
      [receiptNo],
    );
    if (!found.rows[0]) throw new Error(`case ${receiptNo} has no unit`);
    return found.rows[0].code;
  });
}

/** Every .eml in the outbox folder that is of `template` and about `receiptNo`. */
function mailsFor(template: string, receiptNo: string): ParsedEml[] {
  let files: string[] = [];
  try {
    files = readdirSync(outboxDir()).filter((f) => f.endsWith('.eml'));
  } catch {
    return []; // the folder appears with the first message
  }
  return files
    .map((f) => parseEml(readFileSync(path.join(outboxDir(), f), 'utf8')))
    .filter((m) => m.headers.get('x-petition-desk-template') === template && m.subject.includes(receiptNo));
}

interface SmsFile {
  to: string;
  template: string;
  idempotencyKey: string;
  text: string;
}

/** Every .sms file in the outbox's sms folder that is of `template` and about `receiptNo`. */
function smsFor(template: string, receiptNo: string): SmsFile[] {
  const dir = path.join(outboxDir(), 'sms');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.sms'));
  } catch {
    return []; // the folder appears with the first SMS
  }
  return files
    .map((f) => {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      const split = raw.indexOf('\n\n');
      const headers = new Map(
        raw
          .slice(0, split)
          .split('\n')
          .map((line): [string, string] => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      return {
        to: headers.get('to') ?? '',
        template: headers.get('template') ?? '',
        idempotencyKey: headers.get('idempotency-key') ?? '',
        text: raw.slice(split + 2),
      };
    })
    .filter((m) => m.template === template && m.text.includes(receiptNo));
}

test('a citizen with only a phone number gets an SMS file for acceptance and for the reply', async ({ page }) => {
  test.setTimeout(120_000);
  const token = `S${uniqueToken()}`;
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await sendAcceptLanguage(page, BROWSER_LOCALE.en);
  const { receiptNo, accessCode } = await submitNewLetter(page, s, {
    subject: `Leaking roof ${token}`,
    phone,
    email: '',
    preferredReplyChannel: 'PHONE',
  });
  // The steps before the notices are not what this test is about: set up through the app.
  await acceptAndReply(receiptNo, `The roof has been repaired. ${token}`);

  // The worker writes one SMS for each step (received, accepted, replied), and no email.
  for (const template of ['case.received', 'case.accepted', 'case.replied'])
    await expect.poll(() => smsFor(template, receiptNo).length, { timeout: 10_000, message: template }).toBe(1);
  expect(mailsFor('case.accepted', receiptNo)).toHaveLength(0);
  expect(mailsFor('case.replied', receiptNo)).toHaveLength(0);

  const [accepted] = smsFor('case.accepted', receiptNo);
  const [replied] = smsFor('case.replied', receiptNo);
  expect(accepted!.to).toBe(phone);
  expect(replied!.to).toBe(phone);
  expect(accepted!.idempotencyKey).not.toBe(replied!.idempotencyKey);
  expect(accepted!.text).toMatch(new RegExp(`^Petition Desk: your case ${receiptNo} was accepted`));
  expect(replied!.text).toMatch(new RegExp(`^Petition Desk: a written reply to your case ${receiptNo} was published`));
  for (const sms of [accepted!, replied!]) {
    expect(sms.text).not.toContain(accessCode);
    expect(sms.text).not.toContain(accessCode.replace('-', ''));
    expect(sms.text).not.toContain(token); // neither the subject nor the reply
  }

  // The link opens the track page with the receipt number filled in; the code is still asked for.
  const link = /https?:\/\/\S+\/track\?receipt=\S+/.exec(replied!.text)?.[0];
  expect(link).toBeDefined();
  const url = new URL(link!);
  expect(url.searchParams.get('receipt')).toBe(receiptNo);
  await page.goto(`${url.pathname}${url.search}`);
  const form = trackForm(page, s);
  await expect(form.receiptNo).toHaveValue(receiptNo);
  await expect(form.accessCode).toHaveValue('');
});

test('a citizen with an email receives the "reply published" message in the outbox folder', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.name !== 'no-js';
  const token = `N${uniqueToken()}`;
  const email = `citizen-${token.toLowerCase()}@example.com`;
  await sendAcceptLanguage(page, BROWSER_LOCALE.en);
  const { receiptNo, accessCode } = await submitNewLetter(page, s, { subject: `Broken stair rail ${token}`, email });

  // A clerk accepts the case; a handler of the unit it was routed to publishes the reply.
  const { page: clerkPage } = await staffPageAs(browser, 'en', js, 'CLERK');
  await clerkPage.goto('/office');
  await openCase(clerkPage, 'en', token, receiptNo);
  const accept = clerkPage.locator('details[data-action="accept"]');
  await accept.locator(':scope > summary').click();
  await accept.getByRole('button', { name: o.case.action.accept }).click();
  await expect(clerkPage.getByRole('status')).toHaveText(o.case.done.accept);

  const handlerPage = await signInStaff(browser, 'en', js, await createStaff('HANDLER', await unitCodeOf(receiptNo)));
  await openCase(handlerPage, 'en', token, receiptNo);
  const reply = handlerPage.locator('details[data-action="reply"]');
  await reply.locator(':scope > summary').click();
  await fillReply(reply, o, {
    answers: [{ outcome: s.claimOutcomes.UPHELD, reasons: `The rail was loose. ${token}` }],
    legalBasis: 'Property Management Regulations, art. 35',
    text: `The rail has been repaired. ${token}`,
  });
  await reply.getByRole('button', { name: o.case.action.reply }).click();
  await confirmStep(handlerPage, js, o.case.confirm.reply.confirm);
  await expect(handlerPage.getByRole('status')).toHaveText(o.case.done.reply);

  // Within a few seconds the worker has written the message, once.
  await expect.poll(() => mailsFor('case.replied', receiptNo).length, { timeout: 10_000 }).toBe(1);
  const [mail] = mailsFor('case.replied', receiptNo);
  expect(mail!.headers.get('to')).toBe(email);
  expect(mail!.subject).toBe(`A reply to your case ${receiptNo} has been published`);
  for (const part of [mail!.subject, mail!.text, mail!.html]) {
    expect(part).not.toContain(accessCode);
    expect(part).not.toContain(accessCode.replace('-', ''));
  }
  // The earlier steps were told too: received (on submission) and accepted.
  await expect.poll(() => mailsFor('case.received', receiptNo).length, { timeout: 10_000 }).toBe(1);
  await expect.poll(() => mailsFor('case.accepted', receiptNo).length, { timeout: 10_000 }).toBe(1);

  // The link opens the track page with the receipt number filled in; the code is still asked for.
  const link = /https?:\/\/\S+\/track\?receipt=\S+/.exec(mail!.text)?.[0];
  expect(link).toBeDefined();
  const url = new URL(link!);
  expect(url.searchParams.get('receipt')).toBe(receiptNo);
  await page.goto(`${url.pathname}${url.search}`);
  const form = trackForm(page, s);
  await expect(form.receiptNo).toHaveValue(receiptNo);
  await expect(form.accessCode).toHaveValue('');
});

test('staff turn notification topics off on My account, and are told red alerts always arrive', async ({ browser }, testInfo) => {
  const js = testInfo.project.name !== 'no-js';
  const p = notificationsEn.preferences;
  const handler = await createStaff('HANDLER', 'housing');
  const page = await signInStaff(browser, 'en', js, handler);
  await page.goto('/office/account');
  await expect(page.getByRole('heading', { name: p.title })).toBeVisible();
  await expect(page.getByTestId('red-alerts-always')).toHaveText(p.redAlways);
  // A handler is offered the three topics that reach handlers, all on by default; no digest.
  for (const topic of ['assignment', 'warningAlert', 'dueSoon'] as const) {
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${p.topics[topic].label}`) })).toBeChecked();
  }
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${p.topics.overdueDigest.label}`) })).toHaveCount(0);
  await expectNoAxeViolations(page, browser, testInfo, 'office account notifications');

  await choice(page, 'checkbox', p.topics.dueSoon.label).click();
  await page.getByRole('button', { name: p.save }).click();
  await expect(page.getByRole('status')).toHaveText(p.saved);
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${p.topics.dueSoon.label}`) })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${p.topics.assignment.label}`) })).toBeChecked();

  const muted = await withDatabase((client) =>
    client.query<{ muted: string[] }>('SELECT "mutedNotifications" AS muted FROM "StaffUser" WHERE email = $1', [handler.email]),
  );
  expect(muted.rows[0]?.muted).toEqual(['dueSoon']);
});
