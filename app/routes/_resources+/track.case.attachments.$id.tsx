// GET /track/case/attachments/:id: a file of the case the citizen's track session opened. Any
// other request (no session, another case's file, no such file) gets the same 404.
import { citizenDownload } from '#app/features/attachments/access.server.ts';
import { trackedCaseId } from '#app/features/cases/track-session.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(
  async ({ request, params }: LoaderFunctionArgs) => await citizenDownload(trackedCaseId(request), params.id ?? ''),
);
