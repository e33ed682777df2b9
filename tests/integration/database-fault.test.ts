// The embedded database killed (kill -9) under a steady stream of letters: the server restarts it,
// each client retries its letter with the same form key until it gets a receipt, and afterwards
// every letter that was acknowledged exists exactly once. Runs the built server as `npm start` does.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postmasterPid, startThrowawayServer, type ThrowawayServer } from '../support/throwaway-server.ts';

let server: ThrowawayServer;

beforeAll(async () => {
  server = await startThrowawayServer({ SUBMIT_RATE_LIMIT: '100000' });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

interface Letter {
  key: string;
  attempts: number;
  acknowledged: boolean;
}

/** Posts one letter until the server acknowledges it (303 to the confirmation), or time runs out. */
async function sendUntilAcknowledged(form: URLSearchParams, letter: Letter, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    letter.attempts++;
    try {
      const response = await fetch(`${server.url}/submit?index`, {
        method: 'POST',
        body: form,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status === 303 && response.headers.get('Location')?.startsWith('/submit/confirmation')) {
        letter.acknowledged = true;
        return;
      }
    } catch {
      // The server is up but its database is not: try again shortly, as a browser's user would.
    }
    await sleep(150);
  }
}

describe('the embedded database dies while letters arrive', () => {
  it('loses and duplicates no acknowledged letter', async () => {
    const [category] = await query<{ id: string }>(`SELECT "id" FROM "Category" WHERE "active" ORDER BY "sortOrder" LIMIT 1`);
    expect(category).toBeDefined();
    const letters: Letter[] = [];
    const deadline = Date.now() + 90_000;
    const sendingFor = 12_000;
    const started = Date.now();

    // Five citizens, each sending one letter after another for 12 seconds.
    const clients = [0, 1, 2, 3, 4].map(async (client) => {
      let n = 0;
      while (Date.now() - started < sendingFor) {
        const letter: Letter = { key: randomBytes(18).toString('base64url'), attempts: 0, acknowledged: false };
        letters.push(letter);
        const form = new URLSearchParams({
          idempotencyKey: letter.key,
          kind: 'SUGGESTION',
          categoryId: category!.id,
          area: `故障测试区${client}`,
          subject: `数据库故障测试来信 ${client}-${n}`,
          body: `这是第${client}位市民的第${n}封来信，用于检验数据库中断时来信不丢失、不重复。`,
          coSignerCount: '1',
          name: `测试市民${client}`,
          email: `fault-${client}-${n}@example.com`,
          preferredReplyChannel: 'EMAIL',
          consent: 'yes',
        });
        n++;
        await sendUntilAcknowledged(form, letter, deadline);
        await sleep(50);
      }
    });

    // Four seconds in, the database is killed; the server must notice and start it again.
    await sleep(4_000);
    const beforeKill = letters.filter((letter) => letter.acknowledged).length;
    const killed = postmasterPid(server);
    process.kill(killed, 'SIGKILL');
    await Promise.all(clients);

    // The server's own output says why, should it have died or not restarted its database.
    expect(server.alive(), server.output()).toBe(true);
    expect(postmasterPid(server), server.output()).not.toBe(killed);
    const acknowledged = letters.filter((letter) => letter.acknowledged);
    expect(acknowledged.length).toBe(letters.length);
    // Some letters had to be retried through the outage, or the test did not test anything.
    expect(letters.some((letter) => letter.attempts > 1)).toBe(true);

    const counts = await query<{ key: string; n: string }>(
      `SELECT "idempotencyKey" AS key, count(*) AS n FROM "Case" WHERE "idempotencyKey" = ANY($1) GROUP BY 1`,
      [acknowledged.map((letter) => letter.key)],
    );
    const byKey = new Map(counts.map((row) => [row.key, Number(row.n)]));
    console.info(
      `${letters.length} letters (${beforeKill} before the kill), ${letters.filter((l) => l.attempts > 1).length} retried through the outage`,
    );
    const wrong = acknowledged
      .filter((letter) => byKey.get(letter.key) !== 1)
      .map((letter) => `${letter.key}: ${byKey.get(letter.key) ?? 0}`);
    expect(wrong).toEqual([]);
  }, 150_000);

  it('stops within 10 seconds when asked right after its database died', async () => {
    process.kill(postmasterPid(server), 'SIGKILL');
    const started = Date.now();
    await server.stop();
    expect(server.alive()).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
