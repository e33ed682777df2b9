// Serves the built app on a brand-new embedded database that is deleted on exit. Used by the
// Playwright e2e suite and the benchmarks; never by `npm start`.
// With STATE_FILE set, writes the database URL there once it is up, so tests can set up staff, and
// the folder the worker writes its .eml files to (OUTBOX_DIR), so tests can read the mail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-throwaway-'));
process.env.DATA_DIR = dir;
process.env.EMBEDDED_PG_PORT ??= '0';
delete process.env.DATABASE_URL;
// The worker runs too; its mail goes to files here, picked up quickly so tests need not wait long.
const outboxDir = path.join(dir, 'outbox');
process.env.OUTBOX_DIR = outboxDir;
delete process.env.SMTP_URL;
process.env.OUTBOX_POLL_MS ??= '200';
const cleanup = () => rmSync(dir, { recursive: true, force: true });
process.once('exit', cleanup);

const stateFile = process.env.STATE_FILE;
if (stateFile) {
  const timer = setInterval(() => {
    if (!process.env.DATABASE_URL) return;
    writeFileSync(
      stateFile,
      JSON.stringify({
        databaseUrl: process.env.DATABASE_URL,
        sessionSecret: process.env.SESSION_SECRET,
        hmacKey: process.env.HMAC_KEY,
        outboxDir,
      }),
    );
    clearInterval(timer);
  }, 100);
  timer.unref();
}

await import('./start.ts');
