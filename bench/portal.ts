// The portal benchmark (first part of `npm run bench`).
//
// Serves the built app on a fresh throwaway database, files a few hundred cases, then drives five
// scenarios with autocannon, each after a short warm-up, at 50 connections unless told otherwise:
//   - ceiling:  GET /ping, a route that does nothing: the stack's ceiling on this machine, now;
//   - home:     GET /;
//   - form:     GET /submit, the form with its fresh idempotency key;
//   - submit:   POST /submit, a unique idempotency key per request (each files a new case);
//   - track:    POST /track, cycling through the pre-filed receipt numbers and access codes.
// Each scenario's rate is also printed as a share of the ceiling measured in the same run, so a
// busy machine shows as a low ceiling rather than a slow app. It runs with WEB_CONCURRENCY=1 and 2,
// and weighs /submit (gzipped HTML, JS and CSS).
//
// With a comparison build (`--compare <git-ref>`), both builds are served at once and measured
// alternately, scenario by scenario, with one server process each.
// Only the expected status counts as success; latencies are over successful responses. Loopback
// traffic only; rate limits are raised because every request comes from one address.
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
import { comparisonTable, portalTable, verdicts, weightReport, type PortalRow, type PortalTarget } from './lib/report.ts';
import { startThrowawayServer, type ThrowawayServer } from './lib/server.ts';
import { measurePageWeight, totalGzip } from './lib/weight.ts';
import type { ComparisonBuild } from './lib/comparison-build.ts';
import type autocannon from 'autocannon';

export interface PortalOptions {
  connections: readonly number[];
  workerCounts: readonly number[];
  durationSeconds: number;
  compare?: ComparisonBuild;
}

const CONFIG = {
  preferredPort: 3300,
  healthTimeoutMs: 120_000,
  preparedCases: 200,
  prepareConcurrency: 10,
  warmupSeconds: 3,
  warmupConnections: 10,
} as const;

/** The targets, at 50 connections (issue 11). */
const TARGETS: Partial<Record<ScenarioKey, PortalTarget>> = {
  submit: { perSecond: 450, p99Ms: 250 },
  track: { perSecond: 800, p99Ms: 150 },
  home: { perSecond: 500, p99Ms: 200 },
  form: { perSecond: 400, p99Ms: 250 },
};
const TARGET_CONNECTIONS = 50;
const JS_TARGET_BYTES = 120 * 1024;

type ScenarioKey = 'ceiling' | 'home' | 'form' | 'submit' | 'track';

interface Prepared {
  baseUrl: string;
  categoryId: string;
  receipts: Receipt[];
}

interface PortalScenario {
  key: ScenarioKey;
  successStatus: number;
  request: (prepared: Prepared) => autocannon.Request;
}

const pageRequest = (path: string) => (): autocannon.Request => ({
  method: 'GET',
  path,
  headers: { 'Accept-Language': 'zh-CN,zh;q=0.9', Accept: 'text/html', 'Accept-Encoding': 'gzip' },
});

const SCENARIOS: readonly PortalScenario[] = [
  { key: 'ceiling', successStatus: 200, request: pageRequest('/ping') },
  { key: 'home', successStatus: 200, request: pageRequest('/') },
  { key: 'form', successStatus: 200, request: pageRequest('/submit') },
  {
    key: 'submit',
    successStatus: 303,
    request: ({ baseUrl, categoryId }) => {
      let serial = 1_000_000;
      return {
        method: 'POST',
        path: '/submit',
        headers: formPostHeaders(baseUrl),
        // Called for every request: a fresh body, so a fresh idempotency key and a new case each time.
        setupRequest: (request) => ({ ...request, body: submissionBody(categoryId, serial++) }),
      };
    },
  },
  {
    key: 'track',
    successStatus: 303,
    request: ({ baseUrl, receipts }) => {
      const bodies = receipts.map(trackBody);
      let next = 0;
      return {
        method: 'POST',
        path: '/track',
        headers: formPostHeaders(baseUrl),
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      };
    },
  },
];

const log = (message: string) => process.stderr.write(`[bench portal] ${message}\n`);

const SERVER_ENV = {
  NODE_ENV: 'production',
  COOKIE_SECURE: 'false',
  SUBMIT_RATE_LIMIT: '100000000',
  LOOKUP_RATE_LIMIT: '100000000',
  // Measure the web process alone: the notification worker would share its CPU.
  WORKER: 'off',
  LOG_LEVEL: 'warn',
} as const;

