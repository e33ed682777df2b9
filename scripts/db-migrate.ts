// npm run db:migrate: applies prisma/migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrations.ts';

const db = await openDatabase(console.log);
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.stop();
}
