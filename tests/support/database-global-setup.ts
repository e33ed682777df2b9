// Integration tests run against a real PostgreSQL: a throwaway embedded server per test run,
// migrated with the project's own migrations and seeded with its reference data.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../server/embedded-postgres.ts';
import { runScript } from './run-script.ts';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Where the run's uploaded files go (STORAGE_DIR), apart from any real install's. */
    storageDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-test-'));
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: 0, database: 'petition_desk_test', throwaway: true });
  const seeded = runScript('scripts/db-seed.ts', { DATABASE_URL: db.url });
  if (seeded.status !== 0) throw new Error(`could not migrate and seed the test database:\n${seeded.output}`);
  project.provide('databaseUrl', db.url);
  project.provide('storageDir', path.join(dir, 'uploads'));
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
