// GET /track/case/attachments/:id: a file of the case the citizen's track session opened. Any
// other request (no session, another case's file, no such file) gets the same 404.
import { citizenDownload } from '#app/features/attachments/attachments.server.ts';
import { trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return await citizenDownload(trackCookie.read(request)?.caseId ?? null, params.id ?? '');
}
