// WEB_CONCURRENCY > 1: `npm start` serves from that many processes (node:cluster) sharing the port,
// each a server/web-worker.ts. This process (the primary) keeps the database, migrations and the job
// worker, starts a web process again when one dies, and stops them all in order.
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import path from 'node:path';
import { projectRoot } from './local-data.ts';
import { logger } from './logger.ts';
import { answerClusterMetricsRequests } from './metrics.ts';
import { STOP_MESSAGE } from './web-cluster-messages.ts';
import { DRAIN_MS } from './web-process.ts';

/** More restarts than this in a minute means something is wrong that restarting will not fix. */
const MAX_RESTARTS_PER_MINUTE = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WebCluster {
  stop: () => Promise<void>;
}

function fork(): Promise<Worker> {
  const worker = cluster.fork();
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`a web process exited while starting (${signal ?? `code ${code}`})`));
    worker.once('exit', onExit);
    worker.once('listening', () => {
      worker.off('exit', onExit);
      resolve(worker);
    });
  });
}

export async function startWebCluster(size: number, onFatal: (error: Error) => void): Promise<WebCluster> {
  cluster.setupPrimary({ exec: path.join(projectRoot, 'server/web-worker.ts') });
  answerClusterMetricsRequests();
  let stopping = false;
  const restarts: number[] = [];
  const workers = await Promise.all(Array.from({ length: size }, fork));
  logger.info(`serving from ${workers.length} web processes`);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error(`web process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      onFatal(new Error(`web processes exited ${restarts.length} times within a minute`));
      return;
    }
    fork().catch((error: unknown) => logger.error({ err: error }, 'a web process could not be started again'));
  });
  return {
    stop: async () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
      for (const worker of running) worker.send(STOP_MESSAGE);
      // Each drains for at most DRAIN_MS; one that hangs beyond that is ended.
      await Promise.race([Promise.all(running.map((worker) => once(worker, 'exit'))), sleep(DRAIN_MS + 1_000)]);
      for (const worker of running) if (!worker.isDead()) worker.process.kill('SIGKILL');
    },
  };
}
