// A data table on react-aria's Table, sorted on the server through the URL (`?sort=…&dir=…`).
// Without JavaScript it is a table marked with the current order (aria-sort), and the page offers
// a "Sort by" control in a GET form instead. With JavaScript, a sortable column's header
// is a control: clicking it, or Enter on it, loads the same URL with the new order, keeping every
// other parameter but the page cursor. Links in cells stay real links (a click, Enter on the
// link, or opening it in a new tab all work), reached with the arrow keys inside the table.
import { useLocation, useNavigate } from '@remix-run/react';
import { Cell, Column, Row, Table, TableBody, TableHeader, type SortDescriptor } from 'react-aria-components';
import { nextOrder, type ListOrder, type SortDirection } from '#app/platform/http/list-order.ts';
import { AriaLocale } from './aria-locale.tsx';
import { useHydrated } from './use-hydrated.ts';
import type { ReactNode } from 'react';

export interface DataColumn<Item, Sort extends string> {
  id: string;
  label: string;
  /** Shown in the header instead of the label (a "select all" box); the label still names the column. */
  header?: ReactNode;
  /** The order this column's header chooses, if the list can be sorted by it. */
  sort?: Sort;
  /** The column that names each row (announced when moving between rows). */
  isRowHeader?: boolean;
  /** Right-aligned numbers, nowrap dates and the like. */
  className?: string;
  cell: (item: Item) => ReactNode;
}

interface DataTableProps<Item, Sort extends string> {
  /** The table's accessible name (what a caption would say). */
  label: string;
  columns: DataColumn<Item, Sort>[];
  items: Item[];
  itemId: (item: Item) => string;
  /** The order the rows are in, as the server sorted them. */
  order?: ListOrder<Sort>;
  /** Each sortable column's first direction. */
  sortDefaults?: Record<Sort, SortDirection>;
  /** URL parameters that belong to one order and must go when it changes (a page cursor). */
  resetParams?: string[];
  testId?: string;
  /** Classes of a row (the current one, a pinned one). */
  rowClassName?: (item: Item) => string;
  /** On narrow screens each row becomes a card, each cell headed by its column's label. */
  cards?: boolean;
}

const ARIA_DIRECTION = { asc: 'ascending', desc: 'descending' } as const;

/** The URL of the same list in another order: every other parameter kept, paging restarted. */
export function orderedSearch(search: string, order: ListOrder<string>, resetParams: string[] = []): string {
  const params = new URLSearchParams(search);
  for (const name of resetParams) params.delete(name);
  params.set('sort', order.sort);
  params.set('dir', order.dir);
  return `?${params.toString()}`;
}

export function DataTable<Item, Sort extends string>(props: DataTableProps<Item, Sort>) {
  const { columns, order, sortDefaults } = props;
  const hydrated = useHydrated();
  const location = useLocation();
  const navigate = useNavigate();
  const sortedColumn = order ? columns.find((column) => column.sort === order.sort) : undefined;
  const sortDescriptor: SortDescriptor | undefined =
    order && sortedColumn ? { column: sortedColumn.id, direction: ARIA_DIRECTION[order.dir] } : undefined;

  // react-aria proposes ascending for a new column; the list's own first direction wins instead
  // (newest received first, highest warning first), and the sorted column reverses.
  const onSortChange = (descriptor: SortDescriptor) => {
    const column = columns.find((c) => c.id === descriptor.column);
    if (!order || !sortDefaults || !column?.sort) return;
    const next = nextOrder(order, column.sort, sortDefaults);
    navigate({ search: orderedSearch(location.search, next, props.resetParams) }, { preventScrollReset: true });
  };

  return (
    <AriaLocale>
      <div className={`table-wrap${props.cards ? ' table-wrap--cards' : ''}`}>
        <Table
          aria-label={props.label}
          className="data-table"
          data-testid={props.testId}
          sortDescriptor={sortDescriptor}
          onSortChange={onSortChange}
        >
          <TableHeader>
            {columns.map((column) => {
              // The header says how the rows are sorted (aria-sort) from the server's render on;
              // it offers to sort (pointer, ↕ mark) only once scripts can do it.
              const sortable = Boolean(column.sort && order);
              const direction = order && sortedColumn?.id === column.id ? ARIA_DIRECTION[order.dir] : undefined;
              const classes = ['data-table__column', sortable && hydrated ? 'data-table__column--sortable' : '', column.className ?? ''];
              return (
                <Column
                  key={column.id}
                  id={column.id}
                  isRowHeader={column.isRowHeader}
                  allowsSorting={sortable}
                  className={classes.filter(Boolean).join(' ')}
                >
                  <span className="data-table__heading">
                    {column.header ?? column.label}
                    {direction || (sortable && hydrated) ? (
                      <span className={`data-table__sort${direction ? '' : ' data-table__sort--none'}`} aria-hidden="true">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                    ) : null}
                  </span>
                </Column>
              );
            })}
          </TableHeader>
          <TableBody>
            {props.items.map((item) => {
              const id = props.itemId(item);
              return (
                <Row key={id} id={id} className={`data-table__row${props.rowClassName ? ` ${props.rowClassName(item)}` : ''}`}>
                  {/* Each cell has an id of its own: react-aria numbers the nodes it is given no id for in the
                      order it builds them, which differs between the server's render and the browser's. Without
                      ids the body's key changed at hydration and React replaced every row, with the link under
                      a press made while the page hydrated, and the click went nowhere. */}
                  {columns.map((column) => (
                    <Cell
                      key={column.id}
                      id={`${id}:${column.id}`}
                      className={`data-table__cell${column.className ? ` ${column.className}` : ''}`}
                    >
                      {props.cards && !column.header ? (
                        <span className="data-table__cell-label" aria-hidden="true">
                          {column.label}
                        </span>
                      ) : null}
                      {column.cell(item)}
                    </Cell>
                  ))}
                </Row>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </AriaLocale>
  );
}
