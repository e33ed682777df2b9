// The citizen's side of a case after the lookup: pages under /track/case need an open track
// session (receipt number and access code checked on /track); without one they send the citizen
// back to look the case up again.
import { redirect } from '@remix-run/node';
import { trackCookie } from './portal-cookies.server.ts';

/** The Set-Cookie header that opens a track session on the case a lookup found. */
export function openTrackSession(caseId: string): string {
  return trackCookie.serialize({ caseId });
}

/** Back to /track, forgetting the session in this browser (after a form post, as a 303). */
export function backToLookup(request: Request): Response {
  return redirect('/track', { status: request.method === 'GET' ? 302 : 303, headers: { 'Set-Cookie': trackCookie.clear() } });
}

/** The case the track session opened, or null without one (downloads answer that with a 404). */
export function trackedCaseId(request: Request): string | null {
  return trackCookie.read(request)?.caseId ?? null;
}

export function requireTrackedCaseId(request: Request): string {
  const caseId = trackedCaseId(request);
  if (!caseId) throw backToLookup(request);
  return caseId;
}

/** What `load` finds for the tracked case; a case that is not there (any more) is no session. */
export async function requireTrackedCase<T>(request: Request, load: (caseId: string) => Promise<T | null>): Promise<T> {
  const found = await load(requireTrackedCaseId(request));
  if (found === null) throw backToLookup(request);
  return found;
}
