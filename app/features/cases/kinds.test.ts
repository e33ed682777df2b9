import { describe, it, expect } from 'vitest';
import { CASE_KINDS, REPLY_CHANNELS, STATUTORY_CLASS, mayBeAnonymous } from './kinds.ts';

describe('case kinds', () => {
  it('lists the six kinds a citizen can send', () => {
    expect([...CASE_KINDS].sort()).toEqual(['COMPLAINT', 'HELP_REQUEST', 'INQUIRY', 'MISCONDUCT_REPORT', 'OPINION', 'SUGGESTION']);
  });

  it('maps every kind to its statutory class (arts. 29–31)', () => {
    expect(STATUTORY_CLASS).toEqual({
      SUGGESTION: 'SUGGESTION_OPINION',
      OPINION: 'SUGGESTION_OPINION',
      INQUIRY: 'SUGGESTION_OPINION',
      MISCONDUCT_REPORT: 'REPORT_ACCUSATION',
      COMPLAINT: 'APPEAL_REQUEST',
      HELP_REQUEST: 'APPEAL_REQUEST',
    });
    expect(Object.keys(STATUTORY_CLASS).sort()).toEqual([...CASE_KINDS].sort());
  });

  it('allows anonymity only for reports of misconduct', () => {
    const anonymous = CASE_KINDS.filter((kind) => mayBeAnonymous(kind));
    expect(anonymous).toEqual(['MISCONDUCT_REPORT']);
    for (const kind of CASE_KINDS) {
      expect(mayBeAnonymous(kind), kind).toBe(STATUTORY_CLASS[kind] === 'REPORT_ACCUSATION');
    }
  });

  it('lists the reply channels', () => {
    expect([...REPLY_CHANNELS]).toEqual(['ONLINE', 'EMAIL', 'PHONE', 'POST']);
  });
});
