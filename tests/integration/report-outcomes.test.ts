// The report figures of what the decisions and answers were, against a hand-built June 2019 (Asia/
// Shanghai) in units of its own: declines by standard reason, claims answered by outcome class,
// review and re-review opinions that changed or overturned the decision, completion reports sent
// back and accepted, supervision items opened, and the follow-up after the reply. Each is checked
// by hand, with the edges: the last minute of the month and the first of the next, a decline
// recorded before reasons were asked, an opinion without an outcome, a merged case's copy of an
// opinion, a report still waiting, and a citizen who changed their follow-up answer.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeLapsedCases } from '#app/features/cases/citizen-actions.server.ts';
import { performCaseAction, type ActionInput } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { reportTables } from '#app/features/statistics/report-export.server.ts';
import { computeReport, reportNames, type ReportData } from '#app/features/statistics/report.server.ts';
import { translator } from '#app/i18n/translate.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';
import type { Submission } from '#app/features/cases/submission.ts';
import type { MeasureValue } from '#app/features/statistics/measures.ts';

const june = { kind: 'month', start: '2019-06-01', end: '2019-06-30' } as const;
const at = (local: string) => new Date(`${local}+08:00`);
const NOW = at('2019-08-01T00:00:00');

let supervisor: Awaited<ReturnType<typeof staffUser>>;
const units = { mine: '', other: '' };
const replied: string[] = [];

async function unit(code: string) {
  return (
    await db().unit.create({
      data: { code: `${code}-${randomBytes(3).toString('hex')}`, nameZhHans: code, nameZhHant: code, nameEn: code },
    })
  ).id;
}

async function act(caseId: string, input: ActionInput, when: Date) {
  const { version } = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  const outcome = await performCaseAction(supervisor.actor, caseId, version, input, when);
  if (!outcome.ok) throw new Error(`${input.action} refused: ${JSON.stringify(outcome)}`);
}

/** A case received on `local`, assigned a minute later to `unitId`. */
async function received(local: string, unitId: string, overrides: Partial<Submission> = {}) {
  const when = at(local);
  const receipt = await submitCase(await validSubmission({ area: 'OUT东城区', ...overrides }), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    now: when,
    receivedAt: when,
  });
  const id = (await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } })).id;
  await act(id, { action: 'assign', unitId, assigneeId: null }, new Date(when.getTime() + 60_000));
  return id;
}

/** An event written as the feature that owns it would write it, at a chosen time. */
async function event(caseId: string, type: string, local: string, data: Record<string, string> = {}) {
  await db().caseEvent.create({ data: { caseId, type, visibility: 'INTERNAL', actorType: 'SYSTEM', data, createdAt: at(local) } });
}

async function completionReport(caseId: string, status: 'PENDING' | 'ACCEPTED' | 'RETURNED', local: string) {
  await db().completionReport.create({
    data: {
      caseId,
      unitId: units.mine,
      authorId: supervisor.user.id,
      findings: '已核实。',
      status,
      createdAt: at(local),
      ...(status === 'PENDING' ? {} : { decidedById: supervisor.user.id, decidedAt: at(local) }),
    },
  });
}

/** A follow-up answer as the citizen gives it: the case holds the last one, each is an event. */
async function checkInAnswer(caseId: string, answer: 'YES' | 'PARTLY' | 'NO', local: string) {
  await db().case.update({ where: { id: caseId }, data: { checkInAnswer: answer, checkInAnsweredAt: at(local) } });
  await event(caseId, 'CHECK_IN_ANSWERED', local, { answer });
}

const value = (report: ReportData, key: string, period: 'current' | 'previous' = 'current'): MeasureValue => {
  const found = report.measures.find((m) => m.key === key);
  if (!found) throw new Error(`no measure ${key}`);
  return found[period];
};
const rows = (report: ReportData, key: string, period: 'current' | 'previous' = 'current') => {
  const found = value(report, key, period);
  return found.type === 'breakdown' ? Object.fromEntries(found.rows.map((row) => [row.key, row.count])) : null;
};

