// GET /ping: "ok", and nothing else. It passes through the whole server (Express's middleware and
// Remix's route matching) but does no work of its own, so `npm run bench` measures every page
// against it in the same run: the stack's ceiling on the machine at that moment.
import { route } from '#app/platform/http/route.server.ts';

export const loader = /* @__PURE__ */ route(
  async () => new Response('ok', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } }),
);
