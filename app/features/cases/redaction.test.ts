import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidIdNumber, redact, redactionPieces, spanKey, type SpanKind } from './redaction.ts';

const label = (kind: SpanKind) => `[${kind}]`;
const masked = (text: string, known = {}) => redact(text, findPersonalData(text, known), label);

// 11010519491231002X is the standard's own example; changing its last character breaks the check.
const VALID_ID = '11010519491231002X';
const WRONG_CHECK = '110105194912310021';

describe('ID card numbers', () => {
  it('checks the check character (GB 11643)', () => {
    expect(isValidIdNumber(VALID_ID)).toBe(true);
    expect(isValidIdNumber(VALID_ID.toLowerCase())).toBe(true);
    expect(isValidIdNumber(WRONG_CHECK)).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });

  it('masks a valid number and leaves an 18-digit number with a wrong check digit alone', () => {
    expect(masked(`身份证号${VALID_ID}，合同编号${WRONG_CHECK}`)).toBe(`身份证号[idNumber]，合同编号${WRONG_CHECK}`);
    // Nor is a run inside a longer number taken for one.
    expect(masked(`订单号9${VALID_ID}`)).toBe(`订单号9${VALID_ID}`);
  });
});

describe('contact details', () => {
  it('masks the name, phone, email and address the case holds, wherever they appear', () => {
    const text = '我叫王小明，电话138 1234 5678，邮箱 Wang.Xiaoming@Example.com，住北京市海淀区中关村大街1号。王小明';
    expect(
      masked(text, {
        name: '王小明',
        phone: '13812345678',
        email: 'wang.xiaoming@example.com',
        postalAddress: '北京市海淀区中关村大街1号',
      }),
    ).toBe('我叫[name]，电话[phone]，邮箱 [email]，住[address]。[name]');
  });

  it('finds phone numbers, emails and street addresses by pattern', () => {
    expect(masked('请拨打13912345678或010-62345678联系我')).toBe('请拨打[phone]或[phone]联系我');
    expect(masked('+86 139-1234-5678')).toBe('[phone]');
    expect(masked('write to li.lei@example.org today')).toBe('write to [email] today');
    expect(masked('我住在建设路12号3栋401室，楼下')).toBe('我住在[address]，楼下');
    expect(masked('阳光小区5号楼2单元301室')).toBe('[address]');
    expect(masked('I live at 12 Main Street.')).toBe('I live at [address]');
  });

  it('leaves ordinary text and numbers alone', () => {
    const text = '拖欠工资三个月，共计12000元，2026年11月起。Case 42 of 2026.';
    expect(findPersonalData(text)).toEqual([]);
    // A one-character name would mask every use of the character.
    expect(masked('王先生说', { name: '王' })).toBe('王先生说');
  });
});

describe('unmasking and showing', () => {
  it('leaves an unmasked span in place, and shows which spans were masked', () => {
    const text = '电话13812345678，邮箱a@b.cn';
    const spans = findPersonalData(text);
    expect(spans.map((s) => s.kind)).toEqual(['phone', 'email']);
    expect(redact(text, spans, label, new Set([spanKey(spans[0]!)]))).toBe('电话13812345678，邮箱[email]');
    expect(
      redactionPieces(text, spans)
        .map((p) => (p.kind === 'masked' ? `<${p.text}>` : p.text))
        .join(''),
    ).toBe('电话<13812345678>，邮箱<a@b.cn>');
  });
});
