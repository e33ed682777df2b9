// The queue's search as staff use it (ADR 0009): words in any order, Traditional characters,
// receipt numbers, contact fingerprints (audited, and never a way round who may see a reporter),
// marks on what matched, cases pinned for safety, and the re-index of rows written before the word
// index existed.
import { describe, expect, it } from 'vitest';
import { queuePage, QueueFilters } from '#app/features/cases/queue.server.ts';
import { forgetOutdatedCheck, reindexOutdatedCases, SEARCH_INDEX_VERSION } from '#app/features/cases/search-index.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import type { Submission } from '#app/features/cases/submission.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const CLERK: Actor = { id: '00000000-0000-4000-8000-000000000002', role: 'CLERK', unitId: null };

async function submit(overrides: Partial<Submission>) {
  return await submitCase(await validSubmission(overrides), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
}

/** The receipt numbers of this test's cases (by area) that a search finds, in the queue's order. */
async function found(query: string, area: string, actor: Actor = CLERK, params: Record<string, string> = {}): Promise<string[]> {
  const rows = (await queuePage(actor, QueueFilters.parse({ q: query, ...params }), new Date(), 10_000, { ipAddress: '192.0.2.7' })).rows;
  const mine = new Map(
    (await db().case.findMany({ where: { id: { in: rows.map((r) => r.id) }, area }, select: { id: true, receiptNo: true } })).map((c) => [
      c.id,
      c.receiptNo,
    ]),
  );
  return rows.flatMap((r) => mine.get(r.id) ?? []);
}

describe('word-aware search', () => {
  it('finds 楼道漏水 in 楼道天花板一直漏水 and 工资拖欠 in 拖欠工资, without spaces', async () => {
    const area = `words-${newIdempotencyKey()}`;
    const leak = await submit({ area, subject: '楼道天花板漏水', body: '我家楼道天花板一直漏水，物业多次维修未果。' });
    const wages = await submit({ area, subject: '讨薪', body: '公司拖欠工资已经三个月，老板一直推脱。' });
    await submit({ area, subject: '噪音扰民', body: '楼下夜里施工，噪音很大。' });
    expect(await found('楼道漏水', area)).toEqual([leak.receiptNo]);
    expect(await found('漏水 楼道', area)).toEqual([leak.receiptNo]);
    expect(await found('工资拖欠', area)).toEqual([wages.receiptNo]);
    expect(await found('拖欠工资', area)).toEqual([wages.receiptNo]);
    // A word that is not there: nothing, even though its characters are (拖 and 欠 in 拖欠).
    expect(await found('拖鞋', area)).toEqual([]);
  });

  it('finds Simplified letters by Traditional queries and the other way round', async () => {
    const area = `scripts-${newIdempotencyKey()}`;
    const simplified = await submit({ area, subject: '楼道漏水', body: '楼道天花板漏水严重。' });
    const traditional = await submit({ area, subject: '拖欠薪資', body: '工廠拖欠薪資兩個月，請協助處理。' });
    expect(await found('樓道漏水', area)).toEqual([simplified.receiptNo]);
    expect(await found('拖欠薪资', area)).toEqual([traditional.receiptNo]);
  });

  it('ranks a case whose subject has the words above one whose letter only mentions them, and the newer first on a tie', async () => {
    const area = `rank-${newIdempotencyKey()}`;
    const mention = await submit({ area, subject: '小区环境问题', body: '除了垃圾，楼道里还有漏水的情况。' });
    const older = await submit({ area, subject: '楼道漏水', body: '请尽快维修。' });
    const newer = await submit({ area, subject: '楼道漏水', body: '请尽快维修。' });
    await db().case.update({ where: { receiptNo: older.receiptNo }, data: { receivedAt: new Date('2026-01-01T00:00:00Z') } });
    expect(await found('楼道漏水', area)).toEqual([newer.receiptNo, older.receiptNo, mention.receiptNo]);
  });

  it('marks the words found in the subject and in a line of the letter', async () => {
    const area = `marks-${newIdempotencyKey()}`;
    await submit({ area, subject: '樓道漏水', body: '我們這棟樓的樓道天花板一直漏水，已經一個多月了。' });
    const { rows } = await queuePage(CLERK, QueueFilters.parse({ q: '楼道 漏水' }), new Date(), 10_000);
    const row = rows.find((r) => r.subject === '樓道漏水');
    expect(row?.subjectMarks).toEqual([{ text: '樓道漏水', mark: true }]);
    expect(row?.bodySnippet?.filter((s) => s.mark).map((s) => s.text)).toEqual(['樓道', '漏水']);
  });

  it('finds a case by its receipt number in any case, with or without spaces and dashes', async () => {
    const area = `receipt-${newIdempotencyKey()}`;
    const { receiptNo } = await submit({ area });
    const compact = receiptNo.replace(/-/g, '').toLowerCase();
    expect(await found(compact, area)).toEqual([receiptNo]);
    expect(await found(` ${receiptNo.replace(/-/g, ' ')} `, area)).toEqual([receiptNo]);
  });

  it('finds the cases of a phone number or email address through their fingerprints, and audits it without the value', async () => {
    const area = `contact-${newIdempotencyKey()}`;
    const phone = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
    const first = await submit({ area, phone, email: `first.${newIdempotencyKey()}@example.com`.toLowerCase() });
    const email = `Second.${newIdempotencyKey()}@Example.com`;
    const second = await submit({ area, phone: null, email });
    expect(await found(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, area)).toEqual([first.receiptNo]);
    expect(await found(email.toUpperCase(), area)).toEqual([second.receiptNo]);
    const entries = await db().auditLog.findMany({
      where: { action: 'contact.searched', actorId: CLERK.id },
      orderBy: { id: 'desc' },
      take: 2,
    });
    expect(entries.map((e) => (e.details as { by: string }).by).sort()).toEqual(['email', 'phone']);
    expect(entries[0]?.ipAddress).toBe('192.0.2.7');
    const written = JSON.stringify(entries.map((e) => e.details));
    expect(written).not.toContain(phone);
    expect(written.toLowerCase()).not.toContain(email.toLowerCase());
  });

  it('never lets a handler of the reported unit find the report, by the reporter’s phone number or by its words', async () => {
    const area = `misconduct-${newIdempotencyKey()}`;
    const phone = `137${String((Date.now() + 17) % 100_000_000).padStart(8, '0')}`;
    const report = await submit({
      area,
      kind: 'MISCONDUCT_REPORT',
      phone,
      subject: '举报工作人员',
      body: '窗口工作人员索要好处费。',
      reportedUnitId: await unitId('public-security'),
    });
    const row = await db().case.findUniqueOrThrow({ where: { receiptNo: report.receiptNo } });
    // The report went to the discipline body (issue 10), whose handlers work it, contact details included.
    const handling = await db().unit.findUniqueOrThrow({ where: { id: row.unitId! } });
    const { actor: disciplineHandler } = await staffUser('HANDLER', handling.code);
    const { actor: policeHandler } = await staffUser('HANDLER', 'public-security');
    expect(await found(phone, area, CLERK)).toEqual([report.receiptNo]);
    expect(await found(phone, area, disciplineHandler)).toEqual([report.receiptNo]);
    expect(await found(phone, area, policeHandler)).toEqual([]);
    expect(await found('好处费', area, policeHandler)).toEqual([]);
    expect(await found('好处费', area, disciplineHandler)).toEqual([report.receiptNo]);
  });

  it('puts a case with signs of danger to life first, whatever the order, and only on the first page', async () => {
    const area = `pinned-${newIdempotencyKey()}`;
    const ordinary = await submit({ area, subject: '楼道灯坏了', body: '楼道的灯坏了一个月。' });
    const danger = await submit({ area, subject: '走投无路', body: '工资一直拿不到，我不想活了。' });
    const range = { receivedFrom: '2000-01-01' };
    for (const sort of ['due', 'received', 'warning']) {
      const { rows } = await queuePage(CLERK, QueueFilters.parse({ ...range, sort }), new Date(), 5);
      // Other tests' pinned cases may share the database: this one is among the pinned rows, which all come first.
      const firstUnpinned = rows.findIndex((r) => !r.pinned);
      const pinnedRows = firstUnpinned === -1 ? rows : rows.slice(0, firstUnpinned);
      expect(
        pinnedRows.map((r) => r.receiptNo),
        sort,
      ).toContain(danger.receiptNo);
      expect(rows.slice(pinnedRows.length).some((r) => r.pinned)).toBe(false);
      expect(firstUnpinned === -1 || rows[firstUnpinned]?.receiptNo !== danger.receiptNo).toBe(true);
      expect(rows.filter((r) => r.receiptNo === danger.receiptNo)).toHaveLength(1);
    }
    const first = await queuePage(CLERK, QueueFilters.parse({ ...range }), new Date(), 1);
    const second = await queuePage(CLERK, QueueFilters.parse({ ...range, after: first.nextCursor ?? undefined }), new Date(), 1000);
    expect(second.rows.map((r) => r.receiptNo)).not.toContain(danger.receiptNo);
    expect(await found('楼道', area)).toEqual([ordinary.receiptNo]);
    // Lowered by staff who judged the signs mistaken: no longer pinned.
    await db().case.update({ where: { receiptNo: danger.receiptNo }, data: { warningLevel: 'ORANGE' } });
    const { rows } = await queuePage(CLERK, QueueFilters.parse({ q: '工资' }), new Date(), 10_000);
    expect(rows.find((r) => r.receiptNo === danger.receiptNo)?.pinned).toBe(false);
  });
});

describe('re-indexing cases written before the word index', () => {
  it('finds them through their character pairs until the worker indexes their words, then through their words', async () => {
    const area = `reindex-${newIdempotencyKey()}`;
    const old = await submit({ area, subject: '楼道天花板漏水', body: '楼道天花板一直漏水。' });
    // As the migration leaves an existing row: no words, version 0.
    await db().$executeRaw`UPDATE "Case" SET "wordVector" = NULL, "searchIndexVersion" = 0 WHERE "receiptNo" = ${old.receiptNo}`;
    forgetOutdatedCheck();
    // As search worked before: the characters in a row are found, the words apart are not.
    expect(await found('天花板', area)).toEqual([old.receiptNo]);
    expect(await found('楼道漏水', area)).toEqual([]);

    expect(await reindexOutdatedCases({ batchSize: 2 })).toBeGreaterThanOrEqual(1);
    forgetOutdatedCheck();
    const row = await db().case.findUniqueOrThrow({
      where: { receiptNo: old.receiptNo },
      select: { searchIndexVersion: true, version: true },
    });
    expect(row).toEqual({ searchIndexVersion: SEARCH_INDEX_VERSION, version: 0 });
    expect(await found('楼道漏水', area)).toEqual([old.receiptNo]);
    expect(await reindexOutdatedCases()).toBe(0);
  });
});
