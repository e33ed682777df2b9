// Helpers for the notification tests: cases that stay out of each other's clusters and repeats,
// and transports that record what they are asked to send.
import { randomBytes } from 'node:crypto';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, validSubmission } from './fixtures.ts';
import type { Submission } from '#app/features/cases/submission.ts';
import type { MailTransport, OutgoingMail, SendResult } from '#app/features/notifications/transport.server.ts';

/**
 * A case of its own: a unique area keeps it out of other cases' clusters, and a unique phone and
 * email keep it from counting as a repeat, so its warning level depends only on what a test sets.
 */
export async function isolatedCase(options: { locale?: string; now?: Date; overrides?: Partial<Submission> } = {}) {
  const token = randomBytes(5).toString('hex');
  const submission = await validSubmission({
    area: `测试区-${token}`,
    email: `citizen-${token}@example.com`,
    phone: `139${String(parseInt(token.slice(0, 8), 16) % 1e8).padStart(8, '0')}`,
    ...options.overrides,
  });
  const receipt = await submitCase(submission, {
    idempotencyKey: newIdempotencyKey(),
    locale: options.locale ?? 'zh-Hans',
    now: options.now,
    receivedAt: options.now,
  });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  return { row, receipt, submission };
}

/** Records every mail and can fail or slow down on purpose; optionally hands on to another transport. */
export function recordingTransport(options: { failFirst?: (mail: OutgoingMail) => boolean; delayMs?: number; then?: MailTransport } = {}) {
  const sent: OutgoingMail[] = [];
  const calls = new Map<string, number>();
  const transport: MailTransport = {
    name: 'recording',
    async send(mail): Promise<SendResult> {
      const n = (calls.get(mail.id) ?? 0) + 1;
      calls.set(mail.id, n);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (n === 1 && options.failFirst?.(mail)) throw new Error('SMTP 451: try again later');
      sent.push(mail);
      return options.then ? await options.then.send(mail) : { duplicate: false };
    },
  };
  return { transport, sent, calls };
}

export async function outboxFor(caseId: string) {
  return await db().outboxMessage.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
}
