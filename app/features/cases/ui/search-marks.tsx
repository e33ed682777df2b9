// Text with the words a search found marked, as the server split it (search-query.ts markMatches).
import type { Segment } from '#app/features/cases/search-query.ts';

export function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>;
}
