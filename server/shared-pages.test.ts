import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { SHARED_PAGE_FORM_KEY_HEADER, SHARED_PAGE_HEADER } from '#app/platform/http/headers.ts';
import { createSharedPageCache, pageBody, type RequestLike } from './shared-pages.ts';

function request(method: string, url: string, headers: Record<string, string> = {}): RequestLike {
  return {
    method,
    originalUrl: url,
    path: url.split('?')[0] ?? url,
    headers: { cookie: headers.cookie },
    get: (name) => headers[name.toLowerCase()],
  };
}

const NONCE = 'renderNonce==';

function page(status = 200, headers: Record<string, string> = { [SHARED_PAGE_HEADER]: '5', 'Content-Type': 'text/html; charset=utf-8' }) {
  return new Response(`<script nonce="${NONCE}"></script><p>hello</p><style nonce="${NONCE}"></style>`, { status, headers });
}

describe('shared pages', () => {
  it('answers only cookie-less GETs, keyed by URL and language', () => {
    const cache = createSharedPageCache();
    expect(cache.keyFor(request('POST', '/'))).toBeNull();
    expect(cache.keyFor(request('HEAD', '/'))).toBeNull();
    expect(cache.keyFor(request('GET', '/', { cookie: 'pd_locale=en' }))).toBeNull();
    const en = cache.keyFor(request('GET', '/notices?page=2', { 'accept-language': 'en' }));
    const zh = cache.keyFor(request('GET', '/notices?page=2', { 'accept-language': 'zh-CN' }));
    expect(en).not.toBeNull();
    expect(en).not.toBe(zh);
    expect(cache.keyFor(request('GET', '/notices', { 'accept-language': 'en' }))).not.toBe(en);
  });

  it('keeps a page that opts in, and gives each later visitor their own nonce', async () => {
    const cache = createSharedPageCache();
    const answer = await cache.fill('k', NONCE, async () => page());
    expect('page' in answer).toBe(true);
    const kept = cache.get('k');
    expect(kept).toBeDefined();
    const body = pageBody(kept!, { nonce: 'fresh==', formKey: () => 'unused' });
    expect(body).toBe('<script nonce="fresh=="></script><p>hello</p><style nonce="fresh=="></style>');
    expect(body).not.toContain(NONCE);
    expect(kept!.headers.map(([name]) => name.toLowerCase())).not.toContain(SHARED_PAGE_HEADER.toLowerCase());
  });

  it('gives each visitor of a form page their own form key, and sends neither header on', async () => {
    const cache = createSharedPageCache();
    const key = 'renderKeyAAAAAAAAAAAAAAAAAAAAAA';
    const html = `<script nonce="${NONCE}"></script><input name="idempotencyKey" value="${key}"><script nonce="${NONCE}">{"idempotencyKey":"${key}"}</script>`;
    const headers = {
      [SHARED_PAGE_HEADER]: '5',
      [SHARED_PAGE_FORM_KEY_HEADER]: key,
      'Content-Type': 'text/html',
      'Cache-Control': 'no-store',
    };
    await cache.fill('submit', NONCE, async () => new Response(html, { status: 200, headers }));
    const kept = cache.get('submit')!;
    let issued = 0;
    const fresh = () => `visitorKey${++issued}`;
    const first = pageBody(kept, { nonce: 'n1', formKey: fresh });
    const second = pageBody(kept, { nonce: 'n2', formKey: fresh });
    // One key per answer, the same in the field and in the page's data.
    expect(first).toBe(
      '<script nonce="n1"></script><input name="idempotencyKey" value="visitorKey1"><script nonce="n1">{"idempotencyKey":"visitorKey1"}</script>',
    );
    expect(second).toContain('value="visitorKey2"');
    expect(second).not.toContain('visitorKey1');
    expect(`${first}${second}`).not.toContain(key);
    const names = kept.headers.map(([name]) => name.toLowerCase());
    expect(names).toContain('cache-control');
    expect(names).not.toContain(SHARED_PAGE_FORM_KEY_HEADER.toLowerCase());
    expect(names).not.toContain(SHARED_PAGE_HEADER.toLowerCase());
  });

  it('does not share a form page whose key is not one the app makes', async () => {
    const cache = createSharedPageCache();
    const response = page(200, { [SHARED_PAGE_HEADER]: '5', [SHARED_PAGE_FORM_KEY_HEADER]: 'a', 'Content-Type': 'text/html' });
    expect(await cache.fill('k', NONCE, async () => response)).toEqual({ response });
    expect(cache.get('k')).toBeUndefined();
  });

  it.each([
    ['without the opt-in header', page(200, { 'Content-Type': 'text/html' })],
    ['with an error status', page(404)],
    ['that sets a cookie', page(200, { [SHARED_PAGE_HEADER]: '5', 'Content-Type': 'text/html', 'Set-Cookie': 'a=b' })],
    ['that is not HTML', page(200, { [SHARED_PAGE_HEADER]: '5', 'Content-Type': 'text/x-script' })],
  ])('passes an answer %s through without keeping it', async (_, response) => {
    const cache = createSharedPageCache();
    const answer = await cache.fill('k', NONCE, async () => response);
    expect(answer).toEqual({ response });
    expect(cache.get('k')).toBeUndefined();
  });

  it('forgets a page after its seconds', async () => {
    let now = 1_000_000;
    const cache = createSharedPageCache(() => now);
    await cache.fill('k', NONCE, async () => page());
    now += 4_999;
    expect(cache.get('k')).toBeDefined();
    now += 1;
    expect(cache.get('k')).toBeUndefined();
  });

  it('renders once for visitors who arrive together', async () => {
    const cache = createSharedPageCache();
    const render = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return page();
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => cache.fill('k', NONCE, render)));
    expect(render).toHaveBeenCalledTimes(1);
    expect(answers.every((answer) => 'page' in answer)).toBe(true);
  });

  it('is emptied once a write to the back office is answered, and keeps no rendering begun before it', async () => {
    const cache = createSharedPageCache();
    await cache.fill('home', NONCE, async () => page());
    const citizenWrite = new EventEmitter();
    cache.noteRequest(request('POST', '/submit'), citizenWrite);
    citizenWrite.emit('finish');
    expect(cache.get('home')).toBeDefined();

    let finishRender: (response: Response) => void = () => undefined;
    const slow = cache.fill('notices', NONCE, () => new Promise<Response>((resolve) => (finishRender = resolve)));
    const staffWrite = new EventEmitter();
    cache.noteRequest(request('POST', '/office/notices/new'), staffWrite);
    expect(cache.get('home')).toBeDefined();
    staffWrite.emit('finish');
    expect(cache.get('home')).toBeUndefined();
    finishRender(page());
    await slow;
    expect(cache.get('notices')).toBeUndefined();
  });
});
