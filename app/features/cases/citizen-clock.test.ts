import { describe, expect, it } from 'vitest';
import { citizenClock, missedStep, type CitizenClockInput, type ClockDone } from './citizen-clock.ts';

const accept = new Date('2026-11-10T15:59:59.999Z');
const objection = new Date('2026-11-03T15:59:59.999Z');
const reply = new Date('2026-12-31T15:59:59.999Z');
const review = new Date('2027-01-30T15:59:59.999Z');
const reviewOpinion = new Date('2027-02-28T15:59:59.999Z');
const reReview = new Date('2027-03-30T15:59:59.999Z');
const reReviewOpinion = new Date('2027-04-29T15:59:59.999Z');
const NOTHING_DONE: ClockDone = {
  acceptance: null,
  reply: null,
  reviewRequest: null,
  reviewOpinion: null,
  reReviewRequest: null,
  reReviewOpinion: null,
};
const submitted: CitizenClockInput = {
  status: 'SUBMITTED',
  acceptDueAt: accept,
  replyDueAt: null,
  reviewRequestDueAt: null,
  reviewDueAt: null,
  reReviewRequestDueAt: null,
  reReviewDueAt: null,
  hearingSince: null,
  objectionDueAt: null,
  objected: false,
  done: NOTHING_DONE,
};
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);
const early = new Date('2026-11-01T00:00:00Z');
const states = (c: CitizenClockInput, now: Date) => citizenClock(c, now).map((step) => [step.kind, step.state]);

/** A case that went all the way to a re-review request, each step a day before its date. */
const reReviewRequested: CitizenClockInput = {
  ...submitted,
  status: 'RE_REVIEW_REQUESTED',
  replyDueAt: reply,
  reviewRequestDueAt: review,
  reviewDueAt: reviewOpinion,
  reReviewRequestDueAt: reReview,
  reReviewDueAt: reReviewOpinion,
  done: {
    acceptance: ms(accept, -86_400_000),
    reply: ms(reply, -86_400_000),
    reviewRequest: ms(review, -86_400_000),
    reviewOpinion: ms(reviewOpinion, -86_400_000),
    reReviewRequest: ms(reReview, -86_400_000),
    reReviewOpinion: null,
  },
};

