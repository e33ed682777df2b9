import { describe, expect, it } from 'vitest';
import { bucketStart, foldIntake, foldRatings, foldSteps, percentileCont, type IntakePart, type StepPart } from './scan-parts.ts';

/** percentile_cont over the values themselves, as PostgreSQL defines it. */
function percentileOf(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = sorted[Math.floor(position)]!;
  const upper = sorted[Math.ceil(position)]!;
  return lower + (position - Math.floor(position)) * (upper - lower);
}

const histogramOf = (values: number[]) => {
  const histogram = new Map<number, number>();
  for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
  return histogram;
};

describe('percentileCont', () => {
  it('is null for nothing', () => {
    expect(percentileCont(new Map(), 0.5)).toBeNull();
  });

  it('interpolates between the two nearest values, as PostgreSQL does', () => {
    expect(percentileCont(histogramOf([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(percentileCont(histogramOf([10]), 0.9)).toBe(10);
    expect(percentileCont(histogramOf([0, 0, 0, 15, 16]), 0.9)).toBeCloseTo(15.6);
  });

  it('agrees with the values themselves for many random sets', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 90));
      for (const p of [0.5, 0.9]) expect(percentileCont(histogramOf(values), p)).toBeCloseTo(percentileOf(values, p)!, 10);
    }
  });
});

describe('bucketStart', () => {
  it('keeps the day, finds the Monday, or the first of the month', () => {
    expect(bucketStart('2026-12-03', 'day')).toBe('2026-12-03');
    expect(bucketStart('2026-12-03', 'week')).toBe('2026-11-30');
    expect(bucketStart('2026-11-30', 'week')).toBe('2026-11-30');
    expect(bucketStart('2026-12-06', 'week')).toBe('2026-11-30');
    expect(bucketStart('2026-01-01', 'week')).toBe('2025-12-29');
    expect(bucketStart('2026-12-31', 'month')).toBe('2026-12-01');
  });
});

const intake = (part: Partial<IntakePart> & Pick<IntakePart, 'set' | 'n'>): IntakePart => ({
  channel: null,
  kind: null,
  category: null,
  area: null,
  unit: null,
  bucket: null,
  complaints: 0,
  ...part,
});

describe('foldIntake', () => {
  it('adds the parts of several stretches and groups the days into the trend buckets', () => {
    const rows = foldIntake(
      [
        intake({ set: 'total', n: 3, complaints: 1 }),
        intake({ set: 'total', n: 2 }),
        intake({ set: 'channel', channel: 'ONLINE', n: 5 }),
        intake({ set: 'bucket', bucket: '2026-11-30', n: 1 }),
        intake({ set: 'bucket', bucket: '2026-12-02', n: 2 }),
        intake({ set: 'bucket', bucket: '2026-12-07', n: 2 }),
      ],
      'week',
    );
    expect(rows).toEqual([
      intake({ set: 'total', n: 5, complaints: 1 }),
      intake({ set: 'channel', channel: 'ONLINE', n: 5 }),
      intake({ set: 'bucket', bucket: '2026-11-30', n: 3 }),
      intake({ set: 'bucket', bucket: '2026-12-07', n: 2 }),
    ]);
  });
});

const step = (part: Partial<StepPart> & Pick<StepPart, 'set'>): StepPart => ({
  unit: null,
  category: null,
  days: null,
  settled: 0,
  onTime: 0,
  done: 0,
  declined: 0,
  forwarded: 0,
  ...part,
});

describe('foldSteps', () => {
  it('adds counts and takes the median and 90th percentile over every stretch together', () => {
    const [total] = foldSteps([
      step({ set: 'total', days: null, settled: 2, onTime: 1 }),
      step({ set: 'total', days: 3, settled: 1, onTime: 1, done: 1 }),
      step({ set: 'total', days: 5, settled: 2, onTime: 2, done: 2, declined: 1 }),
      // A later month: the same day counts add to the earlier ones.
      step({ set: 'total', days: 3, settled: 1, onTime: 1, done: 1, forwarded: 1 }),
      step({ set: 'total', days: 20, done: 1 }),
    ]);
    expect(total).toEqual({
      set: 'total',
      unit: null,
      category: null,
      settled: 6,
      onTime: 5,
      done: 5,
      declined: 1,
      forwarded: 1,
      median: 5,
      p90: percentileOf([3, 3, 5, 5, 20], 0.9),
    });
  });

  it('has no median when nothing was done', () => {
    expect(foldSteps([step({ set: 'unit', unit: 'u', settled: 1 })])[0]).toMatchObject({ done: 0, median: null, p90: null });
  });
});

describe('foldRatings', () => {
  it('works the mean out from the sums of every stretch', () => {
    const [row] = foldRatings([
      { set: 'total', unit: null, category: null, n: 2, sum: 9, solved: 1, partly: 1, notSolved: 0 },
      { set: 'total', unit: null, category: null, n: 1, sum: 2, solved: 0, partly: 0, notSolved: 1 },
    ]);
    expect(row).toEqual({ set: 'total', unit: null, category: null, n: 3, mean: 11 / 3, solved: 1, partly: 1, notSolved: 1 });
  });
});
