import { describe, expect, it } from 'vitest';
import { caseHref, offersSaveAndNext, queueHref, queueSearch } from './triage.ts';

describe('queueSearch', () => {
  it('keeps the view and filters and drops the page cursor', () => {
    expect(queueSearch('view=mine&status=SUBMITTED&after=abc')).toBe('view=mine&status=SUBMITTED');
  });

  it('is the default queue for nothing, or for a value the queue page never makes', () => {
    expect(queueSearch(null)).toBe('');
    expect(queueSearch('')).toBe('');
    expect(queueSearch(`q=${'x'.repeat(3000)}`)).toBe('');
  });

  it('re-encodes what it keeps, so a value cannot leave the query string', () => {
    expect(queueSearch('q=a b&x=/../admin#frag')).toBe('q=a+b&x=%2F..%2Fadmin%23frag');
  });
});

describe('hrefs', () => {
  const id = '00000000-0000-4000-8000-000000000001';

  it('go back to the queue view, or the default queue', () => {
    expect(queueHref('view=overdue')).toBe('/office?view=overdue');
    expect(queueHref('')).toBe('/office');
  });

  it('open a case with its queue, encoded as one parameter', () => {
    expect(caseHref(id, 'view=mine&sort=received')).toBe(`/office/cases/${id}?queue=view%3Dmine%26sort%3Dreceived`);
    expect(caseHref(id, '')).toBe(`/office/cases/${id}`);
  });

  it('offers "Save and next" on the triage steps only', () => {
    expect(offersSaveAndNext('acceptAssign')).toBe(true);
    expect(offersSaveAndNext('decline')).toBe(true);
    expect(offersSaveAndNext('reply')).toBe(false);
  });
});
