// The statute's handling steps against real PostgreSQL: merged cases that follow their main case and
// keep their rights; a unit's objection within 5 working days (art. 23); assignments with a
// completion report and its documents, rework and escalation (art. 22(3)); matters for the courts
// (arts. 22, 28).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { addEvidence } from '#app/features/attachments/evidence.server.ts';
import { ATTACHMENT_LIMITS } from '#app/features/attachments/rules.ts';
import { storage } from '#app/features/attachments/storage/storage.server.ts';
import { casePageData } from '#app/features/cases/case-page.server.ts';
import { requestReview } from '#app/features/cases/citizen-actions.server.ts';
import { citizenCasePage } from '#app/features/cases/lookup.server.ts';
import { trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import { caseForActor, performCaseAction, type ActionInput, type CaseActionOutcome } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { takeNotice } from '#app/platform/http/notice.server.ts';
import * as staffDownloadRoute from '#app/routes/_resources+/office.cases.$caseId_.attachments.$id.tsx';
import * as reportUpload from '#app/routes/_resources+/office.cases.$caseId_.report_.upload.tsx';
import * as citizenDownloadRoute from '#app/routes/_resources+/track.case.attachments.$id.tsx';
import * as reportPage from '#app/routes/office+/cases.$caseId_.report.tsx';
import { anyCategoryId, newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { ascii, jpegWithMetadata, SECRETS, contains } from '../support/image-fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';
import { answeredReply } from '../support/replies.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const DAY = 86_400_000;
const reload = (id: string) => db().case.findUniqueOrThrow({ where: { id } });

async function newCase(overrides: Parameters<typeof validSubmission>[0] = {}, receivedAt?: Date) {
  const receipt = await submitCase(await validSubmission(overrides), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    ...(receivedAt ? { now: receivedAt } : {}),
  });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

/** Takes a step that must go through, on the case's current version. */
async function step(actor: Actor, caseId: string, input: ActionInput, now?: Date): Promise<CaseActionOutcome> {
  const row = await reload(caseId);
  const done = await performCaseAction(actor, caseId, row.version, input, now);
  if (!done.ok) throw new Error(`${input.action} refused: ${done.formError ?? JSON.stringify(done.errors)}`);
  return done;
}

async function publicTypes(caseId: string): Promise<string[]> {
  const events = await db().caseEvent.findMany({ where: { caseId, visibility: 'PUBLIC' }, orderBy: { id: 'asc' } });
  return events.map((e) => e.type);
}

describe('a merged case follows its main case and keeps its rights', () => {
  it('receives acceptance and reply on its own timeline, never the main case number, and may ask for review', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const main = await newCase();
    const joined = await newCase();
    await step(clerk, joined.id, { action: 'merge', intoReceiptNo: main.receiptNo });
    expect((await reload(joined.id)).status).toBe('MERGED');

    await step(clerk, main.id, { action: 'accept' });
    expect(await publicTypes(joined.id)).toContain('ACCEPTED');
    const merged = await citizenCasePage(joined.id, 'en');
    // The merged case follows its main case's acceptance and reply.
    expect(merged?.clock.map((d) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['reply', 'due'],
    ]);
    expect(JSON.stringify(merged)).not.toContain(main.receiptNo);

    await step(handler, main.id, answeredReply('已责成企业支付全部工资。'));
    const after = await reload(joined.id);
    expect(after.status).toBe('REPLIED');
    expect(after.reviewRequestDueAt).not.toBeNull();
    const page = await citizenCasePage(joined.id, 'en');
    expect(page?.view.reply?.message).toBe('已责成企业支付全部工资。');
    expect(page?.followUp).toBeTruthy();
    // Notified as if it were their own case.
    expect(await db().outboxMessage.count({ where: { caseId: joined.id, template: 'case.replied' } })).toBe(1);
    // Their own review request is handled like any other.
    expect(await requestReview(joined.id, '我的加班费没有提到。')).toBe('REVIEW_REQUESTED');
    expect((await reload(joined.id)).unitId).toBe(await unitId('bureau'));
  });

  it('a supervisor undoes a mistaken merge with a reason; a clerk may not', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const main = await newCase();
    const joined = await newCase();
    await step(clerk, joined.id, { action: 'merge', intoReceiptNo: main.receiptNo });
    const row = await reload(joined.id);
    await expect(performCaseAction(clerk, joined.id, row.version, { action: 'unmerge', reason: '不是同一事项' })).rejects.toThrow();
    const refused = await performCaseAction(supervisor, joined.id, row.version, { action: 'unmerge', reason: '' });
    expect(refused).toMatchObject({ ok: false, errors: { reason: 'reasonRequired' } });
    await step(supervisor, joined.id, { action: 'unmerge', reason: '不是同一事项，误合并。' });
    const after = await reload(joined.id);
    expect([after.status, after.mergedIntoId]).toEqual(['SUBMITTED', null]);
  });

  it('a report of misconduct is never merged', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const main = await newCase();
    const report = await newCase({ kind: 'MISCONDUCT_REPORT', reportedUnitId: null });
    const row = await reload(report.id);
    const refused = await performCaseAction(clerk, report.id, row.version, { action: 'merge', intoReceiptNo: main.receiptNo });
    expect(refused).toMatchObject({ ok: false, errors: { intoReceiptNo: 'mergeReport' } });
  });
});

