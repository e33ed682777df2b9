// The tables of the early-warning board and the cluster page: cases (and clusters) a row, with
// their level and response targets. A plain table: each row is read as a whole, nothing is sorted.
// On phones each row becomes a card, each cell headed by its column's name (office.css).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { responseWording } from '#app/features/early-warning/levels.ts';
import { SafetyFlag } from './safety-flag.tsx';
import { TargetList, WarningLevelBadge, type TargetView } from './warning-badges.tsx';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { HTMLAttributes, ReactNode } from 'react';

export interface BoardColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface BoardTableProps<Row> {
  columns: BoardColumn<Row>[];
  rows: Row[];
  testId: string;
  /** The heading that names the table, or a caption for screen readers when there is none. */
  labelledBy?: string;
  caption?: string;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
}

export function BoardTable<Row extends { id: string }>({ columns, rows, testId, labelledBy, caption, rowProps }: BoardTableProps<Row>) {
  return (
    <table className="board-table board-table--cards" aria-labelledby={labelledBy} data-testid={testId}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.header}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} {...rowProps?.(row)}>
            {columns.map((column) => (
              <td key={column.header}>
                {/* The column's name, shown only where the row is a card; screen readers have the header. */}
                <span className="board-table__label" aria-hidden="true">
                  {column.header}
                </span>
                <div className="board-table__value">{column.cell(row)}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface BoardCaseRow {
  id: string;
  receiptNo: string;
  subject: string;
  warningLevel: WarningLevel;
  /** Signs of self-harm or a threat to life: the marker, in words and an icon. */
  welfareConcern: boolean;
  pinned: boolean;
  targets: TargetView[];
}

/** The columns every table of cases has (the cluster page's): the case, its level and its response targets. */
export function useCaseColumns(now: string | Date) {
  const { t } = useTranslation('office-warning');
  const caseColumn: BoardColumn<BoardCaseRow> = {
    header: t('board.columns.receipt'),
    cell: (c) => (
      <>
        {c.welfareConcern ? <SafetyFlag pinned={c.pinned} /> : null}
        <Link to={`/office/cases/${c.id}`}>{c.receiptNo}</Link>
        <br />
        {c.subject}
      </>
    ),
  };
  const levelColumn: BoardColumn<BoardCaseRow> = {
    header: t('board.columns.level'),
    cell: (c) => <WarningLevelBadge level={c.warningLevel} />,
  };
  const targetsColumn: BoardColumn<BoardCaseRow> = {
    header: t('board.columns.targets'),
    cell: (c) => <TargetList targets={c.targets} wording={responseWording(c.warningLevel)} now={now} />,
  };
  return { caseColumn, levelColumn, targetsColumn };
}
