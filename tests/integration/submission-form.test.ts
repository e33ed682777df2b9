import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD, handleSubmission } from '#app/features/cases/submit.server.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { anyCategoryId, newClientIp, newIdempotencyKey } from '../support/fixtures.ts';

async function formData(overrides: Record<string, string> = {}): Promise<FormData> {
  const form = new FormData();
  const fields: Record<string, string> = {
    idempotencyKey: newIdempotencyKey(),
    kind: 'HELP_REQUEST',
    categoryId: await anyCategoryId('housing'),
    subject: '小区电梯停运两个月',
    body: '我们小区3号楼电梯停运已两个月，老人上下楼非常困难，物业一直推诿。',
    coSignerCount: '1',
    name: '韩梅梅',
    email: 'han@example.com',
    preferredReplyChannel: 'EMAIL',
    consent: 'yes',
    ...overrides,
  };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const client = () => ({ clientIp: newClientIp(), locale: 'zh-Hans' as const });

describe('the submission form handler', () => {
  it('creates the case for a valid form', async () => {
    const form = await formData();
    const outcome = await handleSubmission(form, client());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const stored = await db().case.findUniqueOrThrow({ where: { receiptNo: outcome.receipt.receiptNo } });
    expect(stored.idempotencyKey).toBe(form.get('idempotencyKey'));
    expect(stored.preferredReplyChannel).toBe('EMAIL');
  });

  it('turns away a form whose honeypot is filled, creating nothing', async () => {
    const form = await formData({ [HONEYPOT_FIELD]: 'http://spam.example' });
    const outcome = await handleSubmission(form, client());
    expect(outcome).toMatchObject({ ok: false, status: 400, formError: 'rejected' });
    expect(await db().case.count({ where: { idempotencyKey: String(form.get('idempotencyKey')) } })).toBe(0);
  });

  it('keeps what was typed and reports field errors', async () => {
    const outcome = await handleSubmission(await formData({ subject: '', email: 'nope' }), client());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual({ subject: 'subject.required', email: 'email.invalid' });
    expect(outcome.values.body).toContain('电梯');
    expect(outcome.values.name).toBe('韩梅梅');
  });

  it('treats a category id that names no active category as no category', async () => {
    const outcome = await handleSubmission(await formData({ categoryId: randomUUID() }), client());
    expect(outcome).toMatchObject({ ok: false, errors: { categoryId: 'categoryId.required' } });
  });

  it('refuses a form without a valid idempotency key', async () => {
    const outcome = await handleSubmission(await formData({ idempotencyKey: 'short' }), client());
    expect(outcome).toMatchObject({ ok: false, formError: 'expired' });
  });

  it('rate-limits submissions per client address', async () => {
    const ip = { clientIp: newClientIp(), locale: 'en' as const };
    const limit = Number(process.env.SUBMIT_RATE_LIMIT ?? 30);
    for (let i = 0; i < limit; i++) {
      const outcome = await handleSubmission(await formData({ subject: '' }), ip);
      expect(outcome).toMatchObject({ ok: false, status: 400 });
    }
    const refused = await handleSubmission(await formData(), ip);
    expect(refused).toMatchObject({ ok: false, status: 429, formError: 'tooMany' });
  });
});

describe('retries, changed forms and the rate limit', () => {
  const bucketCount = async (clientIp: string) =>
    (await db().rateLimitBucket.findUnique({ where: { key: `submit:${clientIp}` } }))?.count ?? 0;

  it('a retry of a sent form gets its receipt even from an address at its limit, and costs nothing', async () => {
    const clientIp = newClientIp();
    const form = await formData();
    const first = await handleSubmission(form, { clientIp, locale: 'zh-Hans' });
    if (!first.ok) throw new Error('first send refused');
    const retry = await handleSubmission(form, { clientIp, locale: 'zh-Hans' });
    expect(retry).toMatchObject({ ok: true, receipt: { receiptNo: first.receipt.receiptNo, created: false } });
    expect(await bucketCount(clientIp)).toBe(1);

    // The address reaches its limit: a new letter is turned away, the retry still is not.
    await db().rateLimitBucket.update({ where: { key: `submit:${clientIp}` }, data: { count: env().SUBMIT_RATE_LIMIT } });
    expect(await handleSubmission(await formData(), { clientIp, locale: 'zh-Hans' })).toMatchObject({ ok: false, status: 429 });
    const late = await handleSubmission(form, { clientIp, locale: 'zh-Hans' });
    expect(late).toMatchObject({ ok: true, receipt: { receiptNo: first.receipt.receiptNo, created: false } });
    expect(await db().case.count({ where: { idempotencyKey: String(form.get('idempotencyKey')) } })).toBe(1);
  });

  it('the same form sent again with other words: the first letter stands, its receipt is offered, the new words come back under a fresh key', async () => {
    const clientIp = newClientIp();
    const form = await formData();
    const key = String(form.get('idempotencyKey'));
    const first = await handleSubmission(form, { clientIp, locale: 'zh-Hans' });
    if (!first.ok) throw new Error('first send refused');
    form.set('subject', '小区电梯停运两个月，物业仍未维修');
    const changed = await handleSubmission(form, { clientIp, locale: 'zh-Hans' });
    expect(changed).toMatchObject({
      ok: false,
      status: 409,
      formError: 'alreadySent',
      receipt: { receiptNo: first.receipt.receiptNo, created: false, sameContent: false },
      values: { subject: '小区电梯停运两个月，物业仍未维修' },
    });
    if (changed.ok) return;
    expect(changed.values.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(changed.values.idempotencyKey).not.toBe(key);
    expect(await db().case.findMany({ where: { idempotencyKey: key }, select: { subject: true } })).toEqual([
      { subject: '小区电梯停运两个月' },
    ]);
    // Sent again under the fresh key, it is a letter of its own.
    form.set('idempotencyKey', changed.values.idempotencyKey!);
    const second = await handleSubmission(form, { clientIp, locale: 'zh-Hans' });
    expect(second).toMatchObject({ ok: true, receipt: { created: true } });
  });
});
