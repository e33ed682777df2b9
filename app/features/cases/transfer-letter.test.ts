import { describe, expect, it } from 'vitest';
import { letterTexts, spansToUnmask, unmaskedKeys, type LetterPiece } from './transfer-letter.ts';

// 11010519491231002X is GB 11643's own example; with another last digit the check fails.
const VALID_ID = '11010519491231002X';
const WRONG_CHECK = '110105194912310021';

const KNOWN = { name: '张建国', phone: '13912345678', email: 'zhang.jg@example.com', postalAddress: null };

/** A text as the printed letter shows it: masks as [kind], unmasked spans as written. */
const printed = (pieces: LetterPiece[]) =>
  pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'shown' ? p.text : `[${p.span}]`)).join('');

describe('the transfer letter', () => {
  const texts = {
    subject: '张建国反映工资拖欠',
    body: `我是张建国，身份证${VALID_ID}，电话139-1234-5678，邮箱 zhang.jg@example.com。欠条编号${WRONG_CHECK}，住在建设路12号3栋401室。`,
  };

  it('masks the name, phone, email, valid ID number and address, and leaves a number with a wrong check digit alone', () => {
    const { pieces, spans } = letterTexts(texts, KNOWN, new Set());
    expect(printed(pieces.subject)).toBe('[name]反映工资拖欠');
    expect(printed(pieces.body)).toBe(`我是[name]，身份证[idNumber]，电话[phone]，邮箱 [email]。欠条编号${WRONG_CHECK}，住在[address]。`);
    expect(spans.map((s) => [s.field, s.kind, s.text])).toEqual([
      ['subject', 'name', '张建国'],
      ['body', 'name', '张建国'],
      ['body', 'idNumber', VALID_ID],
      ['body', 'phone', '139-1234-5678'],
      ['body', 'email', 'zhang.jg@example.com'],
      ['body', 'address', '建设路12号3栋401室'],
    ]);
    expect(spans[0]!.key).toBe('subject:0-3');
    expect(spans[1]!.key).toBe('body:2-5');
  });

  it('shows the spans staff unmasked, and only those', () => {
    const { spans } = letterTexts(texts, KNOWN, new Set());
    const phone = spans.find((s) => s.kind === 'phone')!;
    const { pieces } = letterTexts(texts, KNOWN, new Set([phone.key]));
    expect(printed(pieces.body)).toContain('电话139-1234-5678，邮箱 [email]');
    expect(printed(pieces.subject)).toBe('[name]反映工资拖欠');
  });

  it('reads the unmasked keys from the events, ignoring a record of another shape', () => {
    const keys = unmaskedKeys([
      { spans: [{ key: 'body:2-5', kind: 'name' }], reason: '受理机关需联系本人' },
      { spans: [{ key: 'body:9-20', kind: 'secret' }], reason: 'x' },
      null,
    ]);
    expect([...keys]).toEqual(['body:2-5']);
  });

  it('unmasks only spans of the letter that are still masked, and refuses a key the letter does not have', () => {
    const { spans } = letterTexts(texts, KNOWN, new Set());
    const [name, , id] = [spans[0]!, spans[1]!, spans[2]!];
    expect(spansToUnmask([id.key, name.key, id.key], spans, new Set([name.key]))).toEqual({ unknown: false, fresh: [id] });
    expect(spansToUnmask([name.key], spans, new Set([name.key]))).toEqual({ unknown: false, fresh: [] });
    expect(spansToUnmask(['body:0-1'], spans, new Set())).toEqual({ unknown: true });
  });
});
