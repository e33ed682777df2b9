// Finds the cases a new submission shares an issue with (same category and area, similar text,
// received within 30 days, still open), and the earlier case when the same person raises the
// same issue again. Similarity is the share of character pairs two texts have in common
// (app/features/early-warning/similarity.ts), read from the search index the queue already keeps.
import { TERMINAL_STATUSES } from '#app/features/cases/lifecycle.ts';
import { Prisma } from '#app/platform/db.server.ts';
import { jaccard, CLUSTER_WINDOW_DAYS, REPEAT_WINDOW_DAYS } from './similarity.ts';
import type { Tx } from '#app/features/notifications/outbox.server.ts';

/** Only the most recent cases of a category and area are compared, so the cost stays flat. */
const CANDIDATE_LIMIT = 200;
const DAY = 86_400_000;
const CLOSED = [...TERMINAL_STATUSES];

export interface SimilarCase {
  id: string;
  clusterId: string | null;
  similarity: number;
}

interface CandidateRow {
  id: string;
  clusterId: string | null;
  common: number;
  theirs: number;
}

export interface IssueKey {
  categoryId: string;
  area: string | null;
}

/**
 * Serialises cluster decisions for one category and area, so that two similar letters arriving
 * together cannot start two clusters. Other categories and areas do not wait.
 */
export async function lockIssue(tx: Tx, key: IssueKey): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`cluster:${key.categoryId}:${key.area ?? ''}`}, 0))`;
}

export async function similarOpenCases(
  tx: Tx,
  key: IssueKey,
  tokens: readonly string[],
  now: Date,
  threshold: number,
): Promise<SimilarCase[]> {
  const mine = [...new Set(tokens)];
  if (mine.length === 0) return [];
  const since = new Date(now.getTime() - CLUSTER_WINDOW_DAYS * DAY);
  const area = key.area === null ? Prisma.sql`c."area" IS NULL` : Prisma.sql`c."area" = ${key.area}`;
  const rows = await tx.$queryRaw<CandidateRow[]>`
    WITH recent AS (
      SELECT c."id", c."clusterId", c."searchVector" FROM "Case" c
      WHERE c."categoryId" = ${key.categoryId}::uuid AND ${area} AND c."receivedAt" >= ${since}
        AND c."status"::text <> ALL(${CLOSED}::text[]) AND c."searchVector" IS NOT NULL
        AND c."kind" <> 'MISCONDUCT_REPORT'
      ORDER BY c."receivedAt" DESC
      LIMIT ${CANDIDATE_LIMIT}
    )
    SELECT r."id", r."clusterId",
      (SELECT count(*) FROM unnest(tsvector_to_array(r."searchVector")) AS t(token) WHERE t.token = ANY(${mine}::text[]))::int AS "common",
      cardinality(tsvector_to_array(r."searchVector"))::int AS "theirs"
    FROM recent r`;
  return rows
    .map((row) => ({ id: row.id, clusterId: row.clusterId, similarity: jaccard(row.common, row.theirs, mine.length) }))
    .filter((row) => row.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity);
}

/** An earlier case from the same phone or email, in the same category, on a similar text. */
export async function findRepeatOf(
  tx: Tx,
  fingerprints: { phone: string | null; email: string | null },
  categoryId: string,
  tokens: readonly string[],
  now: Date,
  threshold: number,
): Promise<string | null> {
  const prints = [fingerprints.phone, fingerprints.email].filter((p): p is string => p !== null);
  const mine = [...new Set(tokens)];
  if (prints.length === 0 || mine.length === 0) return null;
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * DAY);
  const rows = await tx.$queryRaw<CandidateRow[]>`
    SELECT c."id", c."clusterId",
      (SELECT count(*) FROM unnest(tsvector_to_array(c."searchVector")) AS t(token) WHERE t.token = ANY(${mine}::text[]))::int AS "common",
      cardinality(tsvector_to_array(c."searchVector"))::int AS "theirs"
    FROM "CaseContact" k JOIN "Case" c ON c."id" = k."caseId"
    WHERE (k."phoneFingerprint" = ANY(${prints}::text[]) OR k."emailFingerprint" = ANY(${prints}::text[]))
      AND c."categoryId" = ${categoryId}::uuid AND c."receivedAt" >= ${since} AND c."searchVector" IS NOT NULL
      AND c."kind" <> 'MISCONDUCT_REPORT'
    ORDER BY c."receivedAt" DESC
    LIMIT 20`;
  const best = rows
    .map((row) => ({ id: row.id, similarity: jaccard(row.common, row.theirs, mine.length) }))
    .filter((row) => row.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)[0];
  return best?.id ?? null;
}

/**
 * Art. 36, last paragraph: an earlier case from the same phone or email, in the same category, on a
 * similar text, that was decided on re-review (FINAL), however long ago. The new case is flagged to
 * the clerk as probably the same matter already decided; nothing is refused automatically.
 */
export async function findDecidedMatter(
  tx: Tx,
  fingerprints: { phone: string | null; email: string | null },
  categoryId: string,
  tokens: readonly string[],
  threshold: number,
): Promise<string | null> {
  const prints = [fingerprints.phone, fingerprints.email].filter((p): p is string => p !== null);
  const mine = [...new Set(tokens)];
  if (prints.length === 0 || mine.length === 0) return null;
  const rows = await tx.$queryRaw<CandidateRow[]>`
    SELECT c."id", c."clusterId",
      (SELECT count(*) FROM unnest(tsvector_to_array(c."searchVector")) AS t(token) WHERE t.token = ANY(${mine}::text[]))::int AS "common",
      cardinality(tsvector_to_array(c."searchVector"))::int AS "theirs"
    FROM "CaseContact" k JOIN "Case" c ON c."id" = k."caseId"
    WHERE (k."phoneFingerprint" = ANY(${prints}::text[]) OR k."emailFingerprint" = ANY(${prints}::text[]))
      AND c."categoryId" = ${categoryId}::uuid AND c."status" = 'FINAL' AND c."searchVector" IS NOT NULL
    ORDER BY c."receivedAt" DESC
    LIMIT 20`;
  const best = rows
    .map((row) => ({ id: row.id, similarity: jaccard(row.common, row.theirs, mine.length) }))
    .filter((row) => row.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)[0];
  return best?.id ?? null;
}
