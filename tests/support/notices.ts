// The flash notice an answer sets (a sealed cookie), read back as the next page would read it.
import { takeNotice, type Notice } from '#app/platform/http/notice.server.ts';

export function noticeOf(response: Response): Notice | null {
  const cookie = response.headers.get('Set-Cookie')?.split(';')[0];
  if (!cookie) return null;
  return takeNotice(new Request('http://localhost/office', { headers: { Cookie: cookie } })).notice;
}
