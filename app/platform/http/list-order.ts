// Lists sorted on the server through the URL (`?sort=…&dir=…`), so sorting works the same with
// JavaScript off: the order a URL asks for, and what choosing a column does. Each feature declares
// its own columns and their first directions.
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface ListOrder<S extends string> {
  sort: S;
  dir: SortDirection;
}

/** The order a URL asks for, with the defaults filled in. */
export function resolveOrder<S extends string>(
  sort: S | undefined,
  dir: SortDirection | undefined,
  fallback: S,
  defaults: Record<S, SortDirection>,
): ListOrder<S> {
  const column = sort ?? fallback;
  return { sort: column, dir: dir ?? defaults[column] };
}

/**
 * What choosing a column does: a column not sorted yet sorts in its own first direction; choosing
 * the sorted column again reverses it.
 */
export function nextOrder<S extends string>(current: ListOrder<S>, column: S, defaults: Record<S, SortDirection>): ListOrder<S> {
  if (current.sort !== column) return { sort: column, dir: defaults[column] };
  return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}
