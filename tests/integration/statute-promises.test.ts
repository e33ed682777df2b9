// The statute's promises against real PostgreSQL: a report of misconduct reaches the discipline body
// and never the unit it accuses or any unit below it (arts. 22, 30, 46(5)); the reporter sees which
// units opened it; a review goes one level up and is decided by someone independent (arts. 35, 36).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { casePageData } from '#app/features/cases/case-page.server.ts';
import { requestReReview, requestReview } from '#app/features/cases/citizen-actions.server.ts';
import { citizenCasePage } from '#app/features/cases/lookup.server.ts';
import { queuePage, QueueFilters } from '#app/features/cases/queue.server.ts';
import { caseForActor, performCaseAction, viewContact, type CaseActionOutcome } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { boardCaseIds } from '#app/features/early-warning/board.ts';
import { earlyWarningBoard } from '#app/features/early-warning/clusters.server.ts';
import { runDeadlineSweep } from '#app/jobs/deadline-sweep.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { anyCategoryId, newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { answeredReply } from '../support/replies.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const DAY = 86_400_000;

/** The HTTP status a call ends with: a refusal's own, or the error's. */
async function status(promise: Promise<unknown>): Promise<number> {
  try {
    const result = await promise;
    const refusal = z.object({ ok: z.literal(false), status: z.number() }).safeParse(result);
    return refusal.success ? refusal.data.status : 200;
  } catch (error) {
    if (error instanceof NotFoundError) return 404;
    if (error instanceof ForbiddenError) return 403;
    throw error;
  }
}

async function stepped(step: Promise<CaseActionOutcome>): Promise<number> {
  const done = await step;
  if (!done.ok) throw new Error(`refused: ${done.formError ?? JSON.stringify(done.errors)}`);
  return done.version;
}

const reload = (id: string) => db().case.findUniqueOrThrow({ where: { id } });

