// npm run db:check-drift: fails when prisma/migrations and prisma/schema.prisma disagree.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../server/embedded-postgres.ts';
import { diffMigrationsToSchema } from '../server/migrations.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pd-drift-'));
const db = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0, database: 'scratch', throwaway: true });
let drift = '';
try {
  drift = await diffMigrationsToSchema(db.url);
} finally {
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
if (drift) {
  console.error(`prisma/schema.prisma has changes that no migration holds:\n${drift}\nRun: npm run db:new-migration -- <name>`);
  process.exit(1);
}
console.log('migrations and schema agree');
