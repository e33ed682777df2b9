// The transactional outbox and its delivery, against the real database: messages exist exactly
// when their change does, failed sends are retried, and two workers never send a message twice.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performCaseAction, type ActionInput } from '#app/features/cases/staff-actions.server.ts';
import { DEFAULT_LEASE_MS, claimDueMessages, deliverBatch, deliverDueMessages } from '#app/features/notifications/delivery.server.ts';
import { queueCitizenMessage, queueStaffMessages } from '#app/features/notifications/outbox.server.ts';
import { MAX_DELIVERY_ATTEMPTS } from '#app/features/notifications/topics.ts';
import { fileTransport, type MailTransport } from '#app/features/notifications/transport.server.ts';
import { db } from '#app/platform/db.server.ts';
import { parseEml } from '../support/eml.ts';
import { staffUser } from '../support/fixtures.ts';
import { parkOtherSuitesMessages } from '../support/notifications-isolation.ts';
import { isolatedCase, outboxFor, recordingTransport } from '../support/notifications.ts';
import { answeredReply } from '../support/replies.ts';

const dirs: string[] = [];
function outboxDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-outbox-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
beforeAll(parkOtherSuitesMessages);

const SETTINGS = { from: 'Petition Desk <no-reply@example.gov.cn>', baseUrl: 'http://localhost:3000' };
const quiet = () => {};

