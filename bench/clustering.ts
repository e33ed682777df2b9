// Clustering benchmark (third part of `npm run bench`).
//
// Starts the built app on a throwaway database, fills it with 100,000 open cases received in the
// last 25 days (15 categories × 8 areas, a few hundred distinct letters, search tokens from the
// app's own tokenizer), then drives POST /submit with autocannon into one busy category and area
// (about 830 open cases there, so every submission compares itself with the 200 most recent) with
// cluster matching on, and again with it off (the admin setting). Prints both throughputs and
// their ratio.
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { documentTokens, tsvectorLiteral } from '#app/features/cases/search-tokens.ts';
import { runScenario, type ScenarioResult } from './lib/load.ts';
import { formPostHeaders, newIdempotencyKey } from './lib/portal.ts';
import { resultsTable } from './lib/report.ts';
import { startThrowawayServer } from './lib/server.ts';
import type autocannon from 'autocannon';

const OPEN_CASES = Number(process.env.BENCH_CLUSTER_CASES ?? 100_000);
const AREAS = ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '通州区', '顺义区'];
const CONNECTIONS = [10, 50];
const DURATION_SECONDS = 10;
const SETTING_CACHE_MS = 5_000;

const PROBLEMS = [
  '小区电梯长期故障',
  '拖欠农民工工资',
  '道路积水严重',
  '路灯不亮',
  '噪音扰民',
  '物业乱收费',
  '学校门口交通拥堵',
  '垃圾清运不及时',
  '供暖温度不达标',
  '停水停电没有通知',
];
const DETAILS = ['多次反映未果', '请求尽快处理', '影响正常生活', '涉及多户居民', '希望依法解决', '已经持续一个多月'];

const log = (message: string) => process.stderr.write(`[bench clustering] ${message}\n`);

function letter(n: number): { subject: string; body: string } {
  const problem = PROBLEMS[n % PROBLEMS.length]!;
  const detail = DETAILS[Math.floor(n / PROBLEMS.length) % DETAILS.length]!;
  return { subject: problem, body: `我们反映${problem}的问题，${detail}。相关部门至今没有答复，请督促解决。` };
}

async function fill(databaseUrl: string): Promise<{ categoryId: string; area: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE TEMP TABLE bench_letter (n int PRIMARY KEY, subject text, body text, vector tsvector)');
    const distinct = PROBLEMS.length * DETAILS.length;
    for (let n = 0; n < distinct; n++) {
      const { subject, body } = letter(n);
      await client.query('INSERT INTO bench_letter VALUES ($1, $2, $3, $4::tsvector)', [
        n,
        subject,
        body,
        tsvectorLiteral(documentTokens(`${subject}\n${body}`)),
      ]);
    }
    const started = performance.now();
    await client.query(
      `INSERT INTO "Case" ("id", "receiptNo", "accessCodeHash", "idempotencyKey", "kind", "channel", "categoryId", "unitId", "area",
        "subject", "body", "coSignerCount", "status", "warningLevel", "receivedAt", "acceptDueAt", "nextDueAt", "createdAt", "updatedAt", "searchVector")
      SELECT gen_random_uuid(), 'XF-CLUSTER-' || g, repeat('0', 64), 'bench-cluster-' || g, 'COMPLAINT', 'ONLINE', c.id, c."defaultUnitId",
        ($2::text[])[1 + (g / 15) % 8], l.subject, l.body, 1,
        (ARRAY['SUBMITTED','ACCEPTED','IN_PROGRESS'])[1 + g % 3]::"CaseStatus", 'NONE',
        now() - (g % 25) * interval '1 day' - (g % 86400) * interval '1 second', now() + interval '5 days', now() + interval '5 days',
        now(), now(), l.vector
      FROM generate_series(1, $1::int) AS g
      JOIN bench_letter l ON l.n = g % ${distinct}
      JOIN LATERAL (SELECT id, "defaultUnitId" FROM "Category" ORDER BY "sortOrder", code OFFSET (g % 15) LIMIT 1) c ON true`,
      [OPEN_CASES, AREAS],
    );
    await client.query('ANALYZE "Case"');
    log(`filled ${OPEN_CASES.toLocaleString('en')} open cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const busiest = await client.query<{ categoryId: string; area: string; count: string }>(
      `SELECT "categoryId", "area", count(*) FROM "Case" WHERE "area" IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
    );
    const row = busiest.rows[0];
    if (!row) throw new Error('no cases were generated');
    log(`submitting into the busiest category and area: ${row.count} open cases`);
    return { categoryId: row.categoryId, area: row.area };
  } finally {
    await client.end();
  }
}

