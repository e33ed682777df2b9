import { describe, expect, it } from 'vitest';
import { QUEUE_SORT_DEFAULT_DIRECTION } from '#app/features/cases/queue-order.ts';
import { nextOrder, resolveOrder } from './list-order.ts';

describe('list orders', () => {
  it('fills in the default column and each column’s own first direction', () => {
    expect(resolveOrder(undefined, undefined, 'due', QUEUE_SORT_DEFAULT_DIRECTION)).toEqual({ sort: 'due', dir: 'asc' });
    expect(resolveOrder('received', undefined, 'due', QUEUE_SORT_DEFAULT_DIRECTION)).toEqual({ sort: 'received', dir: 'desc' });
    expect(resolveOrder('warning', 'asc', 'due', QUEUE_SORT_DEFAULT_DIRECTION)).toEqual({ sort: 'warning', dir: 'asc' });
  });

  it('sorts a new column in its first direction and reverses the sorted one', () => {
    const start = { sort: 'due', dir: 'asc' } as const;
    expect(nextOrder(start, 'received', QUEUE_SORT_DEFAULT_DIRECTION)).toEqual({ sort: 'received', dir: 'desc' });
    expect(nextOrder(start, 'due', QUEUE_SORT_DEFAULT_DIRECTION)).toEqual({ sort: 'due', dir: 'desc' });
    expect(nextOrder({ sort: 'received', dir: 'desc' }, 'received', QUEUE_SORT_DEFAULT_DIRECTION)).toEqual({
      sort: 'received',
      dir: 'asc',
    });
  });
});
