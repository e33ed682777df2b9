// Report and ledger downloads against the real database, through their routes: files in the
// reader's language with no personal data (the ledger adds subjects only with a reason), every
// download audited as an export, and each role held to what it may read.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { performCaseAction } from '#app/features/cases/staff-actions.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import * as reportExport from '#app/routes/_resources+/office.reports_.export.tsx';
import * as ledgerRoute from '#app/routes/office+/reports.ledger.tsx';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { formData, loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';

const at = (local: string) => new Date(`${local}+08:00`);
const secret = randomBytes(4).toString('hex');
const personal = {
  name: `台账测试人${secret}`,
  phone: '13900004444',
  email: `ledger.${secret}@example.com`,
  subject: `台账隐私标题${secret}`,
  body: `台账隐私正文${secret}，公司拖欠工资。`,
};
const january = { period: 'month', date: '2022-01-15' };
let unitId = '';
let otherUnitId = '';
const receipts: string[] = [];

async function newUnit(code: string) {
  return (
    await db().unit.create({
      data: {
        code: `${code}-${randomBytes(3).toString('hex')}`,
        nameZhHans: `${code}单位`,
        nameZhHant: `${code}單位`,
        nameEn: `${code} unit`,
      },
    })
  ).id;
}

async function caseIn(unit: string, local: string, overrides: Partial<Awaited<ReturnType<typeof validSubmission>>> = {}) {
  const supervisor = await staffUser('SUPERVISOR');
  const when = at(local);
  const receipt = await submitCase(await validSubmission({ ...personal, ...overrides }), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
    now: when,
    receivedAt: when,
  });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  await performCaseAction(supervisor.actor, row.id, row.version, { action: 'assign', unitId: unit, assigneeId: null }, when);
  receipts.push(receipt.receiptNo);
  return row.id;
}

async function post(
  route: typeof reportExport | typeof ledgerRoute,
  path: string,
  token: string,
  fields: Record<string, string>,
  acceptLanguage = 'en',
) {
  return await route.action({
    request: officeRequest(path, token, { method: 'POST', body: formData(fields), acceptLanguage }),
    params: {},
    context: loadContext,
  });
}

async function file(result: unknown): Promise<Uint8Array> {
  if (!(result instanceof Response)) throw new Error(`expected a file, got ${JSON.stringify(result)}`);
  expect(result.status).toBe(200);
  return new Uint8Array(await result.arrayBuffer());
}

async function workbook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

function cells(book: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value)))));
  return out;
}

const exportsBy = (actorId: string) => db().auditLog.findMany({ where: { actorId, action: 'export' }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  unitId = await newUnit('exports');
  otherUnitId = await newUnit('exports-other');
  await caseIn(unitId, '2022-01-05T10:00:00');
  await caseIn(unitId, '2022-01-20T10:00:00');
  // A report of misconduct: handlers' files leave it out.
  await caseIn(unitId, '2022-01-21T10:00:00', { kind: 'MISCONDUCT_REPORT' });
  await caseIn(otherUnitId, '2022-01-06T10:00:00');
});

describe('report downloads', () => {
  it('Excel: one sheet per table, in the reader’s language, no personal data, audited', async () => {
    const analyst = await staffUser('ANALYST');
    const token = await sessionToken(analyst.user.id);
    const response = await post(reportExport, '/office/reports/export', token, { ...january, unit: unitId, format: 'xlsx' });
    expect(response instanceof Response && response.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response instanceof Response && response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="report-2022-01-unit-/,
    );
    const book = await workbook(await file(response));
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('Figures');
    expect(names).toEqual(expect.arrayContaining(['Cases received by channel', 'Cases received over time']));
    const figures = book.getWorksheet('Figures')!;
    const received = figures.getRows(2, figures.rowCount - 1)!.find((row) => row.getCell(2).value === 'received');
    expect(received?.getCell(3).value).toBe(3);
    const text = cells(book).join('\n');
    for (const value of [...Object.values(personal), secret, ...receipts]) expect(text).not.toContain(value);
    expect(await exportsBy(analyst.user.id)).toMatchObject([
      { targetType: 'Report', details: { what: 'report', format: 'xlsx', period: '2022-01', scope: unitId, locale: 'en' } },
    ]);
  });

  it('CSV: every table in one file, named in its first column', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const token = await sessionToken(supervisor.user.id);
    const bytes = await file(
      await post(reportExport, '/office/reports/export', token, { ...january, unit: unitId, format: 'csv' }, 'zh-CN'),
    );
    // A byte-order mark first, so spreadsheet programs read the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('表格,')).toBe(true);
    expect(text).toContain('主要指标,收件量,received,3,');
    for (const value of [...Object.values(personal), secret, ...receipts]) expect(text).not.toContain(value);
    expect(await exportsBy(supervisor.user.id)).toHaveLength(1);
  });

  it('refuses roles without reports, a handler asking for another unit, and a form that names no report; none is audited', async () => {
    const clerk = await staffUser('CLERK');
    expect(
      await statusOf(async () =>
        post(reportExport, '/office/reports/export', await sessionToken(clerk.user.id), { ...january, format: 'csv' }),
      ),
    ).toBe(403);
    const handler = await staffUser('HANDLER');
    await db().staffUser.update({ where: { id: handler.user.id }, data: { unitId } });
    const handlerToken = await sessionToken(handler.user.id);
    expect(
      await statusOf(() => post(reportExport, '/office/reports/export', handlerToken, { ...january, unit: otherUnitId, format: 'csv' })),
    ).toBe(404);
    expect(await statusOf(() => post(reportExport, '/office/reports/export', handlerToken, { ...january, format: 'pdf' }))).toBe(400);
    expect(await statusOf(() => post(reportExport, '/office/reports/export', handlerToken, { period: 'decade', format: 'csv' }))).toBe(400);
    const admin = await staffUser('ADMIN');
    expect(
      await statusOf(async () =>
        post(reportExport, '/office/reports/export', await sessionToken(admin.user.id), { ...january, unit: unitId, format: 'csv' }),
      ),
    ).toBe(403);
    for (const person of [clerk, handler, admin]) expect(await exportsBy(person.user.id)).toEqual([]);
    // A handler's own unit: misconduct reports left out.
    const own = new TextDecoder().decode(
      await file(await post(reportExport, '/office/reports/export', handlerToken, { ...january, format: 'csv' })),
    );
    expect(own).toContain('Figures,Cases received,received,2,');
  });
});