describe("a unit's objection (art. 23)", () => {
  it('within 5 working days goes back to the office, marked; accepted, it is routed again with a new window', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const clerk = (await staffUser('CLERK')).actor;
    const c = await newCase();
    expect(c.objectionDueAt).not.toBeNull();
    const short = await performCaseAction(handler, c.id, c.version, { action: 'object', reason: '不归我们' });
    expect(short).toMatchObject({ ok: false, errors: { reason: 'objectionReason' } });
    const done = await step(handler, c.id, { action: 'object', reason: '该企业属于住房建设领域的工程款纠纷，不属于本单位职责。' });
    expect(done).toMatchObject({ left: true });
    const objected = await reload(c.id);
    expect([objected.unitId, objected.objectingUnitId]).toEqual([null, await unitId('human-resources')]);
    await expect(caseForActor(handler, c.id)).rejects.toBeInstanceOf(NotFoundError);
    // Nobody assigns it until the objection is decided.
    const blocked = await performCaseAction(clerk, c.id, objected.version, {
      action: 'assign',
      unitId: await unitId('housing'),
      assigneeId: null,
    });
    expect(blocked).toMatchObject({ ok: false, formError: 'objectionPending' });
    const same = await performCaseAction(clerk, c.id, objected.version, {
      action: 'decideObjection',
      decision: 'accept',
      unitId: await unitId('human-resources'),
      reason: '',
    });
    expect(same).toMatchObject({ ok: false, errors: { unitId: 'sameUnit' } });
    await step(clerk, c.id, { action: 'decideObjection', decision: 'accept', unitId: await unitId('housing'), reason: '' });
    const after = await reload(c.id);
    expect([after.unitId, after.objectingUnitId]).toEqual([await unitId('housing'), null]);
    expect(after.objectionDueAt?.getTime()).toBeGreaterThan(Date.now());
  });

  it('rejected with a reason, the unit keeps the case and cannot object again', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const supervisor = (await staffUser('SUPERVISOR')).actor;
    const c = await newCase();
    await step(handler, c.id, { action: 'object', reason: '该事项属于住房建设领域，不属于本单位职责。' });
    const noReason = await performCaseAction(supervisor, c.id, (await reload(c.id)).version, {
      action: 'decideObjection',
      decision: 'reject',
      unitId: null,
      reason: '',
    });
    expect(noReason).toMatchObject({ ok: false, errors: { reason: 'reasonRequired' } });
    await step(supervisor, c.id, { action: 'decideObjection', decision: 'reject', unitId: null, reason: '拖欠工资属于人社部门职责。' });
    const after = await reload(c.id);
    expect([after.unitId, after.objectionDueAt]).toEqual([await unitId('human-resources'), null]);
    const again = await performCaseAction(handler, c.id, after.version, { action: 'object', reason: '我们仍然认为不属于本单位职责。' });
    expect(again).toMatchObject({ ok: false, formError: 'objectionWindowPassed' });
  });

  it('after 5 working days the option is gone', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const c = await newCase();
    const late = new Date((c.objectionDueAt ?? new Date()).getTime() + 1);
    const refused = await performCaseAction(
      handler,
      c.id,
      c.version,
      { action: 'object', reason: '不属于本单位职责，应当由住建部门办理。' },
      late,
    );
    expect(refused).toMatchObject({ ok: false, formError: 'objectionWindowPassed' });
    // Five working days: never less than a week of calendar days minus the weekend, never more than two weeks.
    const span = (c.objectionDueAt?.getTime() ?? 0) - c.receivedAt.getTime();
    expect(span).toBeGreaterThan(5 * DAY);
    expect(span).toBeLessThan(14 * DAY);
  });
});

