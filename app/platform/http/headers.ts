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

/**
 * The one thing of a visitor's own a shared form page holds: its fresh form key (newFormKey). The
 * loader names it in this header; the server then gives every visitor their own key in place of
 * it, as it does the nonce. Like SHARED_PAGE_HEADER, it never leaves the server.
 */
export const SHARED_PAGE_FORM_KEY_HEADER = 'X-Shared-Page-Form-Key';

/**
 * A form page shared like sharedPageHeaders, with its loader's form key replaced per visitor. It
 * still tells browsers and proxies to keep no copy: the key in a kept copy would be reused. Shared
 * only when the loader named its key; without it, every visitor would post with the same one.
 */
export const sharedFormPageHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const formKey = loaderHeaders.get(SHARED_PAGE_FORM_KEY_HEADER);
  if (!formKey) return NO_STORE;
  return { ...NO_STORE, [SHARED_PAGE_HEADER]: String(SHARED_PAGE_SECONDS), [SHARED_PAGE_FORM_KEY_HEADER]: formKey };
};
