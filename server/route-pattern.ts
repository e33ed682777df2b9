// The route a request is for, as a pattern (`/office/cases/:id`), for logs and metrics: no ids,
// receipt numbers or query strings, so neither keeps anything that points at a person or a case.
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|XF-[0-9A-Z-]+|\d+)$/i;

export function routePattern(path: string): string {
  if (path.startsWith('/build/')) return '/build/*';
  const withoutData = path.endsWith('.data') ? path.slice(0, -'.data'.length) || '/' : path;
  const segments = withoutData.split('/').map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment));
  return segments.join('/') || '/';
}
