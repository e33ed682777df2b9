// npm run db:migrate: applies prisma/migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from '../server/database.ts';
import { applyMigrations } from '../server/migrations.ts';

const db = await openDatabase(console.log);
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.stop();
}
