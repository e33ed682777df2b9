// Citizens' SMS notices without a database: the words in every language and their length, what
// never goes into them, the channel a citizen is told by, the file outbox and which transport the
// configuration picks.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES } from '#app/i18n/config.ts';
import { renderSms, SmsTooLongError } from './render.server.ts';
import { gatewayBody, smsFileTransport, smsTransportFor, type OutgoingSms } from './sms-transport.server.ts';
import { isGsm7, singleSegmentLimit, smsFileName, smsLength, smsSegments } from './sms.ts';
import { CITIZEN_TEMPLATES, citizenChannel } from './topics.ts';

const BASE_URL = 'https://xinfang.example.gov.cn';
const RECEIPT = 'XF-2611-7KQ4-M2PD';
const ACCESS_CODE = 'K7Q2-9XMB';
const ID = '3f1c2b9e-5d4a-4c8b-9a7e-2f6d1e0c3b5a';

describe('the SMS length rule', () => {
  it('counts GSM 7-bit text in septets and anything else in UTF-16 units', () => {
    expect(isGsm7('Your case XF-2611-7KQ4-M2PD was accepted. https://x.example/track?receipt=1')).toBe(true);
    expect(isGsm7('您的信访事项已受理')).toBe(false);
    expect(smsLength('a€')).toBe(3); // the euro sign is in the extension table: two septets
    expect(smsLength('受理')).toBe(2);
    expect(singleSegmentLimit('abc')).toBe(160);
    expect(singleSegmentLimit('受理 abc')).toBe(70);
  });

  it('bills one segment up to 160 GSM or 70 Chinese characters, then 153 or 67 per segment', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('受'.repeat(70))).toBe(1);
    expect(smsSegments('受'.repeat(71))).toBe(2);
    expect(smsSegments('受'.repeat(134))).toBe(2);
    expect(smsSegments('受'.repeat(135))).toBe(3);
  });
});

describe('renderSms', () => {
  for (const locale of LOCALES) {
    for (const template of CITIZEN_TEMPLATES) {
      it(`${template} in ${locale}: the office, the receipt and the track link, words within one segment`, async () => {
        const sms = await renderSms(template, locale, { receiptNo: RECEIPT }, { baseUrl: BASE_URL });
        expect(sms.locale).toBe(locale);
        expect(sms.trackUrl).toBe(`${BASE_URL}/track?receipt=${RECEIPT}`);
        expect(sms.text).toContain(RECEIPT);
        expect(sms.text).toContain(sms.trackUrl);
        expect(sms.text).toContain(locale === 'en' ? 'Petition Desk' : locale === 'zh-Hans' ? '网上信访' : '網上信訪');
        expect(sms.text).not.toContain('{{');
        const words = sms.text.replace(sms.trackUrl, '').trim();
        expect(smsLength(words)).toBeLessThanOrEqual(locale === 'en' ? 160 : 70);
        // In English the whole notice, link and all, is one segment with a short base address.
        if (locale === 'en') expect(smsSegments(sms.text)).toBe(1);
        else expect(smsSegments(sms.text)).toBeLessThanOrEqual(2);
      });
    }
  }

  it('is in the citizen’s script: simplified, traditional or English', async () => {
    const hans = await renderSms('case.accepted', 'zh-Hans', { receiptNo: RECEIPT }, { baseUrl: BASE_URL });
    const hant = await renderSms('case.accepted', 'zh-Hant', { receiptNo: RECEIPT }, { baseUrl: BASE_URL });
    const en = await renderSms('case.accepted', 'en', { receiptNo: RECEIPT }, { baseUrl: BASE_URL });
    expect(hans.text).toContain('信访事项');
    expect(hant.text).toContain('信訪事項');
    expect(en.text).toMatch(/^Petition Desk: your case/);
    // An unknown stored language falls back to the default, like email.
    expect((await renderSms('case.accepted', 'fr', { receiptNo: RECEIPT }, { baseUrl: BASE_URL })).text).toBe(hans.text);
  });

  it('takes only the receipt number from the case: never the access code or anything else', async () => {
    const facts = { receiptNo: RECEIPT, accessCode: ACCESS_CODE, subject: '拖欠工资', phone: '13800000000', body: 'secret' };
    for (const template of CITIZEN_TEMPLATES) {
      const sms = await renderSms(template, 'zh-Hans', facts, { baseUrl: BASE_URL });
      for (const kept of [ACCESS_CODE, ACCESS_CODE.replace('-', ''), '拖欠工资', '13800000000', 'secret'])
        expect(sms.text).not.toContain(kept);
    }
  });

  it('names the office when one is given, and refuses words that outgrow one segment', async () => {
    const named = await renderSms('case.replied', 'zh-Hans', { receiptNo: RECEIPT }, { baseUrl: BASE_URL, officeName: '东城区信访局' });
    expect(named.text.startsWith('【东城区信访局】')).toBe(true);
    await expect(
      renderSms('case.replied', 'zh-Hans', { receiptNo: RECEIPT }, { baseUrl: BASE_URL, officeName: '信'.repeat(40) }),
    ).rejects.toBeInstanceOf(SmsTooLongError);
  });
});

