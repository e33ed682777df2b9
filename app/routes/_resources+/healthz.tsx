// GET /healthz: for load balancers. Checks that the database answers.
import { db } from '#app/platform/db.server.ts';

export async function loader() {
  await db().$queryRaw`SELECT 1`;
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
}
