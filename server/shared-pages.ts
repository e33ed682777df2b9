// Public pages that are the same for every visitor in a language (home, notices, privacy, public
// figures) answered from one rendering for a few seconds, so a crowd of first visits costs a
// rendering per page and language every few seconds instead of one per visit.
//
// What keeps it correct:
// - A page opts in through its route's `headers` export (SHARED_PAGE_HEADER, app/platform/http/
//   headers.ts), which says for how long; that header never leaves the server.
// - Only a GET without any cookie is answered from the cache or fills it: a cookie can change the
//   page (the chosen language, a track session, a signed-in member of staff). The key is the URL
//   and Accept-Language, the two other things the page varies by (its Vary header).
// - Only a complete 200 HTML answer without Set-Cookie is kept.
// - The page's CSP nonce is not shared: the kept HTML is split at the rendering's nonce and joined
//   again with each request's own, which the Content-Security-Policy header of that request names.
// - Nor is a form page's form key (SHARED_PAGE_FORM_KEY_HEADER, the submission form's): the kept
//   HTML is split at it too, and each visitor gets a fresh one, so no two visitors' posts share a
//   key (which would make the second a retry of the first).
// - Any write to the back office empties this process's cache, so a notice staff post shows at
//   once here; other processes and machines show it within the page's few seconds.
// - Visitors who arrive together while a page is being rendered wait for that one rendering.
import { SHARED_PAGE_FORM_KEY_HEADER, SHARED_PAGE_HEADER } from '#app/platform/http/headers.ts';

/** What the cache reads of a request (an Express request has it). */
export interface RequestLike {
  method: string;
  originalUrl: string;
  path: string;
  headers: { cookie?: string | undefined };
  get: (name: string) => string | undefined;
}

/** What the cache needs of the answer: to hear when it has been sent. */
export interface ResponseLike {
  once: (event: 'finish', listener: () => void) => unknown;
}

/** Enough for every shared page in three languages and many Accept-Language spellings. */
const MAX_ENTRIES = 500;

/** What is each visitor's own in a shared page: filled in per answer. */
export type PageSlot = 'nonce' | 'formKey';

export interface SharedPage {
  status: number;
  headers: [string, string][];
  /** The HTML, split at the rendering's nonce and form key, which the slots stand for. */
  parts: (string | { slot: PageSlot })[];
  expiresAt: number;
}

/** Headers the app gives the server about sharing, never sent on. */
export const SERVER_ONLY_HEADERS: ReadonlySet<string> = new Set([
  SHARED_PAGE_HEADER.toLowerCase(),
  SHARED_PAGE_FORM_KEY_HEADER.toLowerCase(),
]);

/** A form key as newFormKey makes them (base64url): long enough never to occur by chance in a page. */
const FORM_KEY = /^[A-Za-z0-9_-]{22,64}$/;

export interface SharedPageCache {
  /** The cache key for a request that may be answered from the cache, or null. */
  keyFor: (req: RequestLike) => string | null;
  get: (key: string) => SharedPage | undefined;
  /** Renders (at most once at a time per key) with `render`, keeping the page when it may be shared. */
  fill: (key: string, nonce: string, render: () => Promise<Response>) => Promise<{ page: SharedPage } | { response: Response }>;
  /** Called for every request: a write to the back office empties the cache once it is answered. */
  noteRequest: (req: RequestLike, res: ResponseLike) => void;
}

/** The page's body for one answer: its own nonce, and a fresh form key from `formKey` where the page has one. */
export function pageBody(page: SharedPage, own: { nonce: string; formKey: () => string }): string {
  let formKey: string | null = null;
  return page.parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part.slot === 'nonce') return own.nonce;
      formKey ??= own.formKey();
      return formKey;
    })
    .join('');
}

/** The HTML cut at every occurrence of the given values, each occurrence a slot. */
function splitAt(html: string, values: { slot: PageSlot; value: string }[]): SharedPage['parts'] {
  let parts: SharedPage['parts'] = [html];
  for (const { slot, value } of values) {
    parts = parts.flatMap((part) =>
      typeof part === 'string' ? part.split(value).flatMap((piece, i) => (i === 0 ? [piece] : [{ slot }, piece])) : [part],
    );
  }
  return parts;
}

/** How long the answer may be shared, and the form key to replace in it; null when it may not be shared. */
function sharing(response: Response): { seconds: number; formKey: string | null } | null {
  const seconds = Number(response.headers.get(SHARED_PAGE_HEADER));
  if (!Number.isInteger(seconds) || seconds <= 0) return null;
  if (response.status !== 200 || response.headers.has('Set-Cookie')) return null;
  if (!(response.headers.get('Content-Type') ?? '').startsWith('text/html')) return null;
  const formKey = response.headers.get(SHARED_PAGE_FORM_KEY_HEADER);
  if (formKey !== null && !FORM_KEY.test(formKey)) return null;
  return { seconds, formKey };
}

export function createSharedPageCache(now: () => number = Date.now): SharedPageCache {
  const pages = new Map<string, SharedPage>();
  const rendering = new Map<string, Promise<SharedPage | null>>();
  // A rendering that began before the cache was emptied may show what the write changed: not kept.
  let generation = 0;

  const keep = (key: string, page: SharedPage) => {
    pages.delete(key);
    if (pages.size >= MAX_ENTRIES) {
      const oldest = pages.keys().next().value;
      if (oldest !== undefined) pages.delete(oldest);
    }
    pages.set(key, page);
  };

  return {
    keyFor: (req) => {
      if (req.method !== 'GET' || req.headers.cookie) return null;
      return `${req.originalUrl}\n${req.get('accept-language') ?? ''}`;
    },
    get: (key) => {
      const page = pages.get(key);
      if (page && page.expiresAt > now()) return page;
      if (page) pages.delete(key);
      return undefined;
    },
    fill: async (key, nonce, render) => {
      const inFlight = rendering.get(key);
      if (inFlight) {
        const page = await inFlight;
        if (page) return { page };
        return { response: await render() };
      }
      const startedIn = generation;
      let settle: (page: SharedPage | null) => void = () => undefined;
      rendering.set(key, new Promise((resolve) => (settle = resolve)));
      try {
        const response = await render();
        const shared = sharing(response);
        if (shared === null) {
          settle(null);
          return { response };
        }
        const html = await response.text();
        const headers = [...response.headers].filter(([name]) => !SERVER_ONLY_HEADERS.has(name.toLowerCase()));
        const slots = [
          { slot: 'nonce' as const, value: nonce },
          ...(shared.formKey ? [{ slot: 'formKey' as const, value: shared.formKey }] : []),
        ];
        const page: SharedPage = {
          status: response.status,
          headers,
          parts: splitAt(html, slots),
          expiresAt: now() + shared.seconds * 1000,
        };
        if (startedIn === generation) keep(key, page);
        settle(page);
        return { page };
      } catch (error) {
        settle(null);
        throw error;
      } finally {
        rendering.delete(key);
      }
    },
    noteRequest: (req, res) => {
      if (req.method === 'GET' || req.method === 'HEAD' || !req.path.startsWith('/office')) return;
      res.once('finish', () => {
        generation++;
        pages.clear();
      });
    },
  };
}
