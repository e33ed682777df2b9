// The word index of a case (ADR 0012), and bringing old rows up to date. A migration cannot run
// jieba, so a case written before the word index existed, or under an older version of it, has an
// older searchIndexVersion; the worker re-indexes those rows at start, a batch at a time, and any
// number of workers share the work (SKIP LOCKED). Until a row is done, search finds it through its
// character pairs (case-search.server.ts).
import { db } from '#app/platform/db.server.ts';
import { weightedTsvectorLiteral } from './search-tokens.ts';
import { documentWords } from './word-segmenter.server.ts';

/** Raise it whenever documentWords changes what it produces: every row is then re-indexed. */
export const SEARCH_INDEX_VERSION = 1;

/** The tsvector literal of a case's words: the subject's weigh more (A) than the body's (D). */
export function wordVectorLiteral(subject: string, body: string): string {
  return weightedTsvectorLiteral([
    { tokens: documentWords(subject), weight: 'A' },
    { tokens: documentWords(body), weight: 'D' },
  ]);
}

interface OutdatedRow {
  id: string;
  subject: string;
  body: string;
}

/**
 * Re-indexes one batch of outdated cases and returns how many it did (0 when none are left). The
 * rows are locked while they are worked on, and rows another worker holds are skipped.
 */
export async function reindexBatch(batchSize = 500): Promise<number> {
  return await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<OutdatedRow[]>`
      SELECT "id", "subject", "body" FROM "Case"
      WHERE "searchIndexVersion" < ${SEARCH_INDEX_VERSION}
      ORDER BY "searchIndexVersion", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return 0;
    // Neither updatedAt nor version moves: nothing about the case changed for the people working it.
    await tx.$executeRaw`
      UPDATE "Case" c SET "wordVector" = v.vector::tsvector, "searchIndexVersion" = ${SEARCH_INDEX_VERSION}
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => wordVectorLiteral(r.subject, r.body))}::text[]) AS v(id, vector)
      WHERE c."id" = v.id`;
    return rows.length;
  });
}

/** Re-indexes every outdated case, batch by batch, until none is left or `shouldStop` says so. */
export async function reindexOutdatedCases(options: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    if (options.shouldStop?.()) return total;
    const done = await reindexBatch(options.batchSize);
    if (done === 0) return total;
    total += done;
    // Let the web requests this process serves go first between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let outdated: { checkedAt: number; value: boolean } | null = null;
const OUTDATED_CHECK_MS = 30_000;

/**
 * Whether some cases still wait for their word index (search then also reads their character
 * pairs). Asked at most every 30 seconds: during a rolling deploy, an instance of the previous
 * version may still write cases without words.
 */
export async function hasOutdatedCases(now = Date.now()): Promise<boolean> {
  if (outdated && now - outdated.checkedAt < OUTDATED_CHECK_MS) return outdated.value;
  const rows = await db().$queryRaw<{ exists: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Case" WHERE "searchIndexVersion" < ${SEARCH_INDEX_VERSION}) AS "exists"`;
  outdated = { checkedAt: now, value: rows[0]?.exists ?? false };
  return outdated.value;
}

/** Tests: forget the cached answer. */
export function forgetOutdatedCheck(): void {
  outdated = null;
}
