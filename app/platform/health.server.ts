// What /healthz checks for load balancers: that the database answers.
import { db } from './db.server.ts';

export async function checkDatabase(): Promise<void> {
  await db().$queryRaw`SELECT 1`;
}
