// One way for every script to reach PostgreSQL: DATABASE_URL when set, otherwise the embedded
// server with its data under ./.data/pg.
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';
import { serverEnv } from './env.ts';
import { dataDir } from './local-data.ts';

/**
 * The database of `npm start`, the worker and the scripts. An external one (DATABASE_URL) is not
 * ours to watch; the embedded one is restarted after a crash, and `onFatal` hears when it cannot be.
 */
export async function openDatabase(log: (message: string) => void, onFatal?: (error: Error) => void): Promise<EmbeddedDatabase> {
  const { DATABASE_URL: external, EMBEDDED_PG_PORT: port } = serverEnv();
  if (external) return { url: external, stop: async () => {}, state: () => 'up' };
  log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(dataDir(), 'pg')})`);
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir(), 'pg'),
    port,
    database: 'petition_desk',
    log: (message) => {
      if (/error|fatal|restart|stopped/i.test(message)) log(message);
    },
    onFatal,
  });
  process.env.DATABASE_URL = db.url;
  return db;
}
