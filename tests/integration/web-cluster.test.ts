// WEB_CONCURRENCY=2: the built server as `npm start` runs it, from two web processes sharing the
// port. Both serve, /metrics adds up what both counted, public pages served from one rendering
// still carry each visitor's own CSP nonce, a web process that dies is replaced, and a stop leaves
// none behind.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayServer, type ThrowawayServer } from '../support/throwaway-server.ts';

let server: ThrowawayServer;

beforeAll(async () => {
  server = await startThrowawayServer({ WEB_CONCURRENCY: '2', WORKER: 'off' });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(200);
}

/** The running web processes the server started (children of its process running web-worker.ts). */
function webProcesses(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === server.pid && command.includes('web-worker.ts')) pids.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

/** GET on a connection of its own, so the kernel may hand each request to either process. */
function getOnNewConnection(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}${path}`, { agent: false, headers: { Connection: 'close', ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.setTimeout(15_000, () => request.destroy(new Error(`GET ${path} had no answer in 15 s`)));
  });
}

function counted(metrics: string, route: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`http_requests_total{method="GET",route="${route}",status="200"}`));
  return Number(line?.split(' ').at(-1) ?? 0);
}

describe('WEB_CONCURRENCY=2', () => {
  it('serves from two processes, and /metrics counts the requests of both', async () => {
    expect(webProcesses()).toHaveLength(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => getOnNewConnection('/ping')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.every((a) => a.body === 'ok')).toBe(true);
    // Ask twice: each scrape may reach either process, and each must report the whole cluster.
    for (let scrape = 0; scrape < 2; scrape++) {
      const metrics = await getOnNewConnection('/metrics');
      expect(metrics.status).toBe(200);
      expect(counted(metrics.body, '/ping')).toBe(20);
    }
  });

  it('serves a public page from one rendering, each visitor with their own CSP nonce', async () => {
    const visits = await Promise.all(
      ([{}, {}, {}, {}, { Cookie: 'unrelated=1' }] as Record<string, string>[]).map((headers) =>
        getOnNewConnection('/', { 'Accept-Language': 'en', ...headers }),
      ),
    );
    const nonces = visits.map((visit) => {
      expect(visit.status).toBe(200);
      expect(visit.headers['x-shared-page-seconds']).toBeUndefined();
      const inHeader = /script-src 'nonce-([^']+)'/.exec(String(visit.headers['content-security-policy']))?.[1];
      const inPage = [...visit.body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
      expect(inPage.length).toBeGreaterThan(0);
      expect(new Set(inPage)).toEqual(new Set([inHeader]));
      return inHeader;
    });
    expect(new Set(nonces).size).toBe(visits.length);
    // Apart from the nonce, every visitor got the same page.
    const pages = visits.map((visit, i) => visit.body.replaceAll(nonces[i]!, 'NONCE'));
    expect(new Set(pages).size).toBe(1);
  });

  it('gives each first visitor of the letter form their own form key, in the field and in the page data alike', async () => {
    const visits = await Promise.all(Array.from({ length: 5 }, () => getOnNewConnection('/submit', { 'Accept-Language': 'zh-CN' })));
    const keys = visits.map((visit) => {
      expect(visit.status).toBe(200);
      expect(visit.headers['x-shared-page-form-key']).toBeUndefined();
      expect(visit.headers['x-shared-page-seconds']).toBeUndefined();
      expect(visit.headers['cache-control']).toBe('no-store');
      const key = /name="idempotencyKey" value="([A-Za-z0-9_-]+)"/.exec(visit.body)?.[1];
      expect(key).toBeDefined();
      // The page's data for hydration carries the same key as the field.
      expect(visit.body.split(key!).length - 1).toBeGreaterThanOrEqual(2);
      return key!;
    });
    expect(new Set(keys).size).toBe(visits.length);
  });

  it('replaces a web process that dies, and keeps serving meanwhile', async () => {
    const [victim, survivor] = webProcesses();
    expect(victim).toBeDefined();
    process.kill(victim!, 'SIGKILL');
    // The server starts a replacement as soon as it hears of the death. (A connection the kernel
    // handed over in the instant between the two is lost with the process, as on any server.)
    await waitFor(() => webProcesses().some((pid) => pid !== victim && pid !== survivor), 30_000);
    // The survivor answers while the replacement starts, which takes a while on a busy machine.
    expect((await getOnNewConnection('/ping')).status).toBe(200);
    const now = webProcesses();
    expect(now).toHaveLength(2);
    expect(now).toContain(survivor);
    expect(now).not.toContain(victim);
  }, 90_000);

  it('stops every web process when it is stopped', async () => {
    const before = webProcesses();
    await server.stop();
    expect(server.alive()).toBe(false);
    for (const pid of before) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
