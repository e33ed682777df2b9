// POST /office/cases/:caseId/report/upload: the completion report's form sent with JavaScript
// (XMLHttpRequest, for upload progress). Handled exactly as the page's own action; the answer is JSON.
import { answerUploadAsJson } from '#app/features/attachments/upload-form.server.ts';
import { fileCompletionReport } from '#app/features/cases/completion-report.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import type { ActionFunctionArgs } from '@remix-run/node';

const PARAMS = { caseId: 'uuid' } as const;

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  return answerUploadAsJson(await fileCompletionReport(actor, caseId, request), `/office/cases/${caseId}`);
});
