// How alike two letters are, for grouping cases about the same issue. Both texts are reduced to
// the set of tokens the search index holds (app/features/cases/search-tokens.ts: Han character pairs and
// other words), and the similarity is the Jaccard index of the two sets: shared ÷ all distinct.
import { documentTokens } from '#app/features/cases/search-tokens.ts';

/** A new case joins cases received in the last 30 days (docs/architecture.md: warning levels). */
export const CLUSTER_WINDOW_DAYS = 30;
/** A repeat is the same person on the same issue within half a year. */
export const REPEAT_WINDOW_DAYS = 180;

/** Jaccard index from the size of the intersection and of each set. */
export function jaccard(common: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - common;
  return union <= 0 ? 0 : common / union;
}

export function tokenSet(text: string): Set<string> {
  return new Set(documentTokens(text));
}

export function textSimilarity(a: string, b: string): number {
  const left = tokenSet(a);
  const right = tokenSet(b);
  let common = 0;
  for (const token of left) if (right.has(token)) common++;
  return jaccard(common, left.size, right.size);
}
