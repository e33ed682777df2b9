// Retention periods against real PostgreSQL (PIPL art. 19): the worker's run, with the clock moved
// to just before and just after each period, removes the personal data and keeps the case, its
// events and the counts. The rows are dated in 2015 so that a run at a 2015–2018 clock touches
// nothing that other test files, running beside this one, create today.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newStorageKey, storage } from '#app/features/attachments/storage/storage.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { runRetention } from '#app/jobs/retention.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';

const CLOSED = new Date('2015-06-01T00:00:00Z');
const at = (iso: string) => new Date(iso);

async function closedCaseWithFile() {
  const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  const c = await db().case.update({ where: { receiptNo: receipt.receiptNo }, data: { status: 'CLOSED', closedAt: CLOSED } });
  const storageKey = newStorageKey(CLOSED);
  await storage().put(storageKey, new TextEncoder().encode('工资条扫描件'));
  const file = await db().attachment.create({
    data: {
      caseId: c.id,
      storageKey,
      fileName: '工资条.txt',
      contentType: 'text/plain',
      sizeBytes: 18,
      sha256: randomBytes(32).toString('hex'),
      uploadedBy: 'CITIZEN',
    },
  });
  return { c, file };
}

async function oldBooking() {
  const day = await db().receptionDay.create({
    data: {
      date: at('2015-06-01T00:00:00Z'),
      placeZhHans: '接待室',
      placeZhHant: '接待室',
      placeEn: 'Reception room',
      officialZhHans: '区长',
      officialZhHant: '區長',
      officialEn: 'District head',
      published: true,
      slots: { create: [{ startsAt: at('2015-06-01T01:00:00Z'), endsAt: at('2015-06-01T01:30:00Z'), capacity: 3 }] },
    },
    include: { slots: true },
  });
  return await db().appointment.create({
    data: {
      reference: `R-${randomBytes(4).toString('hex')}`,
      cancelCodeHash: randomBytes(16).toString('hex'),
      slotId: day.slots[0]!.id,
      name: '张三',
      phone: '13900001111',
      topic: '征地补偿',
    },
  });
}

