import { describe, expect, it } from 'vitest';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { newIdempotencyKey, validSubmission } from '../support/fixtures.ts';
import { runScript } from '../support/run-script.ts';

describe('case history is append-only', () => {
  it('rejects UPDATE and DELETE of a CaseEvent in the database itself', async () => {
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const event = await db().caseEvent.findFirstOrThrow({ where: { case: { receiptNo: receipt.receiptNo } } });
    await expect(db().caseEvent.update({ where: { id: event.id }, data: { message: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(db().caseEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    const again = await db().caseEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(again.message).toBeNull();
  });
});

describe('rate limits kept in PostgreSQL', () => {
  it('allows up to the limit in a window, refuses the next, and starts afresh in the next window', async () => {
    const key = `test:${newIdempotencyKey()}`;
    const start = new Date('2026-11-23T10:00:00Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(key, 3, 600, start));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(600);
    const nextWindow = await consumeRateLimit(key, 3, 600, new Date(start.getTime() + 600_000));
    expect(nextWindow.allowed).toBe(true);
  });

  it('counts concurrent requests exactly', async () => {
    const key = `test:${newIdempotencyKey()}`;
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(key, 5, 600, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});

describe('migrations and schema', () => {
  it('prisma/migrations produce exactly prisma/schema.prisma (no drift)', () => {
    const result = runScript('scripts/db-check-drift.ts', { DATABASE_URL: '' });
    expect(result.output).toContain('migrations and schema agree');
    expect(result.status).toBe(0);
  });
});
