// The transfer letter (转送函) of a forwarded case, through its route as a browser uses it: the
// citizen's personal data masked by default (the contact details the case holds and the patterns),
// the spans listed for staff, unmasking with a reason by whoever may forward (an internal event and
// one audit entry a span, once however often it is posted), every other role refused on the
// server, and a report of misconduct not there at all for the unit it is about (arts. 30, 46(5)).
import { describe, expect, it } from 'vitest';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import * as transferRoute from '#app/routes/office+/cases.$caseId_.transfer.tsx';
import { anyCategoryId, newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';
import type { StaffRole } from '#app/features/staff/permissions.ts';

// GB 11643's own example, and the same digits with a check digit that does not match them.
const VALID_ID = '11010519491231002X';
const WRONG_CHECK = '110105194912310021';
const MISSING = '00000000-0000-4000-8000-000000000000';

async function signedIn(role: StaffRole, unitCode?: string) {
  const staff = await staffUser(role, unitCode);
  return { ...staff, token: await sessionToken(staff.user.id) };
}

/** A letter naming its writer, with their phone, email, ID card number and address, forwarded by a clerk. */
async function forwardedCase(overrides: Parameters<typeof validSubmission>[0] = {}, agency = '省人力资源和社会保障厅') {
  const letter = await validSubmission(overrides);
  const body =
    overrides.body ??
    `我叫${letter.name}，身份证号${VALID_ID}，电话${letter.phone}，邮箱${letter.email}，住在建设路12号3栋401室。工资条编号${WRONG_CHECK}。`;
  const receipt = await submitCase({ ...letter, body }, { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  const clerk = await signedIn('CLERK');
  const done = await performCaseAction(clerk.actor, row.id, row.version, { action: 'forward', agency, message: '' });
  if (!done.ok) throw new Error(`not forwarded: ${done.formError ?? JSON.stringify(done.errors)}`);
  return { row, letter, clerk };
}

const page = (caseId: string, token: string, acceptLanguage?: string) =>
  transferRoute.loader({
    request: officeRequest(`/office/cases/${caseId}/transfer`, token, { acceptLanguage }),
    params: { caseId },
    context: loadContext,
  });

/** The route's answer to a post: the status and, for a refused form, its problem. */
async function unmask(caseId: string, token: string, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  try {
    const result = await transferRoute.action({
      request: officeRequest(`/office/cases/${caseId}/transfer`, token, { method: 'POST', body }),
      params: { caseId },
      context: loadContext,
    });
    if (result instanceof Response) return { status: result.status, location: result.headers.get('Location'), data: null };
    const init = (result as { init: { status?: number } | null; data: unknown }).init;
    return { status: init?.status ?? 200, location: null, data: (result as { data: unknown }).data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: null, data: null };
    throw thrown;
  }
}

/** A text of the letter as printed: its masks and what is shown. */
function printed(pieces: Awaited<ReturnType<typeof page>>['pieces']['body']): string {
  return pieces.map((p) => (p.kind === 'masked' ? `[${p.span}]` : p.text)).join('');
}

const unmaskAudits = (caseId: string) =>
  db().auditLog.findMany({ where: { action: 'transfer.unmasked', targetId: caseId }, orderBy: { id: 'asc' } });

describe('the transfer letter', () => {
  it('masks the name, phone, email, valid ID number and address, using the contact details and the patterns', async () => {
    const { row, letter, clerk } = await forwardedCase();
    const data = await page(row.id, clerk.token);
    expect(data.agency).toBe('省人力资源和社会保障厅');
    expect(data.receiptNo).toBe(row.receiptNo);
    expect(data.kind).toBe('COMPLAINT');
    expect(data.category).toBe('劳动工资与欠薪');
    expect(printed(data.pieces.body)).toBe(
      `我叫[name]，身份证号[idNumber]，电话[phone]，邮箱[email]，住在[address]。工资条编号${WRONG_CHECK}。`,
    );
    // Nothing the letter prints holds the citizen's details; staff see each span and what it was.
    const letterText = JSON.stringify(data.pieces);
    for (const detail of [letter.name, letter.phone, letter.email, VALID_ID, '建设路12号']) expect(letterText).not.toContain(detail);
    expect(data.spans.map((s) => [s.kind, s.text, s.unmasked])).toEqual([
      ['name', letter.name, null],
      ['idNumber', VALID_ID, null],
      ['phone', letter.phone, null],
      ['email', letter.email, null],
      ['address', '建设路12号3栋401室', null],
    ]);
    expect(data.canUnmask).toBe(true);
    expect(data.title).toBe(`${row.receiptNo} 的转送函`);
    // The date is the forwarding's, and the page speaks the reader's language.
    const forwarded = await db().caseEvent.findFirstOrThrow({ where: { caseId: row.id, type: 'FORWARDED' } });
    expect(new Date(data.forwardedAt)).toEqual(forwarded.createdAt);
    expect((await page(row.id, clerk.token, 'en')).category).toBe('Wages and unpaid wages');
  });

  it('is not there for a case that was not forwarded, nor for a malformed or unknown id', async () => {
    const clerk = await signedIn('CLERK');
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const open = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    expect(await statusOf(() => page(open.id, clerk.token))).toBe(404);
    expect(await statusOf(() => page(MISSING, clerk.token))).toBe(404);
    expect(await statusOf(() => page('not-a-uuid', clerk.token))).toBe(404);
    expect((await unmask(open.id, clerk.token, { spans: 'body:0-2', reason: '需要' })).status).toBe(404);
  });

  it('shows a span after it is unmasked with a reason: one internal event, one audit entry a span, and neither holds the text', async () => {
    const { row, letter, clerk } = await forwardedCase();
    const before = await page(row.id, clerk.token);
    const phone = before.spans.find((s) => s.kind === 'phone')!;
    const name = before.spans.find((s) => s.kind === 'name')!;
    const answer = await unmask(row.id, clerk.token, { spans: [phone.key, name.key], reason: '受理机关需电话联系信访人核实' });
    expect(answer).toMatchObject({ status: 303, location: `/office/cases/${row.id}/transfer` });

    const after = await page(row.id, clerk.token);
    expect(printed(after.pieces.body)).toBe(
      `我叫${letter.name}，身份证号[idNumber]，电话${letter.phone}，邮箱[email]，住在[address]。工资条编号${WRONG_CHECK}。`,
    );
    expect(after.spans.find((s) => s.key === phone.key)!.unmasked).toMatchObject({
      reason: '受理机关需电话联系信访人核实',
      by: 'CLERK tester',
    });

    const events = await db().caseEvent.findMany({ where: { caseId: row.id, type: 'TRANSFER_UNMASKED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: 'INTERNAL', actorId: clerk.user.id, message: '受理机关需电话联系信访人核实' });
    const audits = await unmaskAudits(row.id);
    expect(audits.map((a) => [a.actorId, a.ipAddress, (a.details as { kind: string }).kind])).toEqual([
      [clerk.user.id, loadContext.clientIp, 'name'],
      [clerk.user.id, loadContext.clientIp, 'phone'],
    ]);
    expect(audits[0]!.details).toMatchObject({ receiptNo: row.receiptNo, span: name.key, reason: '受理机关需电话联系信访人核实' });
    for (const written of [JSON.stringify(events[0]!.data), JSON.stringify(audits.map((a) => a.details))]) {
      expect(written).not.toContain(letter.phone);
      expect(written).not.toContain(letter.name);
    }

    // Posting it again (a retry, a second tab) records nothing more.
    const again = await unmask(row.id, clerk.token, { spans: phone.key, reason: '重复提交' });
    expect(again.status).toBe(303);
    expect(await unmaskAudits(row.id)).toHaveLength(2);
    expect(await db().caseEvent.count({ where: { caseId: row.id, type: 'TRANSFER_UNMASKED' } })).toBe(1);
  });

  it('refuses an unmasking without a span, without a reason, or of a span the letter does not have, and records nothing', async () => {
    const { row, clerk } = await forwardedCase();
    const { spans } = await page(row.id, clerk.token);
    expect(await unmask(row.id, clerk.token, { reason: '需要' })).toMatchObject({ status: 400, data: { errors: { spans: 'required' } } });
    expect(await unmask(row.id, clerk.token, { spans: spans[0]!.key, reason: '   ' })).toMatchObject({
      status: 400,
      data: { errors: { reason: 'required' }, values: { spans: spans[0]!.key } },
    });
    expect(await unmask(row.id, clerk.token, { spans: spans[0]!.key, reason: '长'.repeat(2001) })).toMatchObject({
      status: 400,
      data: { errors: { reason: 'tooLong' } },
    });
    expect(await unmask(row.id, clerk.token, { spans: [spans[0]!.key, 'body:0-1'], reason: '需要' })).toMatchObject({
      status: 422,
      data: { errors: { spans: 'unknown' } },
    });
    expect(await unmask(row.id, clerk.token, { spans: 'x'.repeat(5000), reason: '需要' })).toMatchObject({ status: 400 });
    expect(await unmaskAudits(row.id)).toHaveLength(0);
    expect(await db().caseEvent.count({ where: { caseId: row.id, type: 'TRANSFER_UNMASKED' } })).toBe(0);
  });

  it('lets each role do what it may, on the server: who may forward may unmask; who may see the case may read', async () => {
    const { row } = await forwardedCase();
    const { spans } = await page(row.id, (await signedIn('CLERK')).token);
    const expected: [string, Promise<{ token: string }>, number, number][] = [
      // [who, signed in, the page's status, the unmasking's status]
      ['clerk', signedIn('CLERK'), 200, 303],
      ['supervisor', signedIn('SUPERVISOR'), 200, 303],
      ["handler of the case's unit", signedIn('HANDLER', 'human-resources'), 200, 403],
      ['handler of another unit', signedIn('HANDLER', 'housing'), 404, 404],
      ['analyst', signedIn('ANALYST'), 404, 404],
      ['admin', signedIn('ADMIN'), 404, 404],
    ];
    expect(row.unitId).toBe(await unitId('human-resources'));
    for (const [who, signing, pageStatus, unmaskStatus] of expected) {
      const { token } = await signing;
      expect([who, await statusOf(() => page(row.id, token))]).toEqual([who, pageStatus]);
      if (pageStatus === 200) expect([who, (await page(row.id, token)).canUnmask]).toEqual([who, unmaskStatus === 303]);
      const key = spans[expected.findIndex(([name]) => name === who) % spans.length]!.key;
      expect([who, (await unmask(row.id, token, { spans: key, reason: '核实' })).status]).toEqual([who, unmaskStatus]);
    }
    // Only the clerk's and the supervisor's unmaskings were recorded.
    expect(await unmaskAudits(row.id)).toHaveLength(2);
  });

  it('keeps a forwarded report of misconduct from the unit it accuses and the units below it, whatever their role', async () => {
    const { row, clerk } = await forwardedCase(
      {
        kind: 'MISCONDUCT_REPORT',
        categoryId: await anyCategoryId('law-and-justice'),
        subject: '派出所民警索要好处费',
        body: `我在东城区开的小店被派出所民警多次索要好处费，电话13912345678。${newIdempotencyKey()}`,
        reportedUnitId: await unitId('public-security'),
        reportedOfficial: '王某',
      },
      '省纪委监委',
    );
    const barred: [string, StaffRole, string][] = [
      ['clerk of the unit', 'CLERK', 'public-security'],
      ['supervisor of the unit', 'SUPERVISOR', 'public-security'],
      ['handler of the unit', 'HANDLER', 'public-security'],
      ['supervisor below it', 'SUPERVISOR', 'public-security-dongcheng'],
      ['admin of the unit', 'ADMIN', 'public-security'],
    ];
    const { spans } = await page(row.id, clerk.token);
    for (const [who, role, unit] of barred) {
      const { token } = await signedIn(role, unit);
      // Exactly as for a case that does not exist.
      expect([who, await statusOf(() => page(row.id, token))]).toEqual([who, await statusOf(() => page(MISSING, token))]);
      expect([who, await statusOf(() => page(row.id, token))]).toEqual([who, 404]);
      expect([who, (await unmask(row.id, token, { spans: spans[0]!.key, reason: '核实' })).status]).toEqual([who, 404]);
    }
    expect(await unmaskAudits(row.id)).toHaveLength(0);
    // Opening the letter is an opening of the report, which its reporter sees by unit.
    expect(await db().caseOpening.count({ where: { caseId: row.id, staffId: clerk.user.id } })).toBeGreaterThan(0);
  });
});