describe('the worker removes personal data when its period ends', () => {
  it('contact details and files of a closed case: kept until 3 years after closing, then gone; the case and its history stay', async () => {
    const { c, file } = await closedCaseWithFile();
    // An open case is never touched (its contact details are needed to answer it).
    const open = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const eventsBefore = await db().caseEvent.count({ where: { caseId: c.id } });

    await runRetention(at('2018-05-31T00:00:00Z'));
    expect((await db().caseContact.findUniqueOrThrow({ where: { caseId: c.id } })).name).toBe('李雷');
    expect(await db().attachment.count({ where: { id: file.id } })).toBe(1);

    const report = await runRetention(at('2018-06-02T00:00:00Z'));
    expect(report.contacts).toBeGreaterThanOrEqual(1);
    expect(report.attachments).toBeGreaterThanOrEqual(1);
    const contact = await db().caseContact.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(contact).toMatchObject({
      name: '',
      phone: null,
      email: null,
      postalAddress: null,
      phoneFingerprint: null,
      emailFingerprint: null,
    });
    expect(contact.anonymisedAt).toEqual(at('2018-06-02T00:00:00Z'));
    expect(await db().attachment.count({ where: { id: file.id } })).toBe(0);
    expect(await storage().get(file.storageKey)).toBeNull();
    // The case, its text and its history stay, with one more (internal) event.
    const kept = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([kept.status, kept.subject]).toEqual(['CLOSED', c.subject]);
    expect(await db().caseEvent.count({ where: { caseId: c.id } })).toBe(eventsBefore + 1);
    const erased = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'PERSONAL_DATA_ERASED' } });
    expect(erased.visibility).toBe('INTERNAL');

    const openCase = await db().case.findUniqueOrThrow({ where: { receiptNo: open.receiptNo }, include: { contact: true } });
    expect(openCase.contact?.anonymisedAt).toBeNull();
    // A second run finds nothing more to do for it.
    await runRetention(at('2018-06-03T00:00:00Z'));
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: 'PERSONAL_DATA_ERASED' } })).toBe(1);
  });

  it("the citizen's details in their own letter are masked before the contact details go, and no longer find the case", async () => {
    const letter = await validSubmission({ name: '韩梅梅', subject: '韩梅梅反映拖欠工资' });
    const body = `我是韩梅梅，电话 ${letter.phone}，身份证号 11010519491231002X。公司拖欠工资三个月。`;
    const receipt = await submitCase({ ...letter, body }, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const c = await db().case.update({ where: { receiptNo: receipt.receiptNo }, data: { status: 'CLOSED', closedAt: CLOSED } });
    const tokensOf = async () =>
      (
        await db().$queryRaw<
          { token: string }[]
        >`SELECT unnest(tsvector_to_array("searchVector")) AS "token" FROM "Case" WHERE "id" = ${c.id}::uuid`
      ).map((row) => row.token);
    expect(await tokensOf()).toContain('梅梅');

    await runRetention(at('2018-06-02T00:00:00Z'));
    const kept = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(kept.subject).toBe('［姓名已隐去］反映拖欠工资');
    expect(kept.body).not.toMatch(/韩梅梅|11010519491231002X/);
    expect(kept.body).not.toContain(letter.phone ?? '');
    expect(kept.body).toContain('公司拖欠工资三个月。');
    expect(await tokensOf()).not.toContain('梅梅');
    const erased = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'PERSONAL_DATA_ERASED' } });
    expect(erased.data).toMatchObject({ contact: true, maskedInLetter: 4 });
  });

  it("a completion report's documents go with the case's other files; the report itself stays", async () => {
    const { c, file } = await closedCaseWithFile();
    const { user } = await staffUser('HANDLER', 'housing');
    const report = await db().completionReport.create({
      data: { caseId: c.id, unitId: user.unitId, authorId: user.id, findings: '已办结。', createdAt: CLOSED },
    });
    await db().attachment.update({
      where: { id: file.id },
      data: { purpose: 'completionReport', completionReportId: report.id, uploadedBy: 'STAFF', uploadedById: user.id },
    });
    await runRetention(at('2018-05-31T00:00:00Z'));
    expect(await db().attachment.count({ where: { id: file.id } })).toBe(1);
    await runRetention(at('2018-06-02T00:00:00Z'));
    expect(await db().attachment.count({ where: { id: file.id } })).toBe(0);
    expect(await storage().get(file.storageKey)).toBeNull();
    expect(await db().completionReport.count({ where: { id: report.id } })).toBe(1);
  });

  it("a booking's name and phone: kept 90 days after the day, then cleared; the booking stays", async () => {
    const booking = await oldBooking();
    await runRetention(at('2015-08-29T00:00:00Z'));
    expect((await db().appointment.findUniqueOrThrow({ where: { id: booking.id } })).name).toBe('张三');
    await runRetention(at('2015-09-01T00:00:00Z'));
    const after = await db().appointment.findUniqueOrThrow({ where: { id: booking.id } });
    expect([after.name, after.phone, after.topic, after.reference]).toEqual([null, null, null, booking.reference]);
  });

  it('rate-limit counters (1 day) and ended staff sessions (30 days) are deleted; one audit entry a run with the counts', async () => {
    const key = `retention-test:${randomUUID()}`;
    await db().rateLimitBucket.create({
      data: { key, windowStart: at('2015-05-31T23:00:00Z'), count: 3, expiresAt: at('2015-06-01T00:00:00Z') },
    });
    const { user } = await staffUser('CLERK');
    const session = await db().staffSession.create({
      data: { tokenHash: randomBytes(32).toString('hex'), userId: user.id, expiresAt: at('2015-06-01T00:00:00Z'), ipAddress: '10.0.0.1' },
    });

    await runRetention(at('2015-06-01T12:00:00Z'));
    expect(await db().rateLimitBucket.count({ where: { key } })).toBe(1);
    expect(await db().staffSession.count({ where: { id: session.id } })).toBe(1);

    const first = await runRetention(at('2015-06-02T12:00:00Z'));
    expect(first.rateLimits).toBeGreaterThanOrEqual(1);
    expect(await db().rateLimitBucket.count({ where: { key } })).toBe(0);
    expect(await db().staffSession.count({ where: { id: session.id } })).toBe(1);

    const run = at('2015-07-02T00:00:00Z');
    const second = await runRetention(run);
    expect(second.sessions).toBeGreaterThanOrEqual(1);
    expect(await db().staffSession.count({ where: { id: session.id } })).toBe(0);
    const entries = await db().auditLog.findMany({ where: { action: 'retention.purged' }, orderBy: { id: 'desc' }, take: 20 });
    const mine = entries.find((e) => JSON.stringify(e.details).includes(run.toISOString()));
    expect(mine?.details).toMatchObject({ sessions: second.sessions, rateLimits: second.rateLimits, contacts: second.contacts });
  });
});
