// GET /healthz: for load balancers. Checks that the database answers.
import { checkDatabase } from '#app/platform/health.server.ts';
import { route } from '#app/platform/http/route.server.ts';

export const loader = /* @__PURE__ */ route(async () => {
  await checkDatabase();
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
});
