// GOV.UK's summary list: a record's facts as label and value pairs, at the top of its page. An item
// that is false, null or undefined, or whose value is null, is left out, so a page lists optional
// facts inline without a condition around each.
import type { ReactNode } from 'react';

export interface SummaryItem {
  label: ReactNode;
  value: ReactNode;
  /** For the tests that read one value. */
  testId?: string;
}

export type SummaryItems = (SummaryItem | false | null | undefined)[];

export function SummaryList({ items, testId }: { items: SummaryItems; testId?: string }) {
  return (
    <dl className="summary-list" data-testid={testId}>
      {items
        .filter((item): item is SummaryItem => !!item && item.value !== null)
        .map((item, index) => (
          <div key={index}>
            <dt>{item.label}</dt>
            <dd data-testid={item.testId}>{item.value}</dd>
          </div>
        ))}
    </dl>
  );
}
