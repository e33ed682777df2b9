// The public figures (/statistics) against a hand-built August 2020, far from the other suites'
// cases: the rates, the median and the satisfaction by hand, small counts withheld, reports of
// misconduct in the totals but never by unit, no personal data in the downloads, and the figures
// served from what the worker stored rather than recomputed per request.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeLapsedCases, rateCase } from '#app/features/cases/citizen-actions.server.ts';
import { performCaseAction, type ActionInput } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { forgetPublicFigures, publicFigures, refreshPublicFigures } from '#app/features/statistics/public-figures.server.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import * as pageRoute from '#app/routes/_portal+/statistics._index.tsx';
import * as csvRoute from '#app/routes/_resources+/statistics[.]csv.tsx';
import * as jsonRoute from '#app/routes/_resources+/statistics[.]json.tsx';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { loadContext, statusOf } from '../support/office-requests.ts';
import { answeredReply } from '../support/replies.ts';
import type { Submission } from '#app/features/cases/submission.ts';
import type { PublicFigures } from '#app/features/statistics/public-figures.ts';

const at = (local: string) => new Date(`${local}+08:00`);
/** The figures as of mid-July 2021: the months July 2020 to June 2021, the years 2021, 2020 and 2019. */
const NOW = at('2021-07-15T12:00:00');

let supervisor: Awaited<ReturnType<typeof staffUser>>;
const units = { p: '', q: '' };
const personal: string[] = [];

async function act(caseId: string, input: ActionInput, when: Date) {
  const { version } = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  const outcome = await performCaseAction(supervisor.actor, caseId, version, input, when);
  if (!outcome.ok) throw new Error(`${input.action} refused: ${JSON.stringify(outcome)}`);
}

async function received(local: string, unitId: string, overrides: Partial<Submission> = {}) {
  const when = at(local);
  const submission = await validSubmission({ area: 'PUB东城区', ...overrides });
  personal.push(submission.name ?? '', submission.phone ?? '', submission.email ?? '', submission.subject, submission.body);
  const receipt = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans', now: when, receivedAt: when });
  const id = (await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } })).id;
  await act(id, { action: 'assign', unitId, assigneeId: null }, new Date(when.getTime() + 60_000));
  return id;
}

const august = (figures: PublicFigures) => figures.months.find((p) => p.key === '2020-08')!;

beforeAll(async () => {
  supervisor = await staffUser('SUPERVISOR');
  const unit = async (code: string) =>
    (
      await db().unit.create({
        data: { code: `${code}-${randomBytes(3).toString('hex')}`, nameZhHans: code, nameZhHant: code, nameEn: code },
      })
    ).id;
  units.p = await unit('pub-p');
  units.q = await unit('pub-q');
  // Six complaints in unit P: accepted on day 2, replied on day 10, five of them rated.
  const replied: string[] = [];
  const ratings = [5, 5, 4, 4, 3];
  const solved = ['YES', 'YES', 'YES', 'PARTLY', 'NO'] as const;
  for (let i = 0; i < 6; i++) {
    const id = await received('2020-08-03T09:00:00', units.p);
    await act(id, { action: 'accept' }, at('2020-08-05T10:00:00'));
    await act(id, answeredReply('已答复'), at('2020-08-13T10:00:00'));
    replied.push(id);
    if (i < 5) {
      await rateCase(id, { rating: ratings[i]!, solved: solved[i]!, comment: '' });
      await db().satisfactionRating.update({ where: { caseId: id }, data: { createdAt: at('2020-08-25T10:00:00') } });
    }
  }
  // A report of misconduct about unit P: counted in the totals, never in P's row.
  const misconduct = await received('2020-08-04T09:00:00', units.p, { kind: 'MISCONDUCT_REPORT' });
  await act(misconduct, { action: 'accept' }, at('2020-08-05T10:00:00'));
  // Two cases in unit Q: too few to show.
  for (let i = 0; i < 2; i++) {
    const id = await received('2020-08-06T09:00:00', units.q);
    await act(id, { action: 'accept' }, at('2020-08-07T10:00:00'));
  }
  // Closed when their review window passed, as the sweep would: no replied case is left lapsed for
  // the suites that count what the sweep closes.
  await closeLapsedCases(at('2020-09-20T00:00:00'), 200, replied);
  await refreshPublicFigures(NOW);
});

