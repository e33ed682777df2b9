// The report's short summary in the reader's language, e.g. "Cases received rose 18% on last
// month, mainly wage arrears in 东城区; on-time replies fell to 91%." Built from the figures as
// sentence parts (an i18n key and its values) so the page, the print-out and the email each say it
// in their reader's language. Pure.
import { change, headline, type MeasureValue, type ScalarValue } from './measures.ts';

export interface SummaryPart {
  /** Under `reports:summary.` in the locale files. */
  key: string;
  values: Record<string, string | number>;
  /** Ids the reader's page turns into names (a category). */
  names?: { category?: string };
}

export interface SummaryInput {
  received: MeasureValue;
  receivedBefore: MeasureValue;
  /** Cases by category and area, now and in the previous period ("categoryArea" rows keyed `categoryId|area`). */
  byCategoryArea: { key: string; count: number }[];
  byCategoryAreaBefore: { key: string; count: number }[];
  repliedOnTime: MeasureValue;
  repliedOnTimeBefore: MeasureValue;
}

/** A change smaller than this (a share of the earlier count, or points of a rate) reads as "about the same". */
const STEADY_SHARE = 0.02;
const STEADY_POINTS = 1;

const scalar = (value: MeasureValue): ScalarValue | null =>
  value.type === 'count' || value.type === 'rate' || value.type === 'days' || value.type === 'mean' ? value : null;

/** The category and area whose count grew most, when the total grew; the one that fell most when it fell. */
function mainDriver(now: { key: string; count: number }[], before: { key: string; count: number }[], direction: 1 | -1) {
  const earlier = new Map(before.map((row) => [row.key, row.count]));
  const keys = new Set([...now.map((row) => row.key), ...before.map((row) => row.key)]);
  const current = new Map(now.map((row) => [row.key, row.count]));
  let best: { key: string; delta: number } | null = null;
  for (const key of keys) {
    const delta = ((current.get(key) ?? 0) - (earlier.get(key) ?? 0)) * direction;
    if (delta > 0 && (!best || delta > best.delta || (delta === best.delta && key < best.key))) best = { key, delta };
  }
  return best;
}

export function reportSummary(input: SummaryInput): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const received = scalar(input.received);
  const receivedBefore = scalar(input.receivedBefore);
  if (received && receivedBefore) {
    const moved = change(received, receivedBefore);
    const count = headline(received) ?? 0;
    if (moved.kind === 'percent' && Math.abs(moved.value) >= STEADY_SHARE) {
      const direction = moved.value > 0 ? 1 : -1;
      parts.push({
        key: direction > 0 ? 'receivedRose' : 'receivedFell',
        values: { percent: Math.round(Math.abs(moved.value) * 100), cases: count },
      });
      const driver = mainDriver(input.byCategoryArea, input.byCategoryAreaBefore, direction);
      if (driver) {
        const [categoryId = '', area = ''] = driver.key.split('|');
        parts.push(
          area
            ? { key: 'mainlyIn', values: { area }, names: { category: categoryId } }
            : { key: 'mainly', values: {}, names: { category: categoryId } },
        );
      }
    } else if (moved.kind === 'fromZero') parts.push({ key: 'receivedFromNone', values: { cases: count } });
    else parts.push({ key: 'receivedSteady', values: { cases: count } });
  }
  const replied = scalar(input.repliedOnTime);
  const repliedBefore = scalar(input.repliedOnTimeBefore);
  const rate = replied ? headline(replied) : null;
  if (replied && repliedBefore && rate !== null) {
    const moved = change(replied, repliedBefore);
    const percent = Math.round(rate * 100);
    if (moved.kind === 'points' && Math.abs(moved.value) >= STEADY_POINTS)
      parts.push({ key: moved.value > 0 ? 'repliesRose' : 'repliesFell', values: { percent } });
    else parts.push({ key: 'repliesSteady', values: { percent } });
  }
  return parts;
}
