// The scheduled reports: on a Friday the 25th the worker prepares the week's risk list and the
// month's report; two workers running the job at once prepare each once and tell each supervisor
// once. The risk list names cases, never people, and only supervisors may open it.
import { beforeAll, describe, expect, it } from 'vitest';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { prepareDueReports, preparedRiskList } from '#app/features/statistics/prepared.server.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import * as weeklyRoute from '#app/routes/office+/reports.weekly.$key.tsx';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';

// Friday 25 November 2022, 07:00 in Asia/Shanghai: the week 2022-W47 and the month 2022-11 fall due.
const NOW = new Date('2022-11-25T07:00:00+08:00');
let supervisor: Awaited<ReturnType<typeof staffUser>>;
let orangeId = '';
const returned = { waiting: '', filedAgain: '' };
const personal: string[] = [];

beforeAll(async () => {
  supervisor = await staffUser('SUPERVISOR');
  // Seven co-signers: an orange case, open, on the risk list.
  const submission = await validSubmission({ coSignerCount: 7 });
  personal.push(submission.name ?? '', submission.phone ?? '', submission.email ?? '', submission.subject, submission.body);
  const receipt = await submitCase(submission, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans', now: NOW, receivedAt: NOW });
  orangeId = (await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } })).id;
  // Two assigned cases whose completion report was sent back: one waits for the unit's rework, the
  // other has its new report filed and waiting for a decision (not the unit's to do).
  for (const key of ['waiting', 'filedAgain'] as const) {
    const sent = await submitCase(await validSubmission(), {
      idempotencyKey: newIdempotencyKey(),
      locale: 'zh-Hans',
      now: NOW,
      receivedAt: NOW,
    });
    const row = await db().case.findUniqueOrThrow({ where: { receiptNo: sent.receiptNo } });
    await db().case.update({ where: { id: row.id }, data: { status: 'IN_PROGRESS' } });
    const report = { caseId: row.id, authorId: supervisor.user.id, findings: '已核实。' };
    await db().completionReport.create({ data: { ...report, status: 'RETURNED', decidedAt: NOW, decisionReason: '没有附上凭证。' } });
    if (key === 'filedAgain') await db().completionReport.create({ data: { ...report, status: 'PENDING' } });
    returned[key] = row.id;
  }
});

describe('the scheduled reports', () => {
  it('are prepared once, and each supervisor told once, when two workers run the job together', async () => {
    const [first, second] = await Promise.all([prepareDueReports(NOW), prepareDueReports(NOW)]);
    const done = [...first!, ...second!];
    expect(
      done
        .filter((r) => r.prepared)
        .map((r) => `${r.kind} ${r.key}`)
        .sort(),
    ).toEqual(['monthly 2022-11', 'weeklySweep 2022-W47']);
    expect(done.filter((r) => !r.prepared)).toHaveLength(2);
    // A third run the same day: nothing new.
    expect((await prepareDueReports(NOW)).every((r) => !r.prepared && r.queued === 0)).toBe(true);
    expect(await db().preparedReport.count({ where: { periodKey: { in: ['2022-W47', '2022-11'] } } })).toBe(2);

    const messages = await db().outboxMessage.findMany({
      where: { template: 'staff.reportReady', staffId: supervisor.user.id, dedupeKey: { contains: ':2022-' } },
      select: { dedupeKey: true, data: true },
    });
    expect(messages.map((m) => m.dedupeKey).sort()).toEqual([
      `staff.reportReady:${supervisor.user.id}:monthly:2022-11`,
      `staff.reportReady:${supervisor.user.id}:weeklySweep:2022-W47`,
    ]);
    const weekly = messages.find((m) => m.dedupeKey.includes('weeklySweep'))!.data as {
      prepared: { path: string; counts: { warned: number } };
    };
    expect(weekly.prepared.path).toBe('/office/reports/weekly/2022-W47');
    expect(weekly.prepared.counts.warned).toBeGreaterThanOrEqual(1);
    expect((weekly.prepared.counts as { returned?: number }).returned).toBeGreaterThanOrEqual(1);
  });

  it('lists the week’s orange and red cases by receipt number, and nothing about the people who wrote', async () => {
    const row = await db().preparedReport.findUniqueOrThrow({ where: { kind_periodKey: { kind: 'weeklySweep', periodKey: '2022-W47' } } });
    // Read back as the page reads it (a supervisor of no unit: every case).
    const { list } = await preparedRiskList(supervisor.actor, '2022-W47');
    expect(list.week).toEqual({ kind: 'week', start: '2022-11-21', end: '2022-11-27' });
    expect(list.warned.rows.some((c) => c.id === orangeId && c.level === 'ORANGE')).toBe(true);
    // Completion reports sent back: the case waiting for its rework, not the one filed again.
    const sentBack = list.returned?.rows.map((c) => c.id) ?? [];
    expect(sentBack).toContain(returned.waiting);
    expect(sentBack).not.toContain(returned.filedAgain);
    const text = JSON.stringify(row.data);
    for (const value of personal.filter((v) => v !== '')) expect(text).not.toContain(value);
  });

  it('opens the risk list for supervisors only', async () => {
    const page = async (role: 'SUPERVISOR' | 'ANALYST' | 'HANDLER' | 'ADMIN' | 'CLERK', key = '2022-W47') => {
      const user = role === 'SUPERVISOR' ? supervisor : await staffUser(role, role === 'HANDLER' ? 'dongcheng-district' : undefined);
      const token = await sessionToken(user.user.id);
      return await statusOf(() =>
        weeklyRoute.loader({ request: officeRequest(`/office/reports/weekly/${key}`, token), params: { key }, context: loadContext }),
      );
    };
    expect(await page('SUPERVISOR')).toBe(200);
    // A list prepared before completion reports sent back were listed still opens, without that section.
    const older = await db().preparedReport.findUniqueOrThrow({
      where: { kind_periodKey: { kind: 'weeklySweep', periodKey: '2022-W47' } },
    });
    const before = JSON.parse(JSON.stringify(older.data), (name, value: unknown) =>
      name === 'returned' ? undefined : value,
    ) as Prisma.InputJsonObject;
    await db().preparedReport.create({
      data: { kind: 'weeklySweep', periodKey: '2022-W46', periodFrom: older.periodFrom, periodTo: older.periodTo, data: before },
    });
    expect(await page('SUPERVISOR', '2022-W46')).toBe(200);
    expect(await page('SUPERVISOR', '2019-W01')).toBe(404);
    expect(await page('SUPERVISOR', 'nonsense')).toBe(404);
    for (const role of ['ANALYST', 'HANDLER', 'ADMIN', 'CLERK'] as const) expect(await page(role)).toBe(403);
  });
});
