// POST /track/case/attachments/upload: the evidence form sent with JavaScript (XMLHttpRequest,
// for progress). Handled exactly as the page's own action; the answer is JSON.
import { handleEvidenceRequest, notFound } from '#app/features/attachments/attachments.server.ts';
import { PRIVATE_PAGE_HEADERS, trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import type { ActionFunctionArgs } from '@remix-run/node';

export async function action({ request, context }: ActionFunctionArgs) {
  const session = trackCookie.read(request);
  if (!session) return notFound();
  const outcome = await handleEvidenceRequest(request, session.caseId, context.clientIp);
  if (!outcome.ok) {
    const { status, fileErrors, formError } = outcome;
    return Response.json({ ok: false, fileErrors, formError, filesNotKept: true }, { status, headers: PRIVATE_PAGE_HEADERS });
  }
  return Response.json({ ok: true, redirectTo: `/track/case/attachments?added=${outcome.added}` }, { headers: PRIVATE_PAGE_HEADERS });
}
