// The period reports against a hand-built set of cases in March 2023 (Asia/Shanghai), far from
// the other suites' cases and in units of their own: every rate, median and count is checked by
// hand, the day-15/day-16 edge of the acceptance limit included, and so is the scope by unit tree.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeLapsedCases, rateCase, withdrawCase } from '#app/features/cases/citizen-actions.server.ts';
import { performCaseAction, type ActionInput } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { headline, type MeasureValue, type ScalarValue } from '#app/features/statistics/measures.ts';
import { computeReport, periodReport, type ReportData } from '#app/features/statistics/report.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';

const march = { kind: 'month', start: '2023-03-01', end: '2023-03-31' } as const;
const at = (local: string) => new Date(`${local}+08:00`);

let supervisor: Awaited<ReturnType<typeof staffUser>>;
const units = { parent: '', child: '', other: '' };
const ids: Record<string, string> = {};

async function unit(code: string, parentId: string | null) {
  return (
    await db().unit.create({
      data: { code: `${code}-${randomBytes(3).toString('hex')}`, nameZhHans: code, nameZhHant: code, nameEn: code, parentId },
    })
  ).id;
}

async function act(caseId: string, input: ActionInput, when: Date) {
  const { version } = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  const outcome = await performCaseAction(supervisor.actor, caseId, version, input, when);
  if (!outcome.ok) throw new Error(`${input.action} refused: ${JSON.stringify(outcome)}`);
}

/** A case received at `received` (local time), assigned a minute later to `unitId`. */
async function received(name: string, local: string, unitId: string, area = 'RPT东城区') {
  const when = at(local);
  const receipt = await submitCase(await validSubmission({ area }), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    now: when,
    receivedAt: when,
  });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  await act(row.id, { action: 'assign', unitId, assigneeId: null }, new Date(when.getTime() + 60_000));
  ids[name] = row.id;
  return row.id;
}

const value = (report: ReportData, key: string, period: 'current' | 'previous' | 'yearEarlier' = 'current'): MeasureValue => {
  const found = report.measures.find((m) => m.key === key);
  if (!found) throw new Error(`no measure ${key}`);
  return found[period];
};
const scalar = (report: ReportData, key: string, period: 'current' | 'previous' | 'yearEarlier' = 'current') =>
  headline(value(report, key, period) as ScalarValue);

beforeAll(async () => {
  supervisor = await staffUser('SUPERVISOR');
  units.parent = await unit('rpt-parent', null);
  units.child = await unit('rpt-child', units.parent);
  units.other = await unit('rpt-other', null);

  // A: accepted on day 15 (on time), replied on day 19 (on time), rated 4 and solved.
  const a = await received('A', '2023-03-01T10:00:00', units.parent);
  await act(a, { action: 'accept' }, at('2023-03-16T20:00:00'));
  await act(a, answeredReply('已答复'), at('2023-03-20T09:00:00'));
  await rateCase(a, { rating: 4, solved: 'YES', comment: '' });
  await db().satisfactionRating.update({ where: { caseId: a }, data: { createdAt: at('2023-03-25T12:00:00') } });
  // B: accepted on day 16: late.
  const b = await received('B', '2023-03-01T10:00:00', units.parent);
  await act(b, { action: 'accept' }, at('2023-03-17T09:00:00'));
  // C: declined on day 3.
  const c = await received('C', '2023-03-02T08:00:00', units.parent, 'RPT西城区');
  await act(c, { action: 'decline', reason: 'OUTSIDE_REMIT', detail: '', referral: '请向法院起诉' }, at('2023-03-05T15:00:00'));
  // D: never decided; its deadline (end of 18 March) passed: late, settled in March.
  await received('D', '2023-03-03T11:00:00', units.parent);
  // E: received late in March, undecided: its deadline falls in April.
  await received('E', '2023-03-25T11:00:00', units.parent);
  // F: received in February, accepted on 1 March (day 9): a March decision, February intake.
  const f = await received('F', '2023-02-20T10:00:00', units.parent);
  await act(f, { action: 'accept' }, at('2023-03-01T10:00:00'));
  // G, in the child unit: accepted on day 1, extended by 10 days, replied in May (on time).
  const g = await received('G', '2023-03-10T10:00:00', units.child);
  await act(g, { action: 'accept' }, at('2023-03-11T10:00:00'));
  await act(g, { action: 'extend', days: 10, reason: '需要现场调查' }, at('2023-03-12T10:00:00'));
  await act(g, answeredReply('已答复'), at('2023-05-15T10:00:00'));
  // W: withdrawn undecided before its deadline: owed no decision.
  const w = await received('W', '2023-03-04T10:00:00', units.parent);
  await withdrawCase(w, '已自行解决', at('2023-03-06T10:00:00'));
  // H, in another unit: outside the parent's scope.
  const h = await received('H', '2023-03-05T10:00:00', units.other);
  await act(h, { action: 'accept' }, at('2023-03-06T10:00:00'));
  // Closed when their review windows passed, as the sweep would: no replied case is left lapsed for
  // the suites that count what the sweep closes.
  await closeLapsedCases(at('2023-07-01T00:00:00'), 200, [a, g]);
});

