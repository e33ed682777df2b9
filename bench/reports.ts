// Reports benchmark (fourth part of `npm run bench`; BENCH_REPORTS=off skips it).
//
// Fills a throwaway embedded PostgreSQL with 1,000,000 cases received over four years, as an
// office's history looks: decided and replied mostly on time (about one in nine late), declines,
// forwards and duplicates, extensions, review requests, warning levels with their response
// targets, clusters, ratings, and about four events a case (4–5 million events). Then times, in
// process (server time per request): a year's report for the whole office, a quarter for one unit
// with the units below it, the ledger of one month (CSV and Excel), and the public figures cold
// (recomputed) and cached (as the page reads them). Targets: < 1 s p95 for each report and the
// ledger, < 50 ms p95 for the cached public page.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '#app/generated/prisma/client.ts';
import { seedReferenceData } from '../prisma/seed.ts';
import { startEmbeddedPostgres } from '../server/embedded-postgres.ts';
import { applyMigrations } from '../server/migrations.ts';
import { percentile, sortedAscending } from './lib/stats.ts';

if (['off', '0', 'false', 'no'].includes((process.env.BENCH_REPORTS ?? '').toLowerCase())) {
  console.log('\nreports benchmark skipped (BENCH_REPORTS=off)');
  process.exit(0);
}

const CASES = Number(process.env.BENCH_REPORT_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 12);
const YEARS = 4;
const log = (message: string) => process.stderr.write(`[bench reports] ${message}\n`);

const AREAS = [
  '东城区',
  '西城区',
  '朝阳区',
  '海淀区',
  '丰台区',
  '石景山区',
  '通州区',
  '顺义区',
  '昌平区',
  '大兴区',
  '房山区',
  '门头沟区',
  '怀柔区',
  '平谷区',
  '密云区',
  '延庆区',
  '和平里街道',
  '安定门街道',
  '交道口街道',
  '景山街道',
];

