// A record's facts as label and value pairs (GOV.UK's summary list), at the top of a record's page.
import type { ReactNode } from 'react';

export interface SummaryItem {
  label: ReactNode;
  value: ReactNode;
}

export function SummaryList({ items }: { items: SummaryItem[] }) {
  return (
    <dl className="summary-list">
      {items.map((item, index) => (
        <div key={index}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
