import { describe, expect, it } from 'vitest';
import {
  assessWarning,
  effectiveLevel,
  levelForHeadcount,
  milestoneUpdates,
  nextTargetDue,
  NO_TARGETS,
  SAME_DAY_MINIMUM_HOURS,
  targetsAfterLevelChange,
  targetsFor,
  targetStatuses,
  type WarningInputs,
} from './levels.ts';

const base: WarningInputs = { coSignerCount: 1, clusterSize: 0, repeat: false, welfareConcern: false, missedDeadlines: 0 };
const HOUR = 3_600_000;
const TZ = 'Asia/Shanghai';

describe('headcount thresholds (co-signers and cluster size alike)', () => {
  it.each([
    [0, 'NONE'],
    [1, 'NONE'],
    [2, 'NONE'],
    [3, 'YELLOW'],
    [5, 'YELLOW'],
    [6, 'ORANGE'],
    [10, 'ORANGE'],
    [11, 'RED'],
    [500, 'RED'],
  ] as const)('%i people → %s', (people, level) => {
    expect(levelForHeadcount(people)).toBe(level);
    expect(assessWarning({ ...base, coSignerCount: people }).level).toBe(level);
    expect(assessWarning({ ...base, clusterSize: people }).level).toBe(level);
  });

  it('names the rule that raised the level', () => {
    expect(assessWarning({ ...base, coSignerCount: 2 }).reasons).toEqual([]);
    expect(assessWarning({ ...base, coSignerCount: 3 }).reasons).toEqual(['coSigners']);
    expect(assessWarning({ ...base, clusterSize: 6 }).reasons).toEqual(['cluster']);
    expect(assessWarning({ ...base, coSignerCount: 12, clusterSize: 4 })).toEqual({ level: 'RED', reasons: ['coSigners', 'cluster'] });
  });
});

describe('other rules', () => {
  it('a repeat from the same contact is blue', () => {
    expect(assessWarning({ ...base, repeat: true })).toEqual({ level: 'BLUE', reasons: ['repeat'] });
  });

  it('signs of self-harm are red whatever else', () => {
    expect(assessWarning({ ...base, welfareConcern: true })).toEqual({ level: 'RED', reasons: ['welfare'] });
    expect(assessWarning({ ...base, welfareConcern: true, coSignerCount: 4 }).level).toBe('RED');
  });

  it('the highest rule wins', () => {
    expect(assessWarning({ ...base, repeat: true, coSignerCount: 7 }).level).toBe('ORANGE');
  });

  it('each missed statutory deadline raises one step, capped at orange', () => {
    expect(assessWarning({ ...base, missedDeadlines: 1 }).level).toBe('BLUE');
    expect(assessWarning({ ...base, missedDeadlines: 2 }).level).toBe('YELLOW');
    expect(assessWarning({ ...base, missedDeadlines: 3 }).level).toBe('ORANGE');
    expect(assessWarning({ ...base, missedDeadlines: 9 }).level).toBe('ORANGE');
    expect(assessWarning({ ...base, coSignerCount: 4, missedDeadlines: 1 })).toEqual({
      level: 'ORANGE',
      reasons: ['coSigners', 'deadlineMissed'],
    });
    // Already red: a missed deadline never lowers anything.
    expect(assessWarning({ ...base, coSignerCount: 20, missedDeadlines: 1 }).level).toBe('RED');
  });

  it('a staff override wins over the rules', () => {
    expect(effectiveLevel('RED', 'YELLOW')).toBe('YELLOW');
    expect(effectiveLevel('BLUE', null)).toBe('BLUE');
  });
});

describe('response targets', () => {
  const since = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shanghai

  it('has none without a level', () => {
    expect(targetsFor('NONE', since, TZ)).toEqual(NO_TARGETS);
  });

  it('blue: contact within 3 days; yellow: a plan within 5; orange: a response within 1', () => {
    expect(targetsFor('BLUE', since, TZ)).toEqual({
      responseDueAt: new Date(since.getTime() + 72 * HOUR),
      progressDueAt: null,
      resultDueAt: null,
    });
    expect(targetsFor('YELLOW', since, TZ).responseDueAt).toEqual(new Date(since.getTime() + 120 * HOUR));
    expect(targetsFor('ORANGE', since, TZ).responseDueAt).toEqual(new Date(since.getTime() + 24 * HOUR));
  });

  it('red: a response the same day, progress within 3 days, a result within 7', () => {
    const red = targetsFor('RED', since, TZ);
    expect(red.responseDueAt).toEqual(new Date('2026-11-23T15:59:59.999Z')); // end of the day in Shanghai
    expect(red.progressDueAt).toEqual(new Date(since.getTime() + 72 * HOUR));
    expect(red.resultDueAt).toEqual(new Date(since.getTime() + 168 * HOUR));
  });

  it('a case that turns red late in the evening still gets a few hours', () => {
    const late = new Date('2026-11-23T15:30:00Z'); // 23:30 in Shanghai
    expect(targetsFor('RED', late, TZ).responseDueAt).toEqual(new Date(late.getTime() + SAME_DAY_MINIMUM_HOURS * HOUR));
  });

  it('restart only when the level changes', () => {
    const current = targetsFor('YELLOW', since, TZ);
    const later = new Date(since.getTime() + 5 * HOUR);
    expect(targetsAfterLevelChange('YELLOW', 'YELLOW', current, later, TZ)).toBe(current);
    expect(targetsAfterLevelChange('YELLOW', 'ORANGE', current, later, TZ).responseDueAt).toEqual(new Date(later.getTime() + 24 * HOUR));
    expect(targetsAfterLevelChange('ORANGE', 'NONE', current, later, TZ)).toEqual(NO_TARGETS);
  });

  it('the next target is the nearest one not yet met', () => {
    const red = targetsFor('RED', since, TZ);
    const none = { respondedAt: null, progressAt: null, resultAt: null };
    expect(nextTargetDue(red, none)).toEqual(red.responseDueAt);
    expect(nextTargetDue(red, { ...none, respondedAt: since })).toEqual(red.progressDueAt);
    expect(nextTargetDue(red, { respondedAt: since, progressAt: since, resultAt: since })).toBeNull();
  });

  it('states: met, met late, missed, open', () => {
    const red = targetsFor('RED', since, TZ);
    const afterResponseDue = new Date(red.responseDueAt!.getTime() + HOUR);
    const statuses = targetStatuses(
      red,
      { respondedAt: afterResponseDue, progressAt: null, resultAt: null },
      new Date(since.getTime() + 100 * HOUR),
    );
    expect(statuses.map((s) => [s.kind, s.state])).toEqual([
      ['response', 'metLate'],
      ['progress', 'missed'],
      ['result', 'open'],
    ]);
    expect(targetStatuses(red, { respondedAt: since, progressAt: null, resultAt: null }, since)[0]!.state).toBe('met');
  });

  it('recording a later milestone also meets the earlier ones, and never overwrites one', () => {
    const now = new Date(since.getTime() + HOUR);
    expect(milestoneUpdates('result', { respondedAt: null, progressAt: null, resultAt: null }, now)).toEqual({
      respondedAt: now,
      progressAt: now,
      resultAt: now,
    });
    expect(milestoneUpdates('progress', { respondedAt: since, progressAt: null, resultAt: null }, now)).toEqual({ progressAt: now });
    expect(milestoneUpdates('response', { respondedAt: since, progressAt: null, resultAt: null }, now)).toEqual({});
  });
});
