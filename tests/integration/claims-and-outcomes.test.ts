// Itemised claims (逐条确认诉求) and structured decisions (arts. 21, 29, 32): claims listed when a
// case is accepted and editable until the reply; a reply that answers every claim with an outcome
// of the case's class, its reasons and its legal basis; standard reasons to decline, told to the
// citizen in their own language. Through the case page's action, as a browser posts it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { citizenCasePage } from '#app/features/cases/lookup.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { caseStatistics } from '#app/features/statistics/statistics.server.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import * as caseRoute from '#app/routes/office+/cases.$caseId.tsx';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';
import type { Submission } from '#app/features/cases/submission.ts';

async function newCase(overrides: Partial<Submission> = {}, locale: 'zh-Hans' | 'en' = 'zh-Hans') {
  const receipt = await submitCase(await validSubmission(overrides), { idempotencyKey: newIdempotencyKey(), locale });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

async function signedIn(role: 'CLERK' | 'HANDLER' | 'SUPERVISOR' | 'ANALYST') {
  const staff = await staffUser(role, role === 'HANDLER' ? 'human-resources' : undefined);
  return { ...staff, token: await sessionToken(staff.user.id) };
}

/** Posts one form of the case page; the answer's status and, for a refusal, its field codes. */
async function postForm(caseId: string, token: string, fields: Record<string, string>) {
  const version = (await db().case.findUniqueOrThrow({ where: { id: caseId } })).version;
  let result: unknown;
  try {
    result = await caseRoute.action({
      request: officeRequest(`/office/cases/${caseId}`, token, { method: 'POST', body: formData({ version: String(version), ...fields }) }),
      params: { caseId },
      context: loadContext,
    });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, errors: {} };
  const answer = z
    .object({ data: z.object({ errors: z.record(z.string(), z.string()).optional() }), init: z.object({ status: z.number() }).nullable() })
    .parse(result);
  return { status: answer.init?.status ?? 200, errors: answer.data.errors ?? {} };
}

const claimsOf = async (caseId: string) =>
  await db().caseClaim.findMany({
    where: { caseId },
    orderBy: { position: 'asc' },
    select: { position: true, text: true, outcome: true, reasons: true },
  });

describe('claims', () => {
  it('are listed when the case is accepted, numbered, and the citizen sees the list', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase();
    expect(await postForm(c.id, clerk.token, { intent: 'accept', claims: '1. 补发拖欠的三个月工资\n\n2、支付加班费' })).toMatchObject({
      status: 303,
    });
    expect(await claimsOf(c.id)).toEqual([
      { position: 1, text: '补发拖欠的三个月工资', outcome: null, reasons: null },
      { position: 2, text: '支付加班费', outcome: null, reasons: null },
    ]);
    const accepted = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'ACCEPTED' } });
    expect(accepted).toMatchObject({ visibility: 'PUBLIC', message: '1. 补发拖欠的三个月工资\n2. 支付加班费' });
    expect(accepted.data).toMatchObject({ claims: ['补发拖欠的三个月工资', '支付加班费'] });
  });

  it('must number at least one and at most ten; nothing changes when refused', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase();
    expect(await postForm(c.id, clerk.token, { intent: 'accept', claims: ' \n ' })).toEqual({
      status: 422,
      errors: { claims: 'claimsRequired' },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `诉求${i + 1}`).join('\n');
    expect(await postForm(c.id, clerk.token, { intent: 'accept', claims: eleven })).toEqual({
      status: 422,
      errors: { claims: 'tooManyClaims' },
    });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('SUBMITTED');
    expect(await claimsOf(c.id)).toEqual([]);
  });

  it('take the letter’s subject when the acceptance lists none (a bulk acceptance)', async () => {
    const clerk = await staffUser('CLERK');
    const c = await newCase({ subject: '小区电梯长期停运' });
    await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept' });
    expect((await claimsOf(c.id)).map((claim) => claim.text)).toEqual(['小区电梯长期停运']);
  });

  it('can be edited by the handler until the reply, each change a public event with the list before', async () => {
    const clerk = await staffUser('CLERK');
    const handler = await signedIn('HANDLER');
    const c = await newCase();
    await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['补发工资'] });
    expect(await postForm(c.id, handler.token, { intent: 'setClaims', claims: '补发工资' })).toEqual({
      status: 422,
      errors: { claims: 'claimsUnchanged' },
    });
    expect(await postForm(c.id, handler.token, { intent: 'setClaims', claims: '补发工资\n退还押金' })).toMatchObject({ status: 303 });
    expect((await claimsOf(c.id)).map((claim) => claim.text)).toEqual(['补发工资', '退还押金']);
    const set = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'CLAIMS_SET' } });
    expect(set).toMatchObject({ visibility: 'PUBLIC', message: '1. 补发工资\n2. 退还押金' });
    expect(set.data).toEqual({ before: ['补发工资'], claims: ['补发工资', '退还押金'] });
  });

  it('are never edited by a role that does not handle cases, and not after the reply', async () => {
    const clerk = await staffUser('CLERK');
    const analyst = await staffUser('ANALYST');
    const c = await newCase();
    const { version } = await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['补发工资'] }).then((o) => {
      if (!o.ok) throw new Error('not accepted');
      return o;
    });
    // An analyst never opens a case at all: to them it is not there.
    await expect(performCaseAction(analyst.actor, c.id, version, { action: 'setClaims', claims: ['另一项'] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const supervisor = await staffUser('SUPERVISOR');
    const replied = await performCaseAction(supervisor.actor, c.id, version, {
      action: 'reply',
      message: '已责成企业支付。',
      legalBasis: '《劳动合同法》第三十条',
      legalReferences: '',
      answers: [{ position: 1, outcome: 'UPHELD', reasons: '经核实拖欠属实。' }],
    });
    expect(replied.ok).toBe(true);
    const after = await performCaseAction(supervisor.actor, c.id, version + 1, { action: 'setClaims', claims: ['另一项'] });
    expect(after).toMatchObject({ ok: false, status: 422, formError: 'notAllowedNow' });
  });
});

