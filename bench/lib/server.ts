// Starts the built app on a throwaway embedded database in a child process, waits until it is
// healthy, and stops it again (SIGTERM, then SIGKILL if it does not exit in time).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ThrowawayServer {
  baseUrl: string;
  port: number;
  /** Server output lines not echoed because the echo cap was reached. */
  suppressedLines: () => number;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** The checkout whose build is served (another worktree for --compare); this one by default. */
  root?: string;
  preferredPort: number;
  healthTimeoutMs: number;
  env: Record<string, string>;
}

const ECHO_LIMIT = 40;
const STOP_GRACE_MS = 20_000;

/** The preferred port when nothing listens on it, otherwise one the OS picks. */
export async function findFreePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(null));
      probe.listen(port, () => {
        const address = probe.address();
        const chosen = typeof address === 'object' && address ? address.port : null;
        probe.close(() => resolve(chosen));
      });
    });
  const port = (await tryListen(preferred)) ?? (await tryListen(0));
  if (port === null) throw new Error('no free TCP port found');
  return port;
}

/** Echoes the child's output with a prefix, up to a cap so a flood of errors under load stays readable. */
function echoOutput(child: ChildProcess): () => number {
  let echoed = 0;
  let suppressed = 0;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      if (echoed < ECHO_LIMIT) {
        echoed += 1;
        process.stderr.write(`  [server] ${line}\n`);
      } else {
        suppressed += 1;
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => suppressed;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited during startup (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    if (await isHealthy(baseUrl)) return;
    await sleep(500);
  }
  throw new Error(`server not healthy after ${timeoutMs / 1000} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = sleep(STOP_GRACE_MS).then(() => 'timeout' as const);
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
    process.stderr.write('  [bench] server ignored SIGTERM; sending SIGKILL\n');
    child.kill('SIGKILL');
    await exited;
  }
}

export async function startThrowawayServer(options: ServerOptions): Promise<ThrowawayServer> {
  const port = await findFreePort(options.preferredPort);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'scripts/serve-throwaway.ts'], {
    cwd: options.root ?? projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const suppressedLines = echoOutput(child);
  const stop = () => stopChild(child);
  try {
    await waitForHealth(baseUrl, child, options.healthTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, suppressedLines, stop };
}
