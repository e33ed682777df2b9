// Art. 33 against real PostgreSQL: a request or complaint that ends in a mediation or settlement
// agreement instead of a decision, with the other party, the terms and both parties' consent; its
// written agreement for the citizen, who keeps the 30 days to ask for review; and what is refused.
import { describe, expect, it } from 'vitest';
import { citizenCasePage } from '#app/features/cases/lookup.server.ts';
import { performCaseAction, type ActionInput } from '#app/features/cases/staff-actions.server.ts';
import { citizenNoticePage, noticesOf } from '#app/features/cases/written-notices/notices.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { staffUser } from '../support/fixtures.ts';
import { isolatedCase } from '../support/notifications.ts';
import type { Submission } from '#app/features/cases/submission.ts';

const TERMS = '用人单位于2026年12月15日前一次性支付拖欠工资三万元。\n\n信访人收到款项后不再就此事项提出请求。';

const agreement = (overrides: Partial<Extract<ActionInput, { action: 'settle' }>> = {}): ActionInput => ({
  action: 'settle',
  agreement: 'MEDIATION',
  party: '某建筑公司',
  terms: TERMS,
  citizenConsent: true,
  partyConsent: true,
  ...overrides,
});

async function acceptedCase(overrides: Partial<Submission> = {}) {
  const supervisor = await staffUser('SUPERVISOR');
  const { row } = await isolatedCase({ overrides });
  const accepted = await performCaseAction(supervisor.actor, row.id, row.version, { action: 'accept' });
  if (!accepted.ok) throw new Error('not accepted');
  return { supervisor, id: row.id, version: accepted.version };
}

describe('a mediation agreement (art. 33)', () => {
  it('ends the case as its written answer, with its own written agreement and the review window', async () => {
    const { supervisor, id, version } = await acceptedCase();
    const outcome = await performCaseAction(supervisor.actor, id, version, agreement());
    expect(outcome.ok).toBe(true);
    const c = await db().case.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ status: 'REPLIED', agreementKind: 'MEDIATION', agreementParty: '某建筑公司' });
    expect(c.repliedAt).not.toBeNull();
    expect(c.reviewRequestDueAt!.getTime()).toBeGreaterThan(c.repliedAt!.getTime() + 29 * 86_400_000);
    expect(await db().caseEvent.findMany({ where: { caseId: id, type: 'MEDIATED' } })).toMatchObject([
      { visibility: 'PUBLIC', actorType: 'STAFF', message: TERMS, data: { agreement: 'MEDIATION', party: '某建筑公司' } },
    ]);
    // The citizen is told, and reads the terms as the answer, with the review window open.
    expect(await db().outboxMessage.count({ where: { caseId: id, template: 'case.replied' } })).toBe(1);
    const page = await citizenCasePage(id, 'zh-Hans');
    expect(page?.view.reply?.message).toBe(TERMS);
    expect(page?.followUp.review).toBe('review');
    expect(page?.clock.find((step) => step.kind === 'reply')?.state).toBe('met');
    // The written agreement (调解协议书): the parties, the terms, both consents, the right to review.
    expect((await noticesOf(id)).map((notice) => notice.kind)).toContain('mediation');
    const { document } = await citizenNoticePage(id, 'mediation');
    expect(document.title).toBe('调解协议书');
    const words = JSON.stringify(document.sections);
    expect(words).toContain('某建筑公司');
    expect(words).toContain('一次性支付拖欠工资三万元');
    expect(words).toContain('经双方当事人同意');
    expect(document.nextSteps.join(' ')).toContain('复查');
    expect(document.nextSteps.join(' ')).toContain('33');
  });

  it('a settlement is recorded the same way, as SETTLED with its 和解协议书', async () => {
    const { supervisor, id, version } = await acceptedCase();
    expect((await performCaseAction(supervisor.actor, id, version, agreement({ agreement: 'SETTLEMENT' }))).ok).toBe(true);
    expect(await db().caseEvent.count({ where: { caseId: id, type: 'SETTLED' } })).toBe(1);
    expect((await citizenNoticePage(id, 'settlement')).document.title).toBe('和解协议书');
  });
});

describe('refused', () => {
  it('without both consents, the other party or the terms: every problem at once, nothing changed', async () => {
    const { supervisor, id, version } = await acceptedCase();
    const outcome = await performCaseAction(
      supervisor.actor,
      id,
      version,
      agreement({ agreement: 'ARBITRATION', party: ' ', terms: '', citizenConsent: false, partyConsent: false }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      errors: {
        agreement: 'agreementRequired',
        party: 'partyRequired',
        terms: 'termsRequired',
        citizenConsent: 'consentRequired',
        partyConsent: 'consentRequired',
      },
    });
    const one = await performCaseAction(supervisor.actor, id, version, agreement({ partyConsent: false }));
    expect(one).toMatchObject({ ok: false, errors: { partyConsent: 'consentRequired' } });
    expect((await db().case.findUniqueOrThrow({ where: { id } })).status).toBe('ACCEPTED');
  });

  it('for a suggestion, which has no other party', async () => {
    const { supervisor, id, version } = await acceptedCase({ kind: 'SUGGESTION' });
    expect(await performCaseAction(supervisor.actor, id, version, agreement())).toMatchObject({
      ok: false,
      formError: 'settleOnlyRequests',
    });
  });

  it("while other citizens' cases follow this one (they were no party to it)", async () => {
    const { supervisor, id, version } = await acceptedCase();
    const other = await isolatedCase();
    const { receiptNo } = await db().case.findUniqueOrThrow({ where: { id }, select: { receiptNo: true } });
    const merged = await performCaseAction(supervisor.actor, other.row.id, other.row.version, {
      action: 'merge',
      intoReceiptNo: receiptNo,
    });
    expect(merged.ok).toBe(true);
    expect(await performCaseAction(supervisor.actor, id, version, agreement())).toMatchObject({ ok: false, formError: 'settleMerged' });
  });

  it('for a clerk, whose role does not answer cases', async () => {
    const { id, version } = await acceptedCase();
    const clerk = await staffUser('CLERK');
    await expect(performCaseAction(clerk.actor, id, version, agreement())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
