// GET /office/cases/:caseId/attachments/:id: a case's file for staff who may see it (maySeeFiles);
// analysts and admins never. Every download is audited; every refusal is a 404.
import { staffDownload } from '#app/features/attachments/access.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  return await staffDownload(actor, params.caseId ?? '', params.id ?? '', context.clientIp);
});
