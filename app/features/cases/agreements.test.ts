import { describe, expect, it } from 'vitest';
import { AGREEMENT_EVENT, AGREEMENT_TERMS_MAX, agreementProblems, maySettle } from './agreements.ts';

const valid = { agreement: 'MEDIATION', party: '某建筑公司', terms: '一次性支付拖欠工资。', citizenConsent: true, partyConsent: true };

describe('agreements (art. 33)', () => {
  it('end requests and complaints only', () => {
    expect(maySettle('COMPLAINT')).toBe(true);
    expect(maySettle('HELP_REQUEST')).toBe(true);
    for (const kind of ['SUGGESTION', 'OPINION', 'MISCONDUCT_REPORT', 'INQUIRY'] as const) expect(maySettle(kind)).toBe(false);
  });

  it('are recorded as their own event', () => {
    expect(AGREEMENT_EVENT).toEqual({ MEDIATION: 'MEDIATED', SETTLEMENT: 'SETTLED' });
  });

  it('need a kind, the other party, the terms and both consents, every problem at once in form order', () => {
    expect(agreementProblems(valid)).toEqual([]);
    expect(agreementProblems({ agreement: '', party: ' ', terms: '', citizenConsent: false, partyConsent: false })).toEqual([
      { field: 'agreement', code: 'agreementRequired' },
      { field: 'party', code: 'partyRequired' },
      { field: 'terms', code: 'termsRequired' },
      { field: 'citizenConsent', code: 'consentRequired' },
      { field: 'partyConsent', code: 'consentRequired' },
    ]);
    expect(agreementProblems({ ...valid, terms: '字'.repeat(AGREEMENT_TERMS_MAX + 1) })).toEqual([{ field: 'terms', code: 'tooLong' }]);
  });
});
