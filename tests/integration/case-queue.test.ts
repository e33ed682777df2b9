import { describe, expect, it } from 'vitest';
import { queuePage, QueueFilters } from '../../app/case-queue.server.ts';
import { submitCase } from '../../app/cases.server.ts';
import { db } from '../../app/db.server.ts';
import { newIdempotencyKey, validSubmission } from '../support/fixtures.ts';

async function submit(subject: string, body: string, area: string) {
  return await submitCase(await validSubmission({ subject, body, area }), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
}

async function receiptsFor(query: string, area: string): Promise<string[]> {
  // The area keeps each test's cases apart from other tests' in the shared database.
  const rows = (await queuePage(QueueFilters.parse({ q: query }), {})).rows;
  const mine = await db().case.findMany({ where: { id: { in: rows.map((r) => r.id) }, area }, select: { receiptNo: true } });
  return mine.map((c) => c.receiptNo).sort();
}

describe('search in the queue', () => {
  it('finds two-character Chinese words, which trigram indexes miss', async () => {
    const area = `search-${newIdempotencyKey()}`;
    const wages = await submit('讨要欠薪', '工地老板欠薪三个月，工人多次讨要无果。', area);
    const noise = await submit('小区噪音扰民', '夜间施工噪音严重影响休息，请求处理。', area);
    expect(await receiptsFor('欠薪', area)).toEqual([wages.receiptNo]);
    expect(await receiptsFor('噪音', area)).toEqual([noise.receiptNo]);
    expect(await receiptsFor('施工', area)).toEqual([noise.receiptNo]);
    expect(await receiptsFor('医保', area)).toEqual([]);
  });

  it('matches a longer Chinese phrase only with its characters in order', async () => {
    const area = `phrase-${newIdempotencyKey()}`;
    const inOrder = await submit('拖欠工资问题', '公司拖欠工资两个月。', area);
    await submit('工资发放', '工资按时发放，但是拖欠了加班费。', area);
    expect(await receiptsFor('拖欠工资', area)).toEqual([inOrder.receiptNo]);
  });

  it('finds English words and quoted phrases, case-insensitively, and requires every term', async () => {
    const area = `english-${newIdempotencyKey()}`;
    const a = await submit('Broken street lights', 'The street lights on Elm Road have been broken for weeks.', area);
    const b = await submit('Lights on the bridge', 'Bridge lights are broken and the road is dark.', area);
    expect(await receiptsFor('STREET', area)).toEqual([a.receiptNo]);
    expect(await receiptsFor('broken lights', area)).toEqual([a.receiptNo, b.receiptNo].sort());
    expect(await receiptsFor('"street lights"', area)).toEqual([a.receiptNo]);
    expect(await receiptsFor('lights bridge', area)).toEqual([b.receiptNo]);
  });

  it('treats search syntax typed by staff as plain text', async () => {
    const area = `syntax-${newIdempotencyKey()}`;
    await submit('特殊字符测试', "O'Brien said: a & b | !c <-> d", area);
    await expect(queuePage(QueueFilters.parse({ q: "O'Brien & | ! <-> :*" }), {})).resolves.toBeDefined();
    expect(await receiptsFor("o'brien", area)).toHaveLength(1);
  });
});

describe('queue order and paging', () => {
  it('pages by keyset in nearest-deadline order without gaps or repeats', async () => {
    const area = `paging-${newIdempotencyKey()}`;
    const base = new Date('2026-01-05T02:00:00Z');
    for (let i = 0; i < 7; i++) {
      await submitCase(await validSubmission({ area, subject: `排序测试${i}` }), {
        idempotencyKey: newIdempotencyKey(),
        locale: 'zh-Hans',
        now: new Date(base.getTime() + (i % 3) * 86_400_000),
      });
    }
    const mine = await db().case.findMany({ where: { area }, select: { id: true } });
    const ids = new Set(mine.map((c) => c.id));
    const seen: string[] = [];
    let after: string | undefined;
    let guard = 0;
    do {
      const page = await queuePage(QueueFilters.parse({ receivedFrom: '2026-01-05', receivedTo: '2026-01-07', after }), {});
      seen.push(...page.rows.filter((r) => ids.has(r.id)).map((r) => r.id));
      const dues = page.rows.map((r) => r.nextDueAt?.getTime() ?? Infinity);
      expect([...dues].sort((a, b) => a - b)).toEqual(dues);
      after = page.nextCursor ?? undefined;
    } while (after && ++guard < 1000);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
