// Citizen-side case operations: submit (idempotent), and look up by receipt number and access code.
import { randomBytes, randomUUID } from 'node:crypto';
import { insertAttachmentRows, type StoredAttachment } from '#app/features/attachments/rows.server.ts';
import { findRepeatOf, lockIssue, similarOpenCases, type SimilarCase } from '#app/features/early-warning/cluster-matching.server.ts';
import {
  assessWarning,
  levelForHeadcount,
  levelRank,
  nextTargetDue,
  targetsFor,
  type WarningInputs,
  type WarningReason,
} from '#app/features/early-warning/levels.ts';
import { reassessWarnings, refreshClusterLevels } from '#app/features/early-warning/reassessment.server.ts';
import { findWelfareSignals } from '#app/features/early-warning/welfare-signals.ts';
import { queueStaffMessages, warningAlertRecipients, type Tx } from '#app/features/notifications/outbox.server.ts';
import { activeCategoryUnits } from '#app/features/reference-data/lookup.server.ts';
import { getSetting } from '#app/features/settings/settings.server.ts';
import { hashesEqual, keyedBytes, keyedHash } from '#app/platform/crypto/keys.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ACCESS_CODE_BYTES, buildAccessCode } from './access-code.ts';
import { serviceClock } from './clock.server.ts';
import { acceptanceDeadline, latestReplyDeadlineForNewCase } from './deadlines.ts';
import { isWrittenAnswer, type CaseEventType } from './events.ts';
import { RECEIPT_RANDOM_BYTES, buildReceiptNo } from './receipt.ts';
import { documentTokens, tsvectorLiteral } from './search-tokens.ts';
import type { Channel, WarningLevel } from './attributes.ts';
import type { CaseStatus } from './lifecycle.ts';
import type { Submission } from './submission.ts';

/**
 * Letters about one issue wait for each other's cluster decision (see lockIssue). In a burst of a
 * collective petition they queue, so they may wait for a connection and for the lock longer than
 * Prisma's defaults (2 s and 5 s) before failing.
 */
const CLUSTER_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

/** How long a retried submission may show its access code again. */
const ACCESS_CODE_REPLAY_MS = 24 * 60 * 60 * 1000;

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
  /** The text shows signs of self-harm or a threat to life: the citizen is shown where to get help now. */
  welfareConcern: boolean;
}

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
  /** Files already in storage, recorded with the case in one transaction (so a retry adds none). */
  attachments?: readonly StoredAttachment[];
}

