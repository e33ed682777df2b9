// GOV.UK's summary list: a term and its value a row. Rows whose value is null are left out, so a
// page lists what a record has without a condition around each row.
import type { ReactNode } from 'react';

export type SummaryRow = [label: string, value: ReactNode];

export function SummaryList({ rows, testId }: { rows: SummaryRow[]; testId?: string }) {
  return (
    <dl className="summary-list" data-testid={testId}>
      {rows.map(([label, value]) =>
        value === null ? null : (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}
