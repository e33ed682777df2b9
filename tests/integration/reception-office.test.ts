// The back office's side of reception days and notices: who may do what (every loader and action
// called as each role), setting a day up and publishing it, and the day itself: attendance, the
// visit recorded on the linked case, and a new visit registered as a case with channel VISIT.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicCaseView } from '#app/features/cases/lookup.server.ts';
import { handleBooking } from '#app/features/reception/booking.server.ts';
import { createReceptionDay } from '#app/features/reception/day-setup.server.ts';
import { receptionDayForOffice, recordAttendance } from '#app/features/reception/desk.server.ts';
import { upcomingReceptionDays } from '#app/features/reception/portal-days.server.ts';
import { parseSlotLines } from '#app/features/reception/rules.ts';
import { appointmentForOffice, recordVisit, registerVisitAsCase } from '#app/features/reception/visits.server.ts';
import {
  canHandleReceptionDays,
  canManageNotices,
  canManageReceptionDays,
  canViewReceptionDays,
  type Actor,
} from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import * as noticeRoute from '#app/routes/office+/notices.$noticeId.tsx';
import * as noticesRoute from '#app/routes/office+/notices._index.tsx';
import * as newNoticeRoute from '#app/routes/office+/notices.new.tsx';
import * as dayRoute from '#app/routes/office+/reception.$dayId.tsx';
import * as appointmentRoute from '#app/routes/office+/reception.$dayId_.appointments.$appointmentId.tsx';
import * as daysRoute from '#app/routes/office+/reception._index.tsx';
import * as newDayRoute from '#app/routes/office+/reception.new.tsx';
import { anyCategoryId, newIdempotencyKey, staffUser } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';
import {
  bookingForm,
  caseWithCode,
  clientIp,
  newVisit,
  notice,
  receptionDay,
  shanghaiDay,
  shanghaiTime,
} from '../support/visit-fixtures.ts';

type Role = Actor['role'];
const ROLES: Role[] = ['CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST', 'ADMIN'];
const ctx = { locale: 'zh-Hans' as const, ipAddress: '192.0.2.77' };

async function book(slotId: string, form = newVisit()) {
  const outcome = await handleBooking(slotId, form, { clientIp: clientIp(), locale: 'zh-Hans' });
  if (!outcome.ok) throw new Error(`booking failed: ${JSON.stringify(outcome)}`);
  return db().appointment.findUniqueOrThrow({ where: { reference: outcome.booking.reference } });
}

const dayForm = (overrides: Record<string, string> = {}) =>
  formData({
    date: shanghaiDay(5),
    placeZhHans: '区信访接待中心一楼',
    placeZhHant: '區信訪接待中心一樓',
    placeEn: 'District reception centre, ground floor',
    officialZhHans: '副区长',
    officialZhHant: '副區長',
    officialEn: 'Deputy district head',
    slots: '09:00-09:30 2\n09:30-10:00 2\n\n14:00-14:30 1',
    ...overrides,
  });

