// POST /language: remembers the visitor's language and returns them to the page they were on.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { languageChoice, localeCookie } from '#app/i18n/locale.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';

export async function action({ request }: ActionFunctionArgs) {
  const choice = languageChoice(await readForm(request));
  if (!choice) return redirect('/', { status: 303 });
  return redirect(choice.returnTo, { status: 303, headers: { 'Set-Cookie': localeCookie(choice.locale) } });
}

export async function loader() {
  return redirect('/', { status: 303 });
}