describe('the written reply', () => {
  async function acceptedWithTwoClaims(overrides: Partial<Submission> = {}) {
    const clerk = await staffUser('CLERK');
    const c = await newCase(overrides);
    await performCaseAction(clerk.actor, c.id, c.version, { action: 'accept', claims: ['补发拖欠的工资', '支付加班费'] });
    return c;
  }

  it('is not published until every claim has an outcome of the case’s class and its reasons', async () => {
    const supervisor = await signedIn('SUPERVISOR');
    const c = await acceptedWithTwoClaims();
    const partial = await postForm(c.id, supervisor.token, {
      intent: 'reply',
      claimOutcome1: 'UPHELD',
      claimReasons1: '经核实，拖欠属实。',
      claimOutcome2: 'ADOPTED',
      legalBasis: '《劳动合同法》第三十条',
      message: '已责成企业支付。',
    });
    expect(partial).toEqual({ status: 422, errors: { claimOutcome2: 'outcomeRequired', claimReasons2: 'reasonsRequired' } });
    const noBasis = await postForm(c.id, supervisor.token, {
      intent: 'reply',
      claimOutcome1: 'UPHELD',
      claimReasons1: '经核实，拖欠属实。',
      claimOutcome2: 'NOT_UPHELD',
      claimReasons2: '考勤记录无加班。',
      message: '已责成企业支付。',
    });
    expect(noBasis).toEqual({ status: 422, errors: { legalBasis: 'legalBasisRequired' } });
    const unreadable = await postForm(c.id, supervisor.token, {
      intent: 'reply',
      claimOutcome1: 'UPHELD',
      claimReasons1: '经核实，拖欠属实。',
      claimOutcome2: 'NOT_UPHELD',
      claimReasons2: '考勤记录无加班。',
      legalBasis: '《劳动合同法》第三十条',
      legalReferences: '《劳动合同法》第三十条\n劳动合同法三十',
      message: '已责成企业支付。',
    });
    expect(unreadable).toEqual({ status: 422, errors: { legalReferences: 'legalReferencesFormat' } });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.repliedAt]).toEqual(['ACCEPTED', null]);
    expect((await claimsOf(c.id)).map((claim) => claim.outcome)).toEqual([null, null]);
  });

  it('answers each claim, and the citizen’s track page shows the checklist and the basis', async () => {
    const supervisor = await signedIn('SUPERVISOR');
    const c = await acceptedWithTwoClaims();
    const done = await postForm(c.id, supervisor.token, {
      intent: 'reply',
      claimOutcome1: 'UPHELD',
      claimReasons1: '经核实，拖欠属实，企业已承诺月底前支付。',
      claimOutcome2: 'NOT_UPHELD',
      claimReasons2: '考勤记录显示没有加班。',
      legalBasis: '《劳动合同法》第三十条；《工资支付暂行规定》第十八条',
      legalReferences: '《劳动合同法》第30条\n\n  《工资支付暂行规定》第十八条第二款 ',
      message: '经调查，现答复如下。',
    });
    expect(done.status).toBe(303);
    expect(await claimsOf(c.id)).toEqual([
      { position: 1, text: '补发拖欠的工资', outcome: 'UPHELD', reasons: '经核实，拖欠属实，企业已承诺月底前支付。' },
      { position: 2, text: '支付加班费', outcome: 'NOT_UPHELD', reasons: '考勤记录显示没有加班。' },
    ]);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.status).toBe('REPLIED');
    expect(row.legalBasis).toBe('《劳动合同法》第三十条；《工资支付暂行规定》第十八条');
    const references = [
      { law: '劳动合同法', article: 30, paragraph: null },
      { law: '工资支付暂行规定', article: 18, paragraph: 2 },
    ];
    expect(row.legalReferences).toEqual(references);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'REPLY_PUBLISHED' } });
    expect(event.data).toMatchObject({
      answers: [
        { position: 1, outcome: 'UPHELD' },
        { position: 2, outcome: 'NOT_UPHELD' },
      ],
      legalReferences: references,
    });
    const page = await citizenCasePage(c.id, 'zh-Hans');
    expect(page?.answers).toEqual({
      claims: [
        { position: 1, text: '补发拖欠的工资', outcome: 'UPHELD', reasons: '经核实，拖欠属实，企业已承诺月底前支付。' },
        { position: 2, text: '支付加班费', outcome: 'NOT_UPHELD', reasons: '考勤记录显示没有加班。' },
      ],
      legalBasis: '《劳动合同法》第三十条；《工资支付暂行规定》第十八条',
      legalReferences: references,
    });
  });

  it('gives a suggestion 采纳-class outcomes, and an inquiry’s answer needs no legal basis', async () => {
    const supervisor = await signedIn('SUPERVISOR');
    const suggestion = await acceptedWithTwoClaims({ kind: 'SUGGESTION' });
    const wrongClass = await postForm(suggestion.id, supervisor.token, {
      intent: 'reply',
      claimOutcome1: 'UPHELD',
      claimReasons1: '理由',
      claimOutcome2: 'ADOPTED',
      claimReasons2: '理由',
      legalBasis: '依据',
      message: '答复',
    });
    expect(wrongClass).toEqual({ status: 422, errors: { claimOutcome1: 'outcomeRequired' } });

    const clerk = await staffUser('CLERK');
    const inquiry = await newCase({ kind: 'INQUIRY', subject: '社保转移需要哪些材料' });
    await performCaseAction(clerk.actor, inquiry.id, inquiry.version, { action: 'accept' });
    const answered = await postForm(inquiry.id, supervisor.token, {
      intent: 'reply',
      claimOutcome1: 'ANSWERED',
      claimReasons1: '需要身份证和参保缴费凭证。',
      message: '您好，现答复如下。',
    });
    expect(answered.status).toBe(303);
    expect((await db().case.findUniqueOrThrow({ where: { id: inquiry.id } })).legalBasis).toBeNull();
  });
});