describe('who may manage reception days and notices', () => {
  it('the permission functions', () => {
    const actor = (role: Role): Actor => ({ id: 'x', role, unitId: null });
    expect(ROLES.filter((r) => canManageReceptionDays(actor(r)))).toEqual(['SUPERVISOR', 'ADMIN']);
    expect(ROLES.filter((r) => canHandleReceptionDays(actor(r)))).toEqual(['CLERK', 'SUPERVISOR']);
    expect(ROLES.filter((r) => canViewReceptionDays(actor(r)))).toEqual(['CLERK', 'SUPERVISOR', 'ADMIN']);
    expect(ROLES.filter((r) => canManageNotices(actor(r)))).toEqual(['SUPERVISOR', 'ADMIN']);
  });

  it('every loader and action, as each role: refused with 403 and nothing written where the role may not', async () => {
    const day = await receptionDay({ daysFromToday: 0, published: false, slots: [{ start: '00:00', end: '00:30', capacity: 50 }] });
    // A booking made while the slot was still to come (the slot has begun by now, as on the day).
    const earlier = new Date(day.slots[0]!.startsAt.getTime() - 60_000);
    await db().receptionDay.update({ where: { id: day.dayId }, data: { published: true } });
    const outcome = await handleBooking(day.slots[0]!.id, newVisit(), { clientIp: clientIp(), locale: 'zh-Hans', now: earlier });
    if (!outcome.ok) throw new Error('booking failed');
    const appointment = await db().appointment.findUniqueOrThrow({ where: { reference: outcome.booking.reference } });
    await db().receptionDay.update({ where: { id: day.dayId }, data: { published: false } });
    const existing = await notice();

    /** What setting days up and writing notices could change, and what handling the day could. */
    const setup = async () => ({
      days: await db().receptionDay.count(),
      published: (await db().receptionDay.findUniqueOrThrow({ where: { id: day.dayId } })).published,
      notices: await db().notice.count(),
      notice: await db().notice.findUniqueOrThrow({
        where: { id: existing.id },
        select: { updatedAt: true, expiresAt: true, titleEn: true },
      }),
    });
    const handling = () =>
      db().appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: { status: true, attendedAt: true, caseId: true } });

    const results: Record<string, Record<string, number>> = {};
    for (const role of ROLES) {
      const person = await staffUser(role, role === 'HANDLER' ? 'housing' : undefined);
      const token = await sessionToken(person.user.id);
      const get = (path: string) => officeRequest(path, token);
      const post = (path: string, fields: Record<string, string>) => officeRequest(path, token, { method: 'POST', body: formData(fields) });
      const tag = randomBytes(3).toString('hex');
      const dayPath = `/office/reception/${day.dayId}`;
      const appointmentPath = `${dayPath}/appointments/${appointment.id}`;
      const dayParams = { dayId: day.dayId };
      const appointmentParams = { dayId: day.dayId, appointmentId: appointment.id };
      const noticeFields = {
        kind: 'FAQ',
        titleZhHans: `问 ${tag}`,
        titleZhHant: `問 ${tag}`,
        titleEn: `Q ${tag}`,
        bodyZhHans: '答',
        bodyZhHant: '答',
        bodyEn: 'A',
        publishOn: shanghaiDay(1),
        lastDay: '',
      };
      const before = { setup: await setup(), handling: await handling() };
      const calls: Record<string, () => Promise<unknown>> = {
        'days (view)': () => daysRoute.loader({ request: get('/office/reception'), params: {}, context: loadContext }),
        'new day (form)': () => newDayRoute.loader({ request: get('/office/reception/new'), params: {}, context: loadContext }),
        'new day (create)': () =>
          newDayRoute.action({
            request: officeRequest('/office/reception/new', token, { method: 'POST', body: dayForm() }),
            params: {},
            context: loadContext,
          }),
        'day (view)': () => dayRoute.loader({ request: get(dayPath), params: dayParams, context: loadContext }),
        'day (publish)': () => dayRoute.action({ request: post(dayPath, { intent: 'publish' }), params: dayParams, context: loadContext }),
        'day (attendance)': () =>
          dayRoute.action({
            request: post(dayPath, { intent: 'attendance', appointmentId: appointment.id, status: 'NO_SHOW' }),
            params: dayParams,
            context: loadContext,
          }),
        'booking (view)': () => appointmentRoute.loader({ request: get(appointmentPath), params: appointmentParams, context: loadContext }),
        'booking (attendance)': () =>
          appointmentRoute.action({
            request: post(appointmentPath, { intent: 'attendance', status: 'NO_SHOW' }),
            params: appointmentParams,
            context: loadContext,
          }),
        'notices (view)': () => noticesRoute.loader({ request: get('/office/notices'), params: {}, context: loadContext }),
        'new notice (form)': () => newNoticeRoute.loader({ request: get('/office/notices/new'), params: {}, context: loadContext }),
        'new notice (create)': () =>
          newNoticeRoute.action({ request: post('/office/notices/new', noticeFields), params: {}, context: loadContext }),
        'notice (view)': () =>
          noticeRoute.loader({ request: get(`/office/notices/${existing.id}`), params: { noticeId: existing.id }, context: loadContext }),
        'notice (edit)': () =>
          noticeRoute.action({
            request: post(`/office/notices/${existing.id}`, { intent: 'update', ...noticeFields }),
            params: { noticeId: existing.id },
            context: loadContext,
          }),
        'notice (take down)': () =>
          noticeRoute.action({
            request: post(`/office/notices/${existing.id}`, { intent: 'takeDown' }),
            params: { noticeId: existing.id },
            context: loadContext,
          }),
      };
      results[role] = {};
      for (const [name, call] of Object.entries(calls)) results[role]![name] = await statusOf(call);
      // A refused role changed nothing of what it was refused.
      if (results[role]!['new day (create)'] === 403) expect(await setup(), role).toEqual(before.setup);
      if (results[role]!['booking (attendance)'] === 403) expect(await handling(), role).toEqual(before.handling);
      // Put back what an allowed role changed, so the next role starts from the same state.
      await db().receptionDay.update({ where: { id: day.dayId }, data: { published: false } });
      await db().appointment.update({ where: { id: appointment.id }, data: { status: 'BOOKED', attendedAt: null } });
      await db().notice.update({ where: { id: existing.id }, data: { expiresAt: null } });
    }

    const ok = (s: number) => s === 200 || s === 303;
    const allowed = (role: Role) =>
      Object.entries(results[role]!)
        .filter(([, status]) => ok(status))
        .map(([name]) => name);
    const refused = (role: Role) =>
      Object.entries(results[role]!)
        .filter(([, status]) => status === 403)
        .map(([name]) => name);
    const everything = Object.keys(results.ADMIN!);
    const dayHandling = ['day (attendance)', 'booking (view)', 'booking (attendance)'];
    const daySetup = ['new day (form)', 'new day (create)', 'day (publish)'];
    const notices = ['notices (view)', 'new notice (form)', 'new notice (create)', 'notice (view)', 'notice (edit)', 'notice (take down)'];
    expect(allowed('SUPERVISOR')).toEqual(everything);
    expect(allowed('ADMIN')).toEqual(everything.filter((n) => !dayHandling.includes(n)));
    expect(refused('ADMIN')).toEqual(dayHandling);
    expect(allowed('CLERK')).toEqual(['days (view)', 'day (view)', ...dayHandling]);
    expect(refused('CLERK')).toEqual([...daySetup, ...notices].sort((a, b) => everything.indexOf(a) - everything.indexOf(b)));
    for (const role of ['HANDLER', 'ANALYST'] as const) expect(refused(role), role).toEqual(everything);
  });
});

