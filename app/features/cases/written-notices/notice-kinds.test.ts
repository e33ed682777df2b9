import { describe, expect, it } from 'vitest';
import { isWrittenAnswer } from '#app/features/cases/events.ts';
import { NOTICE_EVENT, WRITTEN_NOTICE_KINDS, isDeliveryMethod, needsPaper, noticeKindOf } from './notice-kinds.ts';

describe('written notices', () => {
  it('each come from one kind of event, and every written answer has its notice', () => {
    const events = WRITTEN_NOTICE_KINDS.map((kind) => NOTICE_EVENT[kind]);
    expect(new Set(events).size).toBe(WRITTEN_NOTICE_KINDS.length);
    for (const kind of WRITTEN_NOTICE_KINDS) expect(noticeKindOf(NOTICE_EVENT[kind])).toBe(kind);
    for (const type of ['REPLY_PUBLISHED', 'REVIEW_ISSUED', 'RE_REVIEW_ISSUED'])
      expect(isWrittenAnswer(type) && noticeKindOf(type)).toBeTruthy();
    expect(noticeKindOf('NOTE')).toBeNull();
  });

  it('go on paper for someone who asked for post, or who gave neither an email address nor a phone', () => {
    const citizen = { preferredReplyChannel: 'ONLINE', email: 'li@example.com', phone: null, anonymous: false };
    expect(needsPaper(citizen)).toBe(false);
    expect(needsPaper({ ...citizen, preferredReplyChannel: 'POST' })).toBe(true);
    expect(needsPaper({ ...citizen, email: null })).toBe(true);
    expect(needsPaper({ ...citizen, email: null, phone: '13800000000' })).toBe(false);
    // An anonymous reporter has no address to post to: they read their notices on the track page.
    expect(needsPaper({ ...citizen, email: null, anonymous: true })).toBe(false);
    expect(needsPaper({ ...citizen, preferredReplyChannel: 'POST', contactErased: true })).toBe(false);
  });

  it('know the ways a notice is delivered', () => {
    expect(isDeliveryMethod('POST')).toBe(true);
    expect(isDeliveryMethod('PIGEON')).toBe(false);
  });
});
