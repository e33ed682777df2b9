import { describe, expect, it } from 'vitest';
import { queuePage, QueueFilters } from '#app/features/cases/queue.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { db } from '#app/platform/db.server.ts';
import { newIdempotencyKey, validSubmission } from '../support/fixtures.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

/** A clerk's queue holds every unit's cases, as these tests need. */
const CLERK: Actor = { id: '00000000-0000-4000-8000-000000000001', role: 'CLERK', unitId: null };

async function submit(subject: string, body: string, area: string) {
  return await submitCase(await validSubmission({ subject, body, area }), { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' });
}

async function receiptsFor(query: string, area: string): Promise<string[]> {
  // The area keeps each test's cases apart from other tests' in the shared database, where many
  // cases share the fixtures' text: one page large enough for all of them.
  const rows = (await queuePage(CLERK, QueueFilters.parse({ q: query }), new Date(), 10_000)).rows;
  const mine = await db().case.findMany({ where: { id: { in: rows.map((r) => r.id) }, area }, select: { receiptNo: true } });
  return mine.map((c) => c.receiptNo).sort();
}

/** This test's matches, in the queue's order. */
async function rankedReceipts(query: string, area: string): Promise<string[]> {
  const rows = (await queuePage(CLERK, QueueFilters.parse({ q: query }), new Date(), 10_000)).rows;
  const mine = new Map(
    (await db().case.findMany({ where: { id: { in: rows.map((r) => r.id) }, area }, select: { id: true, receiptNo: true } })).map((c) => [
      c.id,
      c.receiptNo,
    ]),
  );
  return rows.flatMap((r) => mine.get(r.id) ?? []);
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

  it('finds every word of a Chinese query in any order, ranks the words together first, and keeps quoted text an exact phrase', async () => {
    const area = `phrase-${newIdempotencyKey()}`;
    const inOrder = await submit('拖欠工资问题', '公司拖欠工资两个月。', area);
    const apart = await submit('工资发放', '工资按时发放，但是拖欠了加班费。', area);
    await submit('加班费', '公司不发加班费。', area);
    expect(await receiptsFor('拖欠工资', area)).toEqual([inOrder.receiptNo, apart.receiptNo].sort());
    expect(await receiptsFor('工资拖欠', area)).toEqual([inOrder.receiptNo, apart.receiptNo].sort());
    expect(await rankedReceipts('工资拖欠', area)).toEqual([inOrder.receiptNo, apart.receiptNo]);
    expect(await receiptsFor('"拖欠工资"', area)).toEqual([inOrder.receiptNo]);
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
    await expect(queuePage(CLERK, QueueFilters.parse({ q: "O'Brien & | ! <-> :*" }))).resolves.toBeDefined();
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
      const page = await queuePage(CLERK, QueueFilters.parse({ receivedFrom: '2026-01-05', receivedTo: '2026-01-07', after }));
      seen.push(...page.rows.filter((r) => ids.has(r.id)).map((r) => r.id));
      const dues = page.rows.map((r) => r.nextDueAt?.getTime() ?? Infinity);
      expect([...dues].sort((a, b) => a - b)).toEqual(dues);
      after = page.nextCursor ?? undefined;
    } while (after && ++guard < 1000);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});

describe('queue sorts, each paged by keyset', () => {
  type Level = 'NONE' | 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';
  interface Seed {
    day: number;
    hour: number;
    dueDay: number | null;
    level: Level;
  }
  // Ties on purpose (same received time, same deadline, same level) so the id decides; cases
  // without a deadline (finished ones) to check they stay last.
  const SEEDS: Seed[] = [
    { day: 1, hour: 9, dueDay: 16, level: 'NONE' },
    { day: 1, hour: 9, dueDay: 16, level: 'RED' },
    { day: 1, hour: 9, dueDay: null, level: 'NONE' },
    { day: 2, hour: 10, dueDay: 17, level: 'YELLOW' },
    { day: 2, hour: 10, dueDay: 12, level: 'RED' },
    { day: 3, hour: 8, dueDay: 12, level: 'BLUE' },
    { day: 3, hour: 15, dueDay: null, level: 'RED' },
    { day: 4, hour: 11, dueDay: 19, level: 'ORANGE' },
    { day: 4, hour: 11, dueDay: 12, level: 'YELLOW' },
    { day: 5, hour: 12, dueDay: 20, level: 'NONE' },
    { day: 5, hour: 12, dueDay: null, level: 'BLUE' },
  ];
  const LEVEL_RANK: Record<Level, number> = { NONE: 0, BLUE: 1, YELLOW: 2, ORANGE: 3, RED: 4 };

  interface Row {
    id: string;
    receivedAt: Date;
    nextDueAt: Date | null;
    warningLevel: Level;
  }

  /** Cases received in March 2019, a month no other test uses, so the date filter isolates them. */
  async function seed(): Promise<Row[]> {
    const rows: Row[] = [];
    for (const [i, s] of SEEDS.entries()) {
      const receivedAt = new Date(Date.UTC(2019, 2, s.day, s.hour - 8));
      const created = await submitCase(await validSubmission({ area: `sorts-${newIdempotencyKey()}`, subject: `排序${i}` }), {
        idempotencyKey: newIdempotencyKey(),
        locale: 'zh-Hans',
        now: receivedAt,
      });
      const nextDueAt = s.dueDay === null ? null : new Date(Date.UTC(2019, 2, s.dueDay, 15, 59, 59, 999));
      const row = await db().case.update({
        where: { receiptNo: created.receiptNo },
        data: { receivedAt, nextDueAt, warningLevel: s.level, ...(s.dueDay === null ? { status: 'CLOSED' as const } : {}) },
        select: { id: true, receivedAt: true, nextDueAt: true, warningLevel: true },
      });
      rows.push(row);
    }
    return rows;
  }

  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const dueAsc = (a: Row, b: Row) => {
    if (a.nextDueAt && b.nextDueAt) return a.nextDueAt.getTime() - b.nextDueAt.getTime();
    return a.nextDueAt ? -1 : b.nextDueAt ? 1 : 0;
  };
  const dueDesc = (a: Row, b: Row) => {
    if (a.nextDueAt && b.nextDueAt) return b.nextDueAt.getTime() - a.nextDueAt.getTime();
    return a.nextDueAt ? -1 : b.nextDueAt ? 1 : 0;
  };
  // Deadlines end a calendar day: cases due the same day go by warning level, then the one received first.
  const sameDay = (a: Row, b: Row) =>
    LEVEL_RANK[b.warningLevel] - LEVEL_RANK[a.warningLevel] || a.receivedAt.getTime() - b.receivedAt.getTime() || byId(a, b);
  const EXPECTED: Record<string, (a: Row, b: Row) => number> = {
    'due.asc': (a, b) => dueAsc(a, b) || sameDay(a, b),
    'due.desc': (a, b) => dueDesc(a, b) || sameDay(a, b),
    'received.desc': (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || -byId(a, b),
    'received.asc': (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || byId(a, b),
    'warning.desc': (a, b) => LEVEL_RANK[b.warningLevel] - LEVEL_RANK[a.warningLevel] || dueAsc(a, b) || byId(a, b),
    'warning.asc': (a, b) => LEVEL_RANK[a.warningLevel] - LEVEL_RANK[b.warningLevel] || dueAsc(a, b) || byId(a, b),
  };

  async function pageThrough(params: Record<string, string>, pageSize: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await queuePage(
        CLERK,
        QueueFilters.parse({ ...params, receivedFrom: '2019-03-01', receivedTo: '2019-03-31', all: '1', after }),
        new Date(),
        pageSize,
      );
      expect(page.rows.length).toBeLessThanOrEqual(pageSize);
      ids.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after && pages < 100);
    return { ids, pages };
  }

  it('pages through every order across several pages with no duplicates and no gaps', async () => {
    const rows = await seed();
    for (const [key, compare] of Object.entries(EXPECTED)) {
      const [sort, dir] = key.split('.') as [string, string];
      const expected = [...rows].sort(compare).map((r) => r.id);
      for (const pageSize of [1, 3, 4]) {
        const { ids, pages } = await pageThrough({ sort, dir }, pageSize);
        expect(new Set(ids).size, `${key} by ${pageSize}: no duplicates`).toBe(ids.length);
        expect(ids, `${key} by ${pageSize}`).toEqual(expected);
        expect(pages).toBe(Math.ceil(rows.length / pageSize));
      }
    }
  });

  it('uses each column’s own direction when none is given, and nearest deadline by default', async () => {
    const rows = await seed();
    const range = { receivedFrom: '2019-03-01', receivedTo: '2019-03-31', all: '1' };
    const mine = new Set(rows.map((r) => r.id));
    const ids = async (params: Record<string, string>) =>
      (await queuePage(CLERK, QueueFilters.parse({ ...range, ...params }), new Date(), 100)).rows
        .map((r) => r.id)
        .filter((id) => mine.has(id));
    const all = await db().case.findMany({
      where: { id: { in: [...mine] } },
      select: { id: true, receivedAt: true, nextDueAt: true, warningLevel: true },
    });
    const sorted = (key: string) => [...all].sort(EXPECTED[key]).map((r) => r.id);
    expect(await ids({})).toEqual(sorted('due.asc'));
    expect(await ids({ sort: 'received' })).toEqual(sorted('received.desc'));
    expect(await ids({ sort: 'warning' })).toEqual(sorted('warning.desc'));
    // Malformed values fall back to the default rather than failing.
    expect(await ids({ sort: 'subject', dir: 'sideways' })).toEqual(sorted('due.asc'));
  });

  it('starts again from the first page when a cursor belongs to another order', async () => {
    const range = { receivedFrom: '2019-03-01', receivedTo: '2019-03-31', all: '1' };
    const first = await queuePage(CLERK, QueueFilters.parse({ ...range, sort: 'received' }), new Date(), 2);
    expect(first.nextCursor).not.toBeNull();
    const byDeadline = await queuePage(CLERK, QueueFilters.parse({ ...range }), new Date(), 2);
    const mixed = await queuePage(CLERK, QueueFilters.parse({ ...range, after: first.nextCursor ?? undefined }), new Date(), 2);
    expect(mixed.rows.map((r) => r.id)).toEqual(byDeadline.rows.map((r) => r.id));
    const garbage = await queuePage(CLERK, QueueFilters.parse({ ...range, after: 'not-a-cursor' }), new Date(), 2);
    expect(garbage.rows.map((r) => r.id)).toEqual(byDeadline.rows.map((r) => r.id));
  });
});
