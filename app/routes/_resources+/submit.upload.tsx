// POST /submit/upload: the submit form sent with JavaScript when files are chosen, through
// XMLHttpRequest so the page can show upload progress. Handled exactly as the form's own action
// (app/routes/_portal+/submit._index.tsx); only the answer is JSON instead of a page or redirect.
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { handleSubmissionRequest, receiptCookieHeader } from '#app/features/cases/submit.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import type { ActionFunctionArgs } from '@remix-run/node';

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = await translatorFor(request);
  const outcome = await handleSubmissionRequest(request, { clientIp: context.clientIp, locale });
  if (!outcome.ok) {
    const { status, errors, formError, values, fileErrors, filesNotKept } = outcome;
    return Response.json({ ok: false, errors, formError, values, fileErrors, filesNotKept }, { status, headers: PRIVATE_PAGE_HEADERS });
  }
  return Response.json(
    { ok: true, redirectTo: '/submit/confirmation' },
    { headers: { ...PRIVATE_PAGE_HEADERS, 'Set-Cookie': receiptCookieHeader(outcome.receipt) } },
  );
}
