// npm run db:seed: upserts the reference categories and units (safe to repeat).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '#app/generated/prisma/client.ts';
import { seedReferenceData } from '../prisma/seed.ts';
import { openDatabase } from '../server/database.ts';
import { applyMigrations } from '../server/migrations.ts';

const db = await openDatabase(console.log);
try {
  await applyMigrations(db.url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  const counts = await seedReferenceData(prisma);
  await prisma.$disconnect();
  console.log(`seeded ${counts.units} units and ${counts.categories} categories`);
} finally {
  await db.stop();
}
