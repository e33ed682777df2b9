// Recording a new case, whatever its channel: deadlines, routing, warning level (with its cluster),
// search tokens and files in as few round trips as the case needs, once per idempotency key.
import { randomBytes, randomUUID } from 'node:crypto';
import { insertAttachmentRows, type StoredAttachment } from '#app/features/attachments/stored-files.server.ts';
import { findDecidedMatter, findRepeatOf, similarOpenCases } from '#app/features/early-warning/cluster-matching.server.ts';
import { assessWarning, levelRank } from '#app/features/early-warning/levels.ts';
import { findWelfareSignals } from '#app/features/early-warning/welfare-signals.ts';
import { queueStaffMessages, warningAlertRecipients } from '#app/features/notifications/outbox.server.ts';
import { activeCategoryUnits } from '#app/features/reference-data/lookup.server.ts';
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { subtreeIn } from '#app/features/reference-data/unit-tree.ts';
import { getSetting } from '#app/features/settings/settings.server.ts';
import { keyedHash } from '#app/platform/crypto/keys.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { accessCodeFor, accessCodeHash } from './access-code.server.ts';
import { serviceClock, workingDayClock } from './clock.server.ts';
import { contactFingerprint } from './contact-fingerprint.server.ts';
import { acceptanceDeadline, latestReplyDeadlineForNewCase, unitObjectionDeadline } from './deadlines.ts';
import { afterClusterChange, placeInCluster } from './new-case-cluster.server.ts';
import { insertCase, type NewCaseRow } from './new-case-row.server.ts';
import { RECEIPT_RANDOM_BYTES, buildReceiptNo } from './receipt.ts';
import { routingTargets } from './routing.server.ts';
import { routeNewCase, type RouteReason } from './routing.ts';
import { wordVectorLiteral } from './search-index.server.ts';
import { documentTokens, tsvectorLiteral } from './search-tokens.ts';
import type { Channel } from './attributes.ts';
import type { Submission } from './submission.ts';

/**
 * Letters about one issue wait for each other's cluster decision (see lockIssue). In a burst of a
 * collective petition they queue, so they may wait for a connection and for the lock longer than
 * Prisma's defaults (2 s and 5 s) before failing.
 */
const CLUSTER_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

/** How long a retried submission may show its access code again. */
const ACCESS_CODE_REPLAY_MS = 24 * 60 * 60 * 1000;

export interface SubmittedCase {
  receiptNo: string;
  /** Null when a retry arrives after the replay window: the code is shown once, not forever. */
  accessCode: string | null;
  acceptDueAt: Date;
  latestReplyDueAt: Date;
  created: boolean;
  /**
   * False when the key was already used by a form that said something else (a form kept open and
   * edited after it was sent): the answer is the earlier case, and the citizen is told.
   */
  sameContent: boolean;
  /** The text shows signs of self-harm or a threat to life: the citizen is shown where to get help now. */
  welfareConcern: boolean;
  /** Why the statute chose where it went, which the citizen is told (arts. 22, 28, 30). */
  routeReason: RouteReason | null;
}

/**
 * A keyed hash of everything the form said (HMAC_KEY, so it reveals nothing of the contact details
 * it covers), to tell a retry of the same form from the same key sent again with other content.
 */
export function submissionHash(submission: Submission): string {
  const s = submission;
  const content = [
    s.kind,
    s.categoryId,
    s.area,
    s.subject,
    s.body,
    s.coSignerCount,
    s.anonymous,
    s.name,
    s.phone,
    s.email,
    s.postalAddress,
    s.preferredReplyChannel,
    s.checkIn,
    s.reportedUnitId,
    s.reportedOfficial,
  ];
  return keyedHash('submission-content', JSON.stringify(content));
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
  const contentHash = submissionHash(submission);
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
  // A report of misconduct never joins a cluster or counts as anyone's repeat: either would show it
  // beside cases that the unit it accuses may see (arts. 30, 46(5)).
  const report = submission.kind === 'MISCONDUCT_REPORT';
  const barred = report && submission.reportedUnitId ? subtreeIn(await unitParents(), submission.reportedUnitId) : new Set<string>();
  const route = routeNewCase({
    kind: submission.kind,
    categoryId: submission.categoryId,
    categoryUnitId: categoryUnits.get(submission.categoryId) ?? null,
    targets: await routingTargets(),
    barred,
  });
  // Reading earlier cases needs no lock, so it happens before the write.
  const [repeatOfId, similar, decidedMatterOfId] = await Promise.all([
    report ? Promise.resolve(null) : findRepeatOf(db(), fingerprints, submission.categoryId, tokens, now, clustering.similarity),
    clustering.enabled && !report ? similarOpenCases(db(), submission, tokens, now, clustering.similarity) : Promise.resolve([]),
    findDecidedMatter(db(), fingerprints, submission.categoryId, tokens, clustering.similarity),
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
      submissionHash: contentHash,
      channel,
      unitId: route.unitId,
      locale: meta.locale,
      receivedAt,
      acceptDueAt,
      now,
      registeredBy: meta.registeredBy ?? null,
      submission,
      search: tsvectorLiteral(tokens),
      words: wordVectorLiteral(submission.subject, submission.body),
      fingerprints,
      warning: { ...assessWarning(inputs), welfareConcern: welfare.concern, welfareMatches: welfare.matches, repeatOfId },
      cluster: null,
      routeReason: route.reason,
      // Art. 23: the unit it reaches may object within 5 working days of receiving it.
      objectionDueAt: route.unitId ? unitObjectionDeadline(now, await workingDayClock()) : null,
      decidedMatterOfId,
      reported: report ? { unitId: submission.reportedUnitId, officialName: submission.reportedOfficial } : null,
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
        sameContent: true,
        welfareConcern: welfare.concern,
        routeReason: route.reason,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A refresh, double click or retry of the same form: answer with the case it created.
      const earlier = await findByIdempotencyKey(meta.idempotencyKey, contentHash, now);
      if (earlier) return earlier;
      // Otherwise the random receipt number collided with another case's; draw again.
    }
  }
  throw new Error('could not allocate a receipt number');
}

/** PostgreSQL's unique_violation, however Prisma wraps it (ORM call or raw query). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === 'P2002' || (error.code === 'P2010' && JSON.stringify(error.meta ?? {}).includes('23505'));
}

/**
 * The case an earlier send of this form created, if any. `contentHash` tells whether this send
 * says the same (cases from before the hash was kept count as the same).
 */
export async function findByIdempotencyKey(idempotencyKey: string, contentHash: string, now = new Date()): Promise<SubmittedCase | null> {
  const found = await db().case.findUnique({
    where: { idempotencyKey },
    select: {
      receiptNo: true,
      acceptDueAt: true,
      receivedAt: true,
      createdAt: true,
      welfareConcern: true,
      submissionHash: true,
      routeReason: true,
    },
  });
  if (!found) return null;
  const replayable = now.getTime() - found.createdAt.getTime() < ACCESS_CODE_REPLAY_MS;
  return {
    receiptNo: found.receiptNo,
    accessCode: replayable ? accessCodeFor(idempotencyKey) : null,
    acceptDueAt: found.acceptDueAt,
    latestReplyDueAt: latestReplyDeadlineForNewCase(found.receivedAt, serviceClock()),
    created: false,
    sameContent: found.submissionHash === null || found.submissionHash === contentHash,
    welfareConcern: found.welfareConcern,
    routeReason: found.routeReason === 'discipline' || found.routeReason === 'courts' ? found.routeReason : null,
  };
}
