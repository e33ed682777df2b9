// The built app as `npm start` runs it (HTTP server, worker, supervised embedded PostgreSQL), on
// a throwaway database, in a child process: for the tests that must see the real server's
// answers, its memory and its behaviour when its database is killed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/local-data.ts';

export interface ThrowawayServer {
  url: string;
  pid: number;
  /** The embedded PostgreSQL's data folder (its postmaster.pid names the server process). */
  pgDir: string;
  databaseUrl: string;
  /** Everything the process wrote, for a failing test's message. */
  output: () => string;
  alive: () => boolean;
  /** Resident memory of the server process, in bytes (Linux /proc). */
  rssBytes: () => number;
  stop: () => Promise<void>;
}

/** The suites run after `npm run build`; run on its own, this test builds first. */
export function ensureBuild(): void {
  if (existsSync(path.join(projectRoot, 'build/index.js'))) return;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startThrowawayServer(env: Record<string, string> = {}): Promise<ThrowawayServer> {
  ensureBuild();
  // The port is free when probed, but the child's embedded PostgreSQL may take it before the HTTP
  // server listens: then the child exits with EADDRINUSE, and another port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(await freePort(), env);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PortTakenError)) throw error;
    }
  }
}

class PortTakenError extends Error {}

async function startOnPort(port: number, env: Record<string, string>): Promise<ThrowawayServer> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'pd-server-test-'));
  const stateFile = path.join(stateDir, 'state.json');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'scripts/serve-throwaway.ts'],
    {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        NODE_ENV: 'production',
        PORT: String(port),
        STATE_FILE: stateFile,
        COOKIE_SECURE: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) {
      rmSync(stateDir, { recursive: true, force: true });
      if (output.includes('EADDRINUSE')) throw new PortTakenError(`port ${port} was taken:\n${output}`);
      throw new Error(`the server exited while starting:\n${output}`);
    }
    if (Date.now() > deadline) throw new Error(`the server did not get ready:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready && existsSync(stateFile)) break;
    await sleep(250);
  }
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { databaseUrl: string; outboxDir: string };

  return {
    url,
    pid: child.pid!,
    pgDir: path.join(path.dirname(state.outboxDir), 'pg'),
    databaseUrl: state.databaseUrl,
    output: () => output,
    alive: () => !exited,
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: async () => {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(15_000)]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The process id of the embedded PostgreSQL server (first line of postmaster.pid). */
export function postmasterPid(server: ThrowawayServer): number {
  return Number(readFileSync(path.join(server.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}
