// The citizen's side of a case after the lookup: pages under /track/case need an open track
// session (receipt number and access code checked on /track); without one they send the citizen
// back to look the case up again.
import { redirect } from '@remix-run/node';
import { trackCookie } from './portal-cookies.server.ts';

export function requireTrackedCaseId(request: Request): string {
  const session = trackCookie.read(request);
  if (!session) throw redirect('/track', { headers: { 'Set-Cookie': trackCookie.clear() } });
  return session.caseId;
}
