// Citizens who gave only a phone number hear of their case by SMS, through the same outbox and
// delivery as email, against the real database: one file per notice, none more on a retry, no SMS
// for a citizen with an email or for staff, and the gateway's documented request (a local HTTP
// server stands in for it), with a non-2xx answer retried under the same idempotency key.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { deliverDueMessages } from '#app/features/notifications/delivery.server.ts';
import {
  smsFileTransport,
  smsGatewayTransport,
  type OutgoingSms,
  type SmsTransport,
} from '#app/features/notifications/sms-transport.server.ts';
import { smsFileName } from '#app/features/notifications/sms.ts';
import { db } from '#app/platform/db.server.ts';
import { staffUser } from '../support/fixtures.ts';
import { parkOtherSuitesMessages } from '../support/notifications-isolation.ts';
import { isolatedCase, outboxFor, recordingTransport } from '../support/notifications.ts';
import { answeredReply } from '../support/replies.ts';

const dirs: string[] = [];
function smsDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-sms-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
beforeAll(parkOtherSuitesMessages);

const quiet = () => {};
const RENDER = { baseUrl: 'http://localhost:3000', timeZone: 'Asia/Shanghai' };

/** A citizen who gave a phone number and no email address. */
async function phoneOnlyCase(locale = 'zh-Hans') {
  return await isolatedCase({ locale, overrides: { email: null } });
}

/** Accepts and answers the case as a supervisor. */
async function acceptAndReply(caseId: string, version: number): Promise<void> {
  const supervisor = (await staffUser('SUPERVISOR')).actor;
  const accepted = await performCaseAction(supervisor, caseId, version, { action: 'accept' });
  if (!accepted.ok) throw new Error(`not accepted: ${accepted.formError ?? JSON.stringify(accepted.errors)}`);
  const replied = await performCaseAction(supervisor, caseId, accepted.version, answeredReply('REPLY-TEXT 已修复'));
  if (!replied.ok) throw new Error(`not answered: ${replied.formError ?? JSON.stringify(replied.errors)}`);
}

/** Records every SMS; can fail the first attempt of chosen messages, and hands on to another transport. */
function recordingSms(options: { failFirst?: (sms: OutgoingSms) => boolean; then?: SmsTransport } = {}) {
  const sent: OutgoingSms[] = [];
  const calls = new Map<string, number>();
  const transport: SmsTransport = {
    name: 'recording-sms',
    async send(sms) {
      const n = (calls.get(sms.id) ?? 0) + 1;
      calls.set(sms.id, n);
      if (n === 1 && options.failFirst?.(sms)) throw new Error('SMS gateway answered 503');
      sent.push(sms);
      return options.then ? await options.then.send(sms) : { duplicate: false };
    },
  };
  return { transport, sent, calls };
}

function smsFilesOf(dir: string, ids: string[]): string[] {
  const names = new Set(ids.map(smsFileName));
  return readdirSync(dir).filter((f) => names.has(f));
}