describe('assignments with a completion report (art. 22(3))', () => {
  it('the unit reports, the office sends it back; the third rework escalates to the supervisors; accepted, it is done', async () => {
    const clerk = (await staffUser('CLERK')).actor;
    const handler = (await staffUser('HANDLER', 'housing')).actor;
    const c = await newCase();
    const dueOn = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const past = await performCaseAction(clerk, c.id, c.version, {
      action: 'assign',
      unitId: await unitId('housing'),
      assigneeId: null,
      reportDueOn: '2020-01-01',
    });
    expect(past).toMatchObject({ ok: false, errors: { reportDueOn: 'reportDueOn' } });
    await step(clerk, c.id, { action: 'assign', unitId: await unitId('housing'), assigneeId: null, reportDueOn: dueOn });
    await step(clerk, c.id, { action: 'accept' });
    expect((await reload(c.id)).reportDueAt).not.toBeNull();
    for (let round = 1; round <= 3; round += 1) {
      await step(handler, c.id, { action: 'fileReport', findings: `第${round}次办结报告：已约谈企业负责人。` });
      const twice = await performCaseAction(handler, c.id, (await reload(c.id)).version, { action: 'fileReport', findings: '再报一次' });
      expect(twice).toMatchObject({ ok: false, formError: 'reportPending' });
      await step(clerk, c.id, { action: 'decideReport', decision: 'return', reason: `第${round}次退回：没有附上支付凭证。` });
      const row = await reload(c.id);
      expect(row.reworkCount).toBe(round);
      expect(row.escalatedAt !== null).toBe(round === 3);
    }
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: 'ESCALATED' } })).toBe(1);
    await step(handler, c.id, { action: 'fileReport', findings: '第4次办结报告：工资已支付，附凭证。' });
    await step(clerk, c.id, { action: 'decideReport', decision: 'accept', reason: '' });
    const done = await reload(c.id);
    expect(done.reportDueAt).toBeNull();
    const reports = await db().completionReport.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' } });
    expect(reports.map((r) => r.status)).toEqual(['RETURNED', 'RETURNED', 'RETURNED', 'ACCEPTED']);
    // Internal: nothing of it reaches the citizen.
    const citizen = await citizenCasePage(c.id, 'zh-Hans');
    expect(JSON.stringify(citizen)).not.toContain('办结报告');
    expect(JSON.stringify(citizen)).not.toContain('支付凭证');
  });

  it('a unit files no report that was not asked for', async () => {
    const handler = (await staffUser('HANDLER', 'human-resources')).actor;
    const c = await newCase();
    const refused = await performCaseAction(handler, c.id, c.version, { action: 'fileReport', findings: '已办结。' });
    expect(refused).toMatchObject({ ok: false });
  });
});