beforeAll(async () => {
  supervisor = await staffUser('SUPERVISOR');
  units.mine = await unit('out-mine');
  units.other = await unit('out-other');

  // Declines: two with standard reasons in June; one recorded without a reason (before reasons were
  // asked); one in the last minute of May; one in another unit.
  const remit = await received('2019-06-03T09:00:00', units.mine);
  await act(remit, { action: 'decline', reason: 'OUTSIDE_REMIT', detail: '', referral: '' }, at('2019-06-05T10:00:00'));
  const courts = await received('2019-06-03T09:00:00', units.mine);
  await act(courts, { action: 'decline', reason: 'LITIGATION', detail: '', referral: '' }, at('2019-06-30T23:59:00'));
  const unrecorded = await received('2019-06-03T09:00:00', units.mine);
  await db().case.update({ where: { id: unrecorded }, data: { status: 'NOT_ACCEPTED', declineReason: null } });
  await event(unrecorded, 'DECLINED', '2019-06-07T10:00:00');
  const may = await received('2019-05-20T09:00:00', units.mine);
  await act(may, { action: 'decline', reason: 'ARBITRATION', detail: '', referral: '' }, at('2019-05-31T23:59:00'));
  const elsewhere = await received('2019-06-03T09:00:00', units.other);
  await act(elsewhere, { action: 'decline', reason: 'OUTSIDE_REMIT', detail: '', referral: '' }, at('2019-06-05T10:00:00'));

  // Claims answered: complaints upheld (two), explained (one); a suggestion adopted; an inquiry
  // answered on the last minute of June; a complaint not upheld on the first minute of July.
  const answered = async (kind: Submission['kind'], outcome: Parameters<typeof answeredReply>[1], local: string) => {
    const id = await received('2019-06-03T09:00:00', units.mine, { kind });
    await act(id, { action: 'accept' }, at('2019-06-04T09:00:00'));
    await act(id, answeredReply('已答复', outcome), at(local));
    replied.push(id);
    return id;
  };
  const upheld = await answered('COMPLAINT', 'UPHELD', '2019-06-10T10:00:00');
  await answered('HELP_REQUEST', 'UPHELD', '2019-06-11T10:00:00');
  await answered('COMPLAINT', 'EXPLAINED', '2019-06-12T10:00:00');
  await answered('SUGGESTION', 'ADOPTED', '2019-06-13T10:00:00');
  await answered('INQUIRY', 'ANSWERED', '2019-06-30T23:59:00');
  const july = await answered('COMPLAINT', 'NOT_UPHELD', '2019-07-01T00:00:00');

  // Opinions issued in June: reviews upheld, changed, overturned and one without an outcome;
  // re-reviews upheld and overturned; a merged case's copy of an opinion (not an opinion of its own).
  await event(upheld, 'REVIEW_ISSUED', '2019-06-14T10:00:00', { outcome: 'UPHELD' });
  await event(upheld, 'REVIEW_ISSUED', '2019-06-15T10:00:00', { outcome: 'CHANGED' });
  await event(upheld, 'REVIEW_ISSUED', '2019-06-16T10:00:00', { outcome: 'OVERTURNED' });
  await event(upheld, 'REVIEW_ISSUED', '2019-06-17T10:00:00');
  await event(upheld, 'RE_REVIEW_ISSUED', '2019-06-18T10:00:00', { outcome: 'UPHELD' });
  await event(upheld, 'RE_REVIEW_ISSUED', '2019-06-19T10:00:00', { outcome: 'OVERTURNED' });
  await event(upheld, 'JOINED_CASE_REVIEWED', '2019-06-20T10:00:00', { stage: 'review', outcome: 'CHANGED' });
  await event(july, 'REVIEW_ISSUED', '2019-07-02T10:00:00', { outcome: 'CHANGED' });

  // Completion reports: sent back twice and accepted once in June; one still waiting; one sent back in May.
  await completionReport(upheld, 'RETURNED', '2019-06-12T10:00:00');
  await completionReport(upheld, 'RETURNED', '2019-06-20T10:00:00');
  await completionReport(upheld, 'ACCEPTED', '2019-06-25T10:00:00');
  await completionReport(july, 'PENDING', '2019-06-26T10:00:00');
  await completionReport(july, 'RETURNED', '2019-05-20T10:00:00');

  // Supervision items opened: two in June, one in May.
  await event(july, 'SUPERVISION_OPENED', '2019-06-02T10:00:00');
  await event(upheld, 'SUPERVISION_OPENED', '2019-06-22T10:00:00');
  await event(remit, 'SUPERVISION_OPENED', '2019-05-22T10:00:00');

  // The follow-up: three questions asked in June. Answers: one partly solved in May, changed to not
  // solved in June (counted once, in June, as not solved); one solved, confirmed again the next day
  // (once); one partly solved in June; one solved in May only.
  const [first, second, third, fourth] = replied;
  for (const id of [first!, second!, third!]) await event(id, 'CHECK_IN_SENT', '2019-06-01T10:00:00', { channel: 'EMAIL' });
  await checkInAnswer(first!, 'PARTLY', '2019-05-30T10:00:00');
  await checkInAnswer(first!, 'NO', '2019-06-02T10:00:00');
  await checkInAnswer(second!, 'YES', '2019-06-05T10:00:00');
  await checkInAnswer(second!, 'YES', '2019-06-06T10:00:00');
  await checkInAnswer(third!, 'PARTLY', '2019-06-08T10:00:00');
  await checkInAnswer(fourth!, 'YES', '2019-05-15T10:00:00');

  // Closed when their review windows passed, as the sweep would.
  await closeLapsedCases(at('2019-09-30T00:00:00'), 200, replied);
});

