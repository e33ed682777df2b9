// The job worker: pg-boss (a queue in PostgreSQL, schema "pgboss") runs the hourly deadline sweep,
// the daily overdue digest, the hourly public figures and the scheduled reports, and a poll loop delivers the outbox. `npm start` runs it beside the
// web server; `npm run worker` runs it alone. Any number may run: pg-boss hands each scheduled job
// to one worker, and the sweep and delivery are safe to run concurrently anyway.
import PgBoss from 'pg-boss';
import { reindexOutdatedCases } from '#app/features/cases/search-index.server.ts';
import { deliverDueMessages } from '#app/features/notifications/delivery.server.ts';
import { configuredSmsTransport, type SmsTransport } from '#app/features/notifications/sms-transport.server.ts';
import { configuredTransport, type MailTransport } from '#app/features/notifications/transport.server.ts';
import { prepareDueReports } from '#app/features/statistics/prepared.server.ts';
import { refreshPublicFigures } from '#app/features/statistics/public-figures.server.ts';
import { env } from '#app/platform/env.server.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { runDeadlineSweep } from './deadline-sweep.server.ts';
import { queueOverdueDigest } from './overdue-digest.server.ts';
import { runRetention } from './retention.server.ts';

export const PGBOSS_SCHEMA = 'pgboss';
export const SWEEP_QUEUE = 'deadline-sweep';
export const DIGEST_QUEUE = 'overdue-digest';
export const RETENTION_QUEUE = 'retention';
export const PUBLIC_FIGURES_QUEUE = 'public-figures';
export const REPORTS_QUEUE = 'scheduled-reports';
/** Minute 0 of every hour. */
export const SWEEP_CRON = '0 * * * *';
/** 08:00 every day, in TIME_ZONE. */
export const DIGEST_CRON = '0 8 * * *';
/** 03:30 every day, in TIME_ZONE: personal data past its retention period is removed. */
export const RETENTION_CRON = '30 3 * * *';
/** Minute 5 of every hour: the public figures (/statistics), after the sweep has settled deadlines. */
export const PUBLIC_FIGURES_CRON = '5 * * * *';
/** 07:00 every day in TIME_ZONE: the reports due that day (the risk list on Friday mornings, app/features/statistics/prepared.ts). */
export const REPORTS_CRON = '0 7 * * *';

export interface WorkerOptions {
  log?: (line: string) => void;
  /** Outbox poll interval; OUTBOX_POLL_MS by default. */
  pollMs?: number;
  transport?: MailTransport;
  /** Citizens' SMS notices: the gateway when SMS_GATEWAY_URL is set, else OUTBOX_DIR/sms files. */
  sms?: SmsTransport;
  /** Sweep once at start (default), to catch up after downtime instead of waiting for the hour. */
  sweepOnStart?: boolean;
  /** Re-index the cases whose word index is outdated, at start and every hour (default on). */
  reindexSearch?: boolean;
}

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = env();
  const pollMs = options.pollMs ?? config.OUTBOX_POLL_MS;
  const transport = options.transport ?? configuredTransport(log);
  const sms = options.sms ?? configuredSmsTransport(log);

  const boss = new PgBoss({
    connectionString: config.DATABASE_URL,
    schema: PGBOSS_SCHEMA,
    application_name: 'petition-desk-worker',
    max: 4,
  });
  let stopping = false;
  // Once stopping, a closing connection may still report the database going away: not news.
  boss.on('error', (error) => {
    if (!stopping) log(`[worker] pg-boss: ${error.message}`);
  });
  await boss.start();
  for (const queue of [SWEEP_QUEUE, DIGEST_QUEUE, RETENTION_QUEUE, PUBLIC_FIGURES_QUEUE, REPORTS_QUEUE])
    await boss.createQueue(queue, { name: queue, retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.schedule(SWEEP_QUEUE, SWEEP_CRON, {}, { tz: serviceTimeZone() });
  await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { tz: serviceTimeZone() });
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: serviceTimeZone() });
  await boss.schedule(PUBLIC_FIGURES_QUEUE, PUBLIC_FIGURES_CRON, {}, { tz: serviceTimeZone() });
  await boss.schedule(REPORTS_QUEUE, REPORTS_CRON, {}, { tz: serviceTimeZone() });
  // A migration cannot run the word segmenter: cases written before the word index (or by an
  // instance of the previous version during a deploy) are indexed here, batch by batch.
  let reindexing: Promise<void> = Promise.resolve();
  const reindex = () => {
    if (options.reindexSearch === false) return;
    reindexing = reindexing
      .then(() => reindexOutdatedCases({ shouldStop: () => stopping }))
      .then((count) => {
        if (count > 0) log(`[worker] search index: ${count} cases re-indexed`);
      })
      .catch((error: unknown) => log(`[worker] search re-index failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  await boss.work(SWEEP_QUEUE, async () => {
    const report = await runDeadlineSweep();
    log(
      `[worker] deadline sweep: ${report.missed} newly overdue, ${report.reminders} reminders queued, ${report.closed} closed, ${report.checkIns} check-ins asked, ${report.supervisionSettled} supervision items closed`,
    );
    reindex();
  });
  await boss.work(DIGEST_QUEUE, async () => {
    const report = await queueOverdueDigest();
    log(`[worker] overdue digest ${report.date}: ${report.overdue} overdue, ${report.queued} digests queued`);
  });
  await boss.work(RETENTION_QUEUE, async () => {
    const r = await runRetention();
    log(
      `[worker] retention: ${r.contacts} contacts anonymised, ${r.attachments} files deleted, ${r.bookings} bookings cleared, ${r.rateLimits} rate-limit rows and ${r.sessions} sessions deleted`,
    );
  });
  await boss.work(PUBLIC_FIGURES_QUEUE, async () => {
    const figures = await refreshPublicFigures();
    log(`[worker] public figures recomputed (${figures.months.length} months, ${figures.years.length} years)`);
  });
  await boss.work(REPORTS_QUEUE, async () => {
    for (const result of await prepareDueReports())
      log(`[worker] ${result.kind} ${result.key}: ${result.prepared ? `prepared, ${result.queued} supervisors told` : 'already prepared'}`);
  });
  // Catch up after downtime instead of waiting for the next full hour; one per 10 minutes at most,
  // however many instances start together.
  if (options.sweepOnStart ?? true) {
    await boss.send(SWEEP_QUEUE, {}, { singletonKey: 'startup', singletonSeconds: 600 });
    await boss.send(PUBLIC_FIGURES_QUEUE, {}, { singletonKey: 'startup', singletonSeconds: 600 });
    // A report due today whose 07:00 run was missed (the worker was down) is prepared now; once.
    await boss.send(REPORTS_QUEUE, {}, { singletonKey: 'startup', singletonSeconds: 600 });
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const poll = () => {
    running = deliverDueMessages({ transport, sms, log })
      .then(() => undefined)
      .catch((error: unknown) => log(`[worker] outbox delivery failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopping) timer = setTimeout(poll, pollMs);
      });
  };
  poll();
  reindex();
  log(
    `[worker] started: outbox every ${pollMs} ms via ${transport.name} (SMS via ${sms.name}), sweep hourly, digest at 08:00 ${serviceTimeZone()}`,
  );

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      clearTimeout(timer);
      await running;
      await reindexing;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      transport.close?.();
      log('[worker] stopped');
    },
  };
}
