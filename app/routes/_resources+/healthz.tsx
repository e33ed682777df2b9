// GET /healthz: for load balancers. Checks that the database answers.
import { checkDatabase } from '#app/platform/health.server.ts';

export async function loader() {
  await checkDatabase();
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
}