describe('a month’s report for a unit and everything below it', () => {
  let report: ReportData;
  beforeAll(async () => {
    report = await computeReport({ kind: 'unit', unitId: units.parent, subtree: true }, march, { now: at('2023-06-01T00:00:00') });
  });

  it('counts the cases received in the month, by unit, channel and area, and the trend by day', () => {
    // A, B, C, D, E, G and W; F came in February, H belongs to another unit.
    expect(scalar(report, 'received')).toBe(7);
    expect(value(report, 'receivedByUnit')).toEqual({
      type: 'breakdown',
      dimension: 'unit',
      rows: [
        { key: units.parent, count: 6 },
        { key: units.child, count: 1 },
      ],
    });
    const channels = value(report, 'receivedByChannel');
    expect(channels.type === 'breakdown' && channels.rows.find((r) => r.key === 'ONLINE')?.count).toBe(7);
    const areas = value(report, 'receivedByArea');
    expect(areas.type === 'breakdown' && areas.rows[0]).toEqual({ key: 'RPT东城区', count: 6 });
    const trend = value(report, 'receivedTrend');
    expect(trend.type === 'breakdown' && trend.rows.find((r) => r.key === '2023-03-01')?.count).toBe(2);
    expect(report.buckets.current).toHaveLength(31);
    expect(scalar(report, 'received', 'previous')).toBe(1);
    expect(scalar(report, 'received', 'yearEarlier')).toBe(0);
  });

  it('counts a decision on day 15 as on time and on day 16 as late, and an undecided case late once its deadline passes', () => {
    // Settled in March: A (day 15), C, F, G on time; B (day 16) and D (never) late. W withdrew in
    // time; E's deadline is in April.
    expect(value(report, 'acceptedOnTime')).toEqual({ type: 'rate', numerator: 4, denominator: 6 });
    // Decisions made in March, days from receipt: G 1, C 3, F 9, A 15, B 16.
    const days = value(report, 'daysToAcceptance');
    expect(days).toMatchObject({ type: 'days', n: 5, median: 9 });
    expect(days.type === 'days' && days.p90).toBeCloseTo(15.6, 6);
    expect(scalar(report, 'decided')).toBe(5);
    expect(scalar(report, 'declined')).toBe(1);
    expect(scalar(report, 'deadlinesMissed')).toBe(2);
    // No sweep ran, so no supervision item was opened for the two late steps.
    expect(scalar(report, 'supervised')).toBe(0);
  });

  it('counts replies against 60 days, or 90 with the extension', () => {
    expect(value(report, 'repliedOnTime')).toEqual({ type: 'rate', numerator: 1, denominator: 1 });
    expect(value(report, 'daysToReply')).toEqual({ type: 'days', n: 1, median: 19, p90: 19 });
    expect(scalar(report, 'extensionsGranted')).toBe(1);
    // Seven cases received in March and F were assigned to the units in the scope.
    expect(scalar(report, 'assigned')).toBe(7);
  });

  it('reports the ratings given in the month', () => {
    expect(value(report, 'satisfactionMean')).toEqual({ type: 'mean', n: 1, mean: 4 });
    const solved = value(report, 'satisfactionSolved');
    expect(solved.type === 'breakdown' && solved.rows).toEqual([
      { key: 'YES', count: 1 },
      { key: 'PARTLY', count: 0 },
      { key: 'NO', count: 0 },
    ]);
  });

  it('ranks the units by cases and by missed deadlines', () => {
    const most = value(report, 'unitsMostCases');
    expect(most.type === 'ranking' && most.rows.map((r) => [r.key, r.value])).toEqual([
      [units.parent, 6],
      [units.child, 1],
    ]);
    const overdue = value(report, 'unitsMostOverdue');
    expect(overdue.type === 'ranking' && overdue.rows).toEqual([{ key: units.parent, value: 2, n: 2 }]);
    const complaints = value(report, 'unitsMostComplaints');
    expect(complaints.type === 'ranking' && complaints.rows[0]).toEqual({ key: units.parent, value: 6, n: 6 });
  });

  it('says what changed in the reader’s words: more cases than in February, mainly in one area', () => {
    expect(report.summary[0]).toEqual({ key: 'receivedRose', values: { percent: 600, cases: 7 } });
    expect(report.summary[1]).toMatchObject({ key: 'mainlyIn', values: { area: 'RPT东城区' } });
    expect(report.complete).toBe(true);
  });

  it('April settles E late', async () => {
    const april = await computeReport(
      { kind: 'unit', unitId: units.parent, subtree: true },
      { kind: 'month', start: '2023-04-01', end: '2023-04-30' },
      { now: at('2023-06-01T00:00:00') },
    );
    expect(value(april, 'acceptedOnTime')).toEqual({ type: 'rate', numerator: 0, denominator: 1 });
    // Before E's deadline, nothing is settled yet.
    const early = await computeReport(
      { kind: 'unit', unitId: units.parent, subtree: true },
      { kind: 'month', start: '2023-04-01', end: '2023-04-30' },
      { now: at('2023-04-05T00:00:00') },
    );
    expect(value(early, 'acceptedOnTime')).toEqual({ type: 'rate', numerator: 0, denominator: 0 });
    expect(early.complete).toBe(false);
  });
});