describe('the public figures of a hand-built month', () => {
  it('covers the last 12 complete months and three years', async () => {
    const figures = await publicFigures();
    expect(figures.months.map((p) => p.key)).toEqual([
      '2020-07',
      '2020-08',
      '2020-09',
      '2020-10',
      '2020-11',
      '2020-12',
      '2021-01',
      '2021-02',
      '2021-03',
      '2021-04',
      '2021-05',
      '2021-06',
    ]);
    expect(figures.years.map((p) => [p.key, p.complete])).toEqual([
      ['2021', false],
      ['2020', true],
      ['2019', true],
    ]);
  });

  it('publishes the rates, the median and the satisfaction computed from 5 cases or more', async () => {
    const p = august(await publicFigures());
    expect(p.received).toBe(9);
    expect(p.acceptedOnTime).toEqual({ rate: 1, cases: 9 });
    expect(p.repliedOnTime).toEqual({ rate: 1, cases: 6 });
    expect(p.medianDaysToReply).toEqual({ days: 10, cases: 6 });
    expect(p.satisfaction).toEqual({ mean: 4.2, ratings: 5, solved: 0.6, partlySolved: 0.2, notSolved: 0.2 });
    expect(p.byChannel.find((row) => row.channel === 'ONLINE')?.received).toBe(9);
    expect(p.byChannel.filter((row) => row.channel !== 'ONLINE').every((row) => row.received === null)).toBe(true);
  });

  it('publishes the claims answered by outcome, and no share of changed opinions without 5 opinions', async () => {
    const p = august(await publicFigures());
    const claims = Object.fromEntries(p.outcomes.map((row) => [row.outcome, row.claims]));
    // Six complaints upheld; none explained or not upheld (withheld as fewer than 5, two of them, so
    // the six stay published); no other class answered.
    expect(claims).toEqual({
      UPHELD: 6,
      EXPLAINED: null,
      NOT_UPHELD: null,
      ADOPTED: null,
      PARTLY_ADOPTED: null,
      NOT_ADOPTED: null,
      SUBSTANTIATED: null,
      PARTLY_SUBSTANTIATED: null,
      NOT_SUBSTANTIATED: null,
      ANSWERED: null,
    });
    expect(p.reviewsChanged).toBeNull();
  });

  it('counts reports of misconduct in the totals only, and withholds a unit with fewer than 5 cases', async () => {
    const p = august(await publicFigures());
    expect(p.units.find((row) => row.unit === units.p)).toEqual({
      unit: units.p,
      received: 6,
      repliedOnTime: { rate: 1, cases: 6 },
      satisfaction: { mean: 4.2, ratings: 5 },
    });
    expect(p.units.find((row) => row.unit === units.q)).toEqual({ unit: units.q, received: null, repliedOnTime: null, satisfaction: null });
    // Q's two replies fell due in October unanswered: a rate from 2 cases is withheld.
    const october = (await publicFigures()).months.find((m) => m.key === '2020-10')!;
    expect(october.repliedOnTime).toBeNull();
  });

  it('is served from the stored figures until the worker recomputes them', async () => {
    const before = await publicFigures();
    const late = await received('2020-08-20T09:00:00', units.p);
    expect(late).toBeTruthy();
    forgetPublicFigures();
    const stored = await publicFigures();
    expect(stored.generatedAt).toBe(before.generatedAt);
    expect(august(stored).received).toBe(9);
    // An older computation (a slower worker) never replaces newer figures.
    await refreshPublicFigures(new Date(NOW.getTime() - 60_000));
    forgetPublicFigures();
    expect((await publicFigures()).generatedAt).toBe(NOW.toISOString());
    await refreshPublicFigures(new Date(NOW.getTime() + 60_000));
    expect(august(await publicFigures()).received).toBe(10);
  });
});

describe('the page and the downloads', () => {
  it('offer JSON and CSV without a trace of anyone who wrote', async () => {
    const json = await jsonRoute.loader({ request: new Request('http://localhost/statistics.json'), params: {}, context: loadContext });
    expect(json.headers.get('Content-Type')).toContain('application/json');
    const text = await json.text();
    const parsed = JSON.parse(text) as PublicFigures;
    expect(parsed.schema).toBe('petition-desk/public-statistics/1');
    expect(parsed.threshold).toBe(5);
    const csv = await (
      await csvRoute.loader({ request: new Request('http://localhost/statistics.csv?lang=en'), params: {}, context: loadContext })
    ).text();
    expect(csv).toContain('2020-08,2020-08-01,2020-08-31,yes,received,,,,10,');
    expect(csv).toContain('2020-08,2020-08-01,2020-08-31,yes,claims_answered,outcome,UPHELD,,6,');
    // The withheld unit Q has no row at all.
    expect(csv).not.toContain(units.q);
    for (const value of personal.filter((v) => v !== '')) {
      expect(text).not.toContain(value);
      expect(csv).not.toContain(value);
    }
  });

  it('shows a period asked for, and answers a malformed or unknown one with a 404', async () => {
    const page = (query: string) =>
      pageRoute.loader({
        request: new Request(`http://localhost/statistics${query}`, { headers: { 'Accept-Language': 'en' } }),
        params: {},
        context: loadContext,
      });
    expect((await page('?period=2020-08')).detailKey).toBe('2020-08');
    expect((await page('')).detailKey).toBe('2021');
    expect(await statusOf(() => page('?period=2018'))).toBe(404);
    expect(await statusOf(() => page('?period=%27%3Bdrop'))).toBe(404);
  });
});

describe('a stored row that does not fit', () => {
  it('is treated as absent and computed again, never a 500', async () => {
    const kept = await db().publishedStatistics.findUniqueOrThrow({ where: { key: 'public' } });
    // The shape before outcomes were published, and a row that is not figures at all.
    const older = JSON.parse(JSON.stringify(kept.data), (key, value: unknown) =>
      key === 'outcomes' ? undefined : value,
    ) as Prisma.InputJsonObject;
    for (const broken of [older, { schema: 'petition-desk/public-statistics/1', months: 'none' }]) {
      await db().publishedStatistics.update({ where: { key: 'public' }, data: { data: broken } });
      forgetPublicFigures();
      const figures = await publicFigures();
      expect(figures.months).toHaveLength(12);
      expect(figures.months.every((p) => p.outcomes.length === 10)).toBe(true);
      const page = await pageRoute.loader({ request: new Request('http://localhost/statistics'), params: {}, context: loadContext });
      expect(page.figures.generatedAt).toBe(figures.generatedAt);
    }
    // Computed as of now and stored in place of the row that did not fit.
    const stored = await db().publishedStatistics.findUniqueOrThrow({ where: { key: 'public' } });
    expect(stored.computedAt.getTime()).toBeGreaterThan(kept.computedAt.getTime());
    expect(JSON.stringify(stored.data)).toContain('"outcomes"');
    // The figures of the hand-built month again, for whatever runs next.
    await db().publishedStatistics.delete({ where: { key: 'public' } });
    await refreshPublicFigures(NOW);
    forgetPublicFigures();
  });
});