/** A report of misconduct about the municipal public security bureau, filed under law enforcement. */
async function reportAboutPolice(subject = '派出所民警索要好处费') {
  const receipt = await submitCase(
    await validSubmission({
      kind: 'MISCONDUCT_REPORT',
      categoryId: await anyCategoryId('law-and-justice'),
      subject,
      body: `我在东城区开的小店被派出所民警多次索要好处费。${newIdempotencyKey()}`,
      reportedUnitId: await unitId('public-security'),
      reportedOfficial: '王某',
    }),
    { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' },
  );
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

describe('a report of misconduct (arts. 22, 30, 46(5))', () => {
  it('records the reported unit in its own restricted row and goes to the discipline body, whatever its category', async () => {
    const c = await reportAboutPolice();
    expect(c.unitId).toBe(await unitId('discipline-inspection'));
    expect(c.routeReason).toBe('discipline');
    expect(c.clusterId).toBeNull();
    const party = await db().reportedParty.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(party.unitId).toBe(await unitId('public-security'));
    expect(party.officialName).toBe('王某');
    // Nothing of whom it accuses is in the case's own text columns the queue reads.
    expect(c.subject).not.toContain('王某');
  });

  it('never joins a cluster, even with many similar reports from the same area', async () => {
    const first = await reportAboutPolice('同一派出所索要好处费');
    const second = await reportAboutPolice('同一派出所索要好处费');
    expect([(await reload(first.id)).clusterId, (await reload(second.id)).clusterId]).toEqual([null, null]);
  });

  it('is not there for anyone of the reported unit or a unit below it, whatever their role, on every page and data view', async () => {
    const c = await reportAboutPolice();
    const barred: Record<string, Actor> = {
      'handler of the unit': (await staffUser('HANDLER', 'public-security')).actor,
      'supervisor of the unit': (await staffUser('SUPERVISOR', 'public-security')).actor,
      'clerk of the unit': (await staffUser('CLERK', 'public-security')).actor,
      'admin of the unit': (await staffUser('ADMIN', 'public-security')).actor,
      'handler below it': (await staffUser('HANDLER', 'public-security-dongcheng')).actor,
      'supervisor below it': (await staffUser('SUPERVISOR', 'public-security-dongcheng')).actor,
      'admin below it': (await staffUser('ADMIN', 'public-security-dongcheng')).actor,
    };
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [who, actor] of Object.entries(barred)) {
      // The case page, the contact details and the files answer as for a case that does not exist.
      expect([who, await status(casePageData(actor, c.id, 'zh-Hans'))]).toEqual([
        who,
        await status(casePageData(actor, missing, 'zh-Hans')),
      ]);
      expect([who, await status(caseForActor(actor, c.id))]).toEqual([who, 404]);
      expect([who, await status(viewContact(actor, c.id, '127.0.0.1'))]).toEqual([who, 404]);
      expect([who, (await caseFiles(actor, c.id)).withheld]).toEqual([who, true]);
      // Steps on it are refused the same way.
      expect([who, await status(performCaseAction(actor, c.id, c.version, { action: 'note', message: '看看' }))]).toEqual([who, 404]);
      if (actor.role === 'ADMIN' || actor.role === 'ANALYST') continue;
      // Not in the queue, whatever the filters (all statuses, its kind, a search for its words), nor on the board.
      for (const filters of [{}, { all: '1' }, { kind: 'MISCONDUCT_REPORT' }, { q: '好处费', all: '1' }]) {
        const page = await queuePage(actor, QueueFilters.parse(filters));
        expect([who, filters, page.rows.some((r) => r.id === c.id)]).toEqual([who, filters, false]);
      }
      const board = await earlyWarningBoard(actor);
      expect([who, boardCaseIds(board.entries).includes(c.id)]).toEqual([who, false]);
    }
    // No message about it is queued for them.
    const messages = await db().outboxMessage.count({ where: { caseId: c.id, staffId: { in: Object.values(barred).map((a) => a.id) } } });
    expect(messages).toBe(0);
  });

  it('is seen by a supervisor outside the subtree and by the discipline body', async () => {
    const c = await reportAboutPolice();
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const discipline = (await staffUser('HANDLER', 'discipline-inspection')).actor;
    expect(await status(caseForActor(supervisor, c.id))).toBe(200);
    expect(await status(caseForActor(discipline, c.id))).toBe(200);
    const page = await queuePage(discipline, QueueFilters.parse({}));
    expect(page.rows.some((r) => r.id === c.id)).toBe(true);
  });

  it('refuses to assign it into the reported subtree, with a message on the unit field', async () => {
    const c = await reportAboutPolice();
    const clerk = (await staffUser('CLERK')).actor;
    for (const code of ['public-security', 'public-security-dongcheng']) {
      const refused = await performCaseAction(clerk, c.id, c.version, { action: 'assign', unitId: await unitId(code), assigneeId: null });
      expect(refused).toMatchObject({ ok: false, status: 422, errors: { unitId: 'reportedUnit' } });
    }
    expect((await reload(c.id)).unitId).toBe(await unitId('discipline-inspection'));
    // Into another unit it goes.
    const ok = await performCaseAction(clerk, c.id, c.version, { action: 'assign', unitId: await unitId('justice'), assigneeId: null });
    expect(ok.ok).toBe(true);
  });

  it('moves out of the subtree when a clerk corrects whom it is about, with an audited event', async () => {
    const c = await reportAboutPolice();
    const clerk = (await staffUser('CLERK')).actor;
    const version = await stepped(
      performCaseAction(clerk, c.id, c.version, { action: 'assign', unitId: await unitId('justice'), assigneeId: null }),
    );
    await stepped(
      performCaseAction(clerk, c.id, version, { action: 'correctReport', reportedUnit: await unitId('justice'), official: '' }),
    );
    const after = await reload(c.id);
    expect(after.unitId).not.toBe(await unitId('justice'));
    const justiceHandler = (await staffUser('HANDLER', 'justice')).actor;
    expect(await status(caseForActor(justiceHandler, c.id))).toBe(404);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: 'REPORTED_PARTY_CHANGED' } });
    expect(event.visibility).toBe('INTERNAL');
    expect(event.actorId).toBe(clerk.id);
  });

  it('shows the reporter which units opened it and when, never who, and that the reported unit cannot', async () => {
    const c = await reportAboutPolice();
    const discipline = (await staffUser('HANDLER', 'discipline-inspection')).actor;
    const officeClerk = (await staffUser('CLERK')).actor;
    const police = (await staffUser('SUPERVISOR', 'public-security')).actor;
    await casePageData(discipline, c.id, 'en');
    await casePageData(discipline, c.id, 'en');
    await casePageData(officeClerk, c.id, 'en');
    await status(casePageData(police, c.id, 'en'));

    const page = await citizenCasePage(c.id, 'en');
    expect(page?.report?.reportedUnit).toBe('Municipal Public Security Bureau');
    expect(page?.report?.official).toBe('王某');
    const openings = page?.report?.openings ?? [];
    expect(openings.map((o) => [o.unit, o.times])).toEqual([
      ['Municipal Commission for Discipline Inspection and Supervision', 2],
      [null, 1],
    ]);
    expect(JSON.stringify(page)).not.toContain('tester');
    expect(page?.view.routeReason).toBe('discipline');
  });

  it('is handled and answered by the discipline body, and the reporter sees the answer', async () => {
    const c = await reportAboutPolice();
    const clerk = (await staffUser('CLERK')).actor;
    const discipline = (await staffUser('HANDLER', 'discipline-inspection')).actor;
    const v1 = await stepped(performCaseAction(clerk, c.id, c.version, { action: 'accept' }));
    await stepped(performCaseAction(discipline, c.id, v1, answeredReply('经查，反映的问题属实，已立案处理。', 'SUBSTANTIATED')));
    const page = await citizenCasePage(c.id, 'zh-Hans');
    expect(page?.view.reply?.message).toBe('经查，反映的问题属实，已立案处理。');
    expect(page?.clock.map((d) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['reply', 'met'],
      ['reviewRequest', 'open'],
    ]);
  });
});

