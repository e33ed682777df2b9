// Does staff search find what staff look for? The relevance set (tests/support/search-relevance-set.ts)
// holds realistic letters and queries with the letters a person expects each to find; over all of
// them, search must find at least 95 % of the expected letters (recall) and at least 90 % of what
// it finds must be expected (precision).
import { beforeAll, describe, expect, it } from 'vitest';
import { queuePage, QueueFilters } from '#app/features/cases/queue.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, validSubmission } from '../support/fixtures.ts';
import { LETTERS, QUERIES } from '../support/search-relevance-set.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const CLERK: Actor = { id: '00000000-0000-4000-8000-000000000003', role: 'CLERK', unitId: null };

/** The letter's id by case id, for this run's cases only (the database is shared with other tests). */
const letterOf = new Map<string, string>();

beforeAll(async () => {
  const run = newIdempotencyKey();
  for (const [i, letter] of LETTERS.entries()) {
    // An area of its own each: letters about different things must not gather into clusters.
    const submission = await validSubmission({ subject: letter.subject, body: letter.body, area: `relevance-${run}-${i}` });
    const { receiptNo } = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const row = await db().case.findUniqueOrThrow({ where: { receiptNo }, select: { id: true } });
    letterOf.set(row.id, letter.id);
  }
}, 120_000);

describe('the search relevance set', () => {
  it('has at least 40 letters and 30 queries', () => {
    expect(LETTERS.length).toBeGreaterThanOrEqual(40);
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
  });

  it('finds at least 95 % of the expected letters, and at least 90 % of what it finds was expected', async () => {
    let expectedTotal = 0;
    let foundTotal = 0;
    let correct = 0;
    const misses: string[] = [];
    for (const q of QUERIES) {
      const { rows } = await queuePage(CLERK, QueueFilters.parse({ q: q.query }), new Date(), 10_000);
      const found = [...new Set(rows.flatMap((row) => letterOf.get(row.id) ?? []))].sort();
      const expected = [...q.expected].sort();
      const hits = found.filter((id) => expected.includes(id));
      expectedTotal += expected.length;
      foundTotal += found.length;
      correct += hits.length;
      if (hits.length !== expected.length || found.length !== hits.length) {
        misses.push(`${q.query} (${q.kind}): expected ${expected.join(' ')}; found ${found.join(' ') || 'nothing'}`);
      }
    }
    const recall = correct / expectedTotal;
    const precision = foundTotal === 0 ? 0 : correct / foundTotal;
    const report = `recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} over ${QUERIES.length} queries\n${misses.join('\n')}`;
    console.log(report);
    expect(recall, report).toBeGreaterThanOrEqual(0.95);
    expect(precision, report).toBeGreaterThanOrEqual(0.9);
  });
});
