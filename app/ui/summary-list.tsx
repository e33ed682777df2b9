// GOV.UK's summary list: what a page is about, as terms and their values in a description list.
import type { ReactNode } from 'react';

export interface SummaryRow {
  term: ReactNode;
  value: ReactNode;
  /** For the end-to-end tests that read one value. */
  testId?: string;
}

export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row, index) => (
        <div key={index}>
          <dt>{row.term}</dt>
          <dd data-testid={row.testId}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
