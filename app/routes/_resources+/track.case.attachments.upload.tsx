// POST /track/case/attachments/upload: the evidence form sent with JavaScript (XMLHttpRequest,
// for progress). Handled exactly as the page's own action; the answer is JSON.
import { addEvidenceFromForm } from '#app/features/attachments/evidence.server.ts';
import { answerUploadAsJson } from '#app/features/attachments/upload-form.server.ts';
import { trackedCaseId } from '#app/features/cases/track-session.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { ActionFunctionArgs } from '@remix-run/node';

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const caseId = trackedCaseId(request);
  if (!caseId) throw new NotFoundError('track session');
  return answerUploadAsJson(await addEvidenceFromForm(request, caseId, context.clientIp), '/track/case/attachments');
});
