// Back-office queue benchmark (second part of `npm run bench`).
//
// Fills a throwaway embedded PostgreSQL with 1,000,000 cases (generated in SQL from a few hundred
// Chinese and English letters, their character pairs and words computed by the app's own
// tokenizer and segmenter), then times the queue queries as the back office runs them
// (app/features/cases/queue.server.ts), in-process, so the figures are server time per request:
// the default page, a filtered page, page 50 through keyset paging, and searches of one to four
// words (common and rare, Chinese, Traditional and English), a receipt number and a phone number.
// Targets: < 50 ms for the queue pages, < 200 ms (p95) for any search of up to 4 words.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { SEARCH_INDEX_VERSION, wordVectorLiteral } from '#app/features/cases/search-index.server.ts';
import { documentTokens, tsvectorLiteral } from '#app/features/cases/search-tokens.ts';
import { PrismaClient } from '#app/generated/prisma/client.ts';
import { seedReferenceData } from '../prisma/seed.ts';
import { startEmbeddedPostgres } from '../server/embedded-postgres.ts';
import { applyMigrations } from '../server/migrations.ts';
import { percentile, sortedAscending } from './lib/stats.ts';

const CASES = Number(process.env.BENCH_QUEUE_CASES ?? 1_000_000);
const RUNS = 30;

const PROBLEMS = [
  '拖欠工资',
  '欠薪三个月',
  '征地补偿',
  '房屋拆迁',
  '物业费纠纷',
  '噪音扰民',
  '医保报销',
  '子女入学',
  '养老金发放',
  '环境污染',
  '退役安置',
  '执法不公',
  'street lights broken',
  'unpaid wages',
  'school places',
];
const PLACES = ['东城区', '西城区', '朝阳街道', '海淀镇', '新村', 'Riverside'];
const DETAILS = ['多次反映未果', '请求尽快处理', '影响正常生活', '涉及多户居民', '希望依法解决', 'please help us'];

/** A few hundred distinct letters; every case uses one, so the index holds realistic tokens. */
function letters(): { subject: string; body: string; vector: string; words: string }[] {
  const out: { subject: string; body: string; vector: string; words: string }[] = [];
  for (const problem of PROBLEMS) {
    for (const place of PLACES) {
      for (const detail of DETAILS) {
        const subject = `${place}${problem}`;
        const body = `${place}居民反映${problem}问题，${detail}。时间已超过一个月，相关部门至今没有答复。`;
        out.push({
          subject,
          body,
          vector: tsvectorLiteral(documentTokens(`${subject}\n${body}`)),
          words: wordVectorLiteral(subject, body),
        });
      }
    }
  }
  return out;
}

async function fill(prisma: PrismaClient) {
  const templates = letters();
  await prisma.$executeRawUnsafe(
    'CREATE TEMP TABLE bench_letter (n int PRIMARY KEY, subject text, body text, vector tsvector, words tsvector)',
  );
  for (const [n, t] of templates.entries()) {
    await prisma.$executeRaw`INSERT INTO bench_letter VALUES (${n}, ${t.subject}, ${t.body}, ${t.vector}::tsvector, ${t.words}::tsvector)`;
  }
  // Bulk load without the search indexes, then build them once: what a migration of old data would do.
  await prisma.$executeRawUnsafe('DROP INDEX "Case_searchVector_idx"');
  await prisma.$executeRawUnsafe('DROP INDEX "Case_wordVector_idx"');
  const started = performance.now();
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Case" ("id", "receiptNo", "accessCodeHash", "idempotencyKey", "kind", "channel", "categoryId", "unitId",
      "subject", "body", "coSignerCount", "status", "warningLevel", "receivedAt", "acceptDueAt", "nextDueAt",
      "createdAt", "updatedAt", "searchVector", "wordVector", "searchIndexVersion", "welfareConcern")
    SELECT gen_random_uuid(), 'XF-BENCH-' || g, repeat('0', 64), 'bench-' || g,
      (ARRAY['SUGGESTION','OPINION','COMPLAINT','HELP_REQUEST','MISCONDUCT_REPORT','INQUIRY'])[1 + g % 6]::"CaseKind",
      (ARRAY['ONLINE','ONLINE','ONLINE','LETTER','VISIT','PHONE'])[1 + g % 6]::"Channel",
      c.id, c."defaultUnitId", l.subject, l.body, 1 + (g % 7 = 0)::int * (g % 15),
      (ARRAY['SUBMITTED','ACCEPTED','IN_PROGRESS','REPLIED','CLOSED','CLOSED','CLOSED','NOT_ACCEPTED'])[1 + g % 8]::"CaseStatus",
      -- A few cases pinned for safety, as a real queue has: red, with signs of danger to life.
      (CASE WHEN g % 50000 = 7 THEN 'RED' WHEN g % 11 = 0 THEN 'YELLOW' ELSE 'NONE' END)::"WarningLevel",
      now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day' + interval '15 days',
      CASE WHEN g % 8 < 3 THEN now() + ((g % 120) - 40) * interval '1 day' + (g % 86400) * interval '1 second' END,
      now(), now(), l.vector, l.words, ${SEARCH_INDEX_VERSION}, g % 50000 = 7
    FROM generate_series(1, ${CASES}) AS g
    JOIN bench_letter l ON l.n = g % ${templates.length}
    JOIN LATERAL (SELECT id, "defaultUnitId" FROM "Category" ORDER BY "sortOrder" OFFSET (g % 15) LIMIT 1) c ON true`);
  const loaded = performance.now();
  await prisma.$executeRawUnsafe('CREATE INDEX "Case_searchVector_idx" ON "Case" USING GIN ("searchVector")');
  await prisma.$executeRawUnsafe('CREATE INDEX "Case_wordVector_idx" ON "Case" USING GIN ("wordVector")');
  // One letter in fifty from someone answered on paper (post only, no email or phone), accepted;
  // half of those have had the acceptance notice delivered: the rest are the clerks' "to post" tasks.
  await prisma.$executeRawUnsafe(`UPDATE "Case" SET "preferredReplyChannel" = 'POST' WHERE "idempotencyKey" LIKE 'bench-%' AND
    substring("idempotencyKey" from 7)::int % 50 = 3`);
  await prisma.$executeRawUnsafe(`INSERT INTO "CaseContact" ("id", "caseId", "name", "postalAddress")
    SELECT gen_random_uuid(), "id", '王秀英', '北京市东城区东四十条1号院' FROM "Case" WHERE "preferredReplyChannel" = 'POST'`);
  await prisma.$executeRawUnsafe(`INSERT INTO "CaseEvent" ("caseId", "type", "visibility", "actorType", "createdAt")
    SELECT "id", 'ACCEPTED', 'PUBLIC', 'STAFF', "receivedAt" + interval '1 day' FROM "Case" WHERE "preferredReplyChannel" = 'POST'`);
  await prisma.$executeRawUnsafe(`INSERT INTO "NoticeDelivery" ("id", "caseId", "kind", "eventId", "method", "deliveredAt")
    SELECT gen_random_uuid(), e."caseId", 'acceptance', e."id", 'POST', e."createdAt" + interval '2 days'
    FROM "CaseEvent" e WHERE e."type" = 'ACCEPTED' AND e."id" % 2 = 0`);
  await prisma.$executeRawUnsafe('ANALYZE "Case"');
  await prisma.$executeRawUnsafe('ANALYZE "CaseContact"');
  await prisma.$executeRawUnsafe('ANALYZE "CaseEvent"');
  await prisma.$executeRawUnsafe('ANALYZE "NoticeDelivery"');
  console.log(
    `filled ${CASES.toLocaleString('en')} cases in ${((loaded - started) / 1000).toFixed(0)} s, search index in ${((performance.now() - loaded) / 1000).toFixed(0)} s`,
  );
}

async function time(label: string, target: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm the caches once, as a busy server would have them
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const sorted = sortedAscending(samples);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   target < ${target} ms → ${p95 < target ? 'MEETS' : 'MISSES'}`,
  );
  return p95;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pd-bench-queue-'));