describe('a citizen with only a phone number', () => {
  it('gets one SMS file for acceptance and one for the reply (and the receipt), none by email', async () => {
    const dir = smsDir();
    const { row, receipt, submission } = await phoneOnlyCase();
    await acceptAndReply(row.id, row.version);
    const messages = await outboxFor(row.id);
    expect(messages.map((m) => [m.template, m.channel])).toEqual([
      ['case.received', 'SMS'],
      ['case.accepted', 'SMS'],
      ['case.replied', 'SMS'],
    ]);

    const mail = recordingTransport();
    await deliverDueMessages({ transport: mail.transport, sms: smsFileTransport(dir, quiet), render: RENDER, log: quiet });
    expect(mail.sent.filter((m) => messages.some((x) => x.id === m.id))).toEqual([]);
    const stored = await outboxFor(row.id);
    expect(stored.every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);

    const files = smsFilesOf(
      dir,
      messages.map((m) => m.id),
    );
    expect(files.sort()).toEqual(messages.map((m) => smsFileName(m.id)).sort());
    for (const message of messages) {
      const content = readFileSync(path.join(dir, smsFileName(message.id)), 'utf8');
      expect(content).toContain(`To: ${submission.phone}\n`);
      expect(content).toContain(`Template: ${message.template}\n`);
      expect(content).toContain(`Idempotency-Key: ${message.id}\n`);
      const text = content.split('\n\n')[1]!;
      expect(text).toContain(`http://localhost:3000/track?receipt=${receipt.receiptNo}`);
      for (const secret of [receipt.accessCode!, receipt.accessCode!.replace('-', ''), submission.subject, submission.name!, 'REPLY-TEXT'])
        expect(text, `${message.template} must not contain ${secret}`).not.toContain(secret);
    }
    const accepted = readFileSync(path.join(dir, smsFileName(messages[1]!.id)), 'utf8');
    expect(accepted).toContain('已受理');
    const replied = readFileSync(path.join(dir, smsFileName(messages[2]!.id)), 'utf8');
    expect(replied).toContain('已作出书面答复');
  });

  it('in English when they wrote in English', async () => {
    const dir = smsDir();
    const { row, receipt } = await phoneOnlyCase('en');
    const [message] = await outboxFor(row.id);
    await deliverDueMessages({ transport: recordingTransport().transport, sms: smsFileTransport(dir, quiet), render: RENDER, log: quiet });
    const text = readFileSync(path.join(dir, smsFileName(message!.id)), 'utf8').split('\n\n')[1]!;
    expect(text).toBe(
      `Petition Desk: case ${receipt.receiptNo} received; we will say within 15 days if we accept it. http://localhost:3000/track?receipt=${receipt.receiptNo}\n`,
    );
  });

  it('a retried delivery writes no second file: after a failed attempt, or after a worker died having written it', async () => {
    const dir = smsDir();
    const files = smsFileTransport(dir, quiet);
    const { row } = await phoneOnlyCase();
    const [received] = await outboxFor(row.id);
    const flaky = recordingSms({ failFirst: (sms) => sms.id === received!.id, then: files });
    const start = new Date();
    const deliver = (at: Date) =>
      deliverDueMessages({ transport: recordingTransport().transport, sms: flaky.transport, now: () => at, render: RENDER, log: quiet });

    await deliver(start);
    let stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: received!.id } });
    expect(stored).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(stored.lastError).toContain('503');
    expect(smsFilesOf(dir, [received!.id])).toEqual([]);

    await deliver(new Date(start.getTime() + 31_000));
    stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: received!.id } });
    expect(stored).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(smsFilesOf(dir, [received!.id])).toEqual([smsFileName(received!.id)]);

    // A worker that wrote the file and died before marking the message SENT: the next worker
    // sends it again, and the file outbox writes nothing more.
    await db().outboxMessage.update({ where: { id: received!.id }, data: { status: 'PENDING', nextAttemptAt: new Date(0) } });
    const before = readFileSync(path.join(dir, smsFileName(received!.id)), 'utf8');
    await deliver(new Date(start.getTime() + 62_000));
    expect(flaky.calls.get(received!.id)).toBe(3);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: received!.id } })).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(readdirSync(dir)).toEqual([smsFileName(received!.id)]);
    expect(readFileSync(path.join(dir, smsFileName(received!.id)), 'utf8')).toBe(before);
  });

  it('is set aside (DEAD), saying why, when the phone number was removed before delivery', async () => {
    const { row } = await phoneOnlyCase();
    const [message] = await outboxFor(row.id);
    await db().caseContact.update({ where: { caseId: row.id }, data: { phone: null } });
    const sms = recordingSms();
    await deliverDueMessages({ transport: recordingTransport().transport, sms: sms.transport, render: RENDER, log: quiet });
    const stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
    expect(stored).toMatchObject({
      status: 'DEAD',
      sentAt: null,
      lastError: 'undeliverable: the case has no contact phone number any more',
    });
    expect(sms.calls.get(message!.id)).toBeUndefined();
  });
});