describe('setting up a reception day', () => {
  it('creates a draft with its slots in the service time zone; publishing puts it on the portal', async () => {
    const admin = await staffUser('ADMIN');
    const unit = await db().unit.findUniqueOrThrow({ where: { code: 'housing' } });
    const form = dayForm();
    form.append('unitIds', unit.id);
    const created = await createReceptionDay(admin.actor, form);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const day = await db().receptionDay.findUniqueOrThrow({
      where: { id: created.id },
      include: { slots: { orderBy: { startsAt: 'asc' } } },
    });
    expect(day).toMatchObject({
      published: false,
      unitIds: [unit.id],
      categoryIds: [],
      officialEn: 'Deputy district head',
      createdById: admin.user.id,
    });
    const date = shanghaiDay(5);
    expect(day.slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString(), s.capacity, s.bookedCount])).toEqual([
      [shanghaiTime(date, '09:00').toISOString(), shanghaiTime(date, '09:30').toISOString(), 2, 0],
      [shanghaiTime(date, '09:30').toISOString(), shanghaiTime(date, '10:00').toISOString(), 2, 0],
      [shanghaiTime(date, '14:00').toISOString(), shanghaiTime(date, '14:30').toISOString(), 1, 0],
    ]);
    expect((await upcomingReceptionDays('zh-Hans')).map((d) => d.id)).not.toContain(created.id);

    const token = await sessionToken(admin.user.id);
    const response = await dayRoute.action({
      request: officeRequest(`/office/reception/${created.id}`, token, { method: 'POST', body: formData({ intent: 'publish' }) }),
      params: { dayId: created.id },
      context: loadContext,
    });
    expect((response as Response).status).toBe(303);
    // Back to the day's page, which shows "Published" once, from a flash notice (not ?done=).
    expect((response as Response).headers.get('Location')).toBe(`/office/reception/${created.id}`);
    expect((response as Response).headers.get('Set-Cookie')).toMatch(/^pd_notice=/);
    const listed = (await upcomingReceptionDays('zh-Hans')).find((d) => d.id === created.id);
    expect(listed?.slots).toHaveLength(3);
    expect(listed?.covers).toEqual([unit.nameZhHans]);
  });

  it('says what is wrong with a day, keeping what was typed', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const outcome = await createReceptionDay(
      supervisor.actor,
      dayForm({ date: shanghaiDay(-1), placeEn: '', slots: '09:00-09:30 2\n09:15-09:45 2' }),
    );
    expect(outcome).toMatchObject({ ok: false, status: 400, errors: { date: 'past', placeEn: 'required', slots: 'overlap' } });
    if (!outcome.ok) {
      expect(outcome.values.placeZhHans).toBe('区信访接待中心一楼');
      // The page names the slot's line, found again in what was typed by the same rule.
      expect(parseSlotLines(outcome.values.slots ?? '')).toMatchObject({ ok: false, error: 'overlap', line: 2 });
    }
    const bad = await createReceptionDay(supervisor.actor, dayForm({ date: '2026-02-30' }));
    expect(bad).toMatchObject({ ok: false, errors: { date: 'invalid' } });
    const form = dayForm();
    form.append('categoryIds', '00000000-0000-4000-8000-000000000000');
    expect(await createReceptionDay(supervisor.actor, form)).toMatchObject({ ok: false, errors: { categoryIds: 'invalid' } });
  });
});

