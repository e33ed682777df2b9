// The portal's frame: the flash notice shown once in its status area, public pages left cacheable
// and shared between visitors (server/shared-pages.ts), private ones never stored, and the language switch reading its form like every other.
import { describe, expect, it } from 'vitest';
import { SHARED_PAGE_HEADER, SHARED_PAGE_SECONDS } from '#app/platform/http/headers.ts';
import { noticeHeader } from '#app/platform/http/notice.server.ts';
import * as home from '#app/routes/_portal+/_index.tsx';
import * as portalLayout from '#app/routes/_portal+/_layout.tsx';
import * as privacy from '#app/routes/_portal+/privacy.tsx';
import * as trackCase from '#app/routes/_portal+/track.case.tsx';
import * as evidence from '#app/routes/_portal+/track.case_.attachments.tsx';
import * as language from '#app/routes/_resources+/language.tsx';
import { loadContext, statusOf } from '../support/office-requests.ts';

const noticeCookie = (key: string, values: Record<string, number>) => noticeHeader({ key, values }).split(';')[0] ?? '';

describe('the portal layout', () => {
  it('shows a notice once, in the reader language, and clears it', async () => {
    const request = new Request('http://localhost/track/case/attachments', {
      headers: { Cookie: noticeCookie('attachments:track.added', { count: 2 }), 'Accept-Language': 'en' },
    });
    const result = await portalLayout.loader({ request, params: {}, context: loadContext });
    expect(result.data).toEqual({ notice: '2 files were added to your case.' });
    expect(new Headers(result.init?.headers).get('Set-Cookie')).toMatch(/^pd_notice=;/);
  });

  it('without a notice, sets no cookie', async () => {
    const result = await portalLayout.loader({ request: new Request('http://localhost/'), params: {}, context: loadContext });
    expect(result.data).toEqual({ notice: null });
    expect(new Headers(result.init?.headers).get('Set-Cookie')).toBeNull();
  });

  it('leaves public pages cacheable and shared, and keeps private ones out of every cache', () => {
    expect('headers' in portalLayout).toBe(false);
    const args = { loaderHeaders: new Headers(), parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined };
    for (const page of [home, privacy]) {
      const headers = new Headers(page.headers(args));
      expect(headers.get('Cache-Control')).toBeNull();
      expect(headers.get(SHARED_PAGE_HEADER)).toBe(String(SHARED_PAGE_SECONDS));
    }
    for (const page of [trackCase, evidence]) {
      const headers = new Headers(page.headers(args));
      expect(headers.get('Cache-Control')).toBe('no-store');
      expect(headers.get(SHARED_PAGE_HEADER)).toBeNull();
    }
  });
});

describe('the language switch', () => {
  const post = (body: BodyInit, type?: string) =>
    language.action({
      request: new Request('http://localhost/language', { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} }),
      params: {},
      context: loadContext,
    });

  it('remembers the language and goes back to a page of this site only', async () => {
    const back = await post(new URLSearchParams({ lng: 'zh-Hant', returnTo: '/track?receipt=XF' }));
    expect(back.status).toBe(303);
    expect(back.headers.get('Location')).toBe('/track?receipt=XF');
    expect(back.headers.get('Set-Cookie')).toMatch(/^pd_lng=zh-Hant;/);
    expect((await post(new URLSearchParams({ lng: 'en', returnTo: '//evil.example/' }))).headers.get('Location')).toBe('/');
    expect((await post(new URLSearchParams({ lng: 'fr' }))).headers.get('Set-Cookie')).toBeNull();
  });

  it('reads only a url-encoded form (415 for anything else)', async () => {
    const multipart = new FormData();
    multipart.set('lng', 'en');
    expect(await statusOf(() => post(multipart))).toBe(415);
  });
});