describe('no SMS', () => {
  it('for a citizen who gave an email address (with a phone too): email as before', async () => {
    const dir = smsDir();
    const { row, submission } = await isolatedCase();
    await acceptAndReply(row.id, row.version);
    const messages = await outboxFor(row.id);
    expect(messages.map((m) => [m.template, m.channel])).toEqual([
      ['case.received', 'EMAIL'],
      ['case.accepted', 'EMAIL'],
      ['case.replied', 'EMAIL'],
    ]);
    const mail = recordingTransport();
    const sms = recordingSms({ then: smsFileTransport(dir, quiet) });
    await deliverDueMessages({ transport: mail.transport, sms: sms.transport, render: RENDER, log: quiet });
    for (const message of messages) expect(mail.sent.find((m) => m.id === message.id)?.to).toBe(submission.email);
    expect(sms.sent).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('for staff, even on a phone-only citizen’s case', async () => {
    const handler = await staffUser('HANDLER', 'human-resources');
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const { row } = await phoneOnlyCase();
    const accepted = await performCaseAction(supervisor, row.id, row.version, { action: 'accept' });
    if (!accepted.ok) throw new Error('not accepted');
    const assigned = await performCaseAction(supervisor, row.id, accepted.version, {
      action: 'assign',
      unitId: row.unitId!,
      assigneeId: handler.user.id,
    });
    if (!assigned.ok) throw new Error(`not assigned: ${assigned.formError ?? JSON.stringify(assigned.errors)}`);
    const staffMessages = (await outboxFor(row.id)).filter((m) => m.recipientType === 'STAFF');
    expect(staffMessages.length).toBeGreaterThan(0);
    expect(staffMessages.every((m) => m.channel === 'EMAIL')).toBe(true);

    const mail = recordingTransport();
    const sms = recordingSms();
    await deliverDueMessages({ transport: mail.transport, sms: sms.transport, render: RENDER, log: quiet });
    const toHandler = staffMessages.find((m) => m.staffId === handler.user.id);
    expect(mail.sent.find((m) => m.id === toHandler!.id)?.to).toBe(handler.user.email);
    expect(sms.sent.filter((s) => staffMessages.some((m) => m.id === s.id))).toEqual([]);
    // The citizen's notices went by SMS, the staff's by email.
    expect(sms.sent.map((s) => s.template).filter((t) => t.startsWith('staff.'))).toEqual([]);
  });
});

interface GatewayRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A stand-in SMS gateway on a free local port; `answer` gives the status of each request in turn. */
async function startGateway(
  answer: (n: number) => number,
): Promise<{ url: string; requests: GatewayRequest[]; close: () => Promise<void> }> {
  const requests: GatewayRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      const status = answer(requests.length);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { ok: true } : { error: 'busy' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/sms/send`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the SMS gateway', () => {
  it('receives the documented request: bearer key, idempotency key, JSON { to, text, template, params }', async () => {
    const gateway = await startGateway(() => 200);
    try {
      const { row, receipt, submission } = await phoneOnlyCase();
      const [message] = await outboxFor(row.id);
      const transport = smsGatewayTransport({ url: gateway.url, key: 'test-gateway-key', template: 'SMS_TPL_1' });
      await deliverDueMessages({ transport: recordingTransport().transport, sms: transport, render: RENDER, log: quiet });
      const request = gateway.requests.find((r) => r.headers['idempotency-key'] === message!.id);
      expect(request).toBeDefined();
      expect(request!.method).toBe('POST');
      expect(request!.url).toBe('/sms/send');
      expect(request!.headers.authorization).toBe('Bearer test-gateway-key');
      expect(request!.headers['content-type']).toBe('application/json');
      const trackLink = `http://localhost:3000/track?receipt=${receipt.receiptNo}`;
      expect(request!.body).toEqual({
        to: submission.phone,
        text: expect.stringContaining(trackLink) as unknown,
        template: 'SMS_TPL_1',
        params: { event: 'case.received', receiptNo: receipt.receiptNo, url: trackLink },
      });
      expect(JSON.stringify(request!.body)).not.toContain(receipt.accessCode!);
      expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({ status: 'SENT', attempts: 1 });
    } finally {
      await gateway.close();
    }
  });

  it('treats a non-2xx answer as a failure to retry, with the same idempotency key next time', async () => {
    const gateway = await startGateway((n) => (n === 1 ? 503 : 202));
    try {
      const { row } = await phoneOnlyCase();
      const [message] = await outboxFor(row.id);
      // First in line, so the first request the gateway sees is this message's.
      await db().outboxMessage.update({ where: { id: message!.id }, data: { nextAttemptAt: new Date(0) } });
      const transport = smsGatewayTransport({ url: gateway.url });
      const start = new Date();
      await deliverDueMessages({ transport: recordingTransport().transport, sms: transport, now: () => start, render: RENDER, log: quiet });
      let stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
      expect(stored).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null });
      expect(stored.lastError).toContain('SMS gateway answered 503');

      await deliverDueMessages({
        transport: recordingTransport().transport,
        sms: transport,
        now: () => new Date(start.getTime() + 31_000),
        render: RENDER,
        log: quiet,
      });
      stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
      expect(stored).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
      const attempts = gateway.requests.filter((r) => r.headers['idempotency-key'] === message!.id);
      expect(attempts).toHaveLength(2);
      expect(attempts.map((r) => r.body)).toEqual([attempts[0]!.body, attempts[0]!.body]);
      // Without a key or a template, no Authorization header and no template in the body.
      expect(attempts[0]!.headers.authorization).toBeUndefined();
      expect(Object.keys(attempts[0]!.body as object).sort()).toEqual(['text', 'to']);
    } finally {
      await gateway.close();
    }
  });
});
