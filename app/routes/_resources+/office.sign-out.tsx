import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { clearSessionCookie, signOut } from '#app/features/staff/sign-in.server.ts';

export async function action({ request, context }: ActionFunctionArgs) {
  await signOut(request, context.clientIp);
  return redirect('/office/sign-in', { status: 303, headers: { 'Set-Cookie': clearSessionCookie() } });
}

export async function loader() {
  return redirect('/office');
}
