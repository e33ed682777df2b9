// The case queue's saved views and the orders it can be sorted in, shared by the server (which
// filters and sorts) and the browser (which offers the choices and marks the current one).
import type { SortDirection } from '#app/platform/http/list-order.ts';

/**
 * The case queue: nearest deadline (the default; on the same day the higher warning level, then
 * the case received first), date received, warning level, and how well a case matches a search
 * (the default while searching; best first, then the newest).
 */
export const QUEUE_SORTS = ['due', 'received', 'warning', 'relevance'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const DEFAULT_QUEUE_SORT: QueueSort = 'due';

/** The direction a column sorts in when first chosen: nearest deadline, newest, highest warning, best match first. */
export const QUEUE_SORT_DEFAULT_DIRECTION: Record<QueueSort, SortDirection> = {
  due: 'asc',
  received: 'desc',
  warning: 'desc',
  relevance: 'desc',
};

/**
 * Saved views are filters with a name: my cases, my unit's, due soon, overdue, under supervision
 * (督办), notices to post,
 * and the check-ins after the reply (回访): calls to make, and answers of not solved.
 */
export const SAVED_VIEWS = ['mine', 'unit', 'dueSoon', 'overdue', 'supervision', 'toPost', 'checkInCalls', 'checkInUnsolved'] as const;
export type SavedView = (typeof SAVED_VIEWS)[number];
