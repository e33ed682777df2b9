// The job worker on the real database: pg-boss in its own schema with the hourly sweep and the
// 08:00 digest scheduled, outbox delivery by polling, a clean stop, and a drift check that is not
// confused by pg-boss's tables.
import pg from 'pg';
import PgBoss from 'pg-boss';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_CRON, DIGEST_QUEUE, PGBOSS_SCHEMA, SWEEP_CRON, SWEEP_QUEUE, startWorker } from '#app/jobs/worker.server.ts';
import { db } from '#app/platform/db.server.ts';
import { parkOtherSuitesMessages } from '../support/notifications-isolation.ts';
import { isolatedCase, outboxFor, recordingTransport } from '../support/notifications.ts';
import { runScript } from '../support/run-script.ts';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the worker', () => {
  beforeAll(parkOtherSuitesMessages);

  it('schedules the sweep and the digest, delivers the outbox while it runs, and stops cleanly', async () => {
    const recorder = recordingTransport();
    const logs: string[] = [];
    // The startup sweep would sweep the other suites' cases in this shared database.
    const worker = await startWorker({ transport: recorder.transport, pollMs: 100, log: (l) => logs.push(l), sweepOnStart: false });
    try {
      const { row } = await isolatedCase();
      const [message] = await outboxFor(row.id);
      await waitFor(async () => (await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })).status === 'SENT');
      expect(recorder.calls.get(message!.id)).toBe(1);

      const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: PGBOSS_SCHEMA });
      await boss.start();
      try {
        const schedules = await boss.getSchedules();
        expect(schedules.find((s) => s.name === SWEEP_QUEUE)).toMatchObject({ cron: SWEEP_CRON, timezone: 'Asia/Shanghai' });
        expect(schedules.find((s) => s.name === DIGEST_QUEUE)).toMatchObject({ cron: DIGEST_CRON, timezone: 'Asia/Shanghai' });
      } finally {
        await boss.stop({ graceful: false });
      }
    } finally {
      await worker.stop();
    }
    expect(logs.some((l) => l.includes('[worker] started'))).toBe(true);
    expect(logs.at(-1)).toBe('[worker] stopped');

    // Stopped means stopped: a new message stays pending.
    const { row } = await isolatedCase();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await outboxFor(row.id))[0]!.status).toBe('PENDING');
  });

  it('leaves the pgboss schema out of the migration drift check', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const tables = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1`, [
        PGBOSS_SCHEMA,
      ]);
      expect(tables.rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    const result = runScript('scripts/db-check-drift.ts', { DATABASE_URL: process.env.DATABASE_URL! });
    expect(result.output).toContain('migrations and schema agree');
    expect(result.status).toBe(0);
  });
});
