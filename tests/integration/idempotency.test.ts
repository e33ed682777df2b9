import { describe, expect, it } from 'vitest';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, validSubmission } from '../support/fixtures.ts';

describe('idempotent submission', () => {
  it('a retried POST gives one case, the same receipt and the same access code', async () => {
    const key = newIdempotencyKey();
    const submission = await validSubmission();
    const first = await submitCase(submission, { idempotencyKey: key, locale: 'en' });
    const retry = await submitCase(submission, { idempotencyKey: key, locale: 'en' });
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.receiptNo).toBe(first.receiptNo);
    expect(retry.accessCode).toBe(first.accessCode);
    expect(await db().case.count({ where: { idempotencyKey: key } })).toBe(1);
    const caseRow = await db().case.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(await db().caseEvent.count({ where: { caseId: caseRow.id } })).toBe(1);
  });

  it('a double click (two concurrent POSTs) gives one case and one receipt', async () => {
    const key = newIdempotencyKey();
    const submission = await validSubmission();
    const results = await Promise.all(Array.from({ length: 6 }, () => submitCase(submission, { idempotencyKey: key, locale: 'en' })));
    expect(new Set(results.map((r) => r.receiptNo)).size).toBe(1);
    expect(new Set(results.map((r) => r.accessCode)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().case.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await db().caseContact.count({ where: { case: { idempotencyKey: key } } })).toBe(1);
  });

  it('does not show the access code again once the replay window has passed', async () => {
    const key = newIdempotencyKey();
    const submission = await validSubmission();
    const sent = new Date();
    const first = await submitCase(submission, { idempotencyKey: key, locale: 'en', now: sent });
    const dayLater = new Date(sent.getTime() + 25 * 60 * 60 * 1000);
    const late = await submitCase(submission, { idempotencyKey: key, locale: 'en', now: dayLater });
    expect(late.receiptNo).toBe(first.receiptNo);
    expect(late.accessCode).toBeNull();
  });

  it('different forms give different receipts and codes', async () => {
    const submission = await validSubmission();
    const a = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const b = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    expect(a.receiptNo).not.toBe(b.receiptNo);
    expect(a.accessCode).not.toBe(b.accessCode);
  });
});
