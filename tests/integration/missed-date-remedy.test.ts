// When the office misses the date of an answer it owes, the citizen is offered a request to the body
// above it to order a correction (arts. 44, 45), quoting the receipt number, the step and its date.
import { describe, expect, it } from 'vitest';
import { remedyRequest } from '#app/features/cases/remedy.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';

const DAY = 86_400_000;

async function letterReceived(daysAgo: number) {
  const receipt = await submitCase(await validSubmission(), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    channel: 'LETTER',
    receivedAt: new Date(Date.now() - daysAgo * DAY),
  });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

describe('the remedy for a missed date', () => {
  it('is offered once the 15 days to decide on acceptance have passed, and not before', async () => {
    const late = await letterReceived(20);
    expect(await remedyRequest(late.id)).toMatchObject({
      receiptNo: late.receiptNo,
      missed: { kind: 'acceptance', dueAt: late.acceptDueAt, article: '22, 23', state: 'missed', party: 'office' },
    });
    const inTime = await letterReceived(3);
    expect(await remedyRequest(inTime.id)).toBeNull();
  });

  it('ends when the office decides, and returns if the reply is late', async () => {
    const late = await letterReceived(20);
    const clerk = await staffUser('CLERK');
    const accepted = await performCaseAction(clerk.actor, late.id, late.version, { action: 'accept' });
    expect(accepted.ok).toBe(true);
    expect(await remedyRequest(late.id)).toBeNull();
    const row = await db().case.findUniqueOrThrow({ where: { id: late.id } });
    expect(await remedyRequest(late.id, new Date(row.replyDueAt!.getTime() + DAY))).toMatchObject({ missed: { kind: 'reply' } });
  });
});
