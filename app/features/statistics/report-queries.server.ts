// The scans behind the period reports. Each reads one slice of the database once per period and
// scope, grouped several ways at once (GROUPING SETS), so a report of twenty-odd measures costs a
// handful of index range scans. Counts only: no query here selects a name, a contact or a text.
//
// Definitions (README, "Reports"):
// - a case's acceptance step is settled when it is decided (accepted, declined, forwarded or merged
//   as a duplicate) by its art. 22/23 deadline, or when that deadline passes undecided; on time
//   means decided by the end of day 15. Its reply step likewise against the art. 34 deadline (60
//   days, 90 with the extension). A period's on-time rate is over the steps settled in it.
// - days to acceptance and to reply are calendar days in TIME_ZONE from the day of receipt, over the
//   decisions and replies made in the period.
import { z } from 'zod';
import { visibleToCaseSql, visibleToSql } from '#app/features/cases/case-scope.server.ts';
import { TERMINAL_STATUSES } from '#app/features/cases/lifecycle.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { throughMonthCache, type ScanStretch } from './month-cache.server.ts';
import {
  EventPart,
  foldEvents,
  foldIntake,
  foldOutcomes,
  foldRatings,
  foldSteps,
  IntakePart,
  RatingPart,
  StepPart,
  type IntakeRow,
  type RatingRow,
  type StepRow,
} from './scan-parts.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

export type { IntakeRow, RatingRow, StepRow };

/** Which cases a report counts: the whole office or some units, and whether misconduct reports are left out. */
export interface ResolvedScope {
  /** null for the whole office (every case, with a unit or not). */
  unitIds: string[] | null;
  /** Leaves reports of misconduct out entirely (a handler's own unit, the public per-unit figures). */
  excludeMisconduct: boolean;
  /**
   * The person reading, whose figures leave out the cases kept from them (a report of misconduct
   * about their unit or one above it, a case they withdrew from: arts. 28, 30, 46(5)); null for
   * figures nobody in particular reads (the public figures, a prepared report).
   */
  reader: Actor | null;
}

export interface ScanWindow extends ScanStretch {
  /** How the intake trend groups its days (steps whose deadline has not passed by `now` are not settled yet). */
  bucket: 'day' | 'week' | 'month';
}

const DAY_MS = 86_400_000;

/** The cases a scope counts, as a condition on the case table under `alias` (the reports and the ledger). */
export function scopeSql(scope: ResolvedScope, alias: string): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.unitIds) parts.push(Prisma.sql`${c}."unitId" = ANY(${scope.unitIds}::uuid[])`);
  if (scope.excludeMisconduct) parts.push(Prisma.sql`${c}."kind" <> 'MISCONDUCT_REPORT'`);
  if (scope.reader) parts.push(visibleToSql(scope.reader, `"${alias}"`));
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, ' AND ');
}

// ---------------------------------------------------------------------------------------------
// Intake: cases received in the period.

/** Cases received in the period, grouped several ways; the trend by day, grouped into its buckets by foldIntake. */
export async function scanIntake(scope: ResolvedScope, w: ScanWindow): Promise<IntakeRow[]> {
  return foldIntake(await throughMonthCache('intake', scope, w, (stretch) => intakeParts(scope, stretch), IntakePart), w.bucket);
}

