import { describe, expect, it } from 'vitest';
import { MAX_WORD_BYTES, documentTokens, searchQuery, tsvectorLiteral } from './search-tokens.ts';

describe('documentTokens', () => {
  it('turns runs of Han characters into overlapping pairs', () => {
    expect(documentTokens('拖欠工资')).toEqual(['拖欠', '欠工', '工资']);
  });
  it('keeps a lone Han character, lower-cases other words and drops punctuation', () => {
    expect(documentTokens('欠，Wages 2026年!')).toEqual(['欠', 'wages', '2026', '年']);
  });
  it('normalises full-width letters and digits', () => {
    expect(documentTokens('ＡＢＣ１２３')).toEqual(['abc123']);
  });
  it('handles Traditional characters the same way', () => {
    expect(documentTokens('拖欠薪資')).toEqual(['拖欠', '欠薪', '薪資']);
  });
});

describe('searchQuery', () => {
  it('makes a Chinese word a phrase of its pairs', () => {
    expect(searchQuery('拖欠工资')).toBe("('拖欠' <-> '欠工' <-> '工资')");
    expect(searchQuery('欠薪')).toBe("('欠薪')");
  });
  it('requires every word, and keeps quoted phrases together', () => {
    expect(searchQuery('broken "street lights"')).toBe("('broken') & ('street' <-> 'lights')");
  });
  it('matches a single Han character as a prefix', () => {
    expect(searchQuery('欠')).toBe("('欠':*)");
  });
  it('returns null when nothing is searchable, and never passes syntax through', () => {
    expect(searchQuery('  & | ! ')).toBeNull();
    expect(searchQuery("o'brien")).toBe("('o' <-> 'brien')");
  });
});

describe('tsvectorLiteral', () => {
  it('lists each token with its positions', () => {
    expect(tsvectorLiteral(['工资', '拖欠', '工资'])).toBe("'工资':1,3 '拖欠':2");
  });
  it('stops at the last position PostgreSQL allows', () => {
    const literal = tsvectorLiteral(Array.from({ length: 20_000 }, (_, i) => `w${i}`));
    expect(literal.split(' ')).toHaveLength(16_383);
  });
});

describe('very long words', () => {
  it('are cut to their first bytes in documents and queries alike, so PostgreSQL takes them and they still match', () => {
    // A pasted block of base64: one "word" of 2,800 bytes.
    const blob = 'QUJDRA'.repeat(700);
    const tokens = documentTokens(`附件内容 ${blob} 请查看`);
    const long = tokens.find((token) => token.startsWith('qujdra')) ?? '';
    expect(new TextEncoder().encode(long).length).toBe(MAX_WORD_BYTES);
    expect(searchQuery(blob)).toBe(`('${long}')`);
    expect(tsvectorLiteral(tokens)).toContain(`'${long}':`);
    // Multi-byte letters are cut on a character boundary.
    const accented = 'é'.repeat(3000);
    const [cut] = documentTokens(accented);
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(MAX_WORD_BYTES);
    expect(cut).toBe('é'.repeat(MAX_WORD_BYTES / 2));
  });
});
