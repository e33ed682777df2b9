// Citizen-side case operations: submit (idempotent), and look up by receipt number and access code.
import { randomBytes, randomUUID } from 'node:crypto';
import { ACCESS_CODE_BYTES, buildAccessCode } from './domain/access-code.ts';
import { acceptanceDeadline, latestReplyDeadlineForNewCase, type ClockSettings, DEFAULT_CLOCK } from './domain/deadlines.ts';
import { RECEIPT_RANDOM_BYTES, buildReceiptNo } from './domain/receipt.ts';
import { documentTokens, tsvectorLiteral } from './domain/search-tokens.ts';
import type { Submission } from './domain/submission.ts';
import type { CaseStatus } from './domain/case-lifecycle.ts';
import { db, Prisma } from './db.server.ts';
import { env } from './env.server.ts';
import { activeCategoryUnits } from './reference-data.server.ts';
import { hashesEqual, keyedBytes, keyedHash } from './security/keys.server.ts';

/** How long a retried submission may show its access code again. */
const ACCESS_CODE_REPLAY_MS = 24 * 60 * 60 * 1000;

export function clock(): ClockSettings {
  return { ...DEFAULT_CLOCK, timeZone: env().TIME_ZONE };
}

export function accessCodeHash(accessCode: string): string {
  return keyedHash('access-code', accessCode);
}

/**
 * The access code is derived from the form's idempotency key under the server's HMAC key, so a
 * retried POST (refresh, double click, flaky network) can show the same code again without the
 * code ever being stored.
 */
function accessCodeFor(idempotencyKey: string): string {
  return buildAccessCode(keyedBytes('access-code-seed', idempotencyKey).subarray(0, ACCESS_CODE_BYTES));
}

export function contactFingerprint(kind: 'phone' | 'email', value: string): string {
  return keyedHash(`contact-${kind}`, kind === 'email' ? value.toLowerCase() : value);
}

export interface SubmittedCase {
  receiptNo: string;
  /** Null when a retry arrives after the replay window: the code is shown once, not forever. */
  accessCode: string | null;
  acceptDueAt: Date;
  latestReplyDueAt: Date;
  created: boolean;
}

export type Channel = 'ONLINE' | 'LETTER' | 'VISIT' | 'PHONE' | 'HOTLINE' | 'API';

export interface SubmissionMeta {
  idempotencyKey: string;
  locale: string;
  now?: Date;
  /** Online by default; clerks register letters, visits and calls. */
  channel?: Channel;
  /** When the case reached the government (a letter's postmark day); the clock starts here. */
  receivedAt?: Date;
  /** The staff member who registered it, for cases that did not come in online. */
  registeredBy?: string;
}

export async function submitCase(submission: Submission, meta: SubmissionMeta): Promise<SubmittedCase> {
  const now = meta.now ?? new Date();
  const receivedAt = meta.receivedAt ?? now;
  const channel = meta.channel ?? 'ONLINE';
  const accessCode = accessCodeFor(meta.idempotencyKey);
  const acceptDueAt = acceptanceDeadline(receivedAt, clock());
  const categoryUnits = await activeCategoryUnits();
  if (!categoryUnits.has(submission.categoryId)) throw new Error('unknown or inactive category');

  // The common case is a new form, so insert first and look for an earlier attempt only when the
  // idempotency key (or, rarely, the random receipt number) is already taken.
  for (let attempt = 0; attempt < 5; attempt++) {
    const receiptNo = buildReceiptNo(receivedAt, randomBytes(RECEIPT_RANDOM_BYTES), clock().timeZone);
    const id = randomUUID();
    try {
      const createCase = db().case.create({
        data: {
          id,
          receiptNo,
          accessCodeHash: accessCodeHash(accessCode),
          idempotencyKey: meta.idempotencyKey,
          kind: submission.kind,
          channel,
          categoryId: submission.categoryId,
          unitId: categoryUnits.get(submission.categoryId) ?? null,
          area: submission.area,
          subject: submission.subject,
          body: submission.body,
          coSignerCount: submission.coSignerCount,
          citizenLocale: meta.locale,
          preferredReplyChannel: submission.preferredReplyChannel,
          anonymous: submission.anonymous,
          receivedAt,
          acceptDueAt,
          nextDueAt: acceptDueAt,
          createdAt: now,
          // Nested writes: Prisma runs the three inserts in one transaction.
          contact:
            !submission.anonymous && submission.name
              ? {
                  create: {
                    name: submission.name,
                    phone: submission.phone,
                    email: submission.email,
                    postalAddress: submission.postalAddress,
                    phoneFingerprint: submission.phone ? contactFingerprint('phone', submission.phone) : null,
                    emailFingerprint: submission.email ? contactFingerprint('email', submission.email) : null,
                  },
                }
              : undefined,
          events: {
            create: {
              type: 'SUBMITTED',
              visibility: 'PUBLIC',
              actorType: meta.registeredBy ? 'STAFF' : 'CITIZEN',
              actorId: meta.registeredBy ?? null,
              toStatus: 'SUBMITTED',
              data: { channel },
              createdAt: now,
            },
          },
        },
        select: { id: true },
      });
      await db().$transaction([createCase, setSearchVector(id, submission.subject, submission.body)]);
      return {
        receiptNo,
        accessCode,
        acceptDueAt,
        latestReplyDueAt: latestReplyDeadlineForNewCase(receivedAt, clock()),
        created: true,
      };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
      // A refresh, double click or retry of the same form: answer with the case it created.
      const earlier = await findByIdempotencyKey(meta.idempotencyKey, now);
      if (earlier) return earlier;
      // Otherwise the random receipt number collided with another case's; draw again.
    }
  }
  throw new Error('could not allocate a receipt number');
}