async function intakeParts(scope: ResolvedScope, w: ScanStretch): Promise<IntakePart[]> {
  return await db().$queryRaw<IntakePart[]>`
    SELECT CASE GROUPING(x.channel, x.kind, x.category, x.area, x.unit, x.bucket)
             WHEN 63 THEN 'total' WHEN 31 THEN 'channel' WHEN 47 THEN 'kind' WHEN 55 THEN 'category'
             WHEN 59 THEN 'area' WHEN 61 THEN 'unit' WHEN 62 THEN 'bucket' WHEN 51 THEN 'categoryArea' END AS "set",
           x.channel, x.kind, x.category, x.area, x.unit, x.bucket,
           COUNT(*)::int AS "n",
           (COUNT(*) FILTER (WHERE x.kind IN ('COMPLAINT', 'MISCONDUCT_REPORT')))::int AS "complaints"
    FROM (
      SELECT c."channel"::text AS channel, c."kind"::text AS kind, c."categoryId"::text AS category,
             COALESCE(NULLIF(btrim(c."area"), ''), '') AS area, c."unitId"::text AS unit,
             to_char(c."receivedAt" AT TIME ZONE ${w.timeZone}::text, 'YYYY-MM-DD') AS bucket
      FROM "Case" c
      WHERE c."receivedAt" >= ${w.from}::timestamptz AND c."receivedAt" < ${w.to}::timestamptz AND ${scopeSql(scope, 'c')}
    ) x
    GROUP BY GROUPING SETS ((), (x.channel), (x.kind), (x.category), (x.area), (x.unit), (x.bucket), (x.category, x.area))`;
}

// ---------------------------------------------------------------------------------------------
// The statutory steps: acceptance (arts. 22, 23) and reply (art. 34).

/**
 * The step rows grouped in total (by the days the steps done took, for the median and 90th
 * percentile: scan-parts.ts), by unit and by category.
 */
