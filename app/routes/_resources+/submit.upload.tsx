// POST /submit/upload: the submit form sent with JavaScript when files are chosen, through
// XMLHttpRequest so the page can show upload progress. Handled exactly as the form's own action
// (app/routes/_portal+/submit._index.tsx); only the answer is JSON instead of a page or redirect.
import { answerUploadAsJson } from '#app/features/attachments/upload-form.server.ts';
import { submitLetter } from '#app/features/cases/submit.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { ActionFunctionArgs } from '@remix-run/node';

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const { locale } = await translatorFor(request);
  return answerUploadAsJson(await submitLetter(request, { clientIp: context.clientIp, locale }), '/submit/confirmation');
});