describe('the day itself', () => {
  it('shows who booked to the staff who receive them (logged), and only counts to administrators', async () => {
    const day = await receptionDay();
    await book(day.slots[0]!.id, newVisit({ name: '赵六' }));
    const clerk = await staffUser('CLERK');
    const admin = await staffUser('ADMIN');
    const forClerk = await receptionDayForOffice(clerk.actor, day.dayId, ctx);
    expect(forClerk.slots[0]?.appointments?.map((a) => a.name)).toEqual(['赵六']);
    expect(await db().auditLog.count({ where: { actorId: clerk.user.id, action: 'contact.viewed', targetId: day.dayId } })).toBe(1);
    const forAdmin = await receptionDayForOffice(admin.actor, day.dayId, ctx);
    expect(forAdmin.slots[0]).toMatchObject({ booked: 1, appointments: null });
    expect(await db().auditLog.count({ where: { actorId: admin.user.id, action: 'contact.viewed' } })).toBe(0);
  });

  it('records attendance from the start of the day, and corrects it', async () => {
    const day = await receptionDay({ daysFromToday: 2 });
    const appointment = await book(day.slots[0]!.id);
    const clerk = await staffUser('CLERK');
    const dayStart = shanghaiTime(day.date, '00:00');
    const recorded = { ok: true, notice: { key: 'visits:office.day.done.attendance' } };
    expect(
      await recordAttendance(
        clerk.actor,
        { dayId: day.dayId, appointmentId: appointment.id },
        'ATTENDED',
        new Date(dayStart.getTime() - 1000),
      ),
    ).toMatchObject({
      ok: false,
      status: 409,
      formError: 'notYet',
    });
    expect(
      await recordAttendance(clerk.actor, { dayId: day.dayId, appointmentId: appointment.id }, 'ATTENDED', shanghaiTime(day.date, '09:05')),
    ).toEqual(recorded);
    expect(await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({
      status: 'ATTENDED',
      attendedAt: shanghaiTime(day.date, '09:05'),
    });
    expect(
      await recordAttendance(clerk.actor, { dayId: day.dayId, appointmentId: appointment.id }, 'NO_SHOW', shanghaiTime(day.date, '10:00')),
    ).toEqual(recorded);
    expect(await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({
      status: 'NO_SHOW',
      attendedAt: null,
    });
    // The booking must belong to the day named in the address.
    const other = await receptionDay();
    await expect(
      recordAttendance(clerk.actor, { dayId: other.dayId, appointmentId: appointment.id }, 'ATTENDED', shanghaiTime(day.date, '10:00')),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('records the visit on the linked case once, as a public event the citizen sees', async () => {
    const day = await receptionDay({ daysFromToday: 2 });
    const { caseId, receiptNo, accessCode } = await caseWithCode();
    const appointment = await book(day.slots[0]!.id, bookingForm({ mode: 'CASE', receiptNo, accessCode }));
    const supervisor = await staffUser('SUPERVISOR');
    const onTheDay = shanghaiTime(day.date, '09:20');
    const empty = await recordVisit(
      supervisor.actor,
      { dayId: day.dayId, appointmentId: appointment.id },
      formData({ note: '  ' }),
      onTheDay,
    );
    expect(empty).toMatchObject({ ok: false, status: 400, errors: { note: 'required' } });
    const note = '来访人反映工资仍未结清，已约定下周由劳动监察大队上门核查。';
    expect(
      await recordVisit(supervisor.actor, { dayId: day.dayId, appointmentId: appointment.id }, formData({ note, public: 'yes' }), onTheDay),
    ).toEqual({
      ok: true,
      notice: { key: 'visits:office.appointment.done.visitRecorded' },
    });
    expect(await recordVisit(supervisor.actor, { dayId: day.dayId, appointmentId: appointment.id }, formData({ note }), onTheDay)).toEqual({
      ok: false,
      status: 409,
      errors: {},
      values: {},
      formError: 'alreadyRecorded',
    });
    const events = await db().caseEvent.findMany({ where: { caseId, type: 'VISIT_RECEIVED' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: 'PUBLIC', actorType: 'STAFF', actorId: supervisor.user.id, message: note });
    const view = await publicCaseView(caseId);
    expect(view?.timeline.find((e) => e.type === 'VISIT_RECEIVED')?.message).toBe(note);
    expect((await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('ATTENDED');
    const detail = await appointmentForOffice(supervisor.actor, { dayId: day.dayId, appointmentId: appointment.id }, ctx, onTheDay);
    expect(detail.visitRecordedAt).not.toBeNull();
  });

  it('an internal visit note stays off the citizen timeline', async () => {
    const day = await receptionDay({ daysFromToday: 2 });
    const { caseId, receiptNo, accessCode } = await caseWithCode();
    const appointment = await book(day.slots[0]!.id, bookingForm({ mode: 'CASE', receiptNo, accessCode }));
    const clerk = await staffUser('CLERK');
    expect(
      await recordVisit(
        clerk.actor,
        { dayId: day.dayId, appointmentId: appointment.id },
        formData({ note: '内部记录' }),
        shanghaiTime(day.date, '09:20'),
      ),
    ).toEqual({ ok: true, notice: { key: 'visits:office.appointment.done.visitRecorded' } });
    expect((await db().caseEvent.findFirstOrThrow({ where: { caseId, type: 'VISIT_RECEIVED' } })).visibility).toBe('INTERNAL');
    expect((await publicCaseView(caseId))?.timeline.some((e) => e.type === 'VISIT_RECEIVED')).toBe(false);
  });

  it('registers a new visit as a case with channel VISIT, linked to the booking', async () => {
    const day = await receptionDay({ daysFromToday: 2 });
    const appointment = await book(
      day.slots[0]!.id,
      newVisit({ name: '钱七', phone: '13900001111', topic: '楼上漏水', representatives: '2' }),
    );
    const clerk = await staffUser('CLERK');
    const onTheDay = shanghaiTime(day.date, '09:10');
    const key = newIdempotencyKey();
    const fields = {
      idempotencyKey: key,
      // Whatever the form says, the channel is the visit's.
      channel: 'LETTER',
      kind: 'HELP_REQUEST',
      categoryId: await anyCategoryId('housing'),
      subject: '楼上住户漏水多次协商未果',
      body: '楼上住户卫生间漏水已两个月，多次协商未果，天花板发霉，请求协调处理。',
      coSignerCount: '2',
      name: '钱七',
      phone: '13900001111',
      preferredReplyChannel: 'PHONE',
      consent: 'yes',
    };
    const register = (form: FormData) =>
      registerVisitAsCase(clerk.actor, { dayId: day.dayId, appointmentId: appointment.id }, form, 'zh-Hans', onTheDay);
    const invalid = await register(formData({ ...fields, body: '短' }));
    expect(invalid).toMatchObject({ ok: false, status: 400, errors: { body: 'body.tooShort' } });
    const outcome = await register(formData(fields));
    expect(outcome).toMatchObject({ ok: true, linked: true });
    if (!outcome.ok) return;
    const created = await db().case.findUniqueOrThrow({ where: { receiptNo: outcome.receipt.receiptNo } });
    expect(created.channel).toBe('VISIT');
    expect(await db().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({
      caseId: created.id,
      status: 'ATTENDED',
    });
    // A retry of the same form finds the same case; another form is refused (already linked).
    const retry = await register(formData(fields));
    expect(retry).toMatchObject({ ok: true, linked: true, receipt: { receiptNo: created.receiptNo } });
    const another = await register(formData({ ...fields, idempotencyKey: newIdempotencyKey() }));
    expect(another).toEqual({ ok: false, status: 409, errors: {}, values: {}, formError: 'alreadyLinked' });
    expect(await db().caseEvent.count({ where: { actorId: clerk.user.id, type: 'SUBMITTED' } })).toBe(1);
  });
});
