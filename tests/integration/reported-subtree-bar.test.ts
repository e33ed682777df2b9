// The bar on a report of misconduct (arts. 30, 46(5), ADR 0009) where statute-promises.test.ts does
// not look: staff messages and the overdue digest, cluster pages and the board's counts, the figures
// (statistics, period reports, the ledger, the weekly risk list), the audit log and saved views.
// Every check is made for people of the reported unit and of a unit below it, and against someone
// outside the subtree who does get the report, so that each one would fail without the bar.
import { describe, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { auditLogPage, AuditFilters, type AuditRow } from '#app/features/audit/log.server.ts';
import { OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { officeQueue, queuePage, QueueFilters } from '#app/features/cases/queue.server.ts';
import { saveView, savedViews } from '#app/features/cases/saved-views.server.ts';
import { performCaseAction, viewContact } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { boardCaseIds } from '#app/features/early-warning/board.ts';
import { clusterPage, earlyWarningBoard, openClusters, type EarlyWarningBoard } from '#app/features/early-warning/clusters.server.ts';
import { headline, type ScalarValue } from '#app/features/statistics/measures.ts';
import { periodContaining, periodKey } from '#app/features/statistics/periods.ts';
import { prepareReport, preparedRiskList, type RiskList } from '#app/features/statistics/prepared.server.ts';
import { periodReport, type ReportData } from '#app/features/statistics/report.server.ts';
import { caseStatistics, type CaseStatistics } from '#app/features/statistics/statistics.server.ts';
import { runDeadlineSweep } from '#app/jobs/deadline-sweep.server.ts';
import { queueOverdueDigest } from '#app/jobs/overdue-digest.server.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import * as ledgerRoute from '#app/routes/office+/reports.ledger.tsx';
import { anyCategoryId, newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';
import type { Submission } from '#app/features/cases/submission.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const DAY = 86_400_000;
type Person = Awaited<ReturnType<typeof staffUser>>;

/** A letter received at `at` (now by default), as its row. */
async function received(overrides: Partial<Submission>, at?: Date) {
  const receipt = await submitCase(await validSubmission(overrides), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    now: at,
    receivedAt: at,
  });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

/** A report of misconduct about the municipal public security bureau. */
async function reportAboutPolice(overrides: Partial<Submission> = {}, at?: Date) {
  return await received(
    {
      kind: 'MISCONDUCT_REPORT',
      categoryId: await anyCategoryId('law-and-justice'),
      subject: '派出所民警索要好处费',
      body: `派出所民警多次向商户索要好处费。${newIdempotencyKey()}`,
      reportedUnitId: await unitId('public-security'),
      reportedOfficial: '王某',
      ...overrides,
    },
    at,
  );
}

// Made before the reports, so that every message a report causes could have reached them.
let barred: Record<string, Person>;
let outside: Record<string, Person>;
/** Received years ago with seven co-signers: orange, overdue, under supervision once swept. */
let report: Awaited<ReturnType<typeof reportAboutPolice>>;
/** An overdue complaint the barred may see, so that they have a digest to look into. */
let complaint: Awaited<ReturnType<typeof received>>;

beforeAll(async () => {
  barred = {
    'supervisor of the unit': await staffUser('SUPERVISOR', 'public-security'),
    'handler of the unit': await staffUser('HANDLER', 'public-security'),
    'clerk of the unit': await staffUser('CLERK', 'public-security'),
    'admin of the unit': await staffUser('ADMIN', 'public-security'),
    'analyst of the unit': await staffUser('ANALYST', 'public-security'),
    'supervisor below it': await staffUser('SUPERVISOR', 'public-security-dongcheng'),
    'clerk below it': await staffUser('CLERK', 'public-security-dongcheng'),
    'admin below it': await staffUser('ADMIN', 'public-security-dongcheng'),
  };
  outside = {
    supervisor: await staffUser('SUPERVISOR'),
    'supervisor of another unit': await staffUser('SUPERVISOR', 'justice'),
    clerk: await staffUser('CLERK'),
    admin: await staffUser('ADMIN'),
    analyst: await staffUser('ANALYST'),
    'handler of the discipline body': await staffUser('HANDLER', 'discipline-inspection'),
  };
  // Older than nearly every other suite's open cases, so it heads the lists it is on; younger than
  // the 3650-day case that deadline-sweep.test.ts expects at the head of its digest.
  const longAgo = new Date(Date.now() - 3400 * DAY);
  report = await reportAboutPolice({ coSignerCount: 7 }, longAgo);
  complaint = await received({ area: `测试区-${newIdempotencyKey()}` }, longAgo);
  await runDeadlineSweep({ caseIds: [report.id, complaint.id] });
});

describe('staff messages and the overdue digest', () => {
  it('tell nobody of the subtree about the report: no alert, no supervision message, nothing in their digest', async () => {
    const reloaded = await db().case.findUniqueOrThrow({ where: { id: report.id } });
    expect([reloaded.warningLevel, reloaded.missedDeadlines, reloaded.supervisionOpenedAt !== null]).toEqual(['ORANGE', 1, true]);

    // The orange alert at receipt and the supervision opened by the sweep go to every supervisor outside.
    const about = await db().outboxMessage.findMany({ where: { caseId: report.id, recipientType: 'STAFF' } });
    const templatesFor = (person: Person) =>
      about
        .filter((m) => m.staffId === person.user.id)
        .map((m) => m.template)
        .sort();
    for (const who of ['supervisor', 'supervisor of another unit'])
      expect([who, templatesFor(outside[who]!)]).toEqual([who, ['staff.supervision', 'staff.warningAlert']]);
    for (const [who, person] of Object.entries(barred)) expect([who, templatesFor(person)]).toEqual([who, []]);

    // Yesterday at noon in Shanghai: both cases are overdue, and the digest's day is fixed.
    const today = new Date();
    const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 1, 4));
    const run = await queueOverdueDigest({ now });
    const Digest = z.object({
      digest: z.object({ total: z.number(), cases: z.array(z.object({ id: z.string(), receiptNo: z.string() })) }),
    });
    const digestOf = async (person: Person) => {
      const message = await db().outboxMessage.findUnique({ where: { dedupeKey: `staff.overdueDigest:${person.user.id}:${run.date}` } });
      return message ? Digest.parse(message.data).digest : null;
    };
    const open = { status: { in: [...OPEN_STATUSES] }, nextDueAt: { lt: now } } satisfies Prisma.CaseWhereInput;
    const overdue = await db().case.count({ where: open });
    const theirs = await digestOf(outside.supervisor!);
    expect(theirs?.total).toBe(overdue);
    expect(theirs?.cases.map((c) => c.id)).toEqual(expect.arrayContaining([report.id, complaint.id]));
    for (const who of ['supervisor of the unit', 'supervisor below it']) {
      const person = barred[who]!;
      // Every overdue case but the reports about their unit or one above it.
      const kept = await db().case.count({
        where: { ...open, reportedParty: { is: { unitId: { in: [...(person.actor.unitLineage ?? [])] } } } },
      });
      expect(kept).toBeGreaterThanOrEqual(1);
      const digest = await digestOf(person);
      expect([who, digest?.total]).toEqual([who, overdue - kept]);
      expect([who, digest?.cases.some((c) => c.id === complaint.id)]).toEqual([who, true]);
      expect([who, JSON.stringify(digest)]).not.toEqual([who, expect.stringContaining(report.receiptNo)]);
    }
  });
});

describe('cluster pages and the early-warning board', () => {
  it('list nothing of the report to the subtree and leave it out of their counts', async () => {
    const area = `测试区-${newIdempotencyKey()}`;
    const text = { subject: '派出所乱罚款', body: '东城区派出所民警对商户乱罚款，不开收据，请求查处。' };
    const law = await anyCategoryId('law-and-justice');
    const complaints: string[] = [];
    for (let i = 0; i < 6; i++) complaints.push((await received({ area, categoryId: law, ...text })).id);
    const clusterId = (await db().case.findUniqueOrThrow({ where: { id: complaints[0]! } })).clusterId;
    if (!clusterId) throw new Error('the six complaints made no cluster');
    // Same words, same area: orange (seven co-signers), but never in the cluster.
    const similar = await reportAboutPolice({ area, ...text, coSignerCount: 7 });
    expect(similar.clusterId).toBeNull();

    // No code puts a report in a cluster; written in by hand, the pages must still leave it out.
    await db().case.update({ where: { id: similar.id }, data: { clusterId } });
    try {
      const people: [string, Actor][] = [
        ['supervisor of the unit', barred['supervisor of the unit']!.actor],
        ['clerk of the unit', barred['clerk of the unit']!.actor],
        ['supervisor below it', barred['supervisor below it']!.actor],
        ['supervisor outside', outside.supervisor!.actor],
      ];
      for (const [who, actor] of people) {
        const page = await clusterPage(actor, clusterId);
        expect([who, page.size, page.cases.map((c) => c.id).sort()]).toEqual([who, 6, [...complaints].sort()]);
        const row = (await earlyWarningBoard(actor)).entries.find((e) => e.id === clusterId);
        expect([who, row?.kind === 'cluster' ? row.cluster.size : null]).toEqual([who, 6]);
        expect([who, (await openClusters(actor)).find((k) => k.id === clusterId)?.size]).toEqual([who, 6]);
      }
    } finally {
      await db().case.update({ where: { id: similar.id }, data: { clusterId: null } });
    }

    // The board's own rows of cases: every open orange or red case but the reports about their unit
    // or one above it. Cases pinned for safety come first, each on its row, read apart; of the rest,
    // a case of an open cluster is in its cluster's row (the people here all see clusters).
    const warned = { status: { in: [...OPEN_STATUSES] }, warningLevel: { in: ['ORANGE' as const, 'RED' as const] } };
    const pinned = { status: { in: [...OPEN_STATUSES] }, welfareConcern: true, warningLevel: 'RED' as const };
    const alone = { AND: [warned, { NOT: { welfareConcern: true, warningLevel: 'RED' as const } }, { clusterId: null }] };
    const rowsOf = (board: EarlyWarningBoard) => ({
      pinned: board.entries.filter((e) => e.kind === 'case' && e.pinned).length,
      alone: board.entries.filter((e) => e.kind === 'case' && !e.pinned).length,
    });
    const count = async (where: Prisma.CaseWhereInput) => Math.min(200, await db().case.count({ where }));
    expect(rowsOf(await earlyWarningBoard(outside.supervisor!.actor))).toEqual({ pinned: await count(pinned), alone: await count(alone) });
    // The discipline body's own board (its unit's cases only) shows both, whatever other suites left.
    const discipline = await earlyWarningBoard(outside['handler of the discipline body']!.actor);
    expect(boardCaseIds(discipline.entries)).toEqual(expect.arrayContaining([similar.id, report.id]));
    for (const who of ['supervisor of the unit', 'clerk of the unit', 'supervisor below it']) {
      const actor = barred[who]!.actor;
      const keptFrom = { reportedParty: { is: { unitId: { in: [...(actor.unitLineage ?? [])] } } } };
      const kept = await db().case.count({ where: { ...warned, ...keptFrom } });
      expect(kept).toBeGreaterThanOrEqual(2);
      const theirs = await earlyWarningBoard(actor);
      expect([who, boardCaseIds(theirs.entries).some((id) => id === similar.id || id === report.id)]).toEqual([who, false]);
      expect([who, rowsOf(theirs)]).toEqual([
        who,
        { pinned: await count({ AND: [pinned, { NOT: keptFrom }] }), alone: await count({ AND: [alone, { NOT: keptFrom }] }) },
      ]);
    }
  });
});

describe('statistics, period reports, the ledger and the weekly risk list', () => {
  const figureReaders = () =>
    [
      ['supervisor of the unit', 'analyst of the unit', 'admin of the unit', 'supervisor below it', 'admin below it'].map(
        (who) => [who, barred[who]!.actor] as const,
      ),
      ['supervisor', 'analyst', 'admin', 'supervisor of another unit'].map((who) => [who, outside[who]!.actor] as const),
    ] as const;

  it('the current figures of /office/statistics do not count it for anyone of the subtree', async () => {
    const now = new Date();
    const [subtree, others] = figureReaders();
    const figures = async (readers: readonly (readonly [string, Actor])[]) =>
      new Map<string, CaseStatistics>(
        await Promise.all(readers.map(async ([who, a]) => [who, await caseStatistics('en', now, a)] as const)),
      );
    const before = { subtree: await figures(subtree), others: await figures(others) };
    const fresh = await reportAboutPolice({}, new Date(now.getTime() - 60_000));
    const after = { subtree: await figures(subtree), others: await figures(others) };

    for (const [who] of subtree) expect([who, after.subtree.get(who)]).toEqual([who, before.subtree.get(who)]);
    const discipline = await unitId('discipline-inspection');
    const kindCount = (s: CaseStatistics | undefined) => s?.byKind.find((row) => row.key === 'MISCONDUCT_REPORT')?.count ?? 0;
    const unitCount = (s: CaseStatistics | undefined) => s?.byUnit.find((row) => row.id === discipline)?.total ?? 0;
    for (const [who] of others) {
      const [was, is] = [before.others.get(who), after.others.get(who)];
      expect([who, (is?.total ?? 0) - (was?.total ?? 0), kindCount(is) - kindCount(was), unitCount(is) - unitCount(was)]).toEqual([
        who,
        1,
        1,
        1,
      ]);
    }
    expect(fresh.unitId).toBe(discipline);
  });

  // A week of 2018 of its own (Asia/Shanghai): no other suite receives cases in it.
  const week = { kind: 'week', start: '2018-06-11', end: '2018-06-17' } as const;
  const inWeek = new Date('2018-06-12T10:00:00+08:00');

  it('a period report, for the office or for the discipline body, does not count it for anyone of the subtree', async () => {
    const now = new Date();
    const [subtree, others] = figureReaders();
    const discipline = await unitId('discipline-inspection');
    // Admins read the whole office only; supervisors and analysts choose a unit too.
    const choices = (actor: Actor) => (actor.role === 'ADMIN' ? [null] : [null, discipline]);
    const reports = async (readers: readonly (readonly [string, Actor])[]) => {
      const out = new Map<string, ReportData>();
      for (const [who, actor] of readers)
        for (const unit of choices(actor))
          out.set(`${who} ${unit ?? 'office'}`, await periodReport(actor, { period: week, unitId: unit }, now));
      return out;
    };
    const before = { subtree: await reports(subtree), others: await reports(others) };
    const inTheWeek = await reportAboutPolice({}, inWeek);
    // Declined the next day: an event of the week too, which the whole office counts without a join.
    const decline = { action: 'decline', reason: 'OUTSIDE_REMIT', detail: '', referral: '请向有关机关反映' } as const;
    const declined = await performCaseAction(
      outside.clerk!.actor,
      inTheWeek.id,
      inTheWeek.version,
      decline,
      new Date(inWeek.getTime() + DAY),
    );
    expect(declined.ok).toBe(true);
    const after = { subtree: await reports(subtree), others: await reports(others) };

    expect(before.subtree.size).toBe(8);
    for (const [key, report] of after.subtree) expect([key, report]).toEqual([key, before.subtree.get(key)]);
    const count = (r: ReportData | undefined, measure: string) =>
      headline((r?.measures.find((m) => m.key === measure)?.current ?? { type: 'count', value: 0 }) as ScalarValue) ?? 0;
    const grew = (key: string, measure: string) => count(after.others.get(key), measure) - count(before.others.get(key), measure);
    expect(before.others.size).toBe(7);
    for (const key of after.others.keys()) expect([key, grew(key, 'received'), grew(key, 'declined')]).toEqual([key, 1, 1]);
  });

  it('the ledger of the week has no row for it for anyone of the subtree, subjects or not', async () => {
    const inLedger = await reportAboutPolice({ subject: `举报民警${newIdempotencyKey()}` }, new Date('2018-06-13T10:00:00+08:00'));
    const discipline = await unitId('discipline-inspection');
    const ledger = async (person: Person, fields: Record<string, string>) => {
      const response = await ledgerRoute.action({
        request: officeRequest('/office/reports/ledger', await sessionToken(person.user.id), {
          method: 'POST',
          body: formData({ period: 'week', date: '2018-06-13', format: 'csv', ...fields }),
          acceptLanguage: 'en',
        }),
        params: {},
        context: loadContext,
      });
      if (!(response instanceof Response) || response.status !== 200) throw new Error(`no ledger: ${JSON.stringify(response)}`);
      return await response.text();
    };
    const asked: Record<string, string>[] = [{}, { unit: discipline }, { includeSubject: 'yes', reason: '核对举报件办理情况' }];
    for (const fields of asked) {
      expect(await ledger(outside.supervisor!, fields)).toContain(inLedger.receiptNo);
      for (const who of ['supervisor of the unit', 'analyst of the unit', 'supervisor below it']) {
        if (fields.includeSubject && barred[who]!.actor.role === 'ANALYST') continue;
        const text = await ledger(barred[who]!, fields);
        expect([who, fields, text.includes(inLedger.receiptNo) || text.includes(inLedger.subject)]).toEqual([who, fields, false]);
      }
    }
  });

  it('the weekly risk list and its message leave it out for the supervisors of the subtree', async () => {
    // The list is of the cases open now, prepared under a week of its own (no other suite prepares it).
    const period = periodContaining('week', { year: 2017, month: 3, day: 8 });
    const key = periodKey(period);
    const now = new Date();
    expect((await prepareReport({ kind: 'weeklySweep', period, key }, now)).prepared).toBe(true);

    const open = { status: { in: [...OPEN_STATUSES] } };
    const sections = {
      warned: { ...open, warningLevel: { in: ['ORANGE' as const, 'RED' as const] } },
      due: { ...open, nextDueAt: { lt: new Date(now.getTime() + 3 * DAY) } },
    } satisfies Record<string, Prisma.CaseWhereInput>;
    const ids = (list: RiskList, section: 'warned' | 'due') => list[section].rows.map((row) => row.id);
    const Counts = z.object({ prepared: z.object({ counts: z.object({ warned: z.number(), due: z.number() }) }) });
    const countsFor = async (person: Person) => {
      const message = await db().outboxMessage.findUniqueOrThrow({
        where: { dedupeKey: `staff.reportReady:${person.user.id}:weeklySweep:${key}` },
      });
      return Counts.parse(message.data).prepared.counts;
    };

    const theirs = (await preparedRiskList(outside.supervisor!.actor, key)).list;
    expect(ids(theirs, 'warned')).toContain(report.id);
    expect(ids(theirs, 'due')).toContain(report.id);
    const full = await countsFor(outside.supervisor!);
    expect(full).toEqual({ warned: theirs.warned.total, due: theirs.due.total });

    for (const who of ['supervisor of the unit', 'supervisor below it']) {
      const person = barred[who]!;
      const lineage = [...(person.actor.unitLineage ?? [])];
      const list = (await preparedRiskList(person.actor, key)).list;
      const counts = await countsFor(person);
      for (const section of ['warned', 'due'] as const) {
        const kept = await db().case.count({ where: { ...sections[section], reportedParty: { is: { unitId: { in: lineage } } } } });
        expect(kept).toBeGreaterThanOrEqual(1);
        expect([who, section, ids(list, section).includes(report.id)]).toEqual([who, section, false]);
        expect([who, section, list[section].total, counts[section]]).toEqual([who, section, full[section] - kept, full[section] - kept]);
      }
      expect([who, JSON.stringify(list)]).not.toEqual([who, expect.stringContaining(report.receiptNo)]);
    }
  });
});

describe('the audit log', () => {
  it('shows an admin of the subtree no entry that names the report, and the rest as if it did not exist', async () => {
    // A complaint from the reporter's own phone: a search by that number finds both.
    const phone = (await db().caseContact.findUniqueOrThrow({ where: { caseId: report.id } })).phone;
    if (!phone) throw new Error('the report has no phone number');
    const sameCaller = await received({ phone, area: `测试区-${newIdempotencyKey()}` });
    const clerk = await staffUser('CLERK');
    await viewContact(clerk.actor, report.id, '192.0.2.30');
    await viewContact(clerk.actor, sameCaller.id, '192.0.2.30');
    const found = await queuePage(clerk.actor, QueueFilters.parse({ q: phone, all: '1' }), new Date(), 50, { ipAddress: '192.0.2.30' });
    expect(found.rows.map((r) => r.id).sort()).toEqual([report.id, sameCaller.id].sort());
    // An entry about no record at all (a sign-out) has nothing to do with the report.
    await audit({ action: 'signOut', actorId: clerk.user.id, ipAddress: '192.0.2.30' });

    const entries = async (actor: Actor) => (await auditLogPage(actor, AuditFilters.parse({ staff: clerk.user.id }), 'en')).rows;
    const search = (rows: AuditRow[]) => {
      const row = rows.find((r) => r.action === 'contact.searched');
      return row ? z.object({ found: z.number(), receiptNos: z.array(z.string()) }).parse(JSON.parse(row.details)) : null;
    };
    const viewed = (rows: AuditRow[]) => rows.filter((r) => r.action === 'contact.viewed').map((r) => r.target?.id);

    const full = await entries(outside.admin!.actor);
    expect(viewed(full).sort()).toEqual([report.id, sameCaller.id].sort());
    expect(full.some((r) => r.action === 'signOut')).toBe(true);
    expect(search(full)).toEqual({ found: 2, receiptNos: expect.arrayContaining([report.receiptNo, sameCaller.receiptNo]) });

    for (const who of ['admin of the unit', 'admin below it']) {
      const rows = await entries(barred[who]!.actor);
      expect([who, viewed(rows)]).toEqual([who, [sameCaller.id]]);
      expect([who, rows.some((r) => r.action === 'signOut')]).toEqual([who, true]);
      expect([who, search(rows)]).toEqual([who, { found: 1, receiptNos: [sameCaller.receiptNo] }]);
      const text = JSON.stringify(rows);
      expect([who, text.includes(report.id) || text.includes(report.receiptNo)]).toEqual([who, false]);
    }
  });
});

describe('saved views', () => {
  it('never find the report for anyone of the subtree, whatever the view keeps', async () => {
    const queries = [
      `q=${report.receiptNo}&all=1`,
      `view=overdue&kind=MISCONDUCT_REPORT&q=${report.receiptNo}`,
      `view=supervision&q=${report.receiptNo}`,
    ];
    const found = async (actor: Actor) => {
      for (const [i, query] of queries.entries())
        await saveView(actor, new URLSearchParams({ intent: 'saveView', name: `举报${i}`, query }));
      const views = await savedViews(actor);
      expect(views).toHaveLength(queries.length);
      return await Promise.all(
        views.map(async (v) => (await officeQueue(actor, new URLSearchParams(v.query), 'zh-Hans')).rows.map((r) => r.id)),
      );
    };
    expect(await found(outside.supervisor!.actor)).toEqual(queries.map(() => [report.id]));
    expect(await found(outside.clerk!.actor)).toEqual(queries.map(() => [report.id]));
    for (const who of ['supervisor of the unit', 'clerk of the unit', 'handler of the unit', 'supervisor below it', 'clerk below it']) {
      expect([who, await found(barred[who]!.actor)]).toEqual([who, queries.map(() => [])]);
    }
  });
});