export async function submitCase(submission: Submission, meta: SubmissionMeta): Promise<SubmittedCase> {
  const now = meta.now ?? new Date();
  const receivedAt = meta.receivedAt ?? now;
  const channel = meta.channel ?? 'ONLINE';
  const accessCode = accessCodeFor(meta.idempotencyKey);
  const acceptDueAt = acceptanceDeadline(receivedAt, serviceClock());
  const categoryUnits = await activeCategoryUnits();
  if (!categoryUnits.has(submission.categoryId)) throw new Error('unknown or inactive category');

  const text = `${submission.subject}\n${submission.body}`;
  const tokens = documentTokens(text);
  const welfare = findWelfareSignals(text);
  const clustering = await getSetting('clustering');
  const withContact = !submission.anonymous && submission.name !== null;
  const fingerprints = {
    phone: withContact && submission.phone ? contactFingerprint('phone', submission.phone) : null,
    email: withContact && submission.email ? contactFingerprint('email', submission.email) : null,
  };
  // Reading earlier cases needs no lock, so it happens before the write.
  const [repeatOfId, similar] = await Promise.all([
    findRepeatOf(db(), fingerprints, submission.categoryId, tokens, now, clustering.similarity),
    clustering.enabled ? similarOpenCases(db(), submission, tokens, now, clustering.similarity) : Promise.resolve([]),
  ]);
  const inputs = {
    coSignerCount: submission.coSignerCount,
    clusterSize: 0,
    repeat: repeatOfId !== null,
    welfareConcern: welfare.concern,
    missedDeadlines: 0,
  };

  // The common case is a new form, so insert first and look for an earlier attempt only when the
  // idempotency key (or, rarely, the random receipt number) is already taken.
  for (let attempt = 0; attempt < 5; attempt++) {
    const receiptNo = buildReceiptNo(receivedAt, randomBytes(RECEIPT_RANDOM_BYTES), serviceClock().timeZone);
    const row: NewCaseRow = {
      id: randomUUID(),
      receiptNo,
      accessCodeHash: accessCodeHash(accessCode),
      idempotencyKey: meta.idempotencyKey,
      channel,
      unitId: categoryUnits.get(submission.categoryId) ?? null,
      locale: meta.locale,
      receivedAt,
      acceptDueAt,
      now,
      registeredBy: meta.registeredBy ?? null,
      submission,
      search: tsvectorLiteral(tokens),
      fingerprints,
      warning: { ...assessWarning(inputs), welfareConcern: welfare.concern, welfareMatches: welfare.matches, repeatOfId },
      cluster: null,
    };
    const files = meta.attachments ?? [];
    const uploader = { type: row.registeredBy ? ('STAFF' as const) : ('CITIZEN' as const), id: row.registeredBy };
    try {
      if (similar.length > 0 || levelRank(row.warning.level) >= levelRank('ORANGE')) {
        await db().$transaction(async (tx) => {
          if (similar.length > 0) await placeInCluster(tx, row, similar, inputs);
          await insertCase(tx, row);
          await insertAttachmentRows(tx, row.id, files, uploader, 'submission', now);
          if (row.cluster) await afterClusterChange(tx, row.cluster, now);
          if (levelRank(row.warning.level) >= levelRank('ORANGE')) {
            await queueStaffMessages(
              tx,
              await warningAlertRecipients(tx, row.unitId),
              'warningAlert',
              'staff.warningAlert',
              `${row.id}:${row.warning.level}`,
              {
                caseId: row.id,
                level: row.warning.level,
                data: { level: row.warning.level, reasons: row.warning.reasons },
              },
            );
          }
        }, CLUSTER_TRANSACTION);
      } else if (files.length > 0) {
        await db().$transaction(async (tx) => {
          await insertCase(tx, row);
          await insertAttachmentRows(tx, row.id, files, uploader, 'submission', now);
        });
      } else {
        // One statement, one round trip: the portal's hottest write (see bench/ for the figures).
        await insertCase(db(), row);
      }
      return {
        receiptNo,
        accessCode,
        acceptDueAt,
        latestReplyDueAt: latestReplyDeadlineForNewCase(receivedAt, serviceClock()),
        created: true,
        welfareConcern: welfare.concern,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A refresh, double click or retry of the same form: answer with the case it created.
      const earlier = await findByIdempotencyKey(meta.idempotencyKey, now);
      if (earlier) return earlier;
      // Otherwise the random receipt number collided with another case's; draw again.
    }
  }
  throw new Error('could not allocate a receipt number');
}

interface ClusterPlacement {
  id: string;
  /** True when this submission starts the cluster. */
  created: boolean;
  /** Earlier cases that join the new cluster with it. */
  others: string[];
  size: number;
}

/**
 * Chooses the new case's cluster under the issue's lock: the cluster of the most similar case that
 * has one, or else a new cluster with every similar case that has none. The similar cases were
 * found before the lock; their clusters are read again under it, so two similar letters arriving
 * together cannot start two clusters. The new case's level already counts the cluster's size.
 */
async function placeInCluster(tx: Tx, row: NewCaseRow, similar: SimilarCase[], inputs: WarningInputs): Promise<void> {
  await lockIssue(tx, row.submission);
  const current = await tx.case.findMany({
    where: { id: { in: similar.map((c) => c.id) } },
    select: { id: true, clusterId: true, cluster: { select: { dissolvedAt: true } } },
  });
  const clusterOf = new Map(current.map((c) => [c.id, c.cluster && !c.cluster.dissolvedAt ? c.clusterId : null]));
  const existing = similar.map((c) => clusterOf.get(c.id) ?? null).find((id) => id !== null) ?? null;
  if (existing) {
    const size = (await tx.case.count({ where: { clusterId: existing } })) + 1;
    row.cluster = { id: existing, created: false, others: [], size };
  } else {
    const others = similar.filter((c) => clusterOf.has(c.id) && clusterOf.get(c.id) === null).map((c) => c.id);
    if (others.length === 0) return;
    const created = await tx.caseCluster.create({
      data: { categoryId: row.submission.categoryId, area: row.submission.area, title: row.submission.subject.slice(0, 200) },
    });
    row.cluster = { id: created.id, created: true, others, size: others.length + 1 };
  }
  row.warning = { ...row.warning, ...assessWarning({ ...inputs, clusterSize: row.cluster.size }) };
}

/**
 * Moves the earlier cases into a cluster the new case started, and reassesses members when the
 * cluster's size crossed a threshold (its size counts like co-signers); otherwise nothing else
 * changes, and the cluster's level is kept up to date.
 */
async function afterClusterChange(tx: Tx, cluster: ClusterPlacement, now: Date): Promise<void> {
  if (cluster.others.length > 0) {
    await tx.case.updateMany({ where: { id: { in: cluster.others } }, data: { clusterId: cluster.id } });
    await tx.caseEvent.createMany({
      data: cluster.others.map((caseId) => ({
        caseId,
        type: 'CLUSTER_JOINED' satisfies CaseEventType,
        visibility: 'INTERNAL' as const,
        actorType: 'SYSTEM' as const,
        data: { clusterId: cluster.id, created: true },
        createdAt: now,
      })),
    });
  }
  const before = cluster.size - 1 - cluster.others.length;
  if (levelForHeadcount(cluster.size) !== levelForHeadcount(before)) {
    const members = await tx.case.findMany({ where: { clusterId: cluster.id }, select: { id: true } });
    await reassessWarnings(
      tx,
      members.map((m) => m.id),
      now,
    );
  } else {
    await refreshClusterLevels(tx, [cluster.id]);
  }
}

interface NewCaseRow {
  id: string;
  receiptNo: string;
  accessCodeHash: string;
  idempotencyKey: string;
  channel: Channel;
  unitId: string | null;
  locale: string;
  receivedAt: Date;
  acceptDueAt: Date;
  now: Date;
  registeredBy: string | null;
  submission: Submission;
  /** The tsvector literal of subject and body. */
  search: string;
  fingerprints: { phone: string | null; email: string | null };
  warning: { level: WarningLevel; reasons: WarningReason[]; welfareConcern: boolean; welfareMatches: string[]; repeatOfId: string | null };
  cluster: ClusterPlacement | null;
}

/**
 * The case, its contact details, its first events, its search tokens and the citizen's "received"
 * message in one statement: one round trip and one implicit transaction (or part of the caller's).
 * This is the portal's hottest write, so it skips the ORM's per-query planning.
 */
async function insertCase(client: Tx, row: NewCaseRow): Promise<void> {
  const s = row.submission;
  const w = row.warning;
  const withContact = !s.anonymous && s.name !== null;
  const targets = targetsFor(w.level, row.now, serviceClock().timeZone);
  const nextTargetDueAt = nextTargetDue(targets, { respondedAt: null, progressAt: null, resultAt: null });
  const warningEvent = { from: 'NONE', to: w.level, reasons: w.reasons, ...(w.welfareMatches.length ? { matches: w.welfareMatches } : {}) };
  await client.$executeRaw`
    WITH new_case AS (
      INSERT INTO "Case" ("id", "receiptNo", "accessCodeHash", "idempotencyKey", "kind", "channel", "categoryId", "unitId",
        "area", "subject", "body", "coSignerCount", "citizenLocale", "preferredReplyChannel", "anonymous", "status",
        "warningLevel", "warningReasons", "welfareConcern", "repeatOfId", "clusterId", "responseDueAt", "progressDueAt", "resultDueAt",
        "nextTargetDueAt", "receivedAt", "acceptDueAt", "nextDueAt", "version", "createdAt", "updatedAt", "searchVector")
      VALUES (${row.id}::uuid, ${row.receiptNo}, ${row.accessCodeHash}, ${row.idempotencyKey}, ${s.kind}::"CaseKind",
        ${row.channel}::"Channel", ${s.categoryId}::uuid, ${row.unitId}::uuid, ${s.area}, ${s.subject}, ${s.body},
        ${s.coSignerCount}, ${row.locale}, ${s.preferredReplyChannel}::"ReplyChannel", ${s.anonymous}, 'SUBMITTED',
        ${w.level}::"WarningLevel", ${w.reasons}::text[], ${w.welfareConcern}, ${w.repeatOfId}::uuid, ${row.cluster?.id ?? null}::uuid, ${targets.responseDueAt},
        ${targets.progressDueAt}, ${targets.resultDueAt}, ${nextTargetDueAt},
        ${row.receivedAt}, ${row.acceptDueAt}, ${row.acceptDueAt}, 0, ${row.now}, ${row.now}, ${row.search}::tsvector)
      RETURNING "id"
    ), new_contact AS (
      INSERT INTO "CaseContact" ("id", "caseId", "name", "phone", "email", "postalAddress", "phoneFingerprint", "emailFingerprint", "createdAt")
      SELECT ${randomUUID()}::uuid, new_case."id", ${s.name}, ${s.phone}, ${s.email}, ${s.postalAddress},
        ${row.fingerprints.phone}, ${row.fingerprints.email}, ${row.now}
      FROM new_case WHERE ${withContact}
      RETURNING "caseId", "email"
    ), received_message AS (
      INSERT INTO "OutboxMessage" ("id", "dedupeKey", "template", "recipientType", "caseId", "locale", "data", "createdAt", "nextAttemptAt")
      SELECT ${randomUUID()}::uuid, ${`case.received:${row.id}:submitted`}, 'case.received', 'CITIZEN', new_contact."caseId",
        ${row.locale}, '{}'::jsonb, ${row.now}, ${row.now}
      FROM new_contact WHERE new_contact."email" IS NOT NULL
    ), warning_event AS (
      INSERT INTO "CaseEvent" ("caseId", "type", "visibility", "actorType", "data", "createdAt")
      SELECT new_case."id", 'WARNING_LEVEL_CHANGED', 'INTERNAL', 'SYSTEM', ${JSON.stringify(warningEvent)}::jsonb, ${row.now}
      FROM new_case WHERE ${w.level} <> 'NONE'
    ), cluster_event AS (
      INSERT INTO "CaseEvent" ("caseId", "type", "visibility", "actorType", "data", "createdAt")
      SELECT new_case."id", 'CLUSTER_JOINED', 'INTERNAL', 'SYSTEM', ${JSON.stringify({ clusterId: row.cluster?.id ?? null, created: row.cluster?.created ?? false })}::jsonb, ${row.now}
      FROM new_case WHERE ${row.cluster !== null}
    )
    INSERT INTO "CaseEvent" ("caseId", "type", "visibility", "actorType", "actorId", "toStatus", "data", "createdAt")
    SELECT new_case."id", 'SUBMITTED', 'PUBLIC', ${row.registeredBy ? 'STAFF' : 'CITIZEN'}::"ActorType", ${row.registeredBy}::uuid,
      'SUBMITTED', ${JSON.stringify({ channel: row.channel })}::jsonb, ${row.now}
    FROM new_case`;
}

/** PostgreSQL's unique_violation, however Prisma wraps it (ORM call or raw query). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === 'P2002' || (error.code === 'P2010' && JSON.stringify(error.meta ?? {}).includes('23505'));
}

/** Indexes a case's subject and body for staff search (see app/features/cases/search-tokens.ts). */
export function setSearchVector(caseId: string, subject: string, body: string) {
  const literal = tsvectorLiteral(documentTokens(`${subject}\n${body}`));
  return db().$executeRaw`UPDATE "Case" SET "searchVector" = ${literal}::tsvector WHERE "id" = ${caseId}::uuid`;
}

async function findByIdempotencyKey(idempotencyKey: string, now: Date): Promise<SubmittedCase | null> {
  const found = await db().case.findUnique({
    where: { idempotencyKey },
    select: { receiptNo: true, acceptDueAt: true, receivedAt: true, createdAt: true, welfareConcern: true },
  });
  if (!found) return null;
  const replayable = now.getTime() - found.createdAt.getTime() < ACCESS_CODE_REPLAY_MS;
  return {
    receiptNo: found.receiptNo,
    accessCode: replayable ? accessCodeFor(idempotencyKey) : null,
    acceptDueAt: found.acceptDueAt,
    latestReplyDueAt: latestReplyDeadlineForNewCase(found.receivedAt, serviceClock()),
    created: false,
    welfareConcern: found.welfareConcern,
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
  reReviewRequestDueAt: Date | null;
  timeline: PublicTimelineEntry[];
  /** The latest written answer: the reply, or a review or re-review opinion. */
  reply: { message: string; at: Date; type: string } | null;
  rating: { rating: number; solved: 'YES' | 'PARTLY' | 'NO'; comment: string | null } | null;
}

/** Events that carry a written answer to the citizen. */

/** What the citizen may see of their case: public events only, never internal notes or staff names. */
export async function publicCaseView(caseId: string): Promise<PublicCaseView | null> {
  const found = await db().case.findUnique({
    where: { id: caseId },
    include: {
      category: { select: { code: true, nameZhHans: true, nameZhHant: true, nameEn: true } },
      events: { where: { visibility: 'PUBLIC' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      rating: { select: { rating: true, solved: true, comment: true } },
    },
  });
  if (!found) return null;
  const replies = found.events.filter((event) => isWrittenAnswer(event.type) && event.message);
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
    reReviewRequestDueAt: found.reReviewRequestDueAt,
    rating: found.rating,
    timeline: found.events.map((event) => ({
      type: event.type,
      toStatus: event.toStatus,
      message: event.message,
      at: event.createdAt,
    })),
    reply: lastReply?.message ? { message: lastReply.message, at: lastReply.createdAt, type: lastReply.type } : null,
  };
}
