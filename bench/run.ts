// Petition Desk load benchmark (`npm run bench`).
//
// Starts the built app on a fresh throwaway embedded PostgreSQL, files a few hundred cases, then
// drives two form POSTs with autocannon at 10, 50 and 100 connections for ~10 s each:
//   - submissions:     POST /submit, a unique idempotency key per request (each files a new case);
//   - status lookups:  POST /track, cycling through the pre-filed receipt numbers + access codes.
// Only 303 (the form's success redirect) counts as success; latency percentiles are over the
// successful responses. It also weighs /submit (gzipped HTML, JS and CSS) and compares the
// submission figures with the target: ≥ 330 submissions/s with p99 < 250 ms.
// Loopback traffic only; rate limits are raised because every request comes from one address.
import os from 'node:os';
import { runScenario, type ScenarioResult } from './lib/load.ts';
import {
  extractCategoryId,
  formPostHeaders,
  getText,
  prepareCases,
  submissionBody,
  trackBody,
  trackStatus,
  type Receipt,
} from './lib/portal.ts';
import { resultsTable, targetSummary, weightReport, type Target } from './lib/report.ts';
import { startThrowawayServer, type ThrowawayServer } from './lib/server.ts';
import { measurePageWeight } from './lib/weight.ts';
import type autocannon from 'autocannon';

const CONFIG = {
  preferredPort: 3300,
  healthTimeoutMs: 120_000,
  preparedCases: 200,
  prepareConcurrency: 10,
  connectionLevels: [10, 50, 100],
  durationSeconds: 10,
  warmupSeconds: 3,
  /** The whole run is abandoned (and the server stopped) after this long. */
  watchdogMs: 5 * 60_000,
} as const;

const TARGET: Target = { submissionsPerSecond: 330, p99Ms: 250 };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function submitRequest(baseUrl: string, categoryId: string): autocannon.Request {
  let serial = 0;
  return {
    method: 'POST',
    path: '/submit',
    headers: formPostHeaders(baseUrl),
    // Called for every request: a fresh body, so a fresh idempotency key and a new case each time.
    setupRequest: (request) => ({ ...request, body: submissionBody(categoryId, serial++) }),
  };
}

function trackRequest(baseUrl: string, receipts: readonly Receipt[]): autocannon.Request {
  const bodies = receipts.map(trackBody);
  let next = 0;
  return {
    method: 'POST',
    path: '/track',
    headers: formPostHeaders(baseUrl),
    setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
  };
}

async function prepare(server: ThrowawayServer): Promise<{ categoryId: string; receipts: Receipt[] }> {
  const html = await getText(`${server.baseUrl}/submit`, { 'Accept-Language': 'en' });
  const categoryId = extractCategoryId(html);
  log(`category ${categoryId}; filing ${CONFIG.preparedCases} cases`);
  const started = performance.now();
  const receipts = await prepareCases(server.baseUrl, categoryId, CONFIG.preparedCases, CONFIG.prepareConcurrency);
  log(`filed ${receipts.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const first = receipts[0];
  if (!first) throw new Error('no cases prepared');
  const status = await trackStatus(server.baseUrl, first);
  if (status !== 303) throw new Error(`POST /track with a fresh receipt returned ${status}, expected 303`);
  return { categoryId, receipts };
}

async function runSeries(name: string, baseUrl: string, request: autocannon.Request): Promise<ScenarioResult[]> {
  log(`${name}: ${CONFIG.warmupSeconds} s warm-up (not reported)`);
  await runScenario({ name, baseUrl, connections: 10, durationSeconds: CONFIG.warmupSeconds, successStatus: 303, request });
  const results: ScenarioResult[] = [];
  for (const connections of CONFIG.connectionLevels) {
    log(`${name}: ${connections} connections for ${CONFIG.durationSeconds} s`);
    results.push(await runScenario({ name, baseUrl, connections, durationSeconds: CONFIG.durationSeconds, successStatus: 303, request }));
  }
  return results;
}

async function benchmark(server: ThrowawayServer): Promise<void> {
  const { categoryId, receipts } = await prepare(server);
  const submissions = await runSeries('submissions', server.baseUrl, submitRequest(server.baseUrl, categoryId));
  const lookups = await runSeries('status lookups', server.baseUrl, trackRequest(server.baseUrl, receipts));
  const weight = await measurePageWeight(`${server.baseUrl}/submit`);

  const cpus = os.availableParallelism();
  console.log('');
  console.log(`Petition Desk load benchmark — ${cpus} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  console.log('');
  console.log(resultsTable([...submissions, ...lookups]));
  console.log('');
  console.log(weightReport('/submit', weight));
  console.log('');
  console.log(targetSummary(submissions, TARGET, cpus));
}

async function main(): Promise<void> {
  log('starting the app on a throwaway database');
  const server = await startThrowawayServer({
    preferredPort: CONFIG.preferredPort,
    healthTimeoutMs: CONFIG.healthTimeoutMs,
    env: {
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      SUBMIT_RATE_LIMIT: '100000000',
      LOOKUP_RATE_LIMIT: '100000000',
      // Measure the web process alone: the notification worker would share its CPU.
      WORKER: 'off',
    },
  });
  log(`app healthy at ${server.baseUrl}`);

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= server.stop());
  const abort = (reason: string, code: number) => {
    log(reason);
    void stop().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted; stopping the app', 130));
  process.once('SIGTERM', () => abort('terminated; stopping the app', 143));
  const watchdog = setTimeout(() => abort(`run exceeded ${CONFIG.watchdogMs / 1000} s; stopping the app`, 1), CONFIG.watchdogMs);

  try {
    await benchmark(server);
  } finally {
    clearTimeout(watchdog);
    log('stopping the app');
    await stop();
    const suppressed = server.suppressedLines();
    if (suppressed) log(`${suppressed} further server output lines were not shown`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
