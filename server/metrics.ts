// Metrics in Prometheus format at /metrics (prom-client): requests by route pattern and status and
// their durations, the outbox's backlog and failures, the database pool, and the process's own
// figures. Readable only from the configured addresses (METRICS_ALLOW) or with METRICS_TOKEN.
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import pg from 'pg';
import client from 'prom-client';
import { databasePoolStats } from '#app/platform/db.server.ts';
import { routePattern } from './route-pattern.ts';
import type { NextFunction, Request, Response } from 'express';

const register = client.register;
client.collectDefaultMetrics({ register });

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
    res
      .set('Cache-Control', 'no-store')
      .type(register.contentType)
      .send(await register.metrics());
  };
}