describe('independent review (art. 35)', () => {
  /** A wage case (human resources) accepted by a supervisor and answered by a handler of the unit. */
  async function repliedCase() {
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'en' });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    const v1 = await stepped(performCaseAction(supervisor, c.id, c.version, { action: 'accept' }));
    await stepped(performCaseAction(handler, c.id, v1, answeredReply('The company has been ordered to pay.')));
    return { c, supervisor, handler };
  }

  it('goes to the parent of the unit that replied, with its own due date shown to the citizen', async () => {
    const { c } = await repliedCase();
    await requestReview(c.id, 'The overtime was not paid.');
    const after = await reload(c.id);
    expect(after.status).toBe('REVIEW_REQUESTED');
    expect(after.unitId).toBe(await unitId('bureau'));
    expect(after.repliedByUnitId).toBe(await unitId('human-resources'));
    const page = await citizenCasePage(c.id, 'en');
    expect(page?.clock.map((d) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['reply', 'met'],
      ['reviewRequest', 'used'],
      ['reviewOpinion', 'due'],
    ]);
    expect(page?.clock.at(-1)).toEqual({
      kind: 'reviewOpinion',
      party: 'office',
      dueAt: after.reviewDueAt,
      article: '35',
      state: 'due',
      doneAt: null,
    });
    // Missed is said plainly once the date has passed.
    const late = await citizenCasePage(c.id, 'en', new Date((after.reviewDueAt ?? new Date()).getTime() + DAY));
    expect(late?.clock.at(-1)?.state).toBe('missed');
  });

  it('cannot be decided by anyone who took part in the reply or by anyone of the unit that replied', async () => {
    const { c, supervisor, handler } = await repliedCase();
    await requestReview(c.id, 'The overtime was not paid.');
    const row = await reload(c.id);
    const unitSupervisor = (await staffUser('SUPERVISOR', 'human-resources')).actor;
    const opinion = { action: 'issueReview', message: 'Upheld.', outcome: 'UPHELD' } as const;
    // The handler who replied no longer sees it (it left their unit); the supervisor who accepted took part.
    expect(await status(performCaseAction(handler, c.id, row.version, opinion))).toBe(404);
    expect(await status(performCaseAction(supervisor, c.id, row.version, opinion))).toBe(403);
    expect(await status(performCaseAction(unitSupervisor, c.id, row.version, opinion))).toBe(403);
    // The case page offers them none of the review's steps, and says why.
    const page = await casePageData(supervisor, c.id, 'en');
    expect(page.actions).not.toContain('issueReview');
    expect(page.review?.notIndependent).toBe('tookPart');
    expect((await casePageData(unitSupervisor, c.id, 'en')).review?.notIndependent).toBe('reviewedUnit');
    expect((await reload(c.id)).status).toBe('REVIEW_REQUESTED');
  });

  it('is decided by the parent unit with an outcome the citizen sees, and its re-review window', async () => {
    const { c } = await repliedCase();
    await requestReview(c.id, 'The overtime was not paid.');
    const row = await reload(c.id);
    const bureau = (await staffUser('HANDLER', 'bureau')).actor;
    const missing = await performCaseAction(bureau, c.id, row.version, { action: 'issueReview', message: 'Changed.', outcome: null });
    expect(missing).toMatchObject({ ok: false, errors: { outcome: 'outcomeRequired' } });
    await stepped(
      performCaseAction(bureau, c.id, row.version, {
        action: 'issueReview',
        message: 'The overtime must be paid too.',
        outcome: 'CHANGED',
      }),
    );
    const page = await citizenCasePage(c.id, 'en');
    expect(page?.view.status).toBe('REVIEWED');
    expect(page?.view.reply).toMatchObject({ type: 'REVIEW_ISSUED', outcome: 'CHANGED', message: 'The overtime must be paid too.' });
    expect(page?.clock.map((d) => [d.kind, d.article, d.state])).toEqual([
      ['acceptance', '22, 23', 'met'],
      ['reply', '34', 'met'],
      ['reviewRequest', '35', 'used'],
      ['reviewOpinion', '35', 'met'],
      ['reReviewRequest', '36', 'open'],
    ]);
  });

  it('cannot be assigned back into the unit whose reply is under review', async () => {
    const { c } = await repliedCase();
    await requestReview(c.id, 'The overtime was not paid.');
    const row = await reload(c.id);
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const refused = await performCaseAction(supervisor, c.id, row.version, {
      action: 'assign',
      unitId: await unitId('human-resources'),
      assigneeId: null,
    });
    expect(refused).toMatchObject({ ok: false, errors: { unitId: 'reviewedUnit' } });
  });
});

