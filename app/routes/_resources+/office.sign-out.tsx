// POST /office/sign-out: ends the session on the server and in the browser. Opened as a page, it
// goes back to the office.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { clearSessionCookie, signOut } from '#app/features/staff/sign-in.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';

export async function action({ request, context }: ActionFunctionArgs) {
  await signOut(request, context.clientIp);
  return redirect('/office/sign-in', { status: 303, headers: { ...NO_STORE, 'Set-Cookie': clearSessionCookie() } });
}

export async function loader() {
  return redirect('/office');
}
