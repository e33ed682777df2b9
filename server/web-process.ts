// One web server process: the HTTP server with its health checks and metrics, and how it stops
// (readiness fails, new connections are refused, requests in flight get a moment to finish).
// `npm start` runs one in its own process, or WEB_CONCURRENCY of them as cluster workers.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverEnv } from './env.ts';
import { createHealth } from './health.ts';
import { startHttpServer } from './http-server.ts';
import { projectRoot } from './local-data.ts';
import { databaseMetrics } from './metrics.ts';
import type { DatabaseState } from './embedded-postgres.ts';
import type { ServerBuild } from '@remix-run/node';

/** How long a stop waits for requests in flight. */
export const DRAIN_MS = 3_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WebProcess {
  /** Stops taking requests and lets those in flight finish (for at most DRAIN_MS). */
  stop: () => Promise<void>;
}

export async function startWebProcess(options: { databaseUrl: string; databaseState: () => DatabaseState }): Promise<WebProcess> {
  const build: ServerBuild = await import(pathToFileURL(path.join(projectRoot, 'build/index.js')).href);
  const env = serverEnv();
  const { env: appEnv } = await import('#app/platform/env.server.ts');
  const health = createHealth({ databaseUrl: options.databaseUrl, databaseState: options.databaseState });
  databaseMetrics(options.databaseUrl);
  const server = await startHttpServer(build, {
    port: env.PORT,
    production: env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
    publicBaseUrl: appEnv().PUBLIC_BASE_URL,
    health,
    metrics: { allow: env.METRICS_ALLOW, token: env.METRICS_TOKEN },
  });
  return {
    stop: async () => {
      // Load balancers see /readyz fail; new connections are refused; requests in flight finish.
      health.drain();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, sleep(DRAIN_MS)]);
      server.closeAllConnections();
    },
  };
}