const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0, database: 'bench', throwaway: true });
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789abcdef';
  process.env.HMAC_KEY ??= 'bench-hmac-key-0123456789abcdef012345';
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  await seedReferenceData(prisma);
  await fill(prisma);
  await prisma.$disconnect();

  const { queuePage, QueueFilters } = await import('#app/features/cases/queue.server.ts');
  const { db } = await import('#app/platform/db.server.ts');
  const unit = await db().unit.findUniqueOrThrow({ where: { code: 'human-resources' } });
  // A clerk's queue: every unit's cases, as the unfiltered page sees them.
  const clerk = { id: '00000000-0000-4000-8000-000000000001', role: 'CLERK', unitId: null } as const;
  console.log(`\nqueue queries over ${CASES.toLocaleString('en')} cases (server time per request, ${RUNS} runs each)`);
  await time('default queue page', 50, () => queuePage(clerk, QueueFilters.parse({})));
  await time('filtered page (unit, kind, due soon)', 50, () =>
    queuePage(clerk, QueueFilters.parse({ unitId: unit.id, kind: 'COMPLAINT', due: 'soon' })),
  );
  await time('notices to post (view)', 50, () => queuePage(clerk, QueueFilters.parse({ toPost: '1' })));
  let cursor: string | undefined;
  for (let page = 1; page < 50; page++) cursor = (await queuePage(clerk, QueueFilters.parse({ after: cursor }))).nextCursor ?? undefined;
  await time('page 50 (keyset)', 50, () => queuePage(clerk, QueueFilters.parse({ after: cursor })));
  // Searches of one to four words, as staff type them: common words (the letters are few hundred
  // templates, so a common word matches a third of a million cases), rarer ones, and none at all.
  const searches: [string, string][] = [
    ['1 word, common', '工资'],
    ['1 word, two characters', '欠薪'],
    ['2 words, reordered', '工资拖欠'],
    ['2 words, Traditional', '樓道 噪音'],
    ['3 words', '东城区 拖欠 工资'],
    ['4 words', '西城区 居民 医保 报销'],
    ['4 words, nothing found', '楼道 天花板 漏水 物业'],
    ['2 words, English', 'unpaid wages'],
    ['quoted phrase', '"征地补偿"'],
  ];
  const searchP95: number[] = [];
  for (const [label, q] of searches) {
    searchP95.push(await time(`search ${label}: ${q}`, 200, () => queuePage(clerk, QueueFilters.parse({ q }))));
  }
  await time('search by receipt number', 200, () => queuePage(clerk, QueueFilters.parse({ q: 'XF-2612-KPTG-TPW0' })));
  await time('search by phone number (fingerprint)', 200, () => queuePage(clerk, QueueFilters.parse({ q: '138 1234 5678' })));
  const worst = Math.max(...searchP95);
  console.log(`worst p95 of searches of up to 4 words: ${worst.toFixed(1)} ms (target < 200 ms → ${worst < 200 ? 'MEETS' : 'MISSES'})`);
  await db().$disconnect();
} finally {
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
