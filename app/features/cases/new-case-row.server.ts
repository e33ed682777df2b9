// The row of a new case as one SQL statement: the case, its contact details, its first events,
// its search tokens (staff search) and the citizen's "received" message. Built by submitCase
// (submission.server.ts), placed in a cluster first when similar letters exist (new-case-cluster.server.ts).
import { randomUUID } from 'node:crypto';
import { nextTargetDue, targetsFor, type WarningReason } from '#app/features/early-warning/levels.ts';
import { checkInChannelOf } from './check-in.ts';
import { serviceClock } from './clock.server.ts';
import { SEARCH_INDEX_VERSION } from './search-index.server.ts';
import type { Tx } from '#app/features/notifications/outbox.server.ts';
import type { Channel, WarningLevel } from './attributes.ts';
import type { RouteReason } from './routing.ts';
import type { Submission } from './submission.ts';

export interface ClusterPlacement {
  id: string;
  /** True when this submission starts the cluster. */
  created: boolean;
  /** Earlier cases that join the new cluster with it. */
  others: string[];
  size: number;
}

export interface NewCaseRow {
  id: string;
  receiptNo: string;
  accessCodeHash: string;
  idempotencyKey: string;
  /** Keyed hash of the form's content (submissionHash in submission.server.ts). */
  submissionHash: string;
  channel: Channel;
  unitId: string | null;
  locale: string;
  receivedAt: Date;
  acceptDueAt: Date;
  now: Date;
  registeredBy: string | null;
  submission: Submission;
  /** The tsvector literals of subject and body: character pairs, and words (search-index.server.ts). */
  search: string;
  words: string;
  fingerprints: { phone: string | null; email: string | null };
  warning: { level: WarningLevel; reasons: WarningReason[]; welfareConcern: boolean; welfareMatches: string[]; repeatOfId: string | null };
  cluster: ClusterPlacement | null;
  /** Why the statute, not the category, chose the unit (routing.ts). */
  routeReason: RouteReason | null;
  /** Art. 23: the receiving unit may object until then (null without a unit). */
  objectionDueAt: Date | null;
  /** Art. 36: an earlier case on probably the same matter, decided on re-review. */
  decidedMatterOfId: string | null;
  /** A report of misconduct: what it is about, kept in its own row (arts. 30, 46(5)). */
  reported: { unitId: string | null; officialName: string | null } | null;
}

/**
 * The case, its contact details, its first events, its search tokens and the citizen's "received"
 * message in one statement: one round trip and one implicit transaction (or part of the caller's).
 * This is the portal's hottest write, so it skips the ORM's per-query planning.
 */
export async function insertCase(client: Tx, row: NewCaseRow): Promise<void> {
  const s = row.submission;
  const w = row.warning;
  const withContact = !s.anonymous && s.name !== null;
  const targets = targetsFor(w.level, row.now, serviceClock().timeZone);
  const nextTargetDueAt = nextTargetDue(targets, { respondedAt: null, progressAt: null, resultAt: null });
  // 回访: the consent given with the letter is on its first event; later changes are events of their own.
  const checkInChannel = checkInChannelOf(s.checkIn);
  const submitted = { channel: row.channel, ...(checkInChannel ? { checkIn: checkInChannel } : {}) };
  const warningEvent = { from: 'NONE', to: w.level, reasons: w.reasons, ...(w.welfareMatches.length ? { matches: w.welfareMatches } : {}) };
  await client.$executeRaw`
    WITH new_case AS (
      INSERT INTO "Case" ("id", "receiptNo", "accessCodeHash", "idempotencyKey", "submissionHash", "kind", "channel", "categoryId", "unitId",
        "area", "subject", "body", "coSignerCount", "citizenLocale", "preferredReplyChannel", "anonymous", "status",
        "warningLevel", "warningReasons", "welfareConcern", "repeatOfId", "clusterId", "responseDueAt", "progressDueAt", "resultDueAt",
        "nextTargetDueAt", "receivedAt", "acceptDueAt", "nextDueAt", "version", "createdAt", "updatedAt", "searchVector",
        "routeReason", "objectionDueAt", "decidedMatterOfId", "wordVector", "searchIndexVersion", "checkInChannel")
      VALUES (${row.id}::uuid, ${row.receiptNo}, ${row.accessCodeHash}, ${row.idempotencyKey}, ${row.submissionHash}, ${s.kind}::"CaseKind",
        ${row.channel}::"Channel", ${s.categoryId}::uuid, ${row.unitId}::uuid, ${s.area}, ${s.subject}, ${s.body},
        ${s.coSignerCount}, ${row.locale}, ${s.preferredReplyChannel}::"ReplyChannel", ${s.anonymous}, 'SUBMITTED',
        ${w.level}::"WarningLevel", ${w.reasons}::text[], ${w.welfareConcern}, ${w.repeatOfId}::uuid, ${row.cluster?.id ?? null}::uuid, ${targets.responseDueAt},
        ${targets.progressDueAt}, ${targets.resultDueAt}, ${nextTargetDueAt},
        ${row.receivedAt}, ${row.acceptDueAt}, ${row.acceptDueAt}, 0, ${row.now}, ${row.now}, ${row.search}::tsvector,
        ${row.routeReason}, ${row.objectionDueAt}, ${row.decidedMatterOfId}::uuid, ${row.words}::tsvector, ${SEARCH_INDEX_VERSION},
        ${checkInChannel}::"CheckInChannel")
      RETURNING "id"
    ), reported_party AS (
      INSERT INTO "ReportedParty" ("id", "caseId", "unitId", "officialName", "createdAt", "updatedAt")
      SELECT ${randomUUID()}::uuid, new_case."id", ${row.reported?.unitId ?? null}::uuid, ${row.reported?.officialName ?? null}, ${row.now}, ${row.now}
      FROM new_case WHERE ${row.reported !== null}
    ), new_contact AS (
      INSERT INTO "CaseContact" ("id", "caseId", "name", "phone", "email", "postalAddress", "phoneFingerprint", "emailFingerprint", "createdAt")
      SELECT ${randomUUID()}::uuid, new_case."id", ${s.name}, ${s.phone}, ${s.email}, ${s.postalAddress},
        ${row.fingerprints.phone}, ${row.fingerprints.email}, ${row.now}
      FROM new_case WHERE ${withContact}
      RETURNING "caseId", "email", "phone"
    ), received_message AS (
      -- By email, or by SMS to a citizen who gave only a phone number (citizenChannel in notifications/topics.ts).
      INSERT INTO "OutboxMessage" ("id", "dedupeKey", "template", "recipientType", "channel", "caseId", "locale", "data", "createdAt", "nextAttemptAt")
      SELECT ${randomUUID()}::uuid, ${`case.received:${row.id}:submitted`}, 'case.received', 'CITIZEN',
        (CASE WHEN new_contact."email" IS NOT NULL THEN 'EMAIL' ELSE 'SMS' END)::"OutboxChannel", new_contact."caseId",
        ${row.locale}, '{}'::jsonb, ${row.now}, ${row.now}
      FROM new_contact WHERE new_contact."email" IS NOT NULL OR new_contact."phone" IS NOT NULL
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
      'SUBMITTED', ${JSON.stringify(submitted)}::jsonb, ${row.now}
    FROM new_case`;
}
