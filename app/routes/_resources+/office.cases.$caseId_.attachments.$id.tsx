// GET /office/cases/:caseId/attachments/:id: a case's file for staff who may see the case
// (caseForActor); analysts and admins never. Every download is audited; every refusal is a 404,
// the same for all of them, malformed ids included: so the ids are checked by the download itself.
import { staffDownload } from '#app/features/attachments/attachments.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  return await staffDownload(actor, params.caseId ?? '', params.id ?? '', context.clientIp);
});