describe('declining', () => {
  it('tells the citizen the standard reason and where to go instead, in their own language', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase({}, 'en');
    expect(await postForm(c.id, clerk.token, { intent: 'decline', reason: 'ARBITRATION', detail: '', referral: '' })).toMatchObject({
      status: 303,
    });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.declineReason]).toEqual(['NOT_ACCEPTED', 'ARBITRATION']);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'DECLINED' } });
    expect(event.message).toBe(
      'Your request concerns a dispute that is resolved by arbitration (art. 31).\n\n' +
        'Please apply to the labour and personnel dispute arbitration committee, or the arbitration body named in your contract.',
    );
    expect(event.data).toMatchObject({ reason: 'ARBITRATION', detail: '' });
  });

  it('needs staff’s words for missing information, and keeps a referral staff wrote', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase();
    expect(await postForm(c.id, clerk.token, { intent: 'decline', reason: 'INSUFFICIENT_INFORMATION', detail: ' ' })).toEqual({
      status: 422,
      errors: { detail: 'detailRequired' },
    });
    expect(await postForm(c.id, clerk.token, { intent: 'decline', reason: 'SHRUG' })).toEqual({
      status: 422,
      errors: { reason: 'declineReasonRequired' },
    });
    const done = await postForm(c.id, clerk.token, {
      intent: 'decline',
      reason: 'INSUFFICIENT_INFORMATION',
      detail: '欠薪的起止时间和金额',
      referral: '请补充后通过本网站重新提交。',
    });
    expect(done.status).toBe(303);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'DECLINED' } });
    expect(event.message).toBe(
      '您的来信缺少办理所需的信息，暂无法受理（第21条）。缺少的信息：\n\n欠薪的起止时间和金额\n\n请补充后通过本网站重新提交。',
    );
  });
});

describe('the statistics', () => {
  it('count answered claims by outcome and declined cases by reason', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const count = async () => {
      const s = await caseStatistics('en');
      const of = <K extends string>(rows: { key: K; count: number }[], key: K) => rows.find((row) => row.key === key)?.count;
      return { explained: of(s.byClaimOutcome, 'EXPLAINED'), elsewhere: of(s.byDeclineReason, 'HANDLED_ELSEWHERE') };
    };
    const before = await count();
    const answered = await newCase();
    const accepted = await performCaseAction(supervisor.actor, answered.id, answered.version, { action: 'accept', claims: ['一', '二'] });
    await performCaseAction(supervisor.actor, answered.id, accepted.ok ? accepted.version : -1, {
      action: 'reply',
      message: '答复',
      legalBasis: '依据',
      legalReferences: '',
      answers: [
        { position: 1, outcome: 'EXPLAINED', reasons: '合理但无依据' },
        { position: 2, outcome: 'EXPLAINED', reasons: '同上' },
      ],
    });
    const declined = await newCase();
    await performCaseAction(supervisor.actor, declined.id, declined.version, {
      action: 'decline',
      reason: 'HANDLED_ELSEWHERE',
      detail: '',
      referral: '',
    });
    const after = await count();
    expect(after.explained).toBe((before.explained ?? 0) + 2);
    expect(after.elsewhere).toBe((before.elsewhere ?? 0) + 1);
  });
});
