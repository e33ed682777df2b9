import { describe, expect, it } from 'vitest';
import { jaccard, textSimilarity } from './similarity.ts';

describe('text similarity (Jaccard over character pairs and words)', () => {
  it('is the share of distinct tokens two texts have in common', () => {
    expect(jaccard(0, 0, 0)).toBe(0);
    expect(jaccard(2, 4, 4)).toBeCloseTo(2 / 6);
    expect(jaccard(3, 3, 3)).toBe(1);
  });

  it('is 1 for the same text and 0 for unrelated text', () => {
    expect(textSimilarity('拖欠农民工工资', '拖欠农民工工资')).toBe(1);
    expect(textSimilarity('拖欠农民工工资', '路灯不亮')).toBe(0);
  });

  it('rates letters about the same issue well above letters about different ones', () => {
    const a = '幸福小区的开发商拖欠维修基金，电梯坏了半年没人修';
    const b = '幸福小区电梯坏了半年，开发商拖欠维修基金不修';
    const c = '幸福小区门口的路灯不亮，晚上很黑';
    expect(textSimilarity(a, b)).toBeGreaterThan(0.3);
    expect(textSimilarity(a, c)).toBeLessThan(0.15);
  });

  it('ignores case, punctuation and full-width forms in other scripts', () => {
    expect(textSimilarity('Broken STREET lights!', 'broken street lights')).toBe(1);
    expect(textSimilarity('ＡＢＣ road', 'abc road')).toBe(1);
  });
});
