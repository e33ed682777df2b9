// One way for every script to reach PostgreSQL: DATABASE_URL when set, otherwise the embedded
// server with its data under ./.data/pg.
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.ts';
import { dataDir } from './local-data.ts';

export const DEFAULT_EMBEDDED_PORT = 54329;

export async function openDatabase(log: (message: string) => void): Promise<EmbeddedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.join(dataDir(), 'pg')})`);
  const db = await startEmbeddedPostgres({
    dataDir: path.join(dataDir(), 'pg'),
    port,
    database: 'petition_desk',
    log: (message) => {
      if (/error|fatal/i.test(message)) log(message);
    },
  });
  process.env.DATABASE_URL = db.url;
  return db;
}
