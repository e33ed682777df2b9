// The statistics page's tables: counts by one key (a status, a kind, a week), and total, open and
// overdue cases per category or unit. Each is named by the heading before it.
import { useTranslation } from 'react-i18next';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import type { NamedCountRow } from '#app/features/statistics/statistics.server.ts';
import type { ReactNode } from 'react';

export interface CountTableRow {
  key: string;
  label: ReactNode;
  /** One number a count column. */
  counts: number[];
}

interface CountTableProps {
  /** The id of the heading that names the table. */
  id: string;
  keyHeading: string;
  /** The count columns' headings: one "Cases" column unless given. */
  countHeadings?: string[];
  rows: CountTableRow[];
  format: (value: number) => string;
  /** Shown instead of a table without rows. */
  empty?: ReactNode;
}

export function CountTable({ id, keyHeading, countHeadings, rows, format, empty }: CountTableProps) {
  const { t } = useTranslation('office-admin');
  const headings = countHeadings ?? [t('statistics.columns.count')];
  return (
    <SimpleTable
      labelledBy={id}
      // Long category and unit names can make it wider than a phone or a chart's column: a
      // focusable region, so the keyboard can scroll it (axe: scrollable-region-focusable).
      region
      className="stats-table"
      items={rows}
      itemKey={(row) => row.key}
      empty={empty}
      columns={[
        { label: keyHeading, isRowHeader: true, cell: (row) => row.label },
        ...headings.map((label, index) => ({ label, className: 'num', cell: (row: CountTableRow) => format(row.counts[index] ?? 0) })),
      ]}
    />
  );
}

/** Total, open and overdue cases per category or unit. */
export function NamedTable({ id, keyHeading, rows, format }: Omit<CountTableProps, 'rows'> & { rows: NamedCountRow[] }) {
  const { t } = useTranslation('office-admin');
  return (
    <CountTable
      id={id}
      keyHeading={keyHeading}
      countHeadings={[t('statistics.columns.total'), t('statistics.columns.open'), t('statistics.columns.overdue')]}
      rows={rows.map((row) => ({
        key: row.id ?? 'none',
        label: row.name ?? (row.id ? t('statistics.unknown') : t('statistics.byUnit.unassigned')),
        counts: [row.total, row.open, row.overdue],
      }))}
      format={format}
      empty={<p>{t('statistics.noCases')}</p>}
    />
  );
}
