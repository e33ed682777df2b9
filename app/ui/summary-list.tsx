// GOV.UK's summary list: a record's facts as label and value pairs, at the top of its page. Items
// whose value is null are left out, so a page lists what a record has without a condition around
// each row.
import type { ReactNode } from 'react';

export interface SummaryItem {
  label: ReactNode;
  value: ReactNode;
}

export function SummaryList({ items, testId }: { items: (SummaryItem | null | false)[]; testId?: string }) {
  return (
    <dl className="summary-list" data-testid={testId}>
      {items.map((item, index) =>
        item && item.value !== null ? (
          <div key={index}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