describe("the citizen's whole clock", () => {
  it('shows every date so far in the order the statute runs them, each with its article', () => {
    const steps = citizenClock(reReviewRequested, ms(reReview, -1));
    expect(steps.map((step) => [step.kind, step.party, step.article, step.state])).toEqual([
      ['acceptance', 'office', '22, 23', 'met'],
      ['reply', 'office', '34', 'met'],
      ['reviewRequest', 'citizen', '35', 'used'],
      ['reviewOpinion', 'office', '35', 'met'],
      ['reReviewRequest', 'citizen', '36', 'used'],
      ['reReviewOpinion', 'office', '36', 'due'],
    ]);
    expect(steps[0]?.doneAt).toEqual(ms(accept, -86_400_000));
  });

  it('counts an answer given at the last instant of its day as met, and one a moment later as late', () => {
    const onTime = { ...submitted, status: 'ACCEPTED' as const, done: { ...NOTHING_DONE, acceptance: accept } };
    expect(citizenClock(onTime, early)[0]).toMatchObject({ kind: 'acceptance', state: 'met', doneAt: accept });
    const late = { ...onTime, done: { ...NOTHING_DONE, acceptance: ms(accept, 1) } };
    expect(citizenClock(late, early)[0]).toMatchObject({ kind: 'acceptance', state: 'late' });
  });

  it('is due until the end of its day, and missed from the next instant, with the remedy pointing at it', () => {
    expect(states(submitted, accept)).toEqual([['acceptance', 'due']]);
    expect(missedStep(citizenClock(submitted, accept))).toBeNull();
    expect(states(submitted, ms(accept, 1))).toEqual([['acceptance', 'missed']]);
    expect(missedStep(citizenClock(submitted, ms(accept, 1)))).toMatchObject({ kind: 'acceptance', dueAt: accept, article: '22, 23' });
  });

  it("keeps the citizen's window open until the end of its day, then closed", () => {
    const replied: CitizenClockInput = {
      ...reReviewRequested,
      status: 'REPLIED',
      reviewDueAt: null,
      reReviewRequestDueAt: null,
      reReviewDueAt: null,
      done: { ...reReviewRequested.done, reviewRequest: null, reviewOpinion: null, reReviewRequest: null },
    };
    expect(states(replied, review).at(-1)).toEqual(['reviewRequest', 'open']);
    expect(states(replied, ms(review, 1)).at(-1)).toEqual(['reviewRequest', 'closed']);
    // A window never used is never a missed date: nothing is owed to the citizen for it.
    expect(missedStep(citizenClock(replied, ms(review, 1)))).toBeNull();
  });

  it('stops the re-review clock for a hearing: never missed while it runs', () => {
    const hearing = { ...reReviewRequested, hearingSince: reReview };
    expect(states(hearing, ms(reReviewOpinion, 86_400_000)).at(-1)).toEqual(['reReviewOpinion', 'paused']);
    expect(missedStep(citizenClock(hearing, ms(reReviewOpinion, 86_400_000)))).toBeNull();
    expect(citizenClock(hearing, ms(reReviewOpinion, 86_400_000)).at(-1)?.hearingFrom).toEqual(reReview);
  });

  it('keeps the re-review clock running until the day of a hearing arranged ahead', () => {
    const hearingDay = new Date('2027-04-20T16:00:00.000Z');
    const arranged = { ...reReviewRequested, hearingSince: hearingDay };
    const before = citizenClock(arranged, ms(hearingDay, -1)).at(-1);
    expect([before?.state, before?.hearingFrom]).toEqual(['due', hearingDay]);
    expect(states(arranged, hearingDay).at(-1)).toEqual(['reReviewOpinion', 'paused']);
    // No other step carries the hearing.
    expect(citizenClock(arranged, hearingDay).filter((step) => step.hearingFrom)).toHaveLength(1);
  });

  it('keeps a refusal or a forwarding on the clock until it reaches the citizen, missed once its 15 days pass', () => {
    for (const status of ['NOT_ACCEPTED', 'TRANSFERRED'] as const) {
      const undelivered: CitizenClockInput = { ...submitted, status };
      expect(states(undelivered, ms(accept, -1))).toEqual([['acceptance', 'due']]);
      expect(missedStep(citizenClock(undelivered, ms(accept, 1)))?.kind).toBe('acceptance');
      const delivered = { ...undelivered, done: { ...NOTHING_DONE, acceptance: ms(accept, -1) } };
      expect(states(delivered, ms(accept, 1))).toEqual([['acceptance', 'met']]);
    }
    // A case that ended otherwise owes no acceptance decision.
    expect(states({ ...submitted, status: 'WITHDRAWN' }, ms(accept, 1))).toEqual([]);
  });

  it('shows nothing owed as running once the case has ended, but keeps what was met or late', () => {
    const withdrawn: CitizenClockInput = {
      ...submitted,
      status: 'WITHDRAWN',
      replyDueAt: reply,
      done: { ...NOTHING_DONE, acceptance: ms(accept, 1) },
    };
    expect(states(withdrawn, ms(reply, 1))).toEqual([['acceptance', 'late']]);
    const closed: CitizenClockInput = { ...reReviewRequested, status: 'CLOSED', reReviewRequestDueAt: reReview, reReviewDueAt: null };
    expect(states({ ...closed, done: { ...closed.done, reReviewRequest: null } }, early).at(-1)).toEqual(['reReviewRequest', 'closed']);
  });

  it("shows the receiving unit's window to object while it is open or an objection waits, after the acceptance", () => {
    const routed = { ...submitted, objectionDueAt: objection };
    expect(states(routed, objection)).toEqual([
      ['acceptance', 'due'],
      ['objection', 'due'],
    ]);
    expect(citizenClock(routed, objection)[1]).toMatchObject({ party: 'unit', article: '23', dueAt: objection });
    expect(states(routed, ms(objection, 1))).toEqual([['acceptance', 'due']]);
    expect(states({ ...routed, objected: true }, ms(objection, 1))).toEqual([
      ['acceptance', 'due'],
      ['objection', 'objected'],
    ]);
    expect(states({ ...routed, status: 'NOT_ACCEPTED', done: { ...NOTHING_DONE, acceptance: early } }, early)).toEqual([
      ['acceptance', 'met'],
    ]);
  });
});