describe('what the decisions and answers of a month were', () => {
  let report: ReportData;
  beforeAll(async () => {
    report = await computeReport({ kind: 'unit', unitId: units.mine, subtree: true }, june, { now: NOW });
  });

  it('counts declines by standard reason, every reason shown, and one recorded without a reason apart', () => {
    expect(rows(report, 'declinedByReason')).toEqual({
      LITIGATION: 1,
      ARBITRATION: 0,
      ADMINISTRATIVE_REVIEW: 0,
      HANDLED_ELSEWHERE: 0,
      ALREADY_RE_REVIEWED: 0,
      OUTSIDE_REMIT: 1,
      INSUFFICIENT_INFORMATION: 0,
      OTHER: 0,
      '': 1,
    });
    // The breakdown adds up to the declines of the month; May's decline is May's.
    expect(value(report, 'declined')).toEqual({ type: 'count', value: 3 });
    expect(rows(report, 'declinedByReason', 'previous')).toMatchObject({ ARBITRATION: 1, OUTSIDE_REMIT: 0 });
    expect(Object.keys(rows(report, 'declinedByReason', 'previous')!)).not.toContain('');
  });

  it('counts the claims answered in the month by the outcomes of each class', () => {
    expect(rows(report, 'outcomesRequest')).toEqual({ UPHELD: 2, EXPLAINED: 1, NOT_UPHELD: 0 });
    expect(rows(report, 'outcomesSuggestion')).toEqual({ ADOPTED: 1, PARTLY_ADOPTED: 0, NOT_ADOPTED: 0 });
    expect(rows(report, 'outcomesReport')).toEqual({ SUBSTANTIATED: 0, PARTLY_SUBSTANTIATED: 0, NOT_SUBSTANTIATED: 0 });
    // Answered at 23:59 on 30 June: June's; the complaint answered at midnight is July's.
    expect(rows(report, 'outcomesInquiry')).toEqual({ ANSWERED: 1 });
  });

  it('gives the share of review and re-review opinions that changed or overturned the decision, over those with an outcome', () => {
    expect(value(report, 'reviewOpinionsChanged')).toEqual({ type: 'rate', numerator: 2, denominator: 3 });
    expect(value(report, 'reReviewOpinionsChanged')).toEqual({ type: 'rate', numerator: 1, denominator: 2 });
    expect(value(report, 'reviewOpinionsChanged', 'previous')).toEqual({ type: 'rate', numerator: 0, denominator: 0 });
  });

  it('counts completion reports sent back and accepted when decided, not while they wait', () => {
    expect(value(report, 'reportsReturned')).toEqual({ type: 'count', value: 2 });
    expect(value(report, 'reportsAccepted')).toEqual({ type: 'count', value: 1 });
    expect(value(report, 'reportsReturned', 'previous')).toEqual({ type: 'count', value: 1 });
  });

  it('counts the supervision items opened in the month', () => {
    expect(value(report, 'supervised')).toEqual({ type: 'count', value: 2 });
    expect(value(report, 'supervised', 'previous')).toEqual({ type: 'count', value: 1 });
  });

  it('counts the follow-up questions asked, and each case’s last answer once, in the month it was given', () => {
    expect(value(report, 'checkInsSent')).toEqual({ type: 'count', value: 3 });
    expect(rows(report, 'checkInAnswers')).toEqual({ YES: 1, PARTLY: 1, NO: 1 });
    // May keeps the answer given only then; the one changed in June is June's alone.
    expect(rows(report, 'checkInAnswers', 'previous')).toEqual({ YES: 1, PARTLY: 0, NO: 0 });
  });

  it('keeps another unit’s cases out, and counts them for the whole office', async () => {
    const other = await computeReport({ kind: 'unit', unitId: units.other, subtree: true }, june, { now: NOW });
    expect(rows(other, 'declinedByReason')).toMatchObject({ OUTSIDE_REMIT: 1, LITIGATION: 0 });
    expect(value(other, 'reportsReturned')).toEqual({ type: 'count', value: 0 });
    const office = await computeReport({ kind: 'office' }, june, { now: NOW, keys: ['declinedByReason'] });
    expect(rows(office, 'declinedByReason')!.OUTSIDE_REMIT).toBeGreaterThanOrEqual(2);
  });

  it('puts each new figure in the downloads, named in the reader’s language', async () => {
    const t = await translator('en');
    const sheets = reportTables(report, await reportNames('en'), t);
    const figures = sheets[0]!.rows.map((row) => row[1]);
    expect(figures).toEqual(
      expect.arrayContaining([
        'reviewOpinionsChanged',
        'reReviewOpinionsChanged',
        'reportsReturned',
        'reportsAccepted',
        'checkInsSent',
        'supervised',
      ]),
    );
    const byReason = sheets.find((sheet) => sheet.name === 'Declined, by standard reason');
    expect(byReason?.rows).toContainEqual(['No reason recorded', '', 1, 0, 0]);
    expect(byReason?.rows.find((row) => row[1] === 'ARBITRATION')).toEqual(['A matter for arbitration', 'ARBITRATION', 0, 1, 0]);
    const requests = sheets.find((sheet) => sheet.name.startsWith('Claims answered: complaints'));
    expect(requests?.rows[1]).toEqual(['Upheld', 'UPHELD', 2, 0, 0]);
    const answers = sheets.find((sheet) => sheet.name === 'Follow-up answers: was the problem solved?');
    expect(answers?.rows.slice(1)).toEqual([
      [expect.any(String), 'YES', 1, 1, 0],
      [expect.any(String), 'PARTLY', 1, 0, 0],
      [expect.any(String), 'NO', 1, 0, 0],
    ]);
  });
});
