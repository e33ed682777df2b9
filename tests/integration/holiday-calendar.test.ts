// The public-holiday calendar against the real test database: admins add, change, import (CSV and
// iCalendar) and remove days through the page's action, each change audited; every other role is
// refused and writes nothing; each process's copy of the calendar follows the table; and the
// art. 23 objection limit (5 working days) counts with it, through the Spring Festival of 2026.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_REFRESH_MS, calendarNow, freshCalendar, reloadCalendar } from '#app/features/calendar/calendar-cache.server.ts';
import { changeCalendar } from '#app/features/calendar/calendar.server.ts';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { canManageCalendar, type Actor } from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import * as calendarRoute from '#app/routes/office+/calendar.tsx';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { noticeOf } from '../support/notices.ts';
import { formData, loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';

type Role = Actor['role'];

async function emptyCalendar() {
  await db().calendarDay.deleteMany({});
  await reloadCalendar();
}
beforeAll(emptyCalendar);
afterAll(emptyCalendar);

const stored = async () =>
  (await db().calendarDay.findMany({ orderBy: { day: 'asc' } })).map((row) => ({
    day: row.day.toISOString().slice(0, 10),
    kind: row.kind,
    name: row.name,
  }));
const calendarAudits = (actorId: string) =>
  db().auditLog.findMany({ where: { actorId, action: { startsWith: 'calendar.' } }, orderBy: { id: 'asc' } });

function post(token: string, body: FormData) {
  return calendarRoute.action({
    request: officeRequest('/office/calendar', token, { method: 'POST', body }),
    params: {},
    context: loadContext,
  });
}

/** A change that must go through: the 303 with its notice. */
async function saved(token: string, body: FormData): Promise<Response> {
  const answer = await post(token, body);
  if (!(answer instanceof Response)) throw new Error(`refused: ${JSON.stringify(answer)}`);
  return answer;
}

/** A file in the import form's upload field, sent multipart as a browser would. */
function fileForm(name: string, text: string, type: string): FormData {
  const form = formData({ intent: 'import' });
  form.append('files', new File([text], name, { type }));
  return form;
}

/** The official 2026 Spring Festival (国务院办公厅, 2025-11-04): 15–23 Feb off; Sat 14 and Sat 28 Feb worked. */
const SPRING_FESTIVAL_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//2026//ZH',
  'BEGIN:VEVENT',
  'UID:sf-2026@test',
  'DTSTART;VALUE=DATE:20260215',
  'DTEND;VALUE=DATE:20260224',
  'SUMMARY:春节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:sf-2026-w1@test',
  'DTSTART;VALUE=DATE:20260214',
  'SUMMARY:春节补班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:sf-2026-w2@test',
  'DTSTART;VALUE=DATE:20260228',
  'SUMMARY:春节补班',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('admins keep the calendar', () => {
  it('add a day, change it, and saving the same again changes nothing; each change audited', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);

    const added = await saved(token, formData({ intent: 'add', day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' }));
    expect(await statusOf(async () => added)).toBe(303);
    expect(noticeOf(added)).toMatchObject({ key: 'office-admin:calendar.done.added' });
    expect(await stored()).toEqual([{ day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' }]);

    await post(token, formData({ intent: 'add', day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节、中秋节' }));
    const same = await saved(token, formData({ intent: 'add', day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节、中秋节' }));
    expect(noticeOf(same)).toMatchObject({ key: 'office-admin:calendar.done.unchanged' });

    const audits = await calendarAudits(admin.user.id);
    expect(audits.map((a) => [a.action, a.targetId, a.ipAddress])).toEqual([
      ['calendar.dayAdded', '2026-10-01', loadContext.clientIp],
      ['calendar.dayChanged', '2026-10-01', loadContext.clientIp],
    ]);
    expect(audits[1]?.details).toEqual({
      before: { day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
      after: { day: '2026-10-01', kind: 'HOLIDAY', name: '国庆节、中秋节' },
    });
  });

  it('refuses a make-up working day on a weekday, with the problem tied to its field, and stores nothing', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const before = await stored();
    const refused = await post(token, formData({ intent: 'add', day: '2026-10-09', kind: 'WORKDAY', name: '' }));
    expect(await statusOf(async () => refused)).toBe(400);
    expect(refused).toMatchObject({ data: { form: 'add', errors: { day: 'workdayNotWeekend' }, values: { day: '2026-10-09' } } });
    expect(await stored()).toEqual(before);
    expect(await calendarAudits(admin.user.id)).toEqual([]);
  });

  it('imports a CSV and an iCalendar file: one audit entry an import that changed something', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const csv = 'date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-02,holiday,国庆节\n2026-10-10,workday,国庆节补班\n';
    const first = await saved(token, fileForm('2026.csv', csv, 'text/csv'));
    expect(await statusOf(async () => first)).toBe(303);
    // 1 October was there with another name: the file's name replaces it.
    expect(noticeOf(first)).toMatchObject({ key: 'office-admin:calendar.done.imported', values: { added: 2, changed: 1, unchanged: 0 } });
    const again = await saved(token, fileForm('2026.csv', csv, 'text/csv'));
    expect(noticeOf(again)).toMatchObject({ values: { added: 0, changed: 0, unchanged: 3 } });

    const ics = await saved(token, fileForm('china-2026.ics', SPRING_FESTIVAL_ICS, 'text/calendar'));
    expect(noticeOf(ics)).toMatchObject({ values: { added: 11, changed: 0, unchanged: 0 } });
    const days = await stored();
    expect(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.day)).toEqual(['2026-02-14', '2026-02-28', '2026-10-10']);
    expect(days.filter((d) => d.name === '春节')).toHaveLength(9);

    const audits = await calendarAudits(admin.user.id);
    expect(audits.map((a) => a.action)).toEqual(['calendar.imported', 'calendar.imported']);
    expect(audits[0]?.details).toMatchObject({ format: 'csv', fileName: '2026.csv', unchanged: 0 });
    expect(audits[1]?.details).toMatchObject({ format: 'ics', fileName: 'china-2026.ics' });
  });

  it('refuses a file it cannot take, naming the line, and stores nothing', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const before = await stored();
    const refused = await post(token, fileForm('bad.csv', '2026-05-01,holiday\n2026-05-02,day off\n', 'text/csv'));
    expect(await statusOf(async () => refused)).toBe(400);
    expect(refused).toMatchObject({ data: { form: 'import', errors: { files: 'csvKind' }, importProblem: { code: 'csvKind', line: 2 } } });
    const none = await post(token, formData({ intent: 'import' }));
    expect(none).toMatchObject({ data: { importProblem: { code: 'none' } } });
    expect(await stored()).toEqual(before);
    expect(await calendarAudits(admin.user.id)).toEqual([]);
  });

  it('removes a day, audited with what it was', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    await db().calendarDay.create({ data: { day: new Date('2027-01-01T00:00:00Z'), kind: 'HOLIDAY', name: '元旦' } });
    const removed = await saved(token, formData({ intent: 'remove', day: '2027-01-01' }));
    expect(noticeOf(removed)).toMatchObject({ key: 'office-admin:calendar.done.removed' });
    expect((await stored()).some((d) => d.day === '2027-01-01')).toBe(false);
    const again = await saved(token, formData({ intent: 'remove', day: '2027-01-01' }));
    expect(noticeOf(again)).toMatchObject({ key: 'office-admin:calendar.done.notThere' });
    const audits = await calendarAudits(admin.user.id);
    expect(audits.map((a) => [a.action, a.targetId])).toEqual([['calendar.dayRemoved', '2027-01-01']]);
    expect(audits[0]?.details).toEqual({ before: { day: '2027-01-01', kind: 'HOLIDAY', name: '元旦' } });
  });

  it('the page lists the days by year for admins', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const page = await calendarRoute.loader({ request: officeRequest('/office/calendar', token), params: {}, context: loadContext });
    const years = (page as { years: { year: number; holidays: number; workdays: number }[] }).years;
    expect(years.find((y) => y.year === 2026)).toMatchObject({ holidays: 11, workdays: 3 });
  });
});

describe('nobody else may change it', () => {
  const ROLES: Role[] = ['CLERK', 'HANDLER', 'SUPERVISOR', 'ANALYST'];

  it('admins only, by the permission', () => {
    const all: Role[] = [...ROLES, 'ADMIN'];
    expect(all.filter((role) => canManageCalendar({ id: 'x', role, unitId: null }))).toEqual(['ADMIN']);
  });

  it('every other role gets 403 from the page and the action, even with a valid form, and nothing is written', async () => {
    const before = await stored();
    for (const role of ROLES) {
      const person = await staffUser(role, role === 'HANDLER' ? 'housing' : undefined);
      const token = await sessionToken(person.user.id);
      const request = officeRequest('/office/calendar', token);
      expect(await statusOf(() => calendarRoute.loader({ request, params: {}, context: loadContext })), role).toBe(403);
      for (const body of [
        formData({ intent: 'add', day: '2026-12-25', kind: 'HOLIDAY', name: 'x' }),
        formData({ intent: 'remove', day: '2026-10-01' }),
        fileForm('x.csv', '2026-12-24,holiday\n', 'text/csv'),
      ]) {
        expect(await statusOf(() => post(token, body)), role).toBe(403);
      }
      // The feature checks the actor itself, whoever calls it.
      const direct = new Request('http://localhost/office/calendar', {
        method: 'POST',
        body: new URLSearchParams({ intent: 'remove', day: '2026-10-01' }),
      });
      await expect(changeCalendar(person.actor, direct, { ipAddress: '192.0.2.1', locale: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await calendarAudits(person.user.id)).toEqual([]);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('each process’s copy of the calendar', () => {
  it('follows a change made elsewhere within the refresh interval', async () => {
    await reloadCalendar();
    // Another process (here: straight into the table) adds a day.
    await db().calendarDay.create({ data: { day: new Date('2026-12-31T00:00:00Z'), kind: 'HOLIDAY', name: 'elsewhere' } });
    const has = (entries: readonly { day: string }[]) => entries.some((e) => e.day === '2026-12-31');
    expect(has(calendarNow())).toBe(false);
    expect(has(await freshCalendar())).toBe(false);
    // Once the copy is older than the interval, the next working-day clock reads the table first.
    expect(has(await freshCalendar(Date.now() + CALENDAR_REFRESH_MS))).toBe(true);
    expect(has(calendarNow())).toBe(true);
    await db().calendarDay.delete({ where: { day: new Date('2026-12-31T00:00:00Z') } });
    await reloadCalendar();
  });
});

describe('the objection limit counts with the calendar (art. 23, 5 working days)', () => {
  const shanghai = (local: string) => new Date(`${local}+08:00`);
  const endOfShanghaiDay = (isoDay: string) => new Date(`${isoDay}T15:59:59.999Z`);

  it('through the Spring Festival of 2026, with its make-up Saturdays; calendar-day limits unchanged', async () => {
    // The Spring Festival is in the calendar (imported above).
    expect((await stored()).filter((d) => d.day.startsWith('2026-02')).length).toBe(11);
    const receivedAt = shanghai('2026-02-12T10:00:00');
    const receipt = await submitCase(await validSubmission(), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans', now: receivedAt });
    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    // Thu 12 Feb: Fri 13, Sat 14 (补班), nine days off, Tue 24, Wed 25, Thu 26 (without the calendar: 19 Feb).
    expect(c.objectionDueAt).toEqual(endOfShanghaiDay('2026-02-26'));
    // Acceptance is 15 calendar days, holidays or not.
    expect(c.acceptDueAt).toEqual(endOfShanghaiDay('2026-02-27'));

    // Assigned to another unit on Wed 25 Feb: Thu 26, Fri 27, Sat 28 (补班), Mon 2 and Tue 3 March.
    const clerk = (await staffUser('CLERK')).actor;
    const assigned = await performCaseAction(
      clerk,
      c.id,
      c.version,
      { action: 'assign', unitId: await unitId('housing'), assigneeId: null },
      shanghai('2026-02-25T10:00:00'),
    );
    expect(assigned).toMatchObject({ ok: true });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).objectionDueAt).toEqual(endOfShanghaiDay('2026-03-03'));
  });
});
