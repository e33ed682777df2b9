// Metrics in Prometheus format at /metrics (prom-client): requests by route pattern and status and
// their durations, the outbox's backlog and failures, the database pool, and the process's own
// figures. Readable only from the configured addresses (METRICS_ALLOW) or with METRICS_TOKEN.
import cluster from 'node:cluster';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import pg from 'pg';
import client from 'prom-client';
import { SWEEP_QUEUE } from '#app/jobs/worker.server.ts';
import { databasePoolStats } from '#app/platform/db.server.ts';
import { logger } from './logger.ts';
import { routePattern } from './route-pattern.ts';
import { isClusterMessage, METRICS_REQUEST, METRICS_RESPONSE, type MetricsRequest, type MetricsResponse } from './web-cluster-messages.ts';
import type { NextFunction, Request, Response } from 'express';

const register = client.register;
client.collectDefaultMetrics({ register });
// A web process in a cluster answers the primary's requests for its figures (prom-client's own
// messages, set up by this constructor).
if (cluster.isWorker) new client.AggregatorRegistry();

const requests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
});
const durations = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer HTTP requests, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** Counts and times every request once it is answered. */
export function requestMetrics(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const labels = { method: req.method, route: routePattern(req.path), status: String(res.statusCode) };
    requests.inc(labels);
    durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  });
  next();
}

/** The outbox and pool figures are read when scraped, from the database itself. */
export function databaseMetrics(databaseUrl: string): void {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 2_000, statement_timeout: 2_000 });
  pool.on('error', () => undefined);
  new client.Gauge({
    name: 'outbox_messages',
    // Read from the database: every web process reads the same figure, so a cluster reports one.
    aggregator: 'first',
    help: 'Messages in the notification outbox, by status (PENDING and SENDING are the backlog; DEAD failed for good).',
    labelNames: ['status'] as const,
    async collect() {
      this.reset();
      try {
        const { rows } = await pool.query<{ status: string; count: string }>(
          'SELECT "status"::text AS status, count(*) AS count FROM "OutboxMessage" GROUP BY 1',
        );
        for (const row of rows) this.set({ status: row.status }, Number(row.count));
      } catch {
        // The database is down: /healthz says so; the figure is simply absent from this scrape.
      }
    },
  });
  new client.Gauge({
    name: 'outbox_messages_retrying',
    aggregator: 'first',
    help: 'Messages whose last send failed and that wait for their next attempt.',
    async collect() {
      try {
        const { rows } = await pool.query<{ count: string }>(
          `SELECT count(*) AS count FROM "OutboxMessage" WHERE "status" = 'PENDING' AND "lastError" IS NOT NULL`,
        );
        this.set(Number(rows[0]?.count ?? 0));
      } catch {
        // As above: absent while the database is down.
      }
    },
  });
  // Read from pg-boss's own tables, so the figures are right whichever process ran the sweep.
  const sweepRuns = `SELECT "state"::text AS state, count(*) AS count, max("completed_on") AS last
    FROM (SELECT "state", "completed_on" FROM pgboss.job WHERE "name" = $1
          UNION ALL SELECT "state", "completed_on" FROM pgboss.archive WHERE "name" = $1) AS runs GROUP BY 1`;
  const readSweepRuns = async () => (await pool.query<{ state: string; count: string; last: Date | null }>(sweepRuns, [SWEEP_QUEUE])).rows;
  new client.Gauge({
    name: 'deadline_sweep_runs',
    aggregator: 'first',
    help: 'Runs of the hourly deadline sweep in the job history (about a week), by state (completed, failed, active, created).',
    labelNames: ['state'] as const,
    async collect() {
      this.reset();
      try {
        for (const row of await readSweepRuns()) this.set({ state: row.state }, Number(row.count));
      } catch {
        // Absent while the database (or the worker's schema, before its first start) is missing.
      }
    },
  });
  new client.Gauge({
    name: 'deadline_sweep_last_completed_seconds',
    aggregator: 'first',
    help: 'When the deadline sweep last completed, as a Unix time: alert when it is more than an hour or two old.',
    async collect() {
      try {
        const last = (await readSweepRuns()).find((row) => row.state === 'completed')?.last;
        if (last) this.set(new Date(last).getTime() / 1000);
      } catch {
        // As above.
      }
    },
  });
  new client.Gauge({
    name: 'db_pool_connections',
    help: "The app's database pool: connections by state (total, idle, waiting clients).",
    labelNames: ['state'] as const,
    collect() {
      const stats = databasePoolStats();
      if (!stats) return;
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
}

function allowList(spec: string): BlockList {
  const list = new BlockList();
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function tokenMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** GET /metrics, for the allowed addresses or with the token; 404 for everyone else. */
export function metricsEndpoint(options: { allow: string; token: string | undefined }) {
  const allowed = allowList(options.allow);
  return async (req: Request, res: Response) => {
    const address = (req.ip ?? '').replace(/^::ffff:/, '');
    const fromAllowed = isIP(address) !== 0 && allowed.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    if (!fromAllowed && !tokenMatches(req.get('authorization'), options.token)) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    let text: string;
    try {
      text = cluster.isWorker ? await clusterMetrics() : await register.metrics();
    } catch (error) {
      logger.warn({ err: error }, 'metrics unavailable');
      res.status(503).set('Cache-Control', 'no-store').type('text/plain').send('Metrics unavailable');
      return;
    }
    res.set('Cache-Control', 'no-store').type(register.contentType).send(text);
  };
}

// With WEB_CONCURRENCY > 1 a scrape reaches one web process, which asks the primary for the
// figures of them all: the primary gathers and adds them up (prom-client's AggregatorRegistry).
const CLUSTER_METRICS_TIMEOUT_MS = 5_000;

/** In the primary: answers the web processes' requests for the cluster's figures. */
export function answerClusterMetricsRequests(): void {
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isClusterMessage(message, METRICS_REQUEST)) return;
    const reply = (body: Pick<MetricsResponse, 'text' | 'error'>) =>
      worker.send({ type: METRICS_RESPONSE, id: message.id, ...body } satisfies MetricsResponse);
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function clusterMetrics(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isClusterMessage(message, METRICS_RESPONSE) || message.id !== id) return;
      done();
      if (message.text !== undefined) resolve(message.text);
      else reject(new Error(message.error ?? 'no metrics from the primary'));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error('the primary did not send the metrics in time'));
    }, CLUSTER_METRICS_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send?.({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
  });
}
