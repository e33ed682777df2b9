// Flash notices: "Saved", "Unit created" and the like, carried across the redirect after a form in
// a short-lived sealed cookie (not a ?done= parameter that every page parses again), shown once in
// the layout's status area and cleared as it is read. Works the same with JavaScript off.
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { createSealedCookie } from '#app/platform/crypto/sealed-cookie.server.ts';
import { NO_STORE } from './headers.ts';

export const Notice = z.object({
  /** An i18n key with its namespace, e.g. "office-admin:units.detail.done.updated". */
  key: z.string().min(1).max(200),
  /** Values the message names (a unit's name, a count). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Notice = z.infer<typeof Notice>;

// Ten minutes: long enough for a page that shows something first (recovery codes) and links on.
const noticeCookie = createSealedCookie('pd_notice', Notice, 10 * 60);

/** A 303 to `to` that shows `notice` on the next page. */
export function redirectWithNotice(to: string, notice: Notice, headers: Record<string, string> = {}): Response {
  const response = redirect(to, { status: 303, headers: { ...NO_STORE, ...headers } });
  response.headers.append('Set-Cookie', noticeCookie.serialize(notice));
  return response;
}

/** The Set-Cookie header that shows `notice` on the next page, for answers that are not redirects. */
export function noticeHeader(notice: Notice): string {
  return noticeCookie.serialize(notice);
}

/** The notice waiting for this request, and the header that clears it once it is shown. */
export function takeNotice(request: Request): { notice: Notice | null; headers: Headers } {
  const headers = new Headers();
  if (!noticeCookie.present(request)) return { notice: null, headers };
  headers.append('Set-Cookie', noticeCookie.clear());
  return { notice: noticeCookie.read(request), headers };
}
