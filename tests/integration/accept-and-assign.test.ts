// Triage in one submission from the case page: accepting and assigning at once (two events, two
// messages, one transaction), the roles and the hostile input refused as for the separate steps,
// and "Save and next" going on to the next case of the queue view the case was opened from.
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptAndAssign } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import * as caseRoute from '#app/routes/office+/cases.$caseId.tsx';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { noticeOf } from '../support/notices.ts';
import { formData, loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';

async function newCase() {
  const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
  return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
}

async function signedIn(role: 'CLERK' | 'HANDLER' | 'SUPERVISOR', unitCode?: string) {
  const staff = await staffUser(role, unitCode);
  return { ...staff, token: await sessionToken(staff.user.id) };
}

/** What the case page's action answers: its status, its data, and the response when it redirects. */
async function post(caseId: string, token: string, fields: Record<string, string>, queue?: string) {
  const path = `/office/cases/${caseId}${queue === undefined ? '' : `?${new URLSearchParams({ queue })}`}`;
  let result: unknown;
  try {
    result = await caseRoute.action({
      request: officeRequest(path, token, { method: 'POST', body: formData(fields) }),
      params: { caseId },
      context: loadContext,
    });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, data: null, response: result };
  const answer = z.object({ data: z.unknown(), init: z.object({ status: z.number().optional() }).nullable() }).parse(result);
  return { status: answer.init?.status ?? 200, data: answer.data, response: null };
}

const eventsOf = async (caseId: string) => await db().caseEvent.findMany({ where: { caseId, actorType: 'STAFF' }, orderBy: { id: 'asc' } });

describe('accept and assign', () => {
  it('accepts and assigns in one submission: two events and their messages, the claims listed, back to the case with its queue', async () => {
    const clerk = await signedIn('CLERK');
    const { user: handler } = await staffUser('HANDLER', 'housing');
    const c = await newCase();
    const answer = await post(
      c.id,
      clerk.token,
      {
        intent: 'acceptAssign',
        version: String(c.version),
        claims: '补发工资\n支付加班费',
        unitId: await unitId('housing'),
        assigneeId: handler.id,
      },
      'view=mine',
    );
    expect(answer.status).toBe(303);
    expect(answer.response?.headers.get('Location')).toBe(`/office/cases/${c.id}?queue=view%3Dmine`);
    expect(noticeOf(answer.response!)).toEqual({ key: 'office:case.done.acceptAssign' });

    const after = await db().case.findUniqueOrThrow({ where: { id: c.id }, include: { claims: { orderBy: { position: 'asc' } } } });
    expect(after).toMatchObject({ status: 'ACCEPTED', unitId: await unitId('housing'), assigneeId: handler.id, version: c.version + 2 });
    expect(after.acceptedAt).not.toBeNull();
    expect(after.nextDueAt).toEqual(after.replyDueAt);
    expect(after.claims.map((claim) => claim.text)).toEqual(['补发工资', '支付加班费']);
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ['ACCEPTED', 'SUBMITTED', 'ACCEPTED', clerk.user.id],
      ['ASSIGNED', 'ACCEPTED', 'ACCEPTED', clerk.user.id],
    ]);
    const messages = await db().outboxMessage.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' } });
    expect(messages.map((m) => m.template)).toEqual(expect.arrayContaining(['case.accepted', 'staff.assigned']));
    expect(messages.find((m) => m.template === 'staff.assigned')?.staffId).toBe(handler.id);
  });

  it('is refused to a role that may not take both steps, and changes nothing', async () => {
    const handler = await signedIn('HANDLER', 'housing');
    const c = await newCase();
    await db().case.update({ where: { id: c.id }, data: { unitId: await unitId('housing') } });
    const fields = { intent: 'acceptAssign', version: String(c.version), unitId: await unitId('housing') };
    expect((await post(c.id, handler.token, fields)).status).toBe(403);
    await expect(
      acceptAndAssign(handler.actor, c.id, c.version, { claims: null, unitId: await unitId('housing'), assigneeId: null }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('SUBMITTED');
    expect(await eventsOf(c.id)).toEqual([]);
  });

  it('refuses a unit or handler it cannot take on their fields (4xx), naming every field at fault, and writes neither step', async () => {
    const clerk = await signedIn('CLERK');
    const { user: elsewhere } = await staffUser('HANDLER', 'education');
    const c = await newCase();
    const base = { intent: 'acceptAssign', version: String(c.version) };
    const housing = await unitId('housing');

    expect(await post(c.id, clerk.token, { ...base, unitId: 'not-a-unit' })).toMatchObject({
      status: 400,
      data: { errors: { unitId: 'unitRequired' }, values: { intent: 'acceptAssign' } },
    });
    expect(await post(c.id, clerk.token, { ...base, unitId: housing, assigneeId: "x' OR 1=1" })).toMatchObject({
      status: 400,
      data: { errors: { assigneeId: 'invalid' } },
    });
    expect(await post(c.id, clerk.token, { ...base, unitId: '00000000-0000-4000-8000-00000000dead' })).toMatchObject({
      status: 422,
      data: { errors: { unitId: 'unitRequired' } },
    });
    expect(await post(c.id, clerk.token, { ...base, unitId: housing, assigneeId: elsewhere.id, claims: '' })).toMatchObject({
      status: 422,
      data: { errors: { claims: expect.any(String), assigneeId: 'assigneeNotInUnit' }, values: { intent: 'acceptAssign' } },
    });
    expect(await post(c.id, clerk.token, { ...base, version: String(c.version + 5), unitId: housing })).toMatchObject({
      status: 409,
      data: { formError: 'conflict' },
    });
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect([after.status, after.version, after.unitId]).toEqual(['SUBMITTED', c.version, c.unitId]);
    expect(await eventsOf(c.id)).toEqual([]);
  });
});

describe('save and next', () => {
  /** Three new cases alone in a queue view of their own day received, due one after another. */
  async function queueOfThree() {
    const day = `19${String(randomInt(10, 99))}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`;
    const cases = [];
    for (const [i, due] of ['2030-01-01', '2030-01-02', '2030-01-03'].entries()) {
      const c = await newCase();
      cases.push(
        await db().case.update({
          where: { id: c.id },
          data: { receivedAt: new Date(`${day}T0${i + 1}:00:00Z`), nextDueAt: new Date(`${due}T00:00:00Z`) },
        }),
      );
    }
    return { cases, queue: `status=SUBMITTED&receivedFrom=${day}&receivedTo=${day}` };
  }

  it('goes on to the next case of the queue view, then back to the view with a notice after the last', async () => {
    const clerk = await signedIn('CLERK');
    const housing = await unitId('housing');
    const { cases, queue } = await queueOfThree();
    const [first, second, third] = cases as [(typeof cases)[number], (typeof cases)[number], (typeof cases)[number]];
    const triage = async (c: (typeof cases)[number]) =>
      await post(c.id, clerk.token, { intent: 'acceptAssign', version: String(c.version), unitId: housing, then: 'next' }, queue);

    const one = await triage(first);
    expect(one.response?.headers.get('Location')).toBe(`/office/cases/${second.id}?${new URLSearchParams({ queue })}`);
    expect(noticeOf(one.response!)).toEqual({ key: 'office:case.doneNext', values: { receiptNo: first.receiptNo } });
    // The view's order is where the cases stood: the second comes next even when asked from the third.
    expect((await triage(second)).response?.headers.get('Location')).toContain(third.id);
    const last = await triage(third);
    expect(last.response?.headers.get('Location')).toBe(`/office?${queue}`);
    expect(noticeOf(last.response!)).toEqual({ key: 'office:case.doneLast', values: { receiptNo: third.receiptNo } });
    for (const c of cases) expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('ACCEPTED');
  });

  it('follows the view where the step left the case behind it, and other triage steps too', async () => {
    const clerk = await signedIn('CLERK');
    const { cases, queue } = await queueOfThree();
    const [first, second] = cases as [(typeof cases)[number], (typeof cases)[number]];
    // Without the status filter the accepted case stays in the view, later: next is still the case after where it stood.
    const all = queue.replace('status=SUBMITTED&', '');
    const accepted = await post(first.id, clerk.token, { intent: 'accept', version: String(first.version), then: 'next' }, all);
    expect(accepted.response?.headers.get('Location')).toContain(second.id);
    // Without "then", the page comes back to the case, with its queue.
    const plain = await post(second.id, clerk.token, { intent: 'accept', version: String(second.version) }, all);
    expect(plain.response?.headers.get('Location')).toBe(`/office/cases/${second.id}?${new URLSearchParams({ queue: all })}`);
    // A step that offers no "Save and next" ignores it.
    const note = await post(
      second.id,
      clerk.token,
      { intent: 'note', version: String(second.version + 1), message: '备注', then: 'next' },
      all,
    );
    expect(note.response?.headers.get('Location')).toBe(`/office/cases/${second.id}?${new URLSearchParams({ queue: all })}`);
  });
});
