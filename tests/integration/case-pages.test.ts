// The back office's case pages as a browser uses them: forms sent url-encoded to the route actions,
// answered with a flash notice (303) or the refused form (the fields' codes, what was typed, and
// 400, 409 or 422), and a case or cluster that is not the actor's found nowhere (404).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { casePageData } from '#app/features/cases/case-page.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import * as caseRoute from '#app/routes/office+/cases.$caseId.tsx';
import * as warningRoute from '#app/routes/office+/cases.$caseId_.warning.tsx';
import * as registerRoute from '#app/routes/office+/cases.new.tsx';
import * as clusterRoute from '#app/routes/office+/clusters.$clusterId.tsx';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';

async function newCase(overrides: Parameters<typeof validSubmission>[0] = {}) {
  const receipt = await submitCase(await validSubmission(overrides), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

async function signedIn(role: 'CLERK' | 'HANDLER' | 'SUPERVISOR', unitCode?: string) {
  const staff = await staffUser(role, unitCode);
  return { ...staff, token: await sessionToken(staff.user.id) };
}

type Action = (args: { request: Request; params: Record<string, string>; context: typeof loadContext }) => Promise<unknown>;

/** What an action answers (a thrown Response included): its status, its data, its headers. */
async function post(action: Action, path: string, token: string, fields: Record<string, string>, params: Record<string, string>) {
  let result: unknown;
  try {
    result = await action({
      request: officeRequest(path, token, { method: 'POST', body: formData(fields) }),
      params,
      context: loadContext,
    });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, data: null, headers: result.headers };
  const answer = z.object({ data: z.unknown(), init: z.object({ status: z.number().optional() }).nullable() }).parse(result);
  return { status: answer.init?.status ?? 200, data: answer.data, headers: new Headers() };
}

/** Forms posted to one page as one staff member. */
function pageAt(action: Action, path: string, token: string, params: Record<string, string>) {
  return async (fields: Record<string, string>) => await post(action, path, token, fields, params);
}

const notice = (headers: Headers) => headers.get('Set-Cookie') ?? '';

describe('the case page', () => {
  it('takes a step and goes back to the case with a notice', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase();
    const answer = await post(
      caseRoute.action,
      `/office/cases/${c.id}`,
      clerk.token,
      { intent: 'accept', version: String(c.version) },
      { caseId: c.id },
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get('Location')).toBe(`/office/cases/${c.id}`);
    expect(notice(answer.headers)).toMatch(/^pd_notice=/);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('ACCEPTED');
  });

  it('sends a refused form back with the field it is about, what was typed, and the form it came from', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase();
    const send = pageAt(caseRoute.action, `/office/cases/${c.id}`, clerk.token, { caseId: c.id });
    const declined = await send({ intent: 'decline', version: String(c.version), reason: ' ', referral: '法院' });
    expect(declined).toMatchObject({
      status: 422,
      data: { errors: { reason: 'declineReasonRequired' }, values: { intent: 'decline', referral: '法院' }, formError: null },
    });
    const noUnit = await send({ intent: 'assign', version: String(c.version), unitId: '' });
    expect(noUnit).toMatchObject({ status: 400, data: { errors: { unitId: 'unitRequired' }, values: { intent: 'assign' } } });
    const educationHandler = (await staffUser('HANDLER', 'education')).user.id;
    const elsewhere = await send({
      intent: 'assign',
      version: String(c.version),
      unitId: await unitId('housing'),
      assigneeId: educationHandler,
    });
    expect(elsewhere).toMatchObject({ status: 422, data: { errors: { assigneeId: 'assigneeNotInUnit' } } });
    const stale = await send({ intent: 'note', version: String(c.version + 3), message: '备注' });
    expect(stale).toMatchObject({ status: 409, data: { errors: {}, formError: 'conflict', values: { intent: 'note', message: '备注' } } });
    const unknown = await send({ intent: 'shred', version: '0' });
    expect(unknown).toMatchObject({ status: 400, data: { errors: {}, formError: 'invalid' } });
    // Nothing of it reached the case.
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([after.status, after.version]).toEqual(['SUBMITTED', c.version]);
  });

  it('shows the contact details on their own answer, logged; a case of another unit is not there', async () => {
    const handler = await signedIn('HANDLER', 'human-resources');
    const other = await signedIn('HANDLER', 'housing');
    const c = await newCase();
    const shown = await post(caseRoute.action, `/office/cases/${c.id}`, handler.token, { intent: 'showContact' }, { caseId: c.id });
    expect(shown).toMatchObject({ status: 200, data: { contact: { name: '李雷' } } });
    expect(await db().auditLog.count({ where: { actorId: handler.user.id, action: 'contact.viewed', targetId: c.id } })).toBe(1);
    const hidden = await post(caseRoute.action, `/office/cases/${c.id}`, other.token, { intent: 'showContact' }, { caseId: c.id });
    expect(hidden.status).toBe(404);
    const note = await post(
      caseRoute.action,
      `/office/cases/${c.id}`,
      other.token,
      { intent: 'note', version: '0', message: 'x' },
      { caseId: c.id },
    );
    expect(note.status).toBe(404);
  });

  it('refuses a multipart body (415) and a malformed id (404) before anything else', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase();
    const multipart = new FormData();
    multipart.set('intent', 'accept');
    multipart.set('file', new Blob(['x']), 'x.txt');
    const request = officeRequest(`/office/cases/${c.id}`, clerk.token, { method: 'POST', body: multipart });
    await expect(caseRoute.action({ request, params: { caseId: c.id }, context: loadContext })).rejects.toMatchObject({ status: 415 });
    const malformed = await post(caseRoute.action, '/office/cases/x', clerk.token, { intent: 'accept', version: '0' }, { caseId: 'x' });
    expect(malformed.status).toBe(404);
  });
});

