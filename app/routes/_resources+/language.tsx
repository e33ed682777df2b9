// POST /language: remembers the visitor's language and returns them to the page they were on.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { languageChoice, localeCookie } from '#app/i18n/locale.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const choice = languageChoice(await readForm(request));
  if (!choice) return redirect('/', { status: 303 });
  return redirect(choice.returnTo, { status: 303, headers: { 'Set-Cookie': localeCookie(choice.locale) } });
});

export const loader = /* @__PURE__ */ route(async () => redirect('/', { status: 303 }));
