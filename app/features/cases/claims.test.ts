import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  CLAIM_ANSWER_FIELDS,
  CLAIM_MAX_LENGTH,
  CLAIM_OUTCOMES,
  claimsAsText,
  claimsFromText,
  claimsProblem,
  MAX_CLAIMS,
  needsLegalBasis,
  OUTCOME_CLASSES,
  outcomeClassOf,
  outcomesFor,
} from './claims.ts';
import { CASE_KINDS } from './kinds.ts';

describe('claimsFromText', () => {
  it('takes one claim per line, without the numbers a clerk typed or blank lines', () => {
    expect(claimsFromText('1. 补发三个月工资\n\n2、赔偿加班费\r\n（3）出具解除劳动合同证明\n4) 退还押金\n  (5) 开具证明  ')).toEqual([
      '补发三个月工资',
      '赔偿加班费',
      '出具解除劳动合同证明',
      '退还押金',
      '开具证明',
    ]);
  });

  it('keeps numbers that belong to the claim', () => {
    expect(claimsFromText('2024年工资\n300元押金')).toEqual(['2024年工资', '300元押金']);
  });

  it('reads back what claimsAsText wrote', () => {
    const claims = ['Pay the wages owed', 'Refund the deposit'];
    expect(claimsFromText(claimsAsText(claims))).toEqual(claims);
  });
});

describe('claimsProblem', () => {
  it('needs at least one claim', () => {
    expect(claimsProblem([])).toBe('claimsRequired');
  });

  it('allows up to MAX_CLAIMS, each up to CLAIM_MAX_LENGTH characters', () => {
    expect(claimsProblem(Array.from({ length: MAX_CLAIMS }, (_, i) => `诉求${i}`))).toBeNull();
    expect(claimsProblem(Array.from({ length: MAX_CLAIMS + 1 }, (_, i) => `诉求${i}`))).toBe('tooManyClaims');
    expect(claimsProblem(['字'.repeat(CLAIM_MAX_LENGTH)])).toBeNull();
    expect(claimsProblem(['字'.repeat(CLAIM_MAX_LENGTH + 1)])).toBe('claimTooLong');
  });
});

describe('outcomes by the statute’s class', () => {
  it('gives complaints and requests 支持 / 解释说明 / 不予支持 (art. 32)', () => {
    expect(outcomesFor('COMPLAINT')).toEqual(['UPHELD', 'EXPLAINED', 'NOT_UPHELD']);
    expect(outcomesFor('HELP_REQUEST')).toEqual(['UPHELD', 'EXPLAINED', 'NOT_UPHELD']);
  });

  it('gives suggestions and opinions 采纳 / 部分采纳 / 不采纳 (art. 29)', () => {
    expect(outcomesFor('SUGGESTION')).toEqual(['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED']);
    expect(outcomesFor('OPINION')).toEqual(['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED']);
  });

  it('gives reports of misconduct 查实 / 部分查实 / 未查实, and inquiries 已解答', () => {
    expect(outcomesFor('MISCONDUCT_REPORT')).toEqual(['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED']);
    expect(outcomesFor('INQUIRY')).toEqual(['ANSWERED']);
  });

  it('puts every outcome in exactly one class, and every kind in a class', () => {
    const seen = CASE_KINDS.flatMap((kind) => outcomesFor(kind));
    expect(new Set(seen)).toEqual(new Set(CLAIM_OUTCOMES));
    expect(new Set(CASE_KINDS.map(outcomeClassOf))).toEqual(new Set(OUTCOME_CLASSES));
  });

  it('asks every written opinion but an inquiry’s answer for its legal basis', () => {
    expect(CASE_KINDS.filter((kind) => !needsLegalBasis(kind))).toEqual(['INQUIRY']);
  });
});

describe('answerProblems', () => {
  it('accepts an outcome of the case’s class and reasons for every claim', () => {
    expect(
      answerProblems(
        'COMPLAINT',
        [1, 2],
        [
          { position: 1, outcome: 'UPHELD', reasons: '工资已核实拖欠。' },
          { position: 2, outcome: 'NOT_UPHELD', reasons: '加班无记录。' },
        ],
      ),
    ).toEqual({});
  });

  it('names each claim left without an outcome or reasons', () => {
    expect(answerProblems('COMPLAINT', [1, 2, 3], [{ position: 1, outcome: 'UPHELD', reasons: '  ' }])).toEqual({
      claimReasons1: 'reasonsRequired',
      claimOutcome2: 'outcomeRequired',
      claimReasons2: 'reasonsRequired',
      claimOutcome3: 'outcomeRequired',
      claimReasons3: 'reasonsRequired',
    });
  });

  it('refuses an outcome of another class', () => {
    expect(answerProblems('SUGGESTION', [1], [{ position: 1, outcome: 'UPHELD', reasons: '理由' }])).toEqual({
      claimOutcome1: 'outcomeRequired',
    });
  });

  it('ignores answers to claims the case does not have', () => {
    expect(
      answerProblems(
        'INQUIRY',
        [1],
        [
          { position: 1, outcome: 'ANSWERED', reasons: '已电话解答。' },
          { position: 7, outcome: null, reasons: '' },
        ],
      ),
    ).toEqual({});
  });

  it('has a field for each answer of each claim, in the form’s order', () => {
    expect(CLAIM_ANSWER_FIELDS.slice(0, 4)).toEqual(['claimOutcome1', 'claimReasons1', 'claimOutcome2', 'claimReasons2']);
    expect(CLAIM_ANSWER_FIELDS).toHaveLength(MAX_CLAIMS * 2);
  });
});