describe('the case ledger', () => {
  it('one row per case with no personal data by default, audited', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const token = await sessionToken(supervisor.user.id);
    const text = new TextDecoder().decode(
      await file(await post(ledgerRoute, '/office/reports/ledger', token, { ...january, unit: unitId, format: 'csv' })),
    );
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Receipt number,Received,Decided,Accepted,Replied,Closed,Channel,Kind,Category,Area,Unit,Status');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^XF-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4},2022-01-05 10:00,/);
    expect(lines[1]).toContain(',Missed,');
    for (const value of Object.values(personal)) expect(text).not.toContain(value);
    expect(await exportsBy(supervisor.user.id)).toMatchObject([
      { targetType: 'Ledger', details: { what: 'ledger', format: 'csv', period: '2022-01', rows: 3, includesSubject: false } },
    ]);
  });

  it('adds the subjects only with a reason, and records the reason', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const token = await sessionToken(supervisor.user.id);
    const refused = await post(ledgerRoute, '/office/reports/ledger', token, {
      ...january,
      unit: unitId,
      format: 'xlsx',
      includeSubject: 'yes',
      reason: '  ',
    });
    expect(await statusOf(async () => refused)).toBe(400);
    expect(refused).toMatchObject({ data: { errors: { reason: 'required' } } });
    expect(await exportsBy(supervisor.user.id)).toEqual([]);

    const reason = '核对一月份欠薪案件的办理情况';
    const book = await workbook(
      await file(
        await post(ledgerRoute, '/office/reports/ledger', token, {
          ...january,
          unit: unitId,
          format: 'xlsx',
          includeSubject: 'yes',
          reason,
        }),
      ),
    );
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('Subject');
    expect(cells(book)).toContain(personal.subject);
    for (const value of [personal.name, personal.phone, personal.email, personal.body]) expect(cells(book).join('\n')).not.toContain(value);
    expect(await exportsBy(supervisor.user.id)).toMatchObject([{ details: { what: 'ledger', includesSubject: true, reason } }]);
  });

  it('analysts never add subjects; administrators and clerks have no ledger; handlers get their own unit without misconduct reports', async () => {
    const analyst = await staffUser('ANALYST');
    const analystToken = await sessionToken(analyst.user.id);
    expect(
      await statusOf(() =>
        post(ledgerRoute, '/office/reports/ledger', analystToken, { ...january, format: 'csv', includeSubject: 'yes', reason: '想看' }),
      ),
    ).toBe(403);
    const plain = await post(ledgerRoute, '/office/reports/ledger', analystToken, { ...january, unit: unitId, format: 'csv' });
    expect(await statusOf(async () => plain)).toBe(200);
    for (const role of ['ADMIN', 'CLERK'] as const) {
      const person = await staffUser(role);
      const token = await sessionToken(person.user.id);
      expect(await statusOf(() => post(ledgerRoute, '/office/reports/ledger', token, { ...january, format: 'csv' }))).toBe(403);
      expect(
        await statusOf(() =>
          ledgerRoute.loader({ request: officeRequest('/office/reports/ledger', token), params: {}, context: loadContext }),
        ),
      ).toBe(403);
    }
    const handler = await staffUser('HANDLER');
    await db().staffUser.update({ where: { id: handler.user.id }, data: { unitId } });
    const token = await sessionToken(handler.user.id);
    const text = new TextDecoder().decode(
      await file(await post(ledgerRoute, '/office/reports/ledger', token, { ...january, format: 'csv' })),
    );
    expect(text.trim().split('\r\n')).toHaveLength(3);
    expect(text).not.toContain('Report of misconduct');
    expect(await statusOf(() => post(ledgerRoute, '/office/reports/ledger', token, { ...january, unit: otherUnitId, format: 'csv' }))).toBe(
      404,
    );
  });
});