describe('independent re-review with a hearing (art. 36)', () => {
  const dayIn = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
  const today = () => dayIn(new Date());

  it('goes above the reviewing unit; the reviewers cannot decide it; a hearing stops the clock; the matter decided is flagged when raised again', async () => {
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const reviewer = (await staffUser('HANDLER', 'bureau')).actor;
    const letter = await validSubmission({ subject: '拖欠加班费三个月', body: '建筑公司拖欠加班费三个月，多次讨要未果，请求责令支付。' });
    const receipt = await submitCase(letter, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    const v1 = await stepped(performCaseAction(supervisor, c.id, c.version, { action: 'accept' }));
    await stepped(performCaseAction(handler, c.id, v1, answeredReply('已责成企业支付工资。')));
    await requestReview(c.id, '加班费没有支付。');
    await stepped(
      performCaseAction(reviewer, c.id, (await reload(c.id)).version, { action: 'issueReview', message: '维持。', outcome: 'UPHELD' }),
    );
    await requestReReview(c.id, '复查没有回应加班费。');
    const row = await reload(c.id);
    // The bureau has no unit above it: the review office of the settings.
    expect(row.unitId).toBe(await unitId('review-office'));
    expect(row.reviewedByUnitId).toBe(await unitId('bureau'));

    const office = (await staffUser('HANDLER', 'review-office')).actor;
    const bureauSupervisor = (await staffUser('SUPERVISOR', 'bureau')).actor;
    const opinion = { action: 'issueReReview', message: '撤销原处理意见。', outcome: 'OVERTURNED' } as const;
    expect(await status(performCaseAction(reviewer, c.id, row.version, opinion))).toBe(404);
    expect(await status(performCaseAction(supervisor, c.id, row.version, opinion))).toBe(403);
    expect(await status(performCaseAction(bureauSupervisor, c.id, row.version, opinion))).toBe(403);

    // A hearing arranged ahead: the clock runs until its day, when the sweep stops it. It is held by
    // the day the opinion is due, and cannot be recorded before it starts.
    const dayAfter = (instant: Date) => dayIn(new Date(instant.getTime() + 86_400_000));
    const dueAt = row.reReviewDueAt ?? new Date(0);
    expect(await performCaseAction(office, c.id, row.version, { action: 'startHearing', hearingOn: dayAfter(dueAt) })).toMatchObject({
      ok: false,
      errors: { hearingOn: 'hearingOn' },
    });
    const arrangedVersion = await stepped(
      performCaseAction(office, c.id, row.version, { action: 'startHearing', hearingOn: dayAfter(new Date()) }),
    );
    const arranged = await reload(c.id);
    const hearingDay = arranged.hearingSince ?? new Date(0);
    expect([dayIn(hearingDay), arranged.nextDueAt]).toEqual([dayAfter(new Date()), row.reReviewDueAt]);
    const recordEarly = { action: 'recordHearing', heldOn: today(), hearingResult: '双方到场陈述。' } as const;
    expect(await performCaseAction(office, c.id, arrangedVersion, recordEarly)).toMatchObject({ ok: false, formError: 'hearingNotBegun' });
    expect(await performCaseAction(office, c.id, arrangedVersion, opinion)).toMatchObject({ ok: false, formError: 'hearingUnderway' });
    const ahead = await citizenCasePage(c.id, 'zh-Hans');
    expect(ahead?.clock.at(-1)).toMatchObject({ kind: 'reReviewOpinion', state: 'due', hearingFrom: hearingDay });
    await runDeadlineSweep({ now: new Date(hearingDay.getTime() - 1), caseIds: [c.id] });
    expect((await reload(c.id)).nextDueAt).toEqual(row.reReviewDueAt);
    await runDeadlineSweep({ now: hearingDay, caseIds: [c.id] });
    expect((await reload(c.id)).nextDueAt).toBeNull();

    // Moved to today: the clock stops at once, the opinion waits for its outcome, the citizen is told.
    await stepped(performCaseAction(office, c.id, arrangedVersion, { action: 'startHearing', hearingOn: today() }));
    const during = await reload(c.id);
    expect(during.hearingSince).not.toBeNull();
    expect(await performCaseAction(office, c.id, during.version, opinion)).toMatchObject({ ok: false, formError: 'hearingUnderway' });
    const page = await citizenCasePage(c.id, 'zh-Hans');
    expect(page?.clock.at(-1)).toMatchObject({ kind: 'reReviewOpinion', article: '36', state: 'paused' });
    await stepped(
      performCaseAction(office, c.id, during.version, { action: 'recordHearing', heldOn: today(), hearingResult: '双方到场陈述。' }),
    );
    const held = await reload(c.id);
    expect(held.hearingHeld).toBe(true);
    expect(held.reReviewDueAt?.getTime()).toBeGreaterThanOrEqual(row.reReviewDueAt?.getTime() ?? 0);
    await stepped(performCaseAction(office, c.id, held.version, { ...opinion, publish: true }));
    const final = await citizenCasePage(c.id, 'zh-Hans');
    expect(final?.view.status).toBe('FINAL');
    expect(final?.view.reply).toMatchObject({ type: 'RE_REVIEW_ISSUED', outcome: 'OVERTURNED' });

    // The same person raises the same matter again: flagged to the clerk, not refused.
    const again = await submitCase({ ...letter }, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const flagged = await db().case.findUniqueOrThrow({ where: { receiptNo: again.receiptNo } });
    expect([flagged.status, flagged.decidedMatterOfId]).toEqual(['SUBMITTED', c.id]);
    const clerkView = await casePageData((await staffUser('CLERK')).actor, flagged.id, 'zh-Hans');
    expect(clerkView.decidedMatter?.receiptNo).toBe(c.receiptNo);
  });
});