function stepGrouping(inner: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT CASE GROUPING(x.unit, x.category) WHEN 3 THEN 'total' WHEN 1 THEN 'unit' WHEN 2 THEN 'category' END AS "set",
           x.unit, x.category, x.days,
           (COUNT(*) FILTER (WHERE x.settled))::int AS "settled",
           (COUNT(*) FILTER (WHERE x.settled AND x.on_time))::int AS "onTime",
           (COUNT(*) FILTER (WHERE x.done))::int AS "done",
           (COUNT(*) FILTER (WHERE x.done AND x.status = 'NOT_ACCEPTED'))::int AS "declined",
           (COUNT(*) FILTER (WHERE x.done AND x.status = 'TRANSFERRED'))::int AS "forwarded"
    FROM (SELECT y.*, CASE WHEN y.done THEN y.elapsed END AS days FROM (${inner}) y) x
    GROUP BY GROUPING SETS ((x.days), (x.unit), (x.category))`;
}

/**
 * Acceptance: settled when decided by the deadline, or at the deadline when it passed undecided
 * (a case withdrawn before its deadline owed no decision). Decisions are found by receipt date:
 * the deadline is 15 days after receipt, so a decision settled in the period was received at most
 * 16 days before it; late decisions are found by their own date for the durations.
 */
export async function scanAcceptance(scope: ResolvedScope, w: ScanWindow): Promise<StepRow[]> {
  return foldSteps(await throughMonthCache('acceptance', scope, w, (stretch) => acceptanceParts(scope, stretch), StepPart));
}

async function acceptanceParts(scope: ResolvedScope, w: ScanStretch): Promise<StepPart[]> {
  const receivedFrom = new Date(w.from.getTime() - 16 * DAY_MS);
  const tz = w.timeZone;
  return await db().$queryRaw<StepPart[]>(
    stepGrouping(Prisma.sql`
      SELECT c."unitId"::text AS unit, c."categoryId"::text AS category, c."status"::text AS status,
             (s.at >= ${w.from}::timestamptz AND s.at < ${w.to}::timestamptz) AS settled,
             (c."decidedAt" IS NOT NULL AND c."decidedAt" <= c."acceptDueAt") AS on_time,
             (c."decidedAt" >= ${w.from}::timestamptz AND c."decidedAt" < ${w.to}::timestamptz) AS done,
             ((c."decidedAt" AT TIME ZONE ${tz}::text)::date - (c."receivedAt" AT TIME ZONE ${tz}::text)::date) AS elapsed
      FROM "Case" c
      CROSS JOIN LATERAL (
        SELECT CASE
          WHEN c."decidedAt" IS NOT NULL AND c."decidedAt" <= c."acceptDueAt" THEN c."decidedAt"
          WHEN c."acceptDueAt" < ${w.now}::timestamptz
           AND NOT (c."decidedAt" IS NULL AND c."status" = 'WITHDRAWN' AND c."closedAt" <= c."acceptDueAt") THEN c."acceptDueAt"
        END AS at
      ) s
      WHERE ((c."receivedAt" >= ${receivedFrom}::timestamptz AND c."receivedAt" < ${w.to}::timestamptz)
          OR (c."decidedAt" >= ${w.from}::timestamptz AND c."decidedAt" < ${w.to}::timestamptz))
        AND ${scopeSql(scope, 'c')}`),
  );
}

/**
 * Reply: settled when replied by the deadline (with its extension), or at the deadline when it
 * passed without a reply (unless the case was merged, or withdrawn before the deadline).
 */
export async function scanReply(scope: ResolvedScope, w: ScanWindow): Promise<StepRow[]> {
  return foldSteps(await throughMonthCache('reply', scope, w, (stretch) => replyParts(scope, stretch), StepPart));
}

async function replyParts(scope: ResolvedScope, w: ScanStretch): Promise<StepPart[]> {
  const tz = w.timeZone;
  return await db().$queryRaw<StepPart[]>(
    stepGrouping(Prisma.sql`
      SELECT c."unitId"::text AS unit, c."categoryId"::text AS category, c."status"::text AS status,
             (s.at >= ${w.from}::timestamptz AND s.at < ${w.to}::timestamptz) AS settled,
             (c."repliedAt" IS NOT NULL AND c."repliedAt" <= c."replyDueAt") AS on_time,
             (c."repliedAt" >= ${w.from}::timestamptz AND c."repliedAt" < ${w.to}::timestamptz) AS done,
             ((c."repliedAt" AT TIME ZONE ${tz}::text)::date - (c."receivedAt" AT TIME ZONE ${tz}::text)::date) AS elapsed
      FROM "Case" c
      CROSS JOIN LATERAL (
        SELECT CASE
          WHEN c."repliedAt" IS NOT NULL AND c."repliedAt" <= c."replyDueAt" THEN c."repliedAt"
          WHEN c."replyDueAt" < ${w.now}::timestamptz
           AND NOT (c."repliedAt" IS NULL AND c."status" = 'MERGED')
           AND NOT (c."repliedAt" IS NULL AND c."status" = 'WITHDRAWN' AND c."closedAt" <= c."replyDueAt") THEN c."replyDueAt"
        END AS at
      ) s
      WHERE ((c."repliedAt" >= ${w.from}::timestamptz AND c."repliedAt" < ${w.to}::timestamptz)
          OR (c."replyDueAt" >= ${w.from}::timestamptz AND c."replyDueAt" < ${w.to}::timestamptz))
        AND ${scopeSql(scope, 'c')}`),
  );
}

// ---------------------------------------------------------------------------------------------
// Events of the period: extensions, assignments, forwards, declines, review requests, warnings.

export const COUNTED_EVENTS = [
  'EXTENDED',
  'ASSIGNED',
  'FORWARDED',
  'DECLINED',
  'MERGED',
  'REVIEW_REQUESTED',
  'RE_REVIEW_REQUESTED',
  'WARNING_LEVEL_CHANGED',
  'WARNING_OVERRIDDEN',
] as const;
export type CountedEvent = (typeof COUNTED_EVENTS)[number];

const EventRow = EventPart.extend({ type: z.enum(COUNTED_EVENTS) });
export type EventRow = z.infer<typeof EventRow>;

const LEVEL_RANK = Prisma.sql`array_position(ARRAY['NONE','BLUE','YELLOW','ORANGE','RED'], `;

export async function scanEvents(scope: ResolvedScope, w: ScanWindow): Promise<EventRow[]> {
  return foldEvents(await throughMonthCache('events', scope, w, (stretch) => eventParts(scope, stretch), EventRow));
}

async function eventParts(scope: ResolvedScope, w: ScanStretch): Promise<EventRow[]> {
  const types = [...COUNTED_EVENTS];
  const whole = scope.unitIds === null && !scope.excludeMisconduct;
  // The whole office needs no join: every event counts, but those of the cases kept from the reader.
  const join = whole ? Prisma.empty : Prisma.sql`JOIN "Case" c ON c."id" = e."caseId" AND ${scopeSql(scope, 'c')}`;
  const kept = whole && scope.reader ? Prisma.sql`AND ${visibleToCaseSql(scope.reader, Prisma.raw('e."caseId"'))}` : Prisma.empty;
  return await db().$queryRaw<EventRow[]>`
    SELECT e."type" AS "type",
           CASE WHEN e."type" IN ('WARNING_LEVEL_CHANGED', 'WARNING_OVERRIDDEN')
                 AND ${LEVEL_RANK}e."data"->>'to') > ${LEVEL_RANK}e."data"->>'from')
                THEN e."data"->>'to' END AS "raisedTo",
           COUNT(*)::int AS "n"
    FROM "CaseEvent" e ${join}
    WHERE e."type" = ANY(${types}::text[]) AND e."createdAt" >= ${w.from}::timestamptz AND e."createdAt" < ${w.to}::timestamptz
      ${kept}
    GROUP BY 1, 2`;
}

// ---------------------------------------------------------------------------------------------
// Satisfaction (art. 21): ratings given in the period.

export async function scanRatings(scope: ResolvedScope, w: ScanWindow): Promise<RatingRow[]> {
  return foldRatings(await throughMonthCache('ratings', scope, w, (stretch) => ratingParts(scope, stretch), RatingPart));
}

async function ratingParts(scope: ResolvedScope, w: ScanStretch): Promise<RatingPart[]> {
  return await db().$queryRaw<RatingPart[]>`
    SELECT CASE GROUPING(c."unitId", c."categoryId") WHEN 3 THEN 'total' WHEN 1 THEN 'unit' WHEN 2 THEN 'category' END AS "set",
           c."unitId"::text AS "unit", c."categoryId"::text AS "category",
           COUNT(*)::int AS "n", sum(r."rating")::int AS "sum",
           (COUNT(*) FILTER (WHERE r."solved" = 'YES'))::int AS "solved",
           (COUNT(*) FILTER (WHERE r."solved" = 'PARTLY'))::int AS "partly",
           (COUNT(*) FILTER (WHERE r."solved" = 'NO'))::int AS "notSolved"
    FROM "SatisfactionRating" r JOIN "Case" c ON c."id" = r."caseId"
    WHERE r."createdAt" >= ${w.from}::timestamptz AND r."createdAt" < ${w.to}::timestamptz AND ${scopeSql(scope, 'c')}
    GROUP BY GROUPING SETS ((), (c."unitId"), (c."categoryId"))`;
}

// ---------------------------------------------------------------------------------------------
// Early warning: response targets due in the period, and clusters.

const TargetRow = z.object({ met: z.number().int(), missed: z.number().int() });
export type TargetRow = z.infer<typeof TargetRow>;

/**
 * Response targets (response, progress, result) due in the period: met when recorded by their due
 * time, missed when it passed without (a case finished before a target fell due owed nothing more).
 * Progress and result fall due at most 7 days after the response, so the response's due date finds them.
 */
export async function scanTargets(scope: ResolvedScope, w: ScanWindow): Promise<TargetRow> {
  const parts = await throughMonthCache('targets', scope, w, (stretch) => targetParts(scope, stretch), TargetRow);
  return parts.reduce((sum, part) => ({ met: sum.met + part.met, missed: sum.missed + part.missed }), { met: 0, missed: 0 });
}

async function targetParts(scope: ResolvedScope, w: ScanStretch): Promise<TargetRow[]> {
  const dueFrom = new Date(w.from.getTime() - 8 * DAY_MS);
  return await db().$queryRaw<TargetRow[]>`
    SELECT (COUNT(*) FILTER (WHERE t.due >= ${w.from}::timestamptz AND t.due < ${w.to}::timestamptz
                             AND t.done IS NOT NULL AND t.done <= t.due))::int AS "met",
           (COUNT(*) FILTER (WHERE t.due >= ${w.from}::timestamptz AND t.due < ${w.to}::timestamptz AND t.due < ${w.now}::timestamptz
                             AND (t.done IS NULL OR t.done > t.due)
                             AND NOT (t.done IS NULL AND t.closed IS NOT NULL AND t.closed <= t.due)))::int AS "missed"
    FROM "Case" c
    CROSS JOIN LATERAL (VALUES
      (c."responseDueAt", c."respondedAt", c."closedAt"),
      (c."progressDueAt", c."progressAt", c."closedAt"),
      (c."resultDueAt", c."resultAt", c."closedAt")
    ) AS t(due, done, closed)
    WHERE c."responseDueAt" >= ${dueFrom}::timestamptz AND c."responseDueAt" < ${w.to}::timestamptz
      AND t.due IS NOT NULL AND ${scopeSql(scope, 'c')}`;
}

export interface ClusterCounts {
  opened: number;
  confirmed: number;
  /** Every case in it finished, the last one in the period. */
  resolved: number;
  dissolved: number;
}

/** Clusters opened, confirmed, resolved and dissolved in the period; for a unit, those with a case of the unit. */
export async function scanClusters(scope: ResolvedScope, w: ScanWindow): Promise<ClusterCounts> {
  // A report of misconduct never joins a cluster, so the whole office's clusters are every reader's.
  const inScope =
    scope.unitIds === null && !scope.excludeMisconduct
      ? Prisma.sql`TRUE`
      : Prisma.sql`(EXISTS (SELECT 1 FROM "Case" c WHERE c."clusterId" = k."id" AND ${scopeSql(scope, 'c')})
          OR EXISTS (SELECT 1 FROM "CaseEvent" e JOIN "Case" c ON c."id" = e."caseId"
                     WHERE e."type" = 'CLUSTER_DISSOLVED' AND e."data"->>'clusterId' = k."id"::text AND ${scopeSql(scope, 'c')}))`;
  const inPeriod = (column: Prisma.Sql) => Prisma.sql`(${column} >= ${w.from}::timestamptz AND ${column} < ${w.to}::timestamptz)`;
  const rows = await db().$queryRaw<ClusterCounts[]>`
    SELECT (COUNT(*) FILTER (WHERE ${inPeriod(Prisma.sql`k."createdAt"`)}))::int AS "opened",
           (COUNT(*) FILTER (WHERE ${inPeriod(Prisma.sql`k."confirmedAt"`)}))::int AS "confirmed",
           (COUNT(*) FILTER (WHERE ${inPeriod(Prisma.sql`f.last`)} AND f.open = 0 AND k."dissolvedAt" IS NULL))::int AS "resolved",
           (COUNT(*) FILTER (WHERE ${inPeriod(Prisma.sql`k."dissolvedAt"`)}))::int AS "dissolved"
    FROM "CaseCluster" k
    LEFT JOIN LATERAL (
      SELECT max(c."closedAt") AS last,
             COUNT(*) FILTER (WHERE c."status"::text <> ALL(${[...TERMINAL_STATUSES]}::text[])) AS open
      FROM "Case" c WHERE c."clusterId" = k."id"
    ) f ON TRUE
    WHERE k."createdAt" < ${w.to}::timestamptz AND (k."dissolvedAt" IS NULL OR k."dissolvedAt" >= ${w.from}::timestamptz)
      -- Only a cluster that counts in the period is looked up in the scope (a subquery per cluster).
      AND (${inPeriod(Prisma.sql`k."createdAt"`)} OR ${inPeriod(Prisma.sql`k."confirmedAt"`)} OR ${inPeriod(Prisma.sql`k."dissolvedAt"`)}
           OR ${inPeriod(Prisma.sql`f.last`)})
      AND ${inScope}`;
  return rows[0] ?? { opened: 0, confirmed: 0, resolved: 0, dissolved: 0 };
}

// ---------------------------------------------------------------------------------------------
// What the decisions and answers of the period were: declines by standard reason, answered claims
// by outcome, review and re-review opinions by outcome, completion reports decided, supervision
// items opened (督办), and the follow-up after the reply (asked, and answered). One query: each
// source is a short range scan of its own index, labelled, and the labelled rows grouped once.

export const OUTCOME_SOURCES = ['decline', 'claim', 'review', 'reReview', 'report', 'supervision', 'checkInSent', 'checkInAnswer'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

const OutcomeRow = z.object({
  source: z.enum(OUTCOME_SOURCES),
  /** The decline reason, claim outcome, opinion outcome, report status or answer; '' when none was recorded. */
  key: z.string(),
  n: z.number().int(),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

export async function scanOutcomes(scope: ResolvedScope, w: ScanWindow): Promise<OutcomeRow[]> {
  return foldOutcomes(await throughMonthCache('outcomes', scope, w, (stretch) => outcomeParts(scope, stretch), OutcomeRow));
}

async function outcomeParts(scope: ResolvedScope, w: ScanStretch): Promise<OutcomeRow[]> {
  const inPeriod = (column: Prisma.Sql) => Prisma.sql`${column} >= ${w.from}::timestamptz AND ${column} < ${w.to}::timestamptz`;
  const inScope = scopeSql(scope, 'c');
  return await db().$queryRaw<OutcomeRow[]>`
    SELECT x.source AS "source", x.key AS "key", COUNT(*)::int AS "n"
    FROM (
      SELECT 'decline' AS source, COALESCE(c."declineReason"::text, '') AS key
        FROM "CaseEvent" e JOIN "Case" c ON c."id" = e."caseId"
        WHERE e."type" = 'DECLINED' AND ${inPeriod(Prisma.sql`e."createdAt"`)} AND ${inScope}
      UNION ALL
      SELECT 'claim', cl."outcome"::text
        FROM "CaseClaim" cl JOIN "Case" c ON c."id" = cl."caseId"
        WHERE cl."outcome" IS NOT NULL AND ${inPeriod(Prisma.sql`cl."answeredAt"`)} AND ${inScope}
      UNION ALL
      SELECT CASE e."type" WHEN 'REVIEW_ISSUED' THEN 'review' ELSE 'reReview' END, COALESCE(e."data"->>'outcome', '')
        FROM "CaseEvent" e JOIN "Case" c ON c."id" = e."caseId"
        WHERE e."type" IN ('REVIEW_ISSUED', 'RE_REVIEW_ISSUED') AND ${inPeriod(Prisma.sql`e."createdAt"`)} AND ${inScope}
      UNION ALL
      SELECT 'report', r."status"::text
        FROM "CompletionReport" r JOIN "Case" c ON c."id" = r."caseId"
        WHERE r."status" <> 'PENDING' AND ${inPeriod(Prisma.sql`r."decidedAt"`)} AND ${inScope}
      UNION ALL
      SELECT 'supervision', ''
        FROM "CaseEvent" e JOIN "Case" c ON c."id" = e."caseId"
        WHERE e."type" = 'SUPERVISION_OPENED' AND ${inPeriod(Prisma.sql`e."createdAt"`)} AND ${inScope}
      UNION ALL
      SELECT 'checkInSent', COALESCE(e."data"->>'channel', '')
        FROM "CaseEvent" e JOIN "Case" c ON c."id" = e."caseId"
        WHERE e."type" = 'CHECK_IN_SENT' AND ${inPeriod(Prisma.sql`e."createdAt"`)} AND ${inScope}
      UNION ALL
      -- A citizen may change their answer: each case counts once, with the answer it holds, in the
      -- period of its last answer.
      SELECT 'checkInAnswer', c."checkInAnswer"::text
        FROM "Case" c
        WHERE c."id" IN (SELECT e."caseId" FROM "CaseEvent" e
                         WHERE e."type" = 'CHECK_IN_ANSWERED' AND ${inPeriod(Prisma.sql`e."createdAt"`)})
          AND c."checkInAnswer" IS NOT NULL AND ${inPeriod(Prisma.sql`c."checkInAnsweredAt"`)} AND ${inScope}
    ) x
    GROUP BY 1, 2`;
}