async function fill(prisma: PrismaClient) {
  const started = performance.now();
  // Five street offices under the Dongcheng district unit: the subtree of the unit benchmark.
  const district = await prisma.unit.findUniqueOrThrow({ where: { code: 'dongcheng-district' } });
  for (let i = 1; i <= 5; i++) {
    await prisma.unit.create({
      data: {
        code: `dongcheng-street-${i}`,
        nameZhHans: `东城区第${i}街道办事处`,
        nameZhHant: `東城區第${i}街道辦事處`,
        nameEn: `Dongcheng street office ${i}`,
        parentId: district.id,
      },
    });
  }
  const areas = `ARRAY[${AREAS.map((a) => `'${a}'`).join(',')}]`;
  // Each case's dates from a few pseudo-random draws (hashint4 of its number), so runs repeat.
  await prisma.$executeRawUnsafe(`
    CREATE TEMP TABLE bench_units AS
      SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM "Unit" WHERE code LIKE 'dongcheng-%';
    CREATE TEMP TABLE bench_categories AS
      SELECT row_number() OVER (ORDER BY "sortOrder") - 1 AS n, id, "defaultUnitId" FROM "Category";`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Case" ("id", "receiptNo", "accessCodeHash", "idempotencyKey", "kind", "channel", "categoryId", "unitId", "area",
      "subject", "body", "status", "warningLevel", "receivedAt", "acceptDueAt", "decidedAt", "acceptedAt", "extensionDays",
      "replyDueAt", "repliedAt", "closedAt", "nextDueAt", "responseDueAt", "respondedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'XF-RPT-' || g, repeat('0', 64), 'rpt-' || g,
      (ARRAY['SUGGESTION','OPINION','COMPLAINT','HELP_REQUEST','MISCONDUCT_REPORT','INQUIRY'])[1 + r0 % 6]::"CaseKind",
      (ARRAY['ONLINE','ONLINE','ONLINE','LETTER','VISIT','PHONE','HOTLINE'])[1 + (r0 / 7) % 7]::"Channel",
      cat.id, CASE WHEN r0 % 10 = 0 THEN du.id ELSE cat."defaultUnitId" END,
      (${areas})[1 + (r0 / 3) % ${AREAS.length}],
      '报表基准', '报表基准正文',
      (CASE
        WHEN decided IS NULL THEN CASE WHEN r0 % 97 = 0 THEN 'WITHDRAWN' ELSE 'SUBMITTED' END
        WHEN r2 < 84 THEN CASE
          WHEN replied IS NULL THEN 'IN_PROGRESS'
          WHEN r0 % 50 = 0 THEN 'REVIEW_REQUESTED'
          WHEN replied < now() - interval '30 days' THEN 'CLOSED' ELSE 'REPLIED' END
        WHEN r2 < 92 THEN 'NOT_ACCEPTED' WHEN r2 < 97 THEN 'TRANSFERRED' ELSE 'MERGED' END)::"CaseStatus",
      (CASE WHEN r0 % 300 = 0 THEN 'RED' WHEN r0 % 100 = 0 THEN 'ORANGE' WHEN r0 % 20 = 0 THEN 'YELLOW' ELSE 'NONE' END)::"WarningLevel",
      received, received + interval '15 days', decided,
      CASE WHEN r2 < 84 THEN decided END,
      CASE WHEN r2 < 84 AND r0 % 20 = 1 THEN 15 END,
      CASE WHEN r2 < 84 AND decided IS NOT NULL THEN decided + (60 + CASE WHEN r0 % 20 = 1 THEN 15 ELSE 0 END) * interval '1 day' END,
      CASE WHEN r2 < 84 THEN replied END,
      CASE WHEN r2 < 84 AND replied < now() - interval '30 days' THEN replied + interval '30 days'
           WHEN r2 >= 84 AND decided IS NOT NULL THEN decided END,
      CASE WHEN decided IS NULL THEN received + interval '15 days'
           WHEN r2 < 84 AND replied IS NULL THEN decided + interval '60 days' END,
      CASE WHEN r0 % 20 = 0 THEN received + (1 + r0 % 5) * interval '1 day' END,
      CASE WHEN r0 % 20 = 0 AND r3 % 10 > 0 THEN received + (r3 % 6) * interval '1 day' END,
      received, received
    FROM (
      SELECT g, r0, r2, r3, received, decided,
             CASE WHEN decided IS NOT NULL AND decided + (abs(hashint4(g + 3)) % 70) * interval '1 day' < now()
                  THEN decided + (abs(hashint4(g + 3)) % 70) * interval '1 day' END AS replied
      FROM (
        SELECT g, r0, r2, r3, received,
               CASE WHEN r0 % 200 <> 0 AND received + (abs(hashint4(g + 1)) % 18) * interval '1 day' + interval '2 hours' < now()
                    THEN received + (abs(hashint4(g + 1)) % 18) * interval '1 day' + interval '2 hours' END AS decided
        FROM (
          SELECT g, abs(hashint4(g)) % 1000 AS r0, abs(hashint4(g + 2)) % 100 AS r2, abs(hashint4(g + 5)) % 100 AS r3,
                 now() - (${CASES} - g)::float8 / ${CASES} * ${YEARS * 365} * interval '1 day' - (abs(hashint4(g + 4)) % 600) * interval '1 minute' AS received
          FROM generate_series(1, ${CASES}) AS g
        ) a
      ) b
    ) c
    JOIN bench_categories cat ON cat.n = g % 15
    JOIN bench_units du ON du.n = g % 6`);
  log(`cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Clusters: one per 300 cases among the warned ones, a third confirmed, a tenth dissolved.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "CaseCluster" ("id", "categoryId", "area", "title", "confirmed", "confirmedAt", "dissolvedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), c."categoryId", c."area", '基准集群', k % 3 = 0, CASE WHEN k % 3 = 0 THEN c."receivedAt" + interval '2 days' END,
           CASE WHEN k % 10 = 0 THEN c."receivedAt" + interval '9 days' END, c."receivedAt", c."receivedAt"
    FROM (SELECT "categoryId", "area", "receivedAt", row_number() OVER (ORDER BY "receivedAt") AS k FROM "Case" WHERE "receiptNo" ~ '^XF-RPT-[0-9]+00$') c`);
  await prisma.$executeRawUnsafe(`
    UPDATE "Case" c SET "clusterId" = k."id"
    FROM "CaseCluster" k
    WHERE k."dissolvedAt" IS NULL AND c."categoryId" = k."categoryId" AND c."area" = k."area"
      AND c."receivedAt" >= k."createdAt" AND c."receivedAt" < k."createdAt" + interval '2 days' AND c."warningLevel" <> 'NONE'`);

  // Events: received, assigned, the decision, the reply, extensions, review requests, warnings.
  const events = performance.now();
  await prisma.$executeRawUnsafe(`ALTER TABLE "CaseEvent" DISABLE TRIGGER "CaseEvent_records_decision"`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "CaseEvent" ("caseId", "type", "visibility", "actorType", "fromStatus", "toStatus", "data", "createdAt")
    SELECT c."id", e.type, 'PUBLIC', 'STAFF', NULL, NULL, e.data, e.at
    FROM "Case" c
    CROSS JOIN LATERAL (VALUES
      ('SUBMITTED', c."receivedAt", '{}'::jsonb),
      ('ASSIGNED', c."receivedAt" + interval '1 hour', '{}'::jsonb),
      (CASE c."status" WHEN 'NOT_ACCEPTED' THEN 'DECLINED' WHEN 'TRANSFERRED' THEN 'FORWARDED' WHEN 'MERGED' THEN 'MERGED' ELSE 'ACCEPTED' END,
       c."decidedAt", '{}'::jsonb),
      ('REPLY_PUBLISHED', c."repliedAt", '{}'::jsonb),
      ('EXTENDED', CASE WHEN c."extensionDays" IS NOT NULL THEN c."acceptedAt" + interval '30 days' END, '{}'::jsonb),
      ('REVIEW_REQUESTED', CASE WHEN c."status" = 'REVIEW_REQUESTED' THEN c."repliedAt" + interval '10 days' END, '{}'::jsonb),
      ('WARNING_LEVEL_CHANGED', CASE WHEN c."warningLevel" <> 'NONE' THEN c."receivedAt" + interval '1 minute' END,
       jsonb_build_object('from', 'NONE', 'to', c."warningLevel"::text))
    ) AS e(type, at, data)
    WHERE e.at IS NOT NULL AND e.at < now()`);
  await prisma.$executeRawUnsafe(`ALTER TABLE "CaseEvent" ENABLE TRIGGER "CaseEvent_records_decision"`);
  log(`events in ${((performance.now() - events) / 1000).toFixed(0)} s`);

  await prisma.$executeRawUnsafe(`
    INSERT INTO "SatisfactionRating" ("id", "caseId", "rating", "solved", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), "id", 1 + abs(hashtext("receiptNo" || 'r')) % 5,
           (ARRAY['YES','YES','PARTLY','NO'])[1 + abs(hashtext("receiptNo")) % 4]::"ProblemSolved",
           "repliedAt" + interval '5 days', "repliedAt" + interval '5 days'
    FROM "Case" WHERE "repliedAt" IS NOT NULL AND "repliedAt" + interval '5 days' < now() AND abs(hashtext("receiptNo" || 'x')) % 10 < 3`);
  await prisma.$executeRawUnsafe('ANALYZE');
  const counts = await prisma.$queryRawUnsafe<{ cases: number; events: number; ratings: number }[]>(
    `SELECT (SELECT count(*) FROM "Case")::int AS cases, (SELECT count(*) FROM "CaseEvent")::int AS events,
            (SELECT count(*) FROM "SatisfactionRating")::int AS ratings`,
  );
  const c = counts[0]!;
  log(
    `filled ${c.cases.toLocaleString('en')} cases, ${c.events.toLocaleString('en')} events, ${c.ratings.toLocaleString('en')} ratings in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

const results: string[] = [];

async function time(label: string, target: number | null, run: () => Promise<unknown>, runs = RUNS) {
  await run(); // warm the caches once, as a busy server would have them
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const sorted = sortedAscending(samples);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const verdict = target === null ? '(no target)' : `target < ${target} ms → ${p95 < target ? 'MEETS' : 'MISSES'}`;
  const line = `${label.padEnd(52)} p50 ${p50.toFixed(1).padStart(8)} ms   p95 ${p95.toFixed(1).padStart(8)} ms   ${verdict}`;
  results.push(line);
  console.log(line);
}

// BENCH_REPORTS_DATA_DIR keeps the filled database there and reuses it on the next run (the fill
// takes minutes); without it the database is thrown away.
const kept = process.env.BENCH_REPORTS_DATA_DIR ? path.resolve(process.env.BENCH_REPORTS_DATA_DIR) : null;
const scratch = kept ?? mkdtempSync(path.join(os.tmpdir(), 'pd-bench-reports-'));
const filledBefore = kept !== null && existsSync(path.join(kept, 'pg', 'PG_VERSION'));
const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0, database: 'bench', throwaway: kept === null });
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef';
  process.env.HMAC_KEY ??= 'bench-hmac-key-0123456789abcdef012345';
  if (!filledBefore) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    await seedReferenceData(prisma);
    await fill(prisma);
    await prisma.$disconnect();
  } else log(`reusing the database in ${kept}`);

  const { computeReport } = await import('#app/features/statistics/report.server.ts');
  const { periodContaining, previousPeriod } = await import('#app/features/statistics/periods.ts');
  const { civilDateIn } = await import('#app/platform/time/civil-date.ts');
  const { db } = await import('#app/platform/db.server.ts');
  const today = civilDateIn(new Date(), process.env.TIME_ZONE ?? 'Asia/Shanghai');
  const lastYear = previousPeriod(periodContaining('year', today));
  const lastQuarter = previousPeriod(periodContaining('quarter', today));
  const district = await db().unit.findUniqueOrThrow({ where: { code: 'dongcheng-district' } });

  const { forgetReportMonths } = await import('#app/features/statistics/month-cache.server.ts');
  const unitScope = { kind: 'unit', unitId: district.id, subtree: true } as const;

  console.log(`\nreports over ${CASES.toLocaleString('en')} cases (server time per request, ${RUNS} runs each)`);
  // Cold: no month kept yet, every month of the three periods counted (the first reader of a scope
  // after its months changed; the worker's hourly public figures keep the whole office's months).
  const cold = Math.min(RUNS, 3);
  await time(
    `year ${lastYear.start.slice(0, 4)}, whole office, cold`,
    null,
    () => forgetReportMonths().then(() => computeReport({ kind: 'office' }, lastYear)),
    cold,
  );
  await time(
    `quarter ${lastQuarter.start}, unit subtree, cold`,
    null,
    () => forgetReportMonths().then(() => computeReport(unitScope, lastQuarter)),
    cold,
  );
  // As readers find them: the ended months kept (month-cache.server.ts), the days since counted live.
  await time(`year ${lastYear.start.slice(0, 4)}, whole office`, 1000, () => computeReport({ kind: 'office' }, lastYear));
  await time(`quarter ${lastQuarter.start}, one unit and its subtree`, 1000, () => computeReport(unitScope, lastQuarter));
  await time(`this year so far (${today.year}), whole office`, 1000, () =>
    computeReport({ kind: 'office' }, periodContaining('year', today)),
  );

  // The ledger of last month, as an analyst downloads it (each download audited, as in the office).
  const { exportLedger } = await import('#app/features/statistics/ledger.server.ts');
  const { translator } = await import('#app/i18n/translate.server.ts');
  const analyst = await db().staffUser.upsert({
    where: { email: 'bench-analyst@example.gov.cn' },
    create: { email: 'bench-analyst@example.gov.cn', name: 'bench analyst', role: 'ANALYST', passwordHash: 'x' },
    update: {},
  });
  const actor = { id: analyst.id, role: 'ANALYST', unitId: null } as const;
  const t = await translator('zh-Hans');
  const lastMonth = previousPeriod(periodContaining('month', today));
  for (const format of ['csv', 'xlsx'] as const) {
    const form = new URLSearchParams({ period: 'month', date: lastMonth.start, format });
    let rows = 0;
    await time(`ledger ${lastMonth.start.slice(0, 7)} (${format}), whole office`, 1000, async () => {
      const outcome = await exportLedger(actor, form, 'zh-Hans', t, { ipAddress: '127.0.0.1' });
      if (!outcome.ok) throw new Error(`ledger refused: ${JSON.stringify(outcome.errors)}`);
      rows = typeof outcome.file.body === 'string' ? outcome.file.body.split('\r\n').length - 2 : outcome.file.body.byteLength;
    });
    log(`ledger ${format}: ${rows.toLocaleString('en')} ${format === 'csv' ? 'cases' : 'bytes'}`);
  }

  // The public figures: cold (recomputed, as the worker does every hour) and cached (as the page reads them).
  const { publicFigures, refreshPublicFigures, forgetPublicFigures } = await import('#app/features/statistics/public-figures.server.ts');
  await time('public figures, cold (recomputed by the worker)', 60_000, () => refreshPublicFigures(), Math.min(RUNS, 3));
  forgetPublicFigures();
  await time('public figures, stored row (first read in a process)', 50, async () => {
    forgetPublicFigures();
    await publicFigures();
  });
  await time('public figures, cached (the page)', 50, () => publicFigures(), 200);

  console.log(`\n${results.join('\n')}`);
  await db().$disconnect();
} finally {
  await database.stop();
  if (kept === null) rmSync(scratch, { recursive: true, force: true });
}