describe("a completion report's documents (art. 22(3))", () => {
  const PDF = ascii('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
  const HTML = ascii('<!doctype html><html><script>fetch("/office")</script></html>');
  const MISSING = '00000000-0000-4000-8000-000000000000';

  async function signedIn(role: 'CLERK' | 'HANDLER' | 'SUPERVISOR', unitCode?: string) {
    const staff = await staffUser(role, unitCode);
    return { ...staff, token: await sessionToken(staff.user.id) };
  }

  /** A case the clerk accepted and assigned to `unit` with a completion report asked for (交办). */
  async function assignedWithReport(clerk: Actor, unit: string, c?: Awaited<ReturnType<typeof newCase>>) {
    const row = c ?? (await newCase());
    const dueOn = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    await step(clerk, row.id, { action: 'assign', unitId: await unitId(unit), assigneeId: null, reportDueOn: dueOn });
    await step(clerk, row.id, { action: 'accept' });
    return row;
  }

  type Document = { name: string; bytes: Uint8Array; type?: string };

  /** The report's form as a browser sends it: multipart with the documents chosen, to the page or its JSON twin. */
  async function sendReport(token: string, caseId: string, findings: string, documents: Document[], json = false): Promise<unknown> {
    const form = formData({ version: String((await reload(caseId)).version), findings });
    for (const d of documents) form.append('files', new File([Uint8Array.from(d.bytes)], d.name, { type: d.type ?? 'application/pdf' }));
    const request = officeRequest(`/office/cases/${caseId}/report${json ? '/upload' : ''}`, token, { method: 'POST', body: form });
    const args = { request, params: { caseId }, context: loadContext };
    return json ? await reportUpload.action(args) : await reportPage.action(args);
  }

  /** A download's answer: the file, or the 404 it throws. */
  const answer = async (run: Promise<Response>): Promise<Response> =>
    await run.catch((thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    });
  const staffDownload = async (token: string, caseId: string, id: string) =>
    await answer(
      staffDownloadRoute.loader({
        request: officeRequest(`/office/cases/${caseId}/attachments/${id}`, token),
        params: { caseId, id },
        context: loadContext,
      }),
    );
  const citizenDownload = async (caseId: string, id: string) =>
    await answer(
      citizenDownloadRoute.loader({
        request: new Request(`http://localhost/track/case/attachments/${id}`, {
          headers: { Cookie: trackCookie.serialize({ caseId }).split(';')[0] ?? '' },
        }),
        params: { id },
        context: loadContext,
      }),
    );
  /** What a refusal looks like: all of them must look the same. */
  const shape = async (response: Response) => ({
    status: response.status,
    body: await response.text(),
    disposition: response.headers.get('Content-Disposition'),
  });

  /** Every stored file under the run's upload folder. */
  function storedFiles(dir = env().STORAGE_DIR): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? storedFiles(full) : [full];
    });
  }

  const refusedAnswer = z.object({ data: z.unknown(), init: z.object({ status: z.number() }) });

  it("is filed with its documents, stored with the report and its author; the assigning clerk downloads them (audited); the case's citizen finds none", async () => {
    const clerk = await signedIn('CLERK');
    const handler = await signedIn('HANDLER', 'housing');
    const c = await assignedWithReport(clerk.actor, 'housing');

    const filed = await sendReport(handler.token, c.id, '已责成企业补发工资，附支付凭证。', [
      { name: '工资支付凭证.pdf', bytes: PDF },
      { name: '现场照片.jpg', bytes: jpegWithMetadata(), type: 'image/jpeg' },
    ]);
    expect(filed instanceof Response && [filed.status, filed.headers.get('Location')]).toEqual([303, `/office/cases/${c.id}`]);
    const cookie = filed instanceof Response ? (filed.headers.get('Set-Cookie') ?? '').split(';')[0] : '';
    expect(takeNotice(new Request('http://localhost/', { headers: { Cookie: cookie ?? '' } })).notice).toEqual({
      key: 'office:case.done.fileReport',
    });

    const report = await db().completionReport.findFirstOrThrow({
      where: { caseId: c.id },
      include: { attachments: { orderBy: { fileName: 'asc' } } },
    });
    expect(report).toMatchObject({ status: 'PENDING', authorId: handler.user.id, findings: '已责成企业补发工资，附支付凭证。' });
    expect(report.attachments.map((a) => [a.fileName, a.caseId, a.purpose, a.uploadedBy, a.uploadedById])).toEqual([
      ['工资支付凭证.pdf', c.id, 'completionReport', 'STAFF', handler.user.id],
      ['现场照片.jpg', c.id, 'completionReport', 'STAFF', handler.user.id],
    ]);
    // The same pipeline as citizens' files: the photo is kept without its hidden details.
    const photo = report.attachments[1]!;
    const photoBytes = new Uint8Array(await new Response(await storage().get(photo.storageKey)).arrayBuffer());
    for (const secret of Object.values(SECRETS)) expect(contains(photoBytes, secret), secret).toBe(false);

    // The case page lists them with the report.
    const page = await casePageData(clerk.actor, c.id, 'zh-Hans');
    expect(page.completion.reports.map((r) => r.attachments.map((a) => a.fileName).sort())).toEqual([['工资支付凭证.pdf', '现场照片.jpg']]);

    const pdf = report.attachments[0]!;
    const downloaded = await staffDownload(clerk.token, c.id, pdf.id);
    expect(downloaded.status).toBe(200);
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(PDF);
    expect(await db().auditLog.findMany({ where: { action: 'attachment.downloaded', actorId: clerk.user.id } })).toMatchObject([
      { targetType: 'Case', targetId: c.id, details: { attachmentId: pdf.id, purpose: 'completionReport' } },
    ]);

    // The citizen, with the case's own track session, neither lists nor downloads them: the same 404 as a file that is not there.
    const listed = await caseFiles({ citizenOf: c.id }, c.id);
    expect(listed.attachments.map((a) => a.id)).toEqual([]);
    const refusal = await shape(await citizenDownload(c.id, pdf.id));
    expect(refusal.status).toBe(404);
    expect(refusal).toEqual(await shape(await citizenDownload(c.id, MISSING)));
    expect(JSON.stringify(await citizenCasePage(c.id, 'zh-Hans'))).not.toContain('工资支付凭证');

    // Nor does an internal document make the citizen's own copy of it look "already there".
    expect(await addEvidence(c.id, [{ name: '凭证.pdf', size: PDF.length, bytes: PDF }])).toEqual({ ok: true, added: 1 });
  });

  it('refused documents (not what they claim, too large) or no findings: a 400 tied to the field, no report, nothing stored; with JavaScript the same as JSON', async () => {
    const clerk = await signedIn('CLERK');
    const handler = await signedIn('HANDLER', 'housing');
    const c = await assignedWithReport(clerk.actor, 'housing');
    const before = storedFiles().length;
    const big = new Uint8Array(ATTACHMENT_LIMITS.maxFileBytes + 1);
    big.set(PDF);

    const refused = refusedAnswer.parse(
      await sendReport(handler.token, c.id, '办结报告。', [
        { name: 'scan.pdf', bytes: HTML },
        { name: '大文件.pdf', bytes: big },
        { name: 'ok.pdf', bytes: PDF },
      ]),
    );
    expect(refused).toMatchObject({
      init: { status: 400 },
      data: {
        errors: {},
        values: { findings: '办结报告。' },
        formError: null,
        filesNotKept: true,
        fileErrors: [
          { problem: 'type', fileName: 'scan.pdf' },
          { problem: 'tooLarge', fileName: '大文件.pdf' },
        ],
      },
    });
    // Findings missing and a bad file: both problems at once.
    const both = refusedAnswer.parse(await sendReport(handler.token, c.id, '  ', [{ name: 'x.pdf', bytes: HTML }]));
    expect(both).toMatchObject({
      init: { status: 400 },
      data: { errors: { findings: 'findingsRequired' }, fileErrors: [{ problem: 'type', fileName: 'x.pdf' }] },
    });
    const noFindings = refusedAnswer.parse(await sendReport(handler.token, c.id, '', [{ name: 'ok.pdf', bytes: PDF }]));
    expect(noFindings).toMatchObject({ init: { status: 400 }, data: { errors: { findings: 'findingsRequired' }, fileErrors: [] } });

    const json = await sendReport(handler.token, c.id, '办结报告。', [{ name: 'scan.pdf', bytes: HTML }], true);
    expect(json instanceof Response && json.status).toBe(400);
    expect(json instanceof Response && (await json.json())).toMatchObject({
      ok: false,
      fileErrors: [{ problem: 'type', fileName: 'scan.pdf' }],
      filesNotKept: true,
    });
    // The office's clerk files no report (403); a handler of another unit finds no case (404); neither has a file read.
    const otherHandler = await signedIn('HANDLER', 'human-resources');
    const page = (token: string) => () =>
      reportPage.loader({ request: officeRequest(`/office/cases/${c.id}/report`, token), params: { caseId: c.id }, context: loadContext });
    expect([await statusOf(page(clerk.token)), await statusOf(page(otherHandler.token))]).toEqual([403, 404]);
    const post = (token: string) => () => sendReport(token, c.id, '办结报告。', [{ name: 'ok.pdf', bytes: PDF }]);
    expect([await statusOf(post(clerk.token)), await statusOf(post(otherHandler.token))]).toEqual([403, 404]);
    expect(await db().completionReport.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(0);
    expect(storedFiles()).toHaveLength(before);

    // A report refused by the step itself (one is already waiting) keeps none of its files either.
    const accepted = await sendReport(handler.token, c.id, '办结报告。', [{ name: 'ok.pdf', bytes: PDF }], true);
    expect(accepted instanceof Response && (await accepted.json())).toEqual({ ok: true, redirectTo: `/office/cases/${c.id}` });
    const stored = storedFiles().length;
    const pending = refusedAnswer.parse(
      await sendReport(handler.token, c.id, '再报一次。', [{ name: 'again.pdf', bytes: ascii('%PDF-1.7\n%%EOF\n') }]),
    );
    expect(pending).toMatchObject({ init: { status: 422 }, data: { formError: 'reportPending', values: { findings: '再报一次。' } } });
    expect(storedFiles()).toHaveLength(stored);
    expect(await db().completionReport.count({ where: { caseId: c.id } })).toBe(1);
  });

  it('of a report of misconduct: staff of the unit it accuses, and of the units below, find neither the case nor its documents (404, unaudited)', async () => {
    const clerk = await signedIn('CLERK');
    const discipline = await signedIn('HANDLER', 'discipline-inspection');
    const misconduct = await submitCase(
      await validSubmission({
        kind: 'MISCONDUCT_REPORT',
        categoryId: await anyCategoryId('law-and-justice'),
        body: `派出所民警多次索要好处费。${newIdempotencyKey()}`,
        reportedUnitId: await unitId('public-security'),
      }),
      { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' },
    );
    const c = await assignedWithReport(
      clerk.actor,
      'discipline-inspection',
      await db().case.findUniqueOrThrow({ where: { receiptNo: misconduct.receiptNo } }),
    );
    const filed = await sendReport(discipline.token, c.id, '经查属实，已立案审查。', [{ name: '立案决定书.pdf', bytes: PDF }]);
    expect(filed instanceof Response && filed.status).toBe(303);
    const document = await db().attachment.findFirstOrThrow({ where: { caseId: c.id, purpose: 'completionReport' } });

    expect((await staffDownload(clerk.token, c.id, document.id)).status).toBe(200);
    const notThere = await shape(await staffDownload(clerk.token, c.id, MISSING));
    for (const unit of ['public-security', 'public-security-dongcheng']) {
      const barred = await signedIn('SUPERVISOR', unit);
      expect(await shape(await staffDownload(barred.token, c.id, document.id)), unit).toEqual(notThere);
      await expect(casePageData(barred.actor, c.id, 'zh-Hans')).rejects.toBeInstanceOf(NotFoundError);
      expect(await db().auditLog.count({ where: { action: 'attachment.downloaded', actorId: barred.user.id } })).toBe(0);
    }
  });
});

describe('matters for the courts (arts. 22, 28)', () => {
  it('go to the political and legal affairs unit, and the citizen is told where and why', async () => {
    const c = await newCase({ categoryId: await anyCategoryId('litigation') });
    expect([c.unitId, c.routeReason]).toEqual([await unitId('political-legal'), 'courts']);
    const page = await citizenCasePage(c.id, 'en');
    expect(page?.routedTo).toBe('Municipal Political and Legal Affairs Commission');
    expect(page?.view.routeReason).toBe('courts');
  });
});
