// Response headers that pages share. Under single fetch, headers given to data() in a loader do
// not reach the HTML document; a route's `headers` export does, and a child route without one
// inherits its parent's. So layouts export these, and a page exports its own only when it differs.
import type { HeadersFunction } from '@remix-run/node';

/** Pages with a case, a code or staff data: browsers and proxies keep no copy (back re-fetches). */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export const noStoreHeaders: HeadersFunction = () => NO_STORE;

/**
 * Marks a page as the same for every visitor without cookies, in one language: the server answers
 * such visitors from one rendering for this many seconds (server/shared-pages.ts), each with its own
 * CSP nonce. Only for pages with nothing of a visitor's own and nothing secret in them.
 */
export const SHARED_PAGE_HEADER = 'X-Shared-Page-Seconds';
export const SHARED_PAGE_SECONDS = 5;

export const sharedPageHeaders: HeadersFunction = () => ({ [SHARED_PAGE_HEADER]: String(SHARED_PAGE_SECONDS) });
