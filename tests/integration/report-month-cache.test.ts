// The month cache of the report scans (features/statistics/month-cache.server.ts): a report read
// from kept months says exactly what a report counted from scratch says, after every kind of change
// that alters an ended month (a case moved to another unit, a rating, a late decision, a
// withdrawal, a reader withdrawing from a case). Cases in June 2022, in units of their own.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateCase, withdrawCase } from '#app/features/cases/citizen-actions.server.ts';
import { performCaseAction, type ActionInput } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { forgetReportMonths } from '#app/features/statistics/month-cache.server.ts';
import { computeReport, periodReport, type ReportData } from '#app/features/statistics/report.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';

const quarter = { kind: 'quarter', start: '2022-04-01', end: '2022-06-30' } as const;
const at = (local: string) => new Date(`${local}+08:00`);
const now = at('2022-10-01T00:00:00');
const juneStart = at('2022-06-01T00:00:00');

let supervisor: Awaited<ReturnType<typeof staffUser>>;
const units = { home: '', away: '' };
const cases: Record<string, string> = {};

async function act(caseId: string, input: ActionInput, when: Date) {
  const { version } = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  const outcome = await performCaseAction(supervisor.actor, caseId, version, input, when);
  if (!outcome.ok) throw new Error(`${input.action} refused: ${JSON.stringify(outcome)}`);
}

async function received(name: string, local: string) {
  const when = at(local);
  const receipt = await submitCase(await validSubmission({ area: 'CACHE区' }), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    now: when,
    receivedAt: when,
  });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  await act(row.id, { action: 'assign', unitId: units.home, assigneeId: null }, new Date(when.getTime() + 60_000));
  cases[name] = row.id;
  return row.id;
}

const homeScope = () => ({ kind: 'unit', unitId: units.home, subtree: true }) as const;
const receivedIn = (report: ReportData): number => {
  const value = report.measures.find((m) => m.key === 'received')!.current;
  if (value.type !== 'count') throw new Error(`received is a ${value.type}`);
  return value.value;
};

/** The report as the cache gives it, and as counted from scratch; they must agree. */
async function bothWays(read: () => Promise<ReportData>) {
  const cached = await read();
  await forgetReportMonths();
  const counted = await read();
  expect({ ...cached, generatedAt: '' }).toEqual({ ...counted, generatedAt: '' });
  return cached;
}

const keptJune = () => db().reportMonthCache.count({ where: { from: juneStart } });

beforeAll(async () => {
  supervisor = await staffUser('SUPERVISOR');
  for (const key of ['home', 'away'] as const) {
    const code = `cache-${key}-${randomBytes(3).toString('hex')}`;
    units[key] = (await db().unit.create({ data: { code, nameZhHans: code, nameZhHant: code, nameEn: code } })).id;
  }
  const a = await received('A', '2022-06-01T10:00:00');
  await act(a, { action: 'accept' }, at('2022-06-03T10:00:00'));
  await received('B', '2022-06-02T10:00:00');
  await received('C', '2022-06-10T10:00:00');
  await received('D', '2022-05-20T10:00:00');
});

describe('the month cache', () => {
  it('keeps the ended months of a report and gives the same figures from them', async () => {
    const first = await computeReport(homeScope(), quarter, { now });
    expect(await keptJune()).toBeGreaterThan(0);
    expect(receivedIn(first)).toBe(4);
    const again = await bothWays(() => computeReport(homeScope(), quarter, { now }));
    expect(again.measures).toEqual(first.measures);
  });

  it('forgets a month when one of its cases moves to another unit', async () => {
    await computeReport(homeScope(), quarter, { now });
    await db().case.update({ where: { id: cases.C! }, data: { unitId: units.away } });
    const report = await bothWays(() => computeReport(homeScope(), quarter, { now }));
    expect(receivedIn(report)).toBe(3);
  });

  it('forgets a month when a rating is given in it, a decision comes late, or a case is withdrawn', async () => {
    await computeReport(homeScope(), quarter, { now });
    expect(await keptJune()).toBeGreaterThan(0);
    await act(cases.A!, answeredReply('已答复'), at('2022-06-20T10:00:00'));
    await rateCase(cases.A!, { rating: 2, solved: 'NO', comment: '' });
    // Rated in June (the citizen's rating is stamped now; the figures count it when it was given).
    await db().satisfactionRating.update({ where: { caseId: cases.A! }, data: { createdAt: at('2022-06-25T10:00:00') } });
    // B's acceptance deadline passed in June undecided; it is decided now, late.
    await act(cases.B!, { action: 'accept' }, at('2022-09-01T10:00:00'));
    await withdrawCase(cases.D!, '已解决', at('2022-06-02T10:00:00'));
    const report = await bothWays(() => computeReport(homeScope(), quarter, { now }));
    expect(report.measures.find((m) => m.key === 'satisfactionMean')!.current).toEqual({ type: 'mean', n: 1, mean: 2 });
  });

  it('forgets a month for a reader who withdraws from one of its cases', async () => {
    const before = await periodReport(supervisor.actor, { period: quarter, unitId: units.home }, now);
    const recuse = (caseId: string) =>
      db().recusal.create({ data: { caseId, staffId: supervisor.actor.id, reason: '亲属关系', recordedById: supervisor.actor.id } });
    await recuse(cases.A!);
    const once = await bothWays(() => periodReport(supervisor.actor, { period: quarter, unitId: units.home }, now));
    expect(receivedIn(once)).toBe(receivedIn(before) - 1);
    // A second withdrawal keeps the reader's own key: the trigger, not a new key, must forget June.
    await periodReport(supervisor.actor, { period: quarter, unitId: units.home }, now);
    await recuse(cases.B!);
    const twice = await periodReport(supervisor.actor, { period: quarter, unitId: units.home }, now);
    expect(receivedIn(twice)).toBe(receivedIn(before) - 2);
    await bothWays(() => periodReport(supervisor.actor, { period: quarter, unitId: units.home }, now));
  });
});
