import { describe, expect, it } from 'vitest';
import { stepBlocker, type StepState } from './case-steps.ts';

const now = new Date('2026-12-01T04:00:00Z');
const base: StepState = {
  kind: 'COMPLAINT',
  objectionDueAt: null,
  objectingUnitId: null,
  reportDueAt: null,
  reportPending: false,
  hearingSince: null,
};

describe('steps that depend on the case as it stands', () => {
  it('an objection: within its window only, and one at a time (art. 23)', () => {
    expect(stepBlocker('object', base, now)).toBe('objectionWindowPassed');
    expect(stepBlocker('object', { ...base, objectionDueAt: new Date('2026-12-05T15:59:59Z') }, now)).toBeNull();
    expect(stepBlocker('object', { ...base, objectionDueAt: new Date('2026-11-30T15:59:59Z') }, now)).toBe('objectionWindowPassed');
    const pending = { ...base, objectionDueAt: new Date('2026-12-05T15:59:59Z'), objectingUnitId: 'u' };
    expect(stepBlocker('object', pending, now)).toBe('objectionPending');
    // While it waits, the office decides it rather than assigning around it.
    expect(stepBlocker('assign', pending, now)).toBe('objectionPending');
    expect(stepBlocker('decideObjection', pending, now)).toBeNull();
    expect(stepBlocker('decideObjection', base, now)).toBe('noObjection');
  });

  it('a completion report: when one was asked for, one at a time (art. 22(3))', () => {
    expect(stepBlocker('fileReport', base, now)).toBe('noReportAsked');
    const asked = { ...base, reportDueAt: new Date('2026-12-20T15:59:59Z') };
    expect(stepBlocker('fileReport', asked, now)).toBeNull();
    expect(stepBlocker('decideReport', asked, now)).toBe('noReportPending');
    expect(stepBlocker('fileReport', { ...asked, reportPending: true }, now)).toBe('reportPending');
    expect(stepBlocker('decideReport', { ...asked, reportPending: true }, now)).toBeNull();
  });

  it('a hearing stops the re-review until its outcome is recorded (art. 36)', () => {
    expect(stepBlocker('startHearing', base, now)).toBeNull();
    expect(stepBlocker('recordHearing', base, now)).toBe('noHearing');
    const underway = { ...base, hearingSince: now };
    expect(stepBlocker('startHearing', underway, now)).toBe('hearingUnderway');
    expect(stepBlocker('issueReReview', underway, now)).toBe('hearingUnderway');
    expect(stepBlocker('recordHearing', underway, now)).toBeNull();
  });

  it('a hearing arranged ahead can be moved, holds the opinion, and is recorded from its day on', () => {
    const arranged = { ...base, hearingSince: new Date(now.getTime() + 86_400_000) };
    expect(stepBlocker('startHearing', arranged, now)).toBeNull();
    expect(stepBlocker('issueReReview', arranged, now)).toBe('hearingUnderway');
    expect(stepBlocker('recordHearing', arranged, now)).toBe('hearingNotBegun');
  });

  it('only a report of misconduct has a reported body to correct', () => {
    expect(stepBlocker('correctReport', base, now)).toBe('notAReport');
    expect(stepBlocker('correctReport', { ...base, kind: 'MISCONDUCT_REPORT' }, now)).toBeNull();
    expect(stepBlocker('note', base, now)).toBeNull();
  });
});