describe('the outbox is written in the same transaction as its change', () => {
  it('a transaction that fails after queuing a message leaves no message', async () => {
    const { row } = await isolatedCase();
    const key = `case.accepted:${row.id}:rollback-probe`;
    let insideCount = -1;
    await expect(
      db().$transaction(async (tx) => {
        expect(await queueCitizenMessage(tx, row.id, 'case.accepted', 'rollback-probe')).toBe(1);
        insideCount = await tx.outboxMessage.count({ where: { dedupeKey: key } });
        throw new Error('the change fails after its message was queued');
      }),
    ).rejects.toThrow('the change fails');
    expect(insideCount).toBe(1);
    expect(await db().outboxMessage.count({ where: { dedupeKey: key } })).toBe(0);
  });

  it('a staff action commits its message with it, and a failed write of the message undoes the action', async () => {
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const committed = await isolatedCase({ locale: 'en' });
    await performCaseAction(supervisor, committed.row.id, committed.row.version, { action: 'accept' });
    const messages = await outboxFor(committed.row.id);
    expect(messages.map((m) => m.template)).toEqual(['case.received', 'case.accepted']);
    const accepted = messages[1]!;
    expect(accepted).toMatchObject({
      recipientType: 'CITIZEN',
      status: 'PENDING',
      locale: 'en',
      dedupeKey: `case.accepted:${committed.row.id}:v1`,
    });
    // The address is looked up at delivery; the outbox holds none.
    expect(JSON.stringify(accepted)).not.toContain(committed.submission.email!);

    // Make the message insert fail for one case only: the whole action must roll back with it.
    const failing = await isolatedCase();
    await db().$executeRawUnsafe(`
      CREATE FUNCTION pd_test_refuse_outbox() RETURNS trigger AS $$
      BEGIN
        IF NEW."caseId" = '${failing.row.id}' AND NEW."template" = 'case.accepted' THEN
          RAISE EXCEPTION 'outbox insert refused by test';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER pd_test_refuse_outbox BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION pd_test_refuse_outbox()`,
    );
    try {
      await expect(performCaseAction(supervisor, failing.row.id, failing.row.version, { action: 'accept' })).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER pd_test_refuse_outbox ON "OutboxMessage"`);
      await db().$executeRawUnsafe(`DROP FUNCTION pd_test_refuse_outbox()`);
    }
    const after = await db().case.findUniqueOrThrow({ where: { id: failing.row.id } });
    expect(after.status).toBe('SUBMITTED');
    expect(after.version).toBe(failing.row.version);
    expect(await db().caseEvent.count({ where: { caseId: failing.row.id, type: 'ACCEPTED' } })).toBe(0);
    expect((await outboxFor(failing.row.id)).map((m) => m.template)).toEqual(['case.received']);
  });
});

describe('delivery', () => {
  it('retries a failed send after a delay, then sends it (attempts 2, SENT, one .eml)', async () => {
    const dir = outboxDir();
    const { row } = await isolatedCase({ locale: 'zh-Hant' });
    const [message] = await outboxFor(row.id);
    const flaky = recordingTransport({ failFirst: (mail) => mail.id === message!.id, then: fileTransport(dir, SETTINGS, quiet) });
    const start = new Date();

    await deliverDueMessages({ transport: flaky.transport, now: () => start, log: quiet });
    let stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
    expect(stored).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null });
    expect(stored.lastError).toContain('SMTP 451');
    expect(stored.nextAttemptAt.getTime()).toBe(start.getTime() + 30_000);
    expect(readdirSync(dir)).not.toContain(`${message!.id}.eml`);

    // Not due yet: nothing happens before the delay has passed.
    await deliverDueMessages({ transport: flaky.transport, now: () => new Date(start.getTime() + 10_000), log: quiet });
    expect(flaky.calls.get(message!.id)).toBe(1);

    await deliverDueMessages({ transport: flaky.transport, now: () => new Date(start.getTime() + 31_000), log: quiet });
    stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
    expect(stored).toMatchObject({ status: 'SENT', attempts: 2, lastError: null, lockedUntil: null });
    expect(stored.sentAt).not.toBeNull();
    expect(flaky.calls.get(message!.id)).toBe(2);
    expect(readdirSync(dir).filter((f) => f.startsWith(message!.id))).toEqual([`${message!.id}.eml`]);
  });

  it('two workers delivering at once send each message exactly once', async () => {
    const dir = outboxDir();
    const cases = await Promise.all(Array.from({ length: 8 }, () => isolatedCase()));
    const ids = (await db().outboxMessage.findMany({ where: { caseId: { in: cases.map((c) => c.row.id) } }, select: { id: true } })).map(
      (m) => m.id,
    );
    expect(ids).toHaveLength(8);
    const files = fileTransport(dir, SETTINGS, quiet);
    const recorder = recordingTransport({ delayMs: 15, then: files });

    const reports = await Promise.all([
      deliverDueMessages({ transport: recorder.transport, batchSize: 2, log: quiet }),
      deliverDueMessages({ transport: recorder.transport, batchSize: 2, log: quiet }),
    ]);

    for (const id of ids) expect(recorder.calls.get(id), id).toBe(1);
    expect(readdirSync(dir).filter((f) => ids.some((id) => f === `${id}.eml`))).toHaveLength(8);
    const stored = await db().outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(stored.every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);
    // Both workers took part (each claimed a share of the batches).
    expect(reports.every((r) => r.claimed > 0)).toBe(true);
  });

  it('a message whose worker died mid-send is taken over after its lease, without a second file', async () => {
    const dir = outboxDir();
    const files = fileTransport(dir, SETTINGS, quiet);
    const { row } = await isolatedCase();
    const [message] = await outboxFor(row.id);
    const now = new Date();
    // A worker claims everything due, writes this message's file, and dies before marking it SENT.
    const claimed = await claimDueMessages(now, 500);
    expect(claimed.map((m) => m.id)).toContain(message!.id);
    await files.send({ id: message!.id, to: 'x@example.com', subject: 's', text: 't', html: '<p>t</p>', template: 'case.received' });
    // Release the rest so the other tests' messages are not held by the dead worker.
    await db().outboxMessage.updateMany({
      where: { id: { in: claimed.map((m) => m.id).filter((id) => id !== message!.id) } },
      data: { status: 'PENDING', lockedUntil: null },
    });

    // While the lease holds, nobody else takes it.
    const early = recordingTransport({ then: files });
    await deliverDueMessages({ transport: early.transport, now: () => new Date(now.getTime() + DEFAULT_LEASE_MS - 1000), log: quiet });
    expect(early.calls.get(message!.id)).toBeUndefined();

    // The lease is short (the dead worker renews nothing), so the message waits seconds, not minutes.
    const late = recordingTransport({ then: files });
    await deliverDueMessages({ transport: late.transport, now: () => new Date(now.getTime() + DEFAULT_LEASE_MS + 1000), log: quiet });
    expect(late.calls.get(message!.id)).toBe(1);
    const stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
    expect(stored).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(readdirSync(dir)).toEqual([`${message!.id}.eml`]);
  });

  it('a live worker renews its claims, so a send slower than the lease is not taken over', async () => {
    const { row } = await isolatedCase();
    const [message] = await outboxFor(row.id);
    // First in line, so a batch of one claims it.
    await db().outboxMessage.update({ where: { id: message!.id }, data: { nextAttemptAt: new Date(0) } });
    const leaseMs = 600;
    let takenMeanwhile: string[] = [];
    const slow: MailTransport = {
      name: 'slow',
      async send() {
        // Three leases long; meanwhile another worker looks for lapsed claims.
        await new Promise((resolve) => setTimeout(resolve, 3 * leaseMs));
        takenMeanwhile = (await claimDueMessages(new Date(), 1, leaseMs)).map((m) => m.id);
        await db().outboxMessage.updateMany({ where: { id: { in: takenMeanwhile } }, data: { status: 'PENDING', lockedUntil: null } });
        return { duplicate: false };
      },
    };
    const report = await deliverBatch({ transport: slow, leaseMs, batchSize: 1, log: quiet });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(takenMeanwhile).not.toContain(message!.id);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('sets a message aside (DEAD) after the last attempt fails', async () => {
    const { row } = await isolatedCase();
    const [message] = await outboxFor(row.id);
    await db().outboxMessage.update({ where: { id: message!.id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
    const failing = recordingTransport({ failFirst: (mail) => mail.id === message!.id });
    await deliverDueMessages({ transport: failing.transport, log: quiet });
    const stored = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } });
    expect(stored).toMatchObject({ status: 'DEAD', attempts: MAX_DELIVERY_ATTEMPTS });
    expect(stored.lastError).toContain('SMTP 451');
  });

  it('marks a message DEAD, saying why, when its recipient has no address any more', async () => {
    const { row } = await isolatedCase();
    const [citizenMessage] = await outboxFor(row.id);
    await db().caseContact.update({ where: { caseId: row.id }, data: { email: null } });

    const handler = await staffUser('HANDLER', 'human-resources');
    await db().$transaction((tx) =>
      queueStaffMessages(
        tx,
        [{ id: handler.user.id, mutedNotifications: [] }],
        'assignment',
        'staff.assigned',
        `${row.id}:deactivated-probe`,
        { caseId: row.id },
      ),
    );
    await db().staffUser.update({ where: { id: handler.user.id }, data: { active: false } });

    const recorder = recordingTransport();
    await deliverDueMessages({ transport: recorder.transport, log: quiet });
    const stored = await outboxFor(row.id);
    expect(stored.find((m) => m.id === citizenMessage!.id)).toMatchObject({ status: 'DEAD', sentAt: null, attempts: 1 });
    expect(stored.find((m) => m.id === citizenMessage!.id)?.lastError).toBe(
      'undeliverable: the case has no contact email address any more',
    );
    const staffMessage = stored.find((m) => m.template === 'staff.assigned');
    expect(staffMessage).toMatchObject({ status: 'DEAD', sentAt: null });
    expect(staffMessage?.lastError).toBe('undeliverable: the staff account is deactivated');
    expect(recorder.calls.get(citizenMessage!.id)).toBeUndefined();
  });
});

describe('what the messages say', () => {
  for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    it(`citizen messages in ${locale} name the receipt and never the access code or contact details`, async () => {
      const supervisor = (await staffUser('SUPERVISOR')).actor;
      const handler = await staffUser('HANDLER', 'human-resources');
      const main = await isolatedCase({ locale });
      const declined = await isolatedCase({ locale });
      const forwarded = await isolatedCase({ locale });
      // Each step must go through; the next one is taken on the version it made.
      const step = async (version: number, input: ActionInput) => {
        const done = await performCaseAction(supervisor, main.row.id, version, input);
        if (!done.ok) throw new Error(`refused: ${done.formError ?? JSON.stringify(done.errors)}`);
        return done.version;
      };
      let v = main.row.version;
      v = await step(v, { action: 'accept' });
      v = await step(v, { action: 'assign', unitId: main.row.unitId!, assigneeId: handler.user.id });
      v = await step(v, { action: 'extend', days: 20, reason: 'EXTENSION-REASON 需要现场勘查' });
      await performCaseAction(supervisor, main.row.id, v, answeredReply('REPLY-TEXT 已经补发工资'));
      await performCaseAction(supervisor, declined.row.id, declined.row.version, {
        action: 'decline',
        reason: 'OTHER',
        detail: 'DECLINE-REASON 已进入诉讼',
        referral: 'REFERRAL 请咨询法院',
      });
      await performCaseAction(supervisor, forwarded.row.id, forwarded.row.version, {
        action: 'forward',
        agency: 'AGENCY 市水务局',
        message: '',
      });

      const recorder = recordingTransport();
      await deliverDueMessages({ transport: recorder.transport, log: quiet });
      const outbox = await db().outboxMessage.findMany({ where: { caseId: { in: [main.row.id, declined.row.id, forwarded.row.id] } } });
      const byTemplate = (caseId: string, template: string) => {
        const id = outbox.find((m) => m.caseId === caseId && m.template === template)?.id;
        const mail = recorder.sent.find((m) => m.id === id);
        if (!mail) throw new Error(`no ${template} mail for ${caseId}`);
        return mail;
      };
      const citizenMails = [
        ...['case.received', 'case.accepted', 'case.extended', 'case.replied'].map((t) => byTemplate(main.row.id, t)),
        byTemplate(declined.row.id, 'case.declined'),
        byTemplate(forwarded.row.id, 'case.forwarded'),
      ];
      for (const mail of citizenMails) {
        const c = [main, declined, forwarded].find((x) => mail.subject.includes(x.receipt.receiptNo));
        expect(c, mail.subject).toBeDefined();
        expect(mail.to).toBe(c!.submission.email);
        const shown = `${mail.subject}\n${mail.text}\n${mail.html}`;
        expect(shown).toContain(`/track?receipt=${c!.receipt.receiptNo}`);
        expect(shown).toContain(c!.submission.subject);
        for (const secret of [
          c!.receipt.accessCode!,
          c!.receipt.accessCode!.replace('-', ''),
          c!.submission.name!,
          c!.submission.phone!,
          c!.submission.email!,
        ]) {
          expect(shown, `${mail.template} must not contain ${secret}`).not.toContain(secret);
        }
      }
      expect(byTemplate(main.row.id, 'case.extended').text).toContain('EXTENSION-REASON');
      expect(byTemplate(declined.row.id, 'case.declined').text).toContain('DECLINE-REASON');
      expect(byTemplate(declined.row.id, 'case.declined').text).toContain('REFERRAL');
      expect(byTemplate(forwarded.row.id, 'case.forwarded').text).toContain('AGENCY');
      // The reply itself is read on the track page, behind the access code.
      expect(byTemplate(main.row.id, 'case.replied').text).not.toContain('REPLY-TEXT');

      // Staff hear of the assignment with a link to the case, and nothing personal about the citizen.
      const assigned = byTemplate(main.row.id, 'staff.assigned');
      expect(assigned.to).toBe(handler.user.email);
      expect(assigned.text).toContain(`/office/cases/${main.row.id}`);
      expect(assigned.text).toContain(main.receipt.receiptNo);
      for (const personal of [
        main.submission.name!,
        main.submission.phone!,
        main.submission.email!,
        main.submission.body,
        main.submission.subject,
      ]) {
        expect(`${assigned.subject}\n${assigned.text}\n${assigned.html}`).not.toContain(personal);
      }
    });
  }
});

describe('the .eml files', () => {
  it('are real RFC 822 messages with the citizen’s language and the track link', async () => {
    const dir = outboxDir();
    const { row, receipt, submission } = await isolatedCase({ locale: 'en' });
    const [message] = await outboxFor(row.id);
    await deliverDueMessages({ transport: fileTransport(dir, SETTINGS, quiet), log: quiet });
    const raw = readFileSync(path.join(dir, `${message!.id}.eml`), 'utf8');
    const eml = parseEml(raw);
    expect(eml.headers.get('message-id')).toBe(`<${message!.id}@localhost>`);
    expect(eml.headers.get('to')).toBe(submission.email);
    expect(eml.headers.get('x-petition-desk-template')).toBe('case.received');
    expect(eml.subject).toBe(`We have received your letter ${receipt.receiptNo}`);
    expect(eml.text).toContain(`http://localhost:3000/track?receipt=${receipt.receiptNo}`);
    expect(eml.text).toContain(submission.subject);
    expect(eml.html).toContain(`<a href="http://localhost:3000/track?receipt=${receipt.receiptNo}">`);
    expect(raw).not.toContain(receipt.accessCode!);
    expect(eml.text).not.toContain(receipt.accessCode!);
  });
});
