// POST /language: remembers the visitor's language and returns them to the page they were on.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { LOCALES } from '#app/i18n/config.ts';
import { localeCookie } from '#app/i18n/locale.server.ts';

const LanguageForm = z.object({
  lng: z.enum(LOCALES),
  // Only same-site paths: never an open redirect.
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])[^\s]*$/)
    .catch('/'),
});

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LanguageForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return redirect('/', { status: 303 });
  return redirect(parsed.data.returnTo, { status: 303, headers: { 'Set-Cookie': localeCookie(parsed.data.lng) } });
}

export async function loader() {
  return redirect('/', { status: 303 });
}
