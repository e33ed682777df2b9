import { describe, expect, it } from 'vitest';
import {
  publicCount,
  publicCsvRows,
  publicRate,
  publishPeriod,
  suppressBreakdown,
  type PublicFigures,
  type RawPeriodFigures,
} from './public-figures.ts';

describe('small figures are withheld', () => {
  it('withholds counts below 5 (zero included) and publishes 5 and more', () => {
    expect([0, 1, 4, 5, 6].map(publicCount)).toEqual([null, null, null, 5, 6]);
  });

  it('withholds a rate computed from fewer than 5 cases, whatever its numerator', () => {
    expect(publicRate({ numerator: 4, denominator: 4 })).toBeNull();
    expect(publicRate({ numerator: 1, denominator: 5 })).toEqual({ rate: 0.2, cases: 5 });
  });

  it('withholds a second row when a breakdown of a published total has exactly one withheld', () => {
    const rows = [
      { key: 'a', count: 20 },
      { key: 'b', count: 7 },
      { key: 'c', count: 3 },
    ];
    expect(suppressBreakdown(rows, true)).toEqual([
      { key: 'a', count: 20 },
      { key: 'b', count: null },
      { key: 'c', count: null },
    ]);
    // Without a published total, nothing can be found by subtraction.
    expect(suppressBreakdown(rows, false).map((row) => row.count)).toEqual([20, 7, null]);
    // Two withheld already: neither can be told from the other.
    expect(suppressBreakdown([...rows, { key: 'd', count: 1 }], true).map((row) => row.count)).toEqual([20, 7, null, null]);
  });
});

const raw: RawPeriodFigures = {
  kind: 'month',
  key: '2020-08',
  start: '2020-08-01',
  end: '2020-08-31',
  complete: true,
  received: 12,
  byChannel: [
    { key: 'ONLINE', count: 9 },
    { key: 'LETTER', count: 3 },
  ],
  byCategory: [{ key: 'cat-1', count: 12 }],
  acceptedOnTime: { numerator: 9, denominator: 12 },
  repliedOnTime: { numerator: 3, denominator: 4 },
  daysToReply: { n: 4, median: 20 },
  satisfaction: { n: 5, mean: 4.2, solved: 3, partly: 1, notSolved: 1 },
  outcomes: [
    { key: 'UPHELD', count: 9 },
    { key: 'EXPLAINED', count: 6 },
    { key: 'NOT_UPHELD', count: 2 },
    { key: 'ADOPTED', count: 5 },
    { key: 'ANSWERED', count: 7 },
  ],
  opinionsChanged: { numerator: 1, denominator: 5 },
  units: [
    { key: 'unit-1', received: 8, repliedOnTime: { numerator: 3, denominator: 4 }, satisfaction: { n: 5, mean: 4.2 } },
    { key: 'unit-2', received: 2, repliedOnTime: { numerator: 0, denominator: 0 }, satisfaction: { n: 0, mean: null } },
    { key: '', received: 2, repliedOnTime: { numerator: 0, denominator: 0 }, satisfaction: { n: 0, mean: null } },
  ],
};

describe('a period as published', () => {
  const p = publishPeriod(raw);

  it('keeps what rests on 5 cases or more and withholds the rest', () => {
    expect(p.received).toBe(12);
    // LETTER (3) withheld, so ONLINE (9) is withheld too: 12 − 9 would give it away.
    expect(p.byChannel).toEqual([
      { channel: 'ONLINE', received: null },
      { channel: 'LETTER', received: null },
    ]);
    expect(p.acceptedOnTime).toEqual({ rate: 0.75, cases: 12 });
    expect(p.repliedOnTime).toBeNull();
    expect(p.medianDaysToReply).toBeNull();
    expect(p.satisfaction).toEqual({ mean: 4.2, ratings: 5, solved: 0.6, partlySolved: 0.2, notSolved: 0.2 });
  });

  it('publishes outcomes class by class, withholding a second outcome where one of a class is withheld', () => {
    const claims = Object.fromEntries(p.outcomes.map((row) => [row.outcome, row.claims]));
    // Requests: NOT_UPHELD (2) withheld, so the smallest published one (EXPLAINED, 6) is too.
    expect([claims.UPHELD, claims.EXPLAINED, claims.NOT_UPHELD]).toEqual([9, null, null]);
    // Suggestions: two are none (withheld), so ADOPTED cannot be worked out and stays.
    expect([claims.ADOPTED, claims.PARTLY_ADOPTED, claims.NOT_ADOPTED]).toEqual([5, null, null]);
    // Reports: nothing answered, nothing published; an inquiry class of one outcome needs no second row.
    expect([claims.SUBSTANTIATED, claims.PARTLY_SUBSTANTIATED, claims.NOT_SUBSTANTIATED, claims.ANSWERED]).toEqual([null, null, null, 7]);
    expect(p.outcomes.map((row) => row.outcome)).toEqual([
      'UPHELD',
      'EXPLAINED',
      'NOT_UPHELD',
      'ADOPTED',
      'PARTLY_ADOPTED',
      'NOT_ADOPTED',
      'SUBSTANTIATED',
      'PARTLY_SUBSTANTIATED',
      'NOT_SUBSTANTIATED',
      'ANSWERED',
    ]);
  });

  it('publishes the share of opinions that changed a decision from 5 opinions, and withholds it below', () => {
    expect(p.reviewsChanged).toEqual({ rate: 0.2, cases: 5 });
    expect(publishPeriod({ ...raw, opinionsChanged: { numerator: 4, denominator: 4 } }).reviewsChanged).toBeNull();
  });

  it('lists units with their own figures withheld where small, and leaves cases without a unit out', () => {
    expect(p.units).toEqual([
      { unit: 'unit-1', received: 8, repliedOnTime: null, satisfaction: { mean: 4.2, ratings: 5 } },
      { unit: 'unit-2', received: null, repliedOnTime: null, satisfaction: null },
    ]);
  });

  it('leaves withheld figures out of the CSV', () => {
    const figures: PublicFigures = {
      schema: 'petition-desk/public-statistics/1',
      generatedAt: '2020-09-01T00:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      threshold: 5,
      categories: { 'cat-1': { code: 'wages', name: { 'zh-Hans': '欠薪', 'zh-Hant': '欠薪', en: 'Wages' } } },
      units: { 'unit-1': { name: { 'zh-Hans': '一', 'zh-Hant': '一', en: 'One' } } },
      months: [p],
      years: [],
    };
    const rows = publicCsvRows(figures, 'en');
    const figuresListed = rows.slice(1).map((row) => `${row[5]}/${row[6]}/${row[7]}`);
    expect(figuresListed).toContain('received//');
    expect(figuresListed).toContain('received/category/wages');
    expect(figuresListed).not.toContain('received/channel/ONLINE');
    expect(figuresListed).not.toContain('replied_on_time_rate//');
    expect(figuresListed).not.toContain('received/unit/unit-2');
    expect(figuresListed).toContain('claims_answered/outcome/UPHELD');
    expect(figuresListed).not.toContain('claims_answered/outcome/EXPLAINED');
    expect(figuresListed).toContain('reviews_changed_rate//');
    expect(rows.find((row) => row[7] === 'unit-1' && row[5] === 'received')?.[8]).toBe('One');
    expect(rows.every((row) => row.every((cell) => cell !== null || row[10] === null))).toBe(true);
  });
});
