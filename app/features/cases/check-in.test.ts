import { describe, expect, it } from 'vitest';
import {
  canAnswerCheckIn,
  checkInChannelOf,
  checkInChannelsFor,
  checkInDueAt,
  checkInRepliedBy,
  checkInStage,
  isUnsolved,
  mayChangeCheckInConsent,
} from './check-in.ts';

const asked = new Date('2026-10-15T04:00:00Z');

describe('check-in (回访)', () => {
  it('offers only the channels the contact details allow, and none to an anonymous report', () => {
    expect(checkInChannelsFor({ email: 'a@example.com', phone: null })).toEqual(['EMAIL']);
    expect(checkInChannelsFor({ email: null, phone: '13800000000' })).toEqual(['SMS', 'PHONE']);
    expect(checkInChannelsFor({ email: 'a@example.com', phone: '13800000000' })).toEqual(['EMAIL', 'SMS', 'PHONE']);
    expect(checkInChannelsFor({ email: null, phone: null })).toEqual([]);
    expect(checkInChannelsFor(null)).toEqual([]);
  });

  it('"no follow-up" is no channel', () => {
    expect(checkInChannelOf('NONE')).toBeNull();
    expect(checkInChannelOf('SMS')).toBe('SMS');
  });

  it('is due the given number of days after the reply, to the millisecond', () => {
    const repliedAt = new Date('2026-10-01T04:00:00Z');
    const due = checkInDueAt(repliedAt, 14);
    expect(due).toEqual(new Date('2026-10-15T04:00:00Z'));
    // The sweep's cut-off at that instant takes the reply; a millisecond earlier it does not.
    expect(checkInRepliedBy(due, 14).getTime()).toBe(repliedAt.getTime());
    expect(checkInRepliedBy(new Date(due.getTime() - 1), 14).getTime()).toBeLessThan(repliedAt.getTime());
  });

  it('stands at none, waiting, asked or answered', () => {
    expect(checkInStage({ channel: null, sentAt: null, answer: null })).toBe('none');
    expect(checkInStage({ channel: 'EMAIL', sentAt: null, answer: null })).toBe('waiting');
    expect(checkInStage({ channel: 'EMAIL', sentAt: asked, answer: null })).toBe('asked');
    // Asked, then consent withdrawn: the question still stands, to answer or not.
    expect(checkInStage({ channel: null, sentAt: asked, answer: null })).toBe('asked');
    expect(checkInStage({ channel: 'PHONE', sentAt: asked, answer: 'NO' })).toBe('answered');
  });

  it('lets consent change until the question is asked, on a case that will be answered', () => {
    const waiting = { channel: 'SMS' as const, sentAt: null, answer: null };
    expect(mayChangeCheckInConsent('SUBMITTED', waiting)).toBe(true);
    expect(mayChangeCheckInConsent('REPLIED', waiting)).toBe(true);
    expect(mayChangeCheckInConsent('CLOSED', waiting)).toBe(true);
    expect(mayChangeCheckInConsent('REPLIED', { ...waiting, sentAt: asked })).toBe(false);
    for (const status of ['NOT_ACCEPTED', 'TRANSFERRED', 'WITHDRAWN'] as const)
      expect(mayChangeCheckInConsent(status, waiting)).toBe(false);
  });

  it('is answered once asked, and the answer changes until the case ends', () => {
    expect(canAnswerCheckIn({ channel: 'EMAIL', sentAt: null, answer: null }, false)).toBe(false);
    expect(canAnswerCheckIn({ channel: 'EMAIL', sentAt: asked, answer: null }, false)).toBe(true);
    expect(canAnswerCheckIn({ channel: 'EMAIL', sentAt: asked, answer: 'NO' }, false)).toBe(true);
    // A closed case may still get its first answer, but not a changed one.
    expect(canAnswerCheckIn({ channel: 'EMAIL', sentAt: asked, answer: null }, true)).toBe(true);
    expect(canAnswerCheckIn({ channel: 'EMAIL', sentAt: asked, answer: 'NO' }, true)).toBe(false);
  });

  it('flags "not solved" and "partly" for the supervisors, not "solved"', () => {
    expect(isUnsolved('NO')).toBe(true);
    expect(isUnsolved('PARTLY')).toBe(true);
    expect(isUnsolved('YES')).toBe(false);
  });
});
