// A web process of the cluster that `npm start` runs when WEB_CONCURRENCY > 1 (server/web-cluster.ts).
// It serves HTTP on the shared port; the primary owns the database, the migrations and the job
// worker, and tells this process when to stop.
import { serverEnv } from './env.ts';
import { logger } from './logger.ts';
import { isClusterMessage, STOP_MESSAGE } from './web-cluster-messages.ts';
import { startWebProcess } from './web-process.ts';

const databaseUrl = serverEnv().DATABASE_URL;
if (!databaseUrl) throw new Error('a web process needs DATABASE_URL from the primary');

// The database's own health is the primary's business; /healthz still asks it with SELECT 1.
const web = await startWebProcess({ databaseUrl, databaseState: () => 'up' });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await web.stop();
  logger.flush(() => process.exit(0));
};
process.on('message', (message: unknown) => {
  if (isClusterMessage(message, STOP_MESSAGE.type)) void stop();
});
// Ctrl-C reaches every process in the terminal's group: the primary decides the order of the stop.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => void stop());
// The primary has gone (it crashed): nobody will restart or stop this process, so it stops.
process.on('disconnect', () => void stop());
