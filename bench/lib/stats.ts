// Exact percentiles over recorded samples (nearest-rank).
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
