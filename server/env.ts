// What the server process itself reads from the environment (the app's own settings are in
// app/platform/env.server.ts): ports, where local data lives, the worker switch, the proxy setting.
// Read once and validated, like the app's.
import { z } from 'zod';
import { blankAsUnset } from '#app/platform/env.server.ts';

export const ServerEnv = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('production')
    .describe('`production` adds HSTS and Secure cookies; `npm start` sets it when unset.'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port.'),
  DATABASE_URL: blankAsUnset(z.string().min(1).optional()).describe(
    'A PostgreSQL connection string. When set, the app uses that server (migrating it on start) instead of the embedded one.',
  ),
  DATA_DIR: blankAsUnset(z.string().min(1).default('./.data')).describe(
    'Where the embedded database, generated secrets, outbox and uploads live.',
  ),
  EMBEDDED_PG_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(54329)
    .describe('Port of the embedded PostgreSQL (0 picks a free one).'),
  TRUST_PROXY: blankAsUnset(z.string().optional()).describe(
    'Express "trust proxy" value (e.g. `1` or `loopback, 10.0.0.0/8`) when behind a load balancer, so rate limits see the real client address.',
  ),
  WEB_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe(
      'How many web server processes `npm start` runs (node:cluster), sharing the port; about one per CPU core left over by the database. The job worker runs once, in the first process.',
    ),
  WORKER: blankAsUnset(z.enum(['on', 'off']).default('on')).describe(
    '`off` makes `npm start` serve only, without the job worker (run `npm run worker` elsewhere).',
  ),
  LOG_LEVEL: blankAsUnset(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')).describe(
    'How much the server and worker log (JSON lines, or readable lines when a terminal is attached).',
  ),
  METRICS_TOKEN: blankAsUnset(z.string().min(16).optional()).describe(
    'A bearer token that opens /metrics (Prometheus format) from any address; without it only METRICS_ALLOW addresses may read it.',
  ),
  METRICS_ALLOW: blankAsUnset(z.string().default('127.0.0.1, ::1')).describe(
    'Client addresses (comma-separated, exact or CIDR like 10.0.0.0/8) that may read /metrics without a token.',
  ),
  ALLOW_LOCAL_SECRETS: blankAsUnset(z.enum(['1', 'true']).optional()).describe(
    'Allows generated secrets together with DATABASE_URL in production (single-machine installs only).',
  ),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** The server's settings, read now (scripts change some of them before starting, e.g. the throwaway server). */
export function serverEnv(): ServerEnv {
  return ServerEnv.parse(process.env);
}