describe('someone else working on a case', () => {
  it('names who else opened it in the last 10 minutes, never the reader, and forgets them after', async () => {
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    const clerk = await staffUser('CLERK');
    const supervisor = await staffUser('SUPERVISOR');
    const at = new Date();
    const first = await casePageData(clerk.actor, c.id, 'zh-Hans', at);
    expect(first.workingNow).toEqual({ minutes: 10, people: [] });
    const second = await casePageData(supervisor.actor, c.id, 'zh-Hans', new Date(at.getTime() + 60_000));
    expect(second.workingNow.people).toEqual([{ name: clerk.user.name, openedAt: at }]);
    // The clerk, back a few minutes later, sees the supervisor, and not themselves.
    const back = await casePageData(clerk.actor, c.id, 'zh-Hans', new Date(at.getTime() + 5 * 60_000));
    expect(back.workingNow.people.map((person) => person.name)).toEqual([supervisor.user.name]);
    // Eleven minutes after the supervisor's opening, the clerk is alone again.
    const later = await casePageData(clerk.actor, c.id, 'zh-Hans', new Date(at.getTime() + 12 * 60_000));
    expect(later.workingNow.people).toEqual([]);
    // One row a person and case, its time renewed.
    expect(await db().caseView.count({ where: { caseId: c.id } })).toBe(2);
  });
});

describe('the warning page', () => {
  it('asks for a choice, then records it and goes back to the case; a role that may not is refused', async () => {
    const clerk = await signedIn('CLERK');
    const c = await newCase({ coSignerCount: 12, area: `警示-${newIdempotencyKey()}` });
    const path = `/office/cases/${c.id}/warning`;
    const params = { caseId: c.id };
    const send = pageAt(warningRoute.action, path, clerk.token, params);
    const empty = await send({ intent: 'milestone', version: String(c.version) });
    expect(empty).toMatchObject({ status: 400, data: { errors: { milestone: 'required' }, formError: null } });
    const same = await send({ intent: 'override', version: String(c.version), level: 'RED', reason: '核实' });
    expect(same).toMatchObject({ status: 422, data: { formError: 'sameLevel' } });
    const done = await send({ intent: 'milestone', version: String(c.version), milestone: 'response' });
    expect(done.status).toBe(303);
    expect(done.headers.get('Location')).toBe(`/office/cases/${c.id}`);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).respondedAt).not.toBeNull();
    // Analysts never see the case: the page is not there for them.
    const analyst = await staffUser('ANALYST');
    const refused = await post(warningRoute.action, path, await sessionToken(analyst.user.id), { intent: 'milestone' }, params);
    expect(refused.status).toBe(404);
  });
});