async function prepare(server: ThrowawayServer): Promise<Prepared> {
  const html = await getText(`${server.baseUrl}/submit`, { 'Accept-Language': 'en' });
  const categoryId = extractCategoryId(html);
  const started = performance.now();
  const receipts = await prepareCases(server.baseUrl, categoryId, CONFIG.preparedCases, CONFIG.prepareConcurrency);
  log(`filed ${receipts.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const first = receipts[0];
  if (!first) throw new Error('no cases prepared');
  const status = await trackStatus(server.baseUrl, first);
  if (status !== 303) throw new Error(`POST /track with a fresh receipt returned ${status}, expected 303`);
  return { baseUrl: server.baseUrl, categoryId, receipts };
}

async function measure(
  scenario: PortalScenario,
  prepared: Prepared,
  connections: number,
  durationSeconds: number,
): Promise<ScenarioResult> {
  const request = scenario.request(prepared);
  const base = { name: scenario.key, baseUrl: prepared.baseUrl, successStatus: scenario.successStatus, request };
  await runScenario({ ...base, connections: CONFIG.warmupConnections, durationSeconds: CONFIG.warmupSeconds });
  return await runScenario({ ...base, connections, durationSeconds });
}

async function serve(label: string, env: Record<string, string>, root?: string): Promise<ThrowawayServer> {
  log(`starting ${label}`);
  const server = await startThrowawayServer({
    ...(root ? { root } : {}),
    preferredPort: CONFIG.preferredPort,
    healthTimeoutMs: CONFIG.healthTimeoutMs,
    env: { ...SERVER_ENV, ...env },
  });
  log(`${label} healthy at ${server.baseUrl}`);
  return server;
}

/** Stops the servers on the way out, also on Ctrl-C. */
async function withServers<T>(servers: ThrowawayServer[], body: () => Promise<T>): Promise<T> {
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  const abort = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    return await body();
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
    await stopAll();
  }
}

function machine(): string {
  return `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`;
}

async function benchmarkThisBuild(options: PortalOptions): Promise<void> {
  const rows: PortalRow[] = [];
  let jsBytes: number | null = null;
  for (const workers of options.workerCounts) {
    const server = await serve(`the app with WEB_CONCURRENCY=${workers}`, { WEB_CONCURRENCY: String(workers) });
    await withServers([server], async () => {
      const prepared = await prepare(server);
      for (const connections of options.connections) {
        let ceiling: number | null = null;
        for (const scenario of SCENARIOS) {
          log(`WEB_CONCURRENCY=${workers}, ${scenario.key}, ${connections} connections`);
          const result = await measure(scenario, prepared, connections, options.durationSeconds);
          if (scenario.key === 'ceiling') ceiling = result.successPerSecond;
          rows.push({
            build: `${workers} process${workers === 1 ? '' : 'es'}`,
            result,
            ceiling,
            target: targetFor(scenario.key, connections),
          });
        }
      }
      if (jsBytes === null) {
        const weight = await measurePageWeight(`${server.baseUrl}/submit`);
        jsBytes = totalGzip(weight.js);
        console.log('');
        console.log(weightReport('/submit', weight));
      }
    });
  }
  console.log('');
  console.log(`Portal benchmark: ${machine()}; app, database and load generator together`);
  console.log('');
  console.log(portalTable(rows));
  console.log('');
  console.log(verdicts(rows, jsBytes === null ? null : { bytes: jsBytes, targetBytes: JS_TARGET_BYTES }));
}

async function benchmarkSideBySide(options: PortalOptions, compare: ComparisonBuild): Promise<void> {
  const theirs = await serve(compare.ref, {}, compare.root);
  const ours = await serve('this build', {});
  await withServers([theirs, ours], async () => {
    const [preparedTheirs, preparedOurs] = [await prepare(theirs), await prepare(ours)];
    const pairs: { theirs: ScenarioResult | null; ours: ScenarioResult }[] = [];
    for (const connections of options.connections) {
      for (const scenario of SCENARIOS) {
        // Alternating scenario by scenario, so a change in the machine's load hits both builds alike.
        log(`${scenario.key}, ${connections} connections: ${compare.ref}`);
        const before = await measure(scenario, preparedTheirs, connections, options.durationSeconds);
        log(`${scenario.key}, ${connections} connections: this build`);
        const after = await measure(scenario, preparedOurs, connections, options.durationSeconds);
        // An older build may not have the ceiling route; its row then says so instead of a rate.
        pairs.push({ theirs: before.successes > 0 ? before : null, ours: after });
      }
    }
    const [weightTheirs, weightOurs] = [
      await measurePageWeight(`${theirs.baseUrl}/submit`),
      await measurePageWeight(`${ours.baseUrl}/submit`),
    ];
    console.log('');
    console.log(`Portal benchmark, side by side: ${machine()}; one server process each`);
    console.log('');
    console.log(comparisonTable(compare, pairs, { theirs: totalGzip(weightTheirs.js), ours: totalGzip(weightOurs.js) }));
  });
}

function targetFor(key: ScenarioKey, connections: number): PortalTarget | undefined {
  return connections === TARGET_CONNECTIONS ? TARGETS[key] : undefined;
}

export async function benchmarkPortal(options: PortalOptions): Promise<void> {
  if (options.compare) await benchmarkSideBySide(options, options.compare);
  else await benchmarkThisBuild(options);
}
