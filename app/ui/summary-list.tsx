// GOV.UK's summary list: what something is, one fact a row (a term and its value).
import type { ReactNode } from 'react';

export interface SummaryRow {
  label: ReactNode;
  value: ReactNode;
  /** For the tests that read one value. */
  testId?: string;
}

/** A row that is `false`, `null` or `undefined` is left out, so pages can list optional facts inline. */
export type SummaryRows = (SummaryRow | false | null | undefined)[];

export function SummaryList({ rows }: { rows: SummaryRows }) {
  return (
    <dl className="summary-list">
      {rows
        .filter((row): row is SummaryRow => Boolean(row))
        .map((row, index) => (
          <div key={index}>
            <dt>{row.label}</dt>
            <dd data-testid={row.testId}>{row.value}</dd>
          </div>
        ))}
    </dl>
  );
}
