// Health endpoints, answered by the server itself before the app:
//   /livez   liveness: the process answers (an orchestrator restarts it when this fails);
//   /healthz the database answers: 200, or 503 so a load balancer stops sending traffic;
//   /readyz  readiness: the database answers and the server is not shutting down.
import express, { type Response } from 'express';
import pg from 'pg';
import type { DatabaseState } from './embedded-postgres.ts';

/** A check is not repeated more often than this, so a busy load balancer costs the database little. */
const CHECK_EVERY_MS = 1_000;

export interface Health {
  router: express.Router;
  /** From now on /readyz answers 503: the server is finishing what it has and stopping. */
  drain(): void;
}

export function createHealth(options: { databaseUrl: string; databaseState: () => DatabaseState }): Health {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1, connectionTimeoutMillis: 1_000, statement_timeout: 1_000 });
  pool.on('error', () => undefined);
  let draining = false;
  let last: { at: number; up: boolean } | null = null;

  const databaseUp = async (): Promise<boolean> => {
    if (options.databaseState() !== 'up') return false;
    if (last && Date.now() - last.at < CHECK_EVERY_MS) return last.up;
    let up = false;
    try {
      await pool.query('SELECT 1');
      up = true;
    } catch {
      up = false;
    }
    last = { at: Date.now(), up };
    return up;
  };

  const answer = (res: Response, ok: boolean, body: Record<string, string>) =>
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: ok ? 'ok' : 'unavailable', ...body });

  const router = express.Router();
  router.get('/livez', (_req, res) => answer(res, true, {}));
  router.get('/healthz', async (_req, res) => {
    const up = await databaseUp();
    answer(res, up, { database: up ? 'up' : options.databaseState() === 'restarting' ? 'restarting' : 'down' });
  });
  router.get('/readyz', async (_req, res) => {
    const up = await databaseUp();
    answer(res, up && !draining, { database: up ? 'up' : 'down', server: draining ? 'stopping' : 'serving' });
  });
  return {
    router,
    drain: () => {
      draining = true;
    },
  };
}
