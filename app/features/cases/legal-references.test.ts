import { describe, expect, it } from 'vitest';
import { articleNumeral, chineseNumeral, LEGAL_REFERENCES_MAX, parseArticleNumber, parseLegalReferences } from './legal-references.ts';

describe('article numbers', () => {
  it('reads Chinese numerals as statutes write them, and digits', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['十', 10],
      ['十二', 12],
      ['三十', 30],
      ['三十二', 32],
      ['一百', 100],
      ['一百零五', 105],
      ['一百一十', 110],
      ['两千零一十', 2010],
      ['32', 32],
      ['３２', 32],
    ];
    for (const [text, value] of cases) expect([text, parseArticleNumber(text)]).toEqual([text, value]);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', '三三', '十百', '百十百', 'x1', '第三', '三十条'])
      expect([text, parseArticleNumber(text)]).toEqual([text, null]);
  });

  it('writes 1 to 9999 in Chinese numerals, and reads back what it writes', () => {
    expect([1, 10, 12, 20, 30, 101, 105, 110, 1000, 1001, 2010, 9999].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '三十',
      '一百零一',
      '一百零五',
      '一百一十',
      '一千',
      '一千零一',
      '二千零一十',
      '九千九百九十九',
    ]);
    for (let n = 1; n <= 9999; n++) expect(parseArticleNumber(chineseNumeral(n))).toBe(n);
  });

  it('cites in Chinese numerals for Chinese readers and digits for English ones', () => {
    expect([articleNumeral(32, 'zh-Hans'), articleNumeral(32, 'zh-Hant'), articleNumeral(32, 'en')]).toEqual(['三十二', '三十二', '32']);
  });
});

describe('the references a reply rests on, one a line', () => {
  it('reads the ways staff write them', () => {
    const parsed = parseLegalReferences(
      [
        '《中华人民共和国劳动合同法》第三十条',
        '',
        '  《信访工作条例》第32条第2款  ',
        '保障农民工工资支付条例 第十五条',
        'Labour Contract Law, art. 30(2)',
        'Regulations on Letters and Visits article 22',
        '《信访工作条例》第三十二条第二款',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      ok: true,
      references: [
        { law: '中华人民共和国劳动合同法', article: 30, paragraph: null },
        { law: '信访工作条例', article: 32, paragraph: 2 },
        { law: '保障农民工工资支付条例', article: 15, paragraph: null },
        { law: 'Labour Contract Law', article: 30, paragraph: 2 },
        { law: 'Regulations on Letters and Visits', article: 22, paragraph: null },
      ],
    });
  });

  it('takes nothing typed as no references', () => {
    expect(parseLegalReferences('  \n\n')).toEqual({ ok: true, references: [] });
  });

  it('names the first line it cannot read', () => {
    expect(parseLegalReferences('《劳动合同法》第三十条\n劳动合同法')).toEqual({ ok: false, code: 'format', line: 2 });
    expect(parseLegalReferences('《劳动合同法》第零条')).toEqual({ ok: false, code: 'format', line: 1 });
    expect(parseLegalReferences('《》第三条')).toEqual({ ok: false, code: 'format', line: 1 });
  });

  it(`keeps at most ${LEGAL_REFERENCES_MAX}, and law names of a sensible length`, () => {
    const many = Array.from({ length: LEGAL_REFERENCES_MAX + 1 }, (_, i) => `《信访工作条例》第${i + 1}条`).join('\n');
    expect(parseLegalReferences(many)).toEqual({ ok: false, code: 'tooMany', line: LEGAL_REFERENCES_MAX + 1 });
    expect(parseLegalReferences(`《${'法'.repeat(101)}》第一条`)).toEqual({ ok: false, code: 'lawTooLong', line: 1 });
  });
});
