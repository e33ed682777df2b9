// npm run office:create-admin -- --email admin@example.gov.cn --name "Wang Fang"
// Creates the first administrator and prints a one-time password, which must be changed at the
// first sign-in (and two-factor sign-in set up, which admins must use).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '../server/database.ts';
import { ensureSecrets } from '../server/local-data.ts';
import { applyMigrations } from '../server/migrations.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const args = z.object({ email: z.email(), name: z.string().trim().min(1).max(100) }).safeParse(values);
if (!args.success) {
  console.error('usage: npm run office:create-admin -- --email <email> --name <name>');
  process.exit(2);
}

ensureSecrets(console.log);
const database = await openDatabase(console.log);
try {
  await applyMigrations(database.url);
  const { createStaffAccount, StaffAccountError } = await import('#app/features/staff/accounts.server.ts');
  try {
    const created = await createStaffAccount({ ...args.data, role: 'ADMIN' }, { actorId: null, ipAddress: null });
    console.log(`Created administrator ${args.data.email}.`);
    console.log(`One-time password: ${created.oneTimePassword}`);
    console.log('Sign in at /office/sign-in; you will be asked to choose a new password and set up two-factor sign-in.');
  } catch (error) {
    if (error instanceof StaffAccountError && error.code === 'emailTaken') {
      console.error(`An account for ${args.data.email} already exists.`);
      process.exitCode = 1;
    } else throw error;
  }
} finally {
  const { db } = await import('#app/platform/db.server.ts');
  await db().$disconnect();
  await database.stop();
}
