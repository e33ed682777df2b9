// GET /office/cases/:caseId/notices/:kind/pdf: a written notice as a PDF file, for staff who may
// see the case (audited like the page: it carries the citizen's name and postal address). A server
// without the notices' font (NOTICE_FONT) has no PDF to give (404); the page still prints.
import { noticeKindParam, staffNoticePdf } from '#app/features/cases/written-notices/notices.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { fileResponse } from '#app/platform/http/file-response.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const file = await staffNoticePdf(actor, caseId, noticeKindParam(params.kind), context.clientIp);
  return fileResponse({ ...file, contentType: 'application/pdf' });
});