describe('the scope', () => {
  it('one unit without its parent: the child unit counts only its own cases', async () => {
    const child = await computeReport({ kind: 'unit', unitId: units.child, subtree: true }, march, { now: at('2023-06-01T00:00:00') });
    expect(scalar(child, 'received')).toBe(1);
    expect(value(child, 'acceptedOnTime')).toEqual({ type: 'rate', numerator: 1, denominator: 1 });
  });

  it('a handler reads their own unit only, and never another unit’s', async () => {
    const handler = await staffUser('HANDLER');
    await db().staffUser.update({ where: { id: handler.user.id }, data: { unitId: units.child } });
    const actor = { ...handler.actor, unitId: units.child };
    const own = await periodReport(actor, { period: march, unitId: null }, at('2023-06-01T00:00:00'));
    expect(own.scope).toEqual({ kind: 'unit', unitId: units.child, subtree: false });
    expect(own.excludesMisconduct).toBe(true);
    expect(scalar(own, 'received')).toBe(1);
    await expect(periodReport(actor, { period: march, unitId: units.parent })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('supervisors and analysts choose a unit; administrators read the whole office; clerks read none', async () => {
    const analyst = await staffUser('ANALYST');
    const report = await periodReport(analyst.actor, { period: march, unitId: units.parent }, at('2023-06-01T00:00:00'));
    expect(scalar(report, 'received')).toBe(7);
    const admin = await staffUser('ADMIN');
    await expect(periodReport(admin.actor, { period: march, unitId: units.parent })).rejects.toBeInstanceOf(ForbiddenError);
    const office = await periodReport(admin.actor, { period: march, unitId: null }, at('2023-06-01T00:00:00'));
    expect(office.scope).toEqual({ kind: 'office' });
    expect(scalar(office, 'received')).toBeGreaterThanOrEqual(8);
    const clerk = await staffUser('CLERK');
    await expect(periodReport(clerk.actor, { period: march, unitId: null })).rejects.toBeInstanceOf(ForbiddenError);
    // A unit that does not exist is a 404, not an empty report.
    await expect(periodReport(supervisor.actor, { period: march, unitId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
