import { describe, expect, it } from 'vitest';
import { DECLINE_REASONS, declineMessage, needsDetail, STANDARD_DECLINE_REASONS } from './decline-reasons.ts';

describe('decline reasons', () => {
  it('need staff’s own words only for missing information and "other"', () => {
    expect(DECLINE_REASONS.filter(needsDetail)).toEqual(['INSUFFICIENT_INFORMATION', 'OTHER']);
    expect(STANDARD_DECLINE_REASONS).toEqual(DECLINE_REASONS.filter((reason) => !needsDetail(reason)));
  });

  it('tell the citizen the reason, staff’s words, then where to go instead, leaving out what is empty', () => {
    expect(declineMessage({ reason: '缺少的信息：', detail: '欠薪的时间和金额', referral: '请补充后重新提出。' })).toBe(
      '缺少的信息：\n\n欠薪的时间和金额\n\n请补充后重新提出。',
    );
    expect(declineMessage({ reason: '不属于本机关职权范围。', detail: ' ', referral: '请向有权机关提出。' })).toBe(
      '不属于本机关职权范围。\n\n请向有权机关提出。',
    );
  });
});
