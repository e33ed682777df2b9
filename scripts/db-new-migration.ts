// npm run db:new-migration -- <name>: writes the SQL that takes prisma/migrations to the schema.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../server/embedded-postgres.ts';
import { diffMigrationsToSchema, migrationsDir } from '../server/migrations.ts';

const name = (process.argv[2] ?? '')
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('usage: npm run db:new-migration -- <name>');
  process.exit(2);
}

const lock = path.join(migrationsDir, 'migration_lock.toml');
if (!existsSync(lock)) {
  mkdirSync(migrationsDir, { recursive: true });
  writeFileSync(lock, '# Written by npm run db:new-migration; keep it in version control.\nprovider = "postgresql"\n');
}

// The diff replays the migrations on a scratch database, so use a throwaway server.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pd-migration-'));
const db = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 0, database: 'scratch', throwaway: true });
try {
  const sql = await diffMigrationsToSchema(db.url);
  if (!sql) {
    console.log('prisma/migrations already matches prisma/schema.prisma; nothing to write');
  } else {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:TZ.]/g, '')
      .slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
