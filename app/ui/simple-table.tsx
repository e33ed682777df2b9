// A plain HTML table for lists that are not sorted in the browser (reference data, the audit
// log, statistics): named by its heading, column headers in <thead>, the cell that names each row
// a row header. A wide table scrolls sideways in a focusable region, so the keyboard can scroll it.
import type { ReactNode } from 'react';

export interface SimpleColumn<Item> {
  label: ReactNode;
  /** Right-aligned numbers ("num"). */
  className?: string;
  /** The cell that names the row (announced when moving between rows). */
  isRowHeader?: boolean;
  cell: (item: Item) => ReactNode;
}

interface SimpleTableProps<Item> {
  /** The id of the heading that names the table. */
  labelledBy: string;
  columns: SimpleColumn<Item>[];
  items: readonly Item[];
  itemKey: (item: Item) => string;
  /** Shown instead of a table without rows. */
  empty?: ReactNode;
  /** Scrolls sideways in a focusable region (wide tables with long text). */
  region?: boolean;
  className?: string;
  testId?: string;
}

export function SimpleTable<Item>({ labelledBy, columns, items, itemKey, empty, region, className, testId }: SimpleTableProps<Item>) {
  if (items.length === 0 && empty !== undefined) return <>{empty}</>;
  const table = (
    <table className={`data-table${className ? ` ${className}` : ''}`} aria-labelledby={labelledBy} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.className}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={itemKey(item)}>
            {columns.map((column, index) =>
              column.isRowHeader ? (
                <th key={index} scope="row" className={column.className}>
                  {column.cell(item)}
                </th>
              ) : (
                <td key={index} className={column.className}>
                  {column.cell(item)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return region ? (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {table}
    </div>
  ) : (
    <div className="table-wrap">{table}</div>
  );
}
