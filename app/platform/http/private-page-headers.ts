import type { HeadersFunction } from '@remix-run/node';

/**
 * Under single fetch, headers given to data() in a loader do not reach the HTML document; a
 * route's `headers` export does. Every page that shows a case, an access code or staff data
 * exports this, so browsers and proxies keep no copy (the back button re-fetches it).
 */
export const privatePageHeaders: HeadersFunction = () => ({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
