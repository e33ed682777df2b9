// CSV for spreadsheet downloads: RFC 4180 quoting, a byte-order mark, and no formulas.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csv', () => {
  it('leaves plain cells alone and quotes those with commas, quotes, line breaks or edge spaces', () => {
    expect(csvCell('劳动工资与欠薪')).toBe('劳动工资与欠薪');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('writes numbers as digits and nothing for null or non-finite numbers', () => {
    expect(csvCell(1234567)).toBe('1234567');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('keeps text that looks like a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+86 10')).toBe("'+86 10");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
  });

  it('joins rows with CRLF after a UTF-8 byte-order mark', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('\uFEFFa,1\r\n"b,c",\r\n');
  });
});