async function setClustering(databaseUrl: string, enabled: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('clustering', $1::jsonb, now())
       ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
      [JSON.stringify({ enabled, similarity: 0.3 })],
    );
  } finally {
    await client.end();
  }
  // Each app process keeps a setting for a few seconds; wait until the change is seen.
  await new Promise((resolve) => setTimeout(resolve, SETTING_CACHE_MS + 1_000));
}

function submitRequest(baseUrl: string, categoryId: string, area: string): autocannon.Request {
  let serial = 0;
  return {
    method: 'POST',
    path: '/submit',
    headers: formPostHeaders(baseUrl),
    setupRequest: (request) => {
      const n = serial++;
      const { subject, body } = letter(n);
      return {
        ...request,
        body: new URLSearchParams({
          idempotencyKey: newIdempotencyKey(),
          kind: 'COMPLAINT',
          categoryId,
          area,
          subject: `${subject} ${n}`,
          body,
          coSignerCount: '1',
          name: '压测',
          // A different person each time, as on a real day.
          phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
          preferredReplyChannel: 'ONLINE',
          consent: 'yes',
        }).toString(),
      };
    },
  };
}

async function series(name: string, baseUrl: string, request: autocannon.Request): Promise<ScenarioResult[]> {
  await runScenario({ name, baseUrl, connections: 10, durationSeconds: 3, successStatus: 303, request });
  const results: ScenarioResult[] = [];
  for (const connections of CONNECTIONS) {
    log(`${name}: ${connections} connections for ${DURATION_SECONDS} s`);
    results.push(await runScenario({ name, baseUrl, connections, durationSeconds: DURATION_SECONDS, successStatus: 303, request }));
  }
  return results;
}

async function main(): Promise<void> {
  const stateFile = path.join(os.tmpdir(), `pd-bench-clustering-${process.pid}.json`);
  const server = await startThrowawayServer({
    preferredPort: 3301,
    healthTimeoutMs: 120_000,
    env: {
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      SUBMIT_RATE_LIMIT: '100000000',
      LOOKUP_RATE_LIMIT: '100000000',
      STATE_FILE: stateFile,
      // Measure the web process alone: the notification worker would share its CPU.
      WORKER: 'off',
    },
  });
  try {
    const { databaseUrl } = JSON.parse(readFileSync(stateFile, 'utf8')) as { databaseUrl: string };
    const { categoryId, area } = await fill(databaseUrl);
    const request = submitRequest(server.baseUrl, categoryId, area);
    await setClustering(databaseUrl, true);
    const withClustering = await series('submit, clustering on', server.baseUrl, request);
    await setClustering(databaseUrl, false);
    const without = await series('submit, clustering off', server.baseUrl, request);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const clusters = await client.query<{ clusters: string; clustered: string }>(
      `SELECT count(DISTINCT "clusterId") AS clusters, count("clusterId") AS clustered FROM "Case" WHERE "idempotencyKey" LIKE 'bench\\_%'`,
    );
    await client.end();

    console.log('');
    console.log(
      `Cluster matching against ${OPEN_CASES.toLocaleString('en')} open cases — ${os.availableParallelism()} CPUs, Node ${process.version}`,
    );
    console.log('');
    console.log(resultsTable([...withClustering, ...without]));
    console.log('');
    for (const [i, connections] of CONNECTIONS.entries()) {
      const on = withClustering[i]!.successPerSecond;
      const off = without[i]!.successPerSecond;
      console.log(
        `${connections} connections: ${on.toFixed(0)}/s with clustering, ${off.toFixed(0)}/s without → ratio ${(on / off).toFixed(2)}`,
      );
    }
    const c = clusters.rows[0];
    if (c) console.log(`benchmark submissions placed in clusters: ${c.clustered} (in ${c.clusters} clusters)`);
  } finally {
    await server.stop();
    rmSync(stateFile, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
