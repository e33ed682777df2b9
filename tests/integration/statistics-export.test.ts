// The statistics download, against the real test database: the page's figures as CSV in the
// reader's language, counts only (no name, contact, text, receipt or case id), every download
// audited as `export`, and only for the roles that read statistics.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { caseStatistics, statisticsFileName } from '#app/features/statistics/statistics.server.ts';
import { db } from '#app/platform/db.server.ts';
import * as exportRoute from '#app/routes/_resources+/office.statistics_.export.tsx';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';

async function download(token: string, acceptLanguage = 'zh-CN'): Promise<Response> {
  const result = await exportRoute.action({
    request: officeRequest('/office/statistics/export', token, { method: 'POST', body: new FormData(), acceptLanguage }),
    params: {},
    context: loadContext,
  });
  if (!(result instanceof Response)) throw new Error('expected a file');
  return result;
}

/** RFC 4180 rows (the file's quoting is tested in app/platform/codecs/csv.test.ts). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('downloading the statistics', () => {
  it('gives the figures as CSV in the reader’s language, with no personal data, and audits the download', async () => {
    const analyst = await staffUser('ANALYST');
    const token = await sessionToken(analyst.user.id);
    const secret = randomBytes(4).toString('hex');
    const personal = {
      name: `导出测试人${secret}`,
      phone: '13900002222',
      email: `export.${secret}@example.com`,
      subject: `导出隐私标题${secret}`,
      area: `导出区${secret}`,
    };
    const receipt = await submitCase(await validSubmission({ ...personal, body: `导出隐私正文${secret}，公司拖欠工资。` }), {
      idempotencyKey: newIdempotencyKey(),
      locale: 'zh-Hans',
    });

    const response = await download(token, 'en');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="statistics-\d{4}-\d{2}-\d{2}-\d{4}\.csv"$/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);

    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Table', 'Row', 'Code', 'Cases', 'Open', 'Overdue']);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    const stats = await caseStatistics('en');
    const find = (code: string, section: string) => rows.find((row) => row[2] === code && row[0] === section);
    expect(find('total', 'Overview')?.[3]).toBe(String(stats.total));
    expect(find('SUBMITTED', 'By status')?.[1]).toBeTruthy();
    const wages = stats.byCategory.find((row) => row.code === 'wage-arrears');
    expect(find('wage-arrears', 'By category')).toEqual([
      'By category',
      'Wages and unpaid wages',
      'wage-arrears',
      String(wages?.total),
      String(wages?.open),
      String(wages?.overdue),
    ]);
    expect(rows.filter((row) => row[0]?.startsWith('Cases received in the last'))).toHaveLength(12);

    const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
    for (const value of [...Object.values(personal), secret, receipt.receiptNo, c.id, '李雷', '13812345678'])
      expect(text).not.toContain(value);

    const entries = await db().auditLog.findMany({ where: { actorId: analyst.user.id, action: 'export' } });
    expect(entries).toMatchObject([
      {
        targetType: 'Statistics',
        ipAddress: loadContext.clientIp,
        details: { what: 'statistics', format: 'csv', locale: 'en', rows: rows.length - 1 },
      },
    ]);

    // In Chinese for a Chinese reader; a second download is a second entry.
    const zh = parseCsv(await (await download(token)).text());
    expect(zh[0]).toEqual(['表格', '项目', '代码', '件数', '未办结', '已超期']);
    expect(zh.find((row) => row[2] === 'wage-arrears')?.[1]).toBe('劳动工资与欠薪');
    expect(await db().auditLog.count({ where: { actorId: analyst.user.id, action: 'export' } })).toBe(2);
  });

  it('is refused to roles that do not read statistics, leaving no entry; opening it as a page goes back to the statistics', async () => {
    for (const role of ['CLERK', 'HANDLER'] as const) {
      const person = await staffUser(role, role === 'HANDLER' ? 'housing' : undefined);
      const token = await sessionToken(person.user.id);
      expect(await statusOf(() => download(token))).toBe(403);
      expect(await db().auditLog.count({ where: { actorId: person.user.id, action: 'export' } })).toBe(0);
    }
    const supervisor = await staffUser('SUPERVISOR');
    const token = await sessionToken(supervisor.user.id);
    const page = await exportRoute.loader({ request: officeRequest('/office/statistics/export', token), params: {}, context: loadContext });
    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toBe('/office/statistics');
    expect(await db().auditLog.count({ where: { actorId: supervisor.user.id, action: 'export' } })).toBe(0);
  });

  it('names the file after the moment in the service’s time zone', () => {
    expect(statisticsFileName(new Date('2026-01-31T16:05:00Z'), 'Asia/Shanghai')).toBe('statistics-2026-02-01-0005.csv');
  });
});