/** Indexes a case's subject and body for staff search (see app/domain/search-tokens.ts). */
export function setSearchVector(caseId: string, subject: string, body: string) {
  const literal = tsvectorLiteral(documentTokens(`${subject}\n${body}`));
  return db().$executeRaw`UPDATE "Case" SET "searchVector" = ${literal}::tsvector WHERE "id" = ${caseId}::uuid`;
}

async function findByIdempotencyKey(idempotencyKey: string, now: Date): Promise<SubmittedCase | null> {
  const found = await db().case.findUnique({
    where: { idempotencyKey },
    select: { receiptNo: true, acceptDueAt: true, receivedAt: true, createdAt: true },
  });
  if (!found) return null;
  const replayable = now.getTime() - found.createdAt.getTime() < ACCESS_CODE_REPLAY_MS;
  return {
    receiptNo: found.receiptNo,
    accessCode: replayable ? accessCodeFor(idempotencyKey) : null,
    acceptDueAt: found.acceptDueAt,
    latestReplyDueAt: latestReplyDeadlineForNewCase(found.receivedAt, clock()),
    created: false,
  };
}

// A fixed hash to compare against when the receipt is unknown, so both failures take as long.
const NO_SUCH_CASE_HASH = '0'.repeat(64);

/** Returns the case id when the pair matches; null otherwise, without saying which part was wrong. */
export async function findCaseByReceiptAndCode(receiptNo: string, accessCode: string): Promise<string | null> {
  const found = await db().case.findUnique({ where: { receiptNo }, select: { id: true, accessCodeHash: true } });
  const matches = hashesEqual(found?.accessCodeHash ?? NO_SUCH_CASE_HASH, accessCodeHash(accessCode));
  return found && matches ? found.id : null;
}

export interface PublicTimelineEntry {
  type: string;
  toStatus: CaseStatus | null;
  message: string | null;
  at: Date;
}

export interface PublicCaseView {
  receiptNo: string;
  kind: Submission['kind'];
  status: CaseStatus;
  subject: string;
  categoryCode: string;
  category: { zhHans: string; zhHant: string; en: string };
  receivedAt: Date;
  acceptDueAt: Date;
  replyDueAt: Date | null;
  extensionDays: number | null;
  extensionReason: string | null;
  reviewRequestDueAt: Date | null;
  timeline: PublicTimelineEntry[];
  reply: { message: string; at: Date } | null;
}

/** What the citizen may see of their case: public events only, never internal notes or staff names. */
export async function publicCaseView(caseId: string): Promise<PublicCaseView | null> {
  const found = await db().case.findUnique({
    where: { id: caseId },
    include: {
      category: { select: { code: true, nameZhHans: true, nameZhHant: true, nameEn: true } },
      events: { where: { visibility: 'PUBLIC' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!found) return null;
  const replies = found.events.filter((event) => event.type === 'REPLY_PUBLISHED' && event.message);
  const lastReply = replies.at(-1);
  return {
    receiptNo: found.receiptNo,
    kind: found.kind,
    status: found.status,
    subject: found.subject,
    categoryCode: found.category.code,
    category: { zhHans: found.category.nameZhHans, zhHant: found.category.nameZhHant, en: found.category.nameEn },
    receivedAt: found.receivedAt,
    acceptDueAt: found.acceptDueAt,
    replyDueAt: found.replyDueAt,
    extensionDays: found.extensionDays,
    extensionReason: found.extensionReason,
    reviewRequestDueAt: found.reviewRequestDueAt,
    timeline: found.events.map((event) => ({
      type: event.type,
      toStatus: event.toStatus,
      message: event.message,
      at: event.createdAt,
    })),
    reply: lastReply?.message ? { message: lastReply.message, at: lastReply.createdAt } : null,
  };
}