describe('who is told by SMS', () => {
  it('a citizen with an email gets email, one with only a phone gets SMS, one with neither nothing', () => {
    expect(citizenChannel({ email: 'a@example.com', phone: '13800000000' })).toBe('EMAIL');
    expect(citizenChannel({ email: 'a@example.com', phone: null })).toBe('EMAIL');
    expect(citizenChannel({ email: null, phone: '13800000000' })).toBe('SMS');
    expect(citizenChannel({ email: null, phone: null })).toBeNull();
    expect(citizenChannel(null)).toBeNull();
  });
});

const sms: OutgoingSms = {
  id: ID,
  to: '13800000000',
  text: '【网上信访】您的信访事项XF-2611-7KQ4-M2PD已受理。查看：https://x/track?receipt=XF-2611-7KQ4-M2PD',
  template: 'case.accepted',
  receiptNo: RECEIPT,
  trackUrl: `https://x/track?receipt=${RECEIPT}`,
};

describe('SMS transports', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-sms-unit-'));
    dirs.push(dir);
    return dir;
  };

  it('picks the gateway when SMS_GATEWAY_URL is set, else files in OUTBOX_DIR/sms', () => {
    const base = { SMS_GATEWAY_KEY: undefined, SMS_GATEWAY_TEMPLATE: undefined, SMS_GATEWAY_TIMEOUT_MS: 10_000, outboxDir: '/tmp/outbox' };
    expect(smsTransportFor({ ...base, SMS_GATEWAY_URL: 'https://sms.example/send' }).name).toBe('sms-gateway');
    expect(smsTransportFor({ ...base, SMS_GATEWAY_URL: undefined }).name).toBe('sms-file');
  });

  it('sends { to, text }, and the template with its params only when one is configured', () => {
    expect(gatewayBody(sms, undefined)).toEqual({ to: sms.to, text: sms.text });
    expect(gatewayBody(sms, 'SMS_0001')).toEqual({
      to: sms.to,
      text: sms.text,
      template: 'SMS_0001',
      params: { event: 'case.accepted', receiptNo: RECEIPT, url: sms.trackUrl },
    });
  });

  it('writes one <outbox-id>.sms file, however often the same message is sent', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const transport = smsFileTransport(dir, (line) => lines.push(line));
    expect(await transport.send(sms)).toEqual({ duplicate: false });
    expect(await transport.send(sms)).toEqual({ duplicate: true });
    expect(readdirSync(dir)).toEqual([smsFileName(ID)]);
    const content = readFileSync(path.join(dir, smsFileName(ID)), 'utf8');
    expect(content).toBe(
      `To: 13800000000\nTemplate: case.accepted\nIdempotency-Key: ${ID}\nContent-Type: text/plain; charset=utf-8\n\n${sms.text}\n`,
    );
    // The log names the file, never the phone number.
    expect(lines.join('\n')).not.toContain('13800000000');
    expect(() => smsFileName('../../etc/passwd')).toThrow();
  });
});
