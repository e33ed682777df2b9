import { describe, expect, it } from 'vitest';
import { reviewingUnit, routeNewCase, type RoutingTargets } from './routing.ts';

const targets: RoutingTargets = {
  disciplineUnitId: 'discipline',
  legalUnitId: 'legal',
  reviewOfficeUnitId: 'review-office',
  courtCategoryIds: new Set(['litigation']),
};
const none = new Set<string>();

describe('routing a new case', () => {
  it('sends a report of misconduct to the discipline body, whatever its category', () => {
    expect(routeNewCase({ kind: 'MISCONDUCT_REPORT', categoryId: 'police', categoryUnitId: 'police', targets, barred: none })).toEqual({
      unitId: 'discipline',
      reason: 'discipline',
    });
  });

  it('never falls back to the unit a report accuses: without a discipline body, the clerks route it', () => {
    const noDiscipline = { ...targets, disciplineUnitId: null };
    expect(
      routeNewCase({ kind: 'MISCONDUCT_REPORT', categoryId: 'police', categoryUnitId: 'police', targets: noDiscipline, barred: none }),
    ).toEqual({ unitId: null, reason: 'discipline' });
    // Nor to the discipline body when the report accuses it.
    expect(
      routeNewCase({ kind: 'MISCONDUCT_REPORT', categoryId: 'x', categoryUnitId: 'x', targets, barred: new Set(['discipline']) }),
    ).toEqual({ unitId: null, reason: 'discipline' });
  });

  it('sends a matter for the courts to the political and legal body', () => {
    expect(routeNewCase({ kind: 'COMPLAINT', categoryId: 'litigation', categoryUnitId: 'bureau', targets, barred: none })).toEqual({
      unitId: 'legal',
      reason: 'courts',
    });
    expect(
      routeNewCase({
        kind: 'COMPLAINT',
        categoryId: 'litigation',
        categoryUnitId: 'bureau',
        targets: { ...targets, legalUnitId: null },
        barred: none,
      }),
    ).toEqual({ unitId: 'bureau', reason: 'courts' });
  });

  it('sends everything else to its category unit', () => {
    expect(routeNewCase({ kind: 'COMPLAINT', categoryId: 'wages', categoryUnitId: 'hr', targets, barred: none })).toEqual({
      unitId: 'hr',
      reason: null,
    });
  });
});

describe('the reviewing unit', () => {
  const parents = new Map<string, string | null>([
    ['bureau', null],
    ['hr', 'bureau'],
    ['review-office', null],
  ]);
  const active = new Set(['bureau', 'hr', 'review-office']);
  const base = { parents, reviewOfficeUnitId: 'review-office', excluded: none, active };

  it('is the unit above the one that decided (art. 35), or the review office at the top (art. 36)', () => {
    expect(reviewingUnit({ ...base, decidedBy: 'hr' })).toBe('bureau');
    expect(reviewingUnit({ ...base, decidedBy: 'bureau' })).toBe('review-office');
    expect(reviewingUnit({ ...base, decidedBy: null })).toBe('review-office');
  });

  it('is never the deciding unit, an excluded or a closed unit', () => {
    expect(reviewingUnit({ ...base, decidedBy: 'review-office' })).toBeNull();
    expect(reviewingUnit({ ...base, decidedBy: 'hr', excluded: new Set(['bureau']) })).toBe('review-office');
    expect(reviewingUnit({ ...base, decidedBy: 'hr', active: new Set(['hr']) })).toBeNull();
  });
});