describe('the cluster page', () => {
  it('names the field of a refused split; a cluster that does not exist is a 404', async () => {
    const supervisor = await signedIn('SUPERVISOR');
    const area = `聚类-${newIdempotencyKey()}`;
    const body = '幸福小区的电梯坏了半年，物业一直不修，老人上下楼非常困难，请督促物业尽快维修电梯';
    await newCase({ area, subject: '电梯坏了', body });
    const second = await newCase({ area, subject: '电梯坏了', body });
    const clusterId = second.clusterId!;
    const path = `/office/clusters/${clusterId}`;
    const none = await post(clusterRoute.action, path, supervisor.token, { intent: 'split' }, { clusterId });
    expect(none).toMatchObject({ status: 400, data: { errors: { caseIds: 'noneChosen' } } });
    const confirmed = await post(clusterRoute.action, path, supervisor.token, { intent: 'confirm' }, { clusterId });
    expect(confirmed.status).toBe(303);
    expect(notice(confirmed.headers)).toMatch(/^pd_notice=/);
    const missing = crypto.randomUUID();
    const gone = await post(
      clusterRoute.action,
      `/office/clusters/${missing}`,
      supervisor.token,
      { intent: 'confirm' },
      { clusterId: missing },
    );
    expect(gone.status).toBe(404);
  });
});

describe('registering a case', () => {
  it('sends the form back with every problem, then registers it and shows the receipt once', async () => {
    const clerk = await signedIn('CLERK');
    const key = newIdempotencyKey();
    const empty = await post(registerRoute.action, '/office/cases/new', clerk.token, { idempotencyKey: key }, {});
    expect(empty).toMatchObject({
      status: 400,
      data: {
        errors: { channel: 'channel.required', receivedOn: 'receivedOn.invalid', categoryId: 'categoryId.required' },
        values: { idempotencyKey: key },
      },
    });
    const future = await post(
      registerRoute.action,
      '/office/cases/new',
      clerk.token,
      { idempotencyKey: key, channel: 'LETTER', receivedOn: '2999-01-01' },
      {},
    );
    expect(future).toMatchObject({ status: 400, data: { errors: { receivedOn: 'receivedOn.invalid' }, values: { channel: 'LETTER' } } });
    const letter = await validSubmission({ area: `登记-${key}` });
    const fields = Object.fromEntries(
      Object.entries({
        ...letter,
        coSignerCount: String(letter.coSignerCount),
        anonymous: letter.anonymous ? 'yes' : '',
        consent: 'yes',
      }).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
    );
    const done = await post(
      registerRoute.action,
      '/office/cases/new',
      clerk.token,
      { ...fields, idempotencyKey: key, channel: 'LETTER', receivedOn: '2026-01-05' },
      {},
    );
    expect(done).toMatchObject({ status: 200, data: { receiptNo: expect.any(String), accessCode: expect.any(String) } });
    // A letter of an earlier day counts from the start of that day, in the service's zone.
    const registered = await db().case.findUniqueOrThrow({
      where: { receiptNo: z.object({ receiptNo: z.string() }).parse(done.data).receiptNo },
    });
    expect(registered.receivedAt).toEqual(startOfCivilDay({ year: 2026, month: 1, day: 5 }, serviceTimeZone()));
    expect(registered.channel).toBe('LETTER');
  });
});
