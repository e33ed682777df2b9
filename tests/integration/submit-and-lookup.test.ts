import { describe, expect, it } from 'vitest';
import { parseAccessCode, formatAccessCode } from '#app/features/cases/access-code.ts';
import { findCaseByReceiptAndCode, lookUpCase, publicCaseView } from '#app/features/cases/lookup.server.ts';
import { parseReceiptNo } from '#app/features/cases/receipt.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newClientIp, newIdempotencyKey, validSubmission } from '../support/fixtures.ts';

describe('submitting a case and looking it up', () => {
  it('stores the case, its contact apart, a public SUBMITTED event, and never the access code', async () => {
    const submission = await validSubmission();
    const receipt = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    expect(receipt.created).toBe(true);
    expect(receipt.receiptNo).toMatch(/^XF-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.accessCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    const stored = await db().case.findUniqueOrThrow({
      where: { receiptNo: receipt.receiptNo },
      include: { contact: true, events: true },
    });
    expect(stored.status).toBe('SUBMITTED');
    expect(stored.channel).toBe('ONLINE');
    expect(stored.citizenLocale).toBe('zh-Hans');
    expect(stored.acceptDueAt.getTime()).toBe(receipt.acceptDueAt.getTime());
    expect(stored.nextDueAt?.getTime()).toBe(receipt.acceptDueAt.getTime());
    expect(stored.accessCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).not.toContain(
      receipt.accessCode,
    );
    expect(stored.contact).toMatchObject({ name: '李雷', phone: submission.phone, email: submission.email });
    expect(submission.phone).toMatch(/^138\d{8}$/);
    expect(stored.contact?.phoneFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.events).toHaveLength(1);
    expect(stored.events[0]).toMatchObject({ type: 'SUBMITTED', visibility: 'PUBLIC', toStatus: 'SUBMITTED' });
    // The case is routed to its category's default unit from the start.
    const category = await db().category.findUniqueOrThrow({ where: { id: stored.categoryId } });
    expect(stored.unitId).toBe(category.defaultUnitId);
  });

  it('finds the case by receipt number and access code however the citizen types them', async () => {
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const typedReceipt = parseReceiptNo(` ${receipt.receiptNo.toLowerCase().replace(/-/g, ' ')} `);
    const typedCode = parseAccessCode(receipt.accessCode!.toLowerCase().replace(/(.{5})/, '$1-'));
    expect(typedReceipt).toBe(receipt.receiptNo);
    const caseId = await findCaseByReceiptAndCode(typedReceipt!, typedCode!);
    expect(caseId).not.toBeNull();

    const view = await publicCaseView(caseId!);
    expect(view).toMatchObject({ receiptNo: receipt.receiptNo, status: 'SUBMITTED', kind: 'COMPLAINT', reply: null });
    expect(view!.timeline.map((event) => event.type)).toEqual(['SUBMITTED']);
  });

  it('shows the citizen only public events and the latest published reply', async () => {
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const caseId = (await findCaseByReceiptAndCode(receipt.receiptNo, receipt.accessCode!))!;
    await db().caseEvent.createMany({
      data: [
        { caseId, type: 'NOTE', visibility: 'INTERNAL', actorType: 'STAFF', message: 'internal: call the employer first' },
        { caseId, type: 'REPLY_PUBLISHED', visibility: 'PUBLIC', actorType: 'STAFF', message: 'The wages were paid on 1 December.' },
      ],
    });
    const view = (await publicCaseView(caseId))!;
    expect(view.timeline.map((event) => event.type)).toEqual(['SUBMITTED', 'REPLY_PUBLISHED']);
    expect(JSON.stringify(view)).not.toContain('internal: call the employer first');
    expect(view.reply?.message).toBe('The wages were paid on 1 December.');
  });
});

describe('a wrong or unknown pair', () => {
  it('gets the same answer whether the code or the receipt number is wrong', async () => {
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const code = receipt.accessCode!;
    const wrongCode = `${code.slice(0, 9)}${code.endsWith('0') ? '1' : '0'}`;
    expect(await findCaseByReceiptAndCode(receipt.receiptNo, wrongCode)).toBeNull();

    const other = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    // A real receipt with another case's code, and an unknown receipt with a real code.
    expect(await findCaseByReceiptAndCode(other.receiptNo, code)).toBeNull();
    expect(await findCaseByReceiptAndCode('XF-2611-0000-0000', code)).toBeNull();
  });
});

describe('an anonymous report of misconduct', () => {
  it('is stored with no contact details at all and can be tracked by receipt and code alone', async () => {
    const submission = await validSubmission({
      kind: 'MISCONDUCT_REPORT',
      anonymous: true,
      name: null,
      phone: null,
      email: null,
      subject: '某所长收受好处费',
      body: '某派出所所长多次收受商户好处费，时间地点如下……',
    });
    const receipt = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const stored = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo }, include: { contact: true } });
    expect(stored.anonymous).toBe(true);
    expect(stored.contact).toBeNull();
    const caseId = await findCaseByReceiptAndCode(receipt.receiptNo, receipt.accessCode!);
    expect(caseId).toBe(stored.id);
  });
});

describe('the /track form (lookUpCase)', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it('opens the case for the pair as printed on the receipt, and never sends the code back', async () => {
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const caseId = await findCaseByReceiptAndCode(receipt.receiptNo, receipt.accessCode!);
    const typed = { receiptNo: receipt.receiptNo.toLowerCase(), accessCode: formatAccessCode(receipt.accessCode!) };
    expect(await lookUpCase(form(typed), newClientIp())).toEqual({ ok: true, caseId });
    const wrong = await lookUpCase(form({ ...typed, accessCode: 'ABCDE-12345' }), newClientIp());
    expect(wrong).toEqual({ ok: false, status: 400, errors: { receiptNo: 'noMatch' }, values: { receiptNo: typed.receiptNo } });
  });

  it('asks for both, before counting an attempt', async () => {
    const ip = newClientIp();
    expect(await lookUpCase(form({ receiptNo: 'XF-2611-0000-0000' }), ip)).toMatchObject({
      ok: false,
      status: 400,
      errors: { receiptNo: 'missing' },
    });
    expect(await lookUpCase(form({ receiptNo: ' ', accessCode: 'x' }), ip)).toMatchObject({ errors: { receiptNo: 'missing' } });
  });

  it('slows guessing down per address: past the limit, every attempt is refused with 429', async () => {
    const ip = newClientIp();
    const limit = Number(process.env.LOOKUP_RATE_LIMIT ?? 10);
    const attempt = () => lookUpCase(form({ receiptNo: 'not a receipt', accessCode: 'not a code' }), ip);
    for (let i = 0; i < limit; i++) expect(await attempt()).toMatchObject({ status: 400, errors: { receiptNo: 'noMatch' } });
    expect(await attempt()).toMatchObject({ ok: false, status: 429, errors: { receiptNo: 'tooMany' } });
  });
});
