// A plain table of a few rows, named by the heading above it: no sorting and no keyboard grid
// (DataTable is for long lists). The first column can name each row (<th scope="row">).
import type { ReactNode } from 'react';

export interface StaticColumn<Item> {
  label: string;
  cell: (item: Item) => ReactNode;
  /** The column that names each row. */
  isRowHeader?: boolean;
  /** For the tests that read one cell. */
  testId?: string;
}

interface StaticTableProps<Item> {
  /** The id of the heading that names the table. */
  labelledBy: string;
  columns: (StaticColumn<Item> | false)[];
  items: Item[];
  itemId: (item: Item) => string;
  testId?: string;
  rowTestId?: string;
}

export function StaticTable<Item>({ labelledBy, columns, items, itemId, testId, rowTestId }: StaticTableProps<Item>) {
  const shown = columns.filter((column): column is StaticColumn<Item> => Boolean(column));
  return (
    <div className="table-wrap">
      <table className="data-table" aria-labelledby={labelledBy} data-testid={testId}>
        <thead>
          <tr>
            {shown.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={itemId(item)} data-testid={rowTestId}>
              {shown.map((column) =>
                column.isRowHeader ? (
                  <th key={column.label} scope="row" data-testid={column.testId}>
                    {column.cell(item)}
                  </th>
                ) : (
                  <td key={column.label} data-testid={column.testId}>
                    {column.cell(item)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
