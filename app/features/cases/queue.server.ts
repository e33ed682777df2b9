// The back office's case queue: filters, word-aware search (case-search.server.ts), a choice of
// orders (nearest deadline first by default, date received, warning level, relevance while
// searching) and keyset pagination (page 50 costs what page 1 costs). Cases with signs of danger
// to life come first on the first page, whatever the order (pinnedForSafety). SQL built from typed pieces.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { openClusters } from '#app/features/early-warning/clusters.server.ts';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canUseQueue, confinedToUnit, type Actor } from '#app/features/staff/permissions.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { SORT_DIRECTIONS, resolveOrder, type ListOrder } from '#app/platform/http/list-order.ts';
import { endOfCivilDay, parseIsoDate, startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { CHANNELS, WARNING_LEVELS } from './attributes.ts';
import { bulkActionsFor } from './bulk-actions.ts';
import { visibleToSql } from './case-scope.server.ts';
import { caseSearch, type CaseSearch } from './case-search.server.ts';
import { DUE_SOON_DAYS } from './deadlines.ts';
import { CASE_KINDS } from './kinds.ts';
import { CASE_STATUSES, OPEN_STATUSES } from './lifecycle.ts';
import { DEFAULT_QUEUE_SORT, QUEUE_SORTS, QUEUE_SORT_DEFAULT_DIRECTION, SAVED_VIEWS, type QueueSort } from './queue-order.ts';
import { savedViews } from './saved-views.server.ts';
import { markMatches, snippet, type Segment } from './search-query.ts';
import { normalizeText } from './word-segmenter.server.ts';
import { casesWithNoticesToPost, toPostSql } from './written-notices/notices.server.ts';
import type { Locale } from '#app/i18n/config.ts';

export const PAGE_SIZE = 50;

const optionalUuid = z.uuid().optional().catch(undefined);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Queue filters as they arrive in the URL; anything malformed is ignored rather than fatal. */
export const QueueFilters = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  kind: z.enum(CASE_KINDS).optional().catch(undefined),
  categoryId: optionalUuid,
  unitId: optionalUuid,
  assigneeId: optionalUuid,
  warningLevel: z.enum(WARNING_LEVELS).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  receivedFrom: isoDay,
  receivedTo: isoDay,
  due: z.enum(['soon', 'overdue']).optional().catch(undefined),
  /** Only cases with a written notice still to post (finished cases included: a refusal is posted too). */
  toPost: z.literal('1').optional().catch(undefined),
  /** 回访: phone check-ins due to be called, or answers of not (or partly) solved for the supervisors. */
  checkIn: z.enum(['calls', 'unsolved']).optional().catch(undefined),
  /** 督办: cases under supervision after a missed statutory date, until the step is done. */
  supervision: z.literal('1').optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  /** Include finished cases (closed, declined, …); by default the queue shows open work. */
  all: z.literal('1').optional().catch(undefined),
  /** The order; without it, nearest deadline first. `dir` defaults to the column's own direction. */
  sort: z.enum(QUEUE_SORTS).optional().catch(undefined),
  dir: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
  after: z.string().max(300).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof QueueFilters>;

export interface QueueRow {
  id: string;
  receiptNo: string;
  subject: string;
  kind: string;
  status: string;
  channel: string;
  warningLevel: string;
  /** Signs of self-harm or a threat to life in the letter: marked in words and with an icon. */
  welfareConcern: boolean;
  /** Above every other row (pinnedForSafety in early-warning/levels.ts). */
  pinned: boolean;
  coSignerCount: number;
  receivedAt: Date;
  nextDueAt: Date | null;
  /** The nearest unmet response target of the warning level (app/features/early-warning/levels.ts). */
  nextTargetDueAt: Date | null;
  categoryId: string;
  unitId: string | null;
  assigneeId: string | null;
  /** Art. 23: the unit may object until then; null once it can no longer (or has). */
  objectionDueAt: Date | null;
  /** A unit objected, and the office has yet to decide. */
  objected: boolean;
  /** A merged case follows its main case (never shown as forgotten). */
  merged: boolean;
  /** Sent back for rework three times: the supervisors' (提级督办). */
  escalated: boolean;
  /** A written notice waits to be posted to a citizen whom nothing online reaches. */
  toPost: boolean;
  version: number;
  /** While searching: the subject with the words found marked, and a line of the letter around the first one found there. */
  subjectMarks?: Segment[];
  bodySnippet?: Segment[] | null;
}

/** Rows as the query reads them, before the marks of a search are added. */
type QueueRecord = Omit<QueueRow, 'subjectMarks' | 'bodySnippet' | 'toPost'> & { score?: bigint | number | null };

export type QueueOrder = ListOrder<QueueSort>;

/**
 * The order the filters ask for, defaults filled in: while searching with words, best match first;
 * otherwise (and for relevance with nothing to rank) nearest deadline first.
 */
export function queueOrder(filters: Pick<QueueFilters, 'sort' | 'dir'>, search: { score: unknown } | null = null): QueueOrder {
  const ranked = Boolean(search?.score);
  const sort = filters.sort === 'relevance' && !ranked ? undefined : filters.sort;
  const order = resolveOrder(sort, sort ? filters.dir : undefined, ranked ? 'relevance' : DEFAULT_QUEUE_SORT, QUEUE_SORT_DEFAULT_DIRECTION);
  // Relevance reads one way only: best first.
  return order.sort === 'relevance' ? { sort: 'relevance', dir: 'desc' } : order;
}

// The cursor names the order it belongs to and holds the last row's sort keys, id last. A cursor
// from another order (a bookmarked page after the sort changed) starts again from the first page.
const instant = z.iso.datetime();
const direction = z.enum(SORT_DIRECTIONS);
const level = z.enum(WARNING_LEVELS);
const Cursor = z.union([
  z.tuple([z.literal('due'), direction, instant.nullable(), level, instant, z.uuid()]),
  z.tuple([z.literal('received'), direction, instant, z.uuid()]),
  z.tuple([z.literal('warning'), direction, level, instant.nullable(), z.uuid()]),
  z.tuple([z.literal('relevance'), direction, z.number().int(), instant, z.uuid()]),
]);
type Cursor = z.infer<typeof Cursor>;

/** The sort keys of a row, as a cursor names them. */
type RowKeys = Pick<QueueRecord, 'id' | 'nextDueAt' | 'warningLevel' | 'receivedAt' | 'score'>;

function cursorOf(order: QueueOrder, row: RowKeys): Cursor {
  const due = row.nextDueAt?.toISOString() ?? null;
  const warning = level.parse(row.warningLevel);
  switch (order.sort) {
    case 'due':
      return ['due', order.dir, due, warning, row.receivedAt.toISOString(), row.id];
    case 'received':
      return ['received', order.dir, row.receivedAt.toISOString(), row.id];
    case 'warning':
      return ['warning', order.dir, warning, due, row.id];
    case 'relevance':
      return ['relevance', order.dir, Number(row.score ?? 0), row.receivedAt.toISOString(), row.id];
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(after: string | undefined, order: QueueOrder): Cursor | null {
  if (!after) return null;
  try {
    const cursor = Cursor.parse(JSON.parse(Buffer.from(after, 'base64url').toString('utf8')));
    return cursor[0] === order.sort && cursor[1] === order.dir ? cursor : null;
  } catch {
    return null;
  }
}

/**
 * One sort key of a keyset: the column, its direction, and the last row's value (null sorts last
 * in either direction).
 */
interface Key {
  column: Prisma.Sql;
  dir: 'asc' | 'desc';
  value: Prisma.Sql | null;
}

/** The rows after the last one seen, in the order of the keys: the first key beyond, or equal and the rest beyond. */
function keysetAfter(keys: Key[]): Prisma.Sql {
  const [key, ...rest] = keys;
  if (!key) return Prisma.sql`FALSE`;
  const { column, dir, value } = key;
  const beyond =
    value === null
      ? Prisma.sql`FALSE`
      : dir === 'asc'
        ? Prisma.sql`(${column} > ${value} OR ${column} IS NULL)`
        : Prisma.sql`(${column} < ${value} OR ${column} IS NULL)`;
  if (rest.length === 0) return beyond;
  const equal = value === null ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} = ${value}`;
  return Prisma.sql`(${beyond} OR (${equal} AND ${keysetAfter(rest)}))`;
}

const at = (iso: string | null) => (iso === null ? null : Prisma.sql`${new Date(iso)}::timestamptz`);
const levelValue = (value: string) => Prisma.sql`${value}::"WarningLevel"`;
const uuid = (value: string) => Prisma.sql`${value}::uuid`;

/** The sort keys of each order, ending in the id so the order is total and paging exact. */
function orderKeys(order: QueueOrder, cursor: Cursor | null, table = Prisma.sql`c`): Key[] {
  const col = (name: string) => Prisma.sql`${table}.${Prisma.raw(`"${name}"`)}`;
  switch (order.sort) {
    case 'due': {
      const c = cursor?.[0] === 'due' ? cursor : null;
      // Deadlines end a calendar day, so cases due the same day tie: the higher level, then the case received first.
      return [
        { column: col('nextDueAt'), dir: order.dir, value: c ? at(c[2]) : null },
        { column: col('warningLevel'), dir: 'desc', value: c ? levelValue(c[3]) : null },
        { column: col('receivedAt'), dir: 'asc', value: c ? at(c[4]) : null },
        { column: col('id'), dir: 'asc', value: c ? uuid(c[5]) : null },
      ];
    }
    case 'received': {
      const c = cursor?.[0] === 'received' ? cursor : null;
      return [
        { column: col('receivedAt'), dir: order.dir, value: c ? at(c[2]) : null },
        { column: col('id'), dir: order.dir, value: c ? uuid(c[3]) : null },
      ];
    }
    case 'warning': {
      const c = cursor?.[0] === 'warning' ? cursor : null;
      return [
        { column: col('warningLevel'), dir: order.dir, value: c ? levelValue(c[2]) : null },
        { column: col('nextDueAt'), dir: 'asc', value: c ? at(c[3]) : null },
        { column: col('id'), dir: 'asc', value: c ? uuid(c[4]) : null },
      ];
    }
    case 'relevance': {
      const c = cursor?.[0] === 'relevance' ? cursor : null;
      return [
        { column: col('score'), dir: 'desc', value: c ? Prisma.sql`${c[2]}::bigint` : null },
        { column: col('receivedAt'), dir: 'desc', value: c ? at(c[3]) : null },
        { column: col('id'), dir: 'desc', value: c ? uuid(c[4]) : null },
      ];
    }
  }
}

/** ORDER BY from the keys: NULLS LAST in both directions, as keysetAfter expects. */
function orderBy(keys: Key[]): Prisma.Sql {
  return Prisma.join(
    keys.map((k) => Prisma.sql`${k.column} ${Prisma.raw(k.dir === 'asc' ? 'ASC' : 'DESC')} NULLS LAST`),
    ', ',
  );
}

/** The instant a received-from or received-to day begins or ends in the service's zone, or null for no such day. */
function dayBound(day: string | undefined, end: boolean): Date | null {
  const date = day ? parseIsoDate(day) : null;
  if (!date) return null;
  return end ? endOfCivilDay(date, serviceTimeZone()) : startOfCivilDay(date, serviceTimeZone());
}

const OPEN = Prisma.join(OPEN_STATUSES.map((status) => Prisma.sql`${status}::"CaseStatus"`));

/** pinnedForSafety (early-warning/levels.ts) in SQL. */
const PINNED_FOR_SAFETY = Prisma.sql`(c."welfareConcern" AND c."warningLevel" = 'RED' AND c."status" IN (${OPEN}))`;

/** The pinned cases of the first page are few by nature; more than this would no longer be a pin. */
const PINNED_LIMIT = 20;

/**
 * While searching, the most recent matches are ranked (at most this many), so that a word found in
 * a hundred thousand letters costs what a rare one does. Sorting by a column pages through all of them.
 */
export const RANKED_MATCHES = 1000;

/** The row's columns; `now` decides whether a unit may still object (art. 23). */
const columns = (now: Date) => Prisma.sql`c."id", c."receiptNo", c."subject", c."kind"::text AS "kind", c."status"::text AS "status",
  c."channel"::text AS "channel", c."warningLevel"::text AS "warningLevel", c."welfareConcern", ${PINNED_FOR_SAFETY} AS "pinned",
  c."coSignerCount", c."receivedAt", c."nextDueAt", c."nextTargetDueAt", c."categoryId", c."unitId", c."assigneeId", c."version",
  CASE WHEN c."objectingUnitId" IS NULL AND c."objectionDueAt" >= ${now} THEN c."objectionDueAt" END AS "objectionDueAt",
  c."objectingUnitId" IS NOT NULL AS "objected", c."status" = 'MERGED' AS "merged", c."escalatedAt" IS NOT NULL AS "escalated"`;

/** The same columns read again from a subquery named c (without its word index, which the driver cannot read). */
const COLUMN_NAMES = Prisma.raw(
  [
    'id',
    'receiptNo',
    'subject',
    'kind',
    'status',
    'channel',
    'warningLevel',
    'welfareConcern',
    'pinned',
    'coSignerCount',
    'receivedAt',
    'nextDueAt',
    'nextTargetDueAt',
    'categoryId',
    'unitId',
    'assigneeId',
    'version',
    'objectionDueAt',
    'objected',
    'merged',
    'escalated',
  ]
    .map((name) => `c."${name}"`)
    .join(', '),
);

export interface QueuePage {
  rows: QueueRow[];
  nextCursor: string | null;
  /** While sorted by relevance: only the most recent RANKED_MATCHES matches were ranked. */
  rankedOnly: boolean;
  /** The order the rows are in. */
  order: QueueOrder;
}

/** The filters of the URL as SQL conditions on `c`, within the cases the actor works on. */
function filterConditions(actor: Actor, filters: QueueFilters, now: Date): Prisma.Sql[] {
  // A case kept from the actor (a report about their unit, one they withdrew from) is nowhere in their
  // queue, search or saved views, whatever the filters say (arts. 28, 30, 46(5)).
  const where: Prisma.Sql[] = [visibleToSql(actor, 'c')];
  const confined = confinedToUnit(actor);
  if (confined) where.push(confined.unitId ? Prisma.sql`c."unitId" = ${confined.unitId}::uuid` : Prisma.sql`FALSE`);
  if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}::"CaseStatus"`);
  else if (!filters.all && !filters.toPost && !filters.checkIn) where.push(Prisma.sql`c."status" IN (${OPEN})`);
  if (filters.toPost) where.push(toPostSql());
  // A check-in comes after the reply, when the case may already be closed: whatever the status.
  if (filters.checkIn === 'calls')
    where.push(Prisma.sql`c."checkInChannel" = 'PHONE' AND c."checkInSentAt" IS NOT NULL AND c."checkInAnswer" IS NULL`);
  if (filters.checkIn === 'unsolved') where.push(Prisma.sql`c."checkInAnswer" IN ('NO', 'PARTLY')`);
  if (filters.supervision) where.push(Prisma.sql`c."supervisionOpenedAt" IS NOT NULL`);
  if (filters.kind) where.push(Prisma.sql`c."kind" = ${filters.kind}::"CaseKind"`);
  if (filters.categoryId) where.push(Prisma.sql`c."categoryId" = ${filters.categoryId}::uuid`);
  if (filters.unitId) where.push(Prisma.sql`c."unitId" = ${filters.unitId}::uuid`);
  if (filters.assigneeId) where.push(Prisma.sql`c."assigneeId" = ${filters.assigneeId}::uuid`);
  if (filters.warningLevel) where.push(Prisma.sql`c."warningLevel" = ${filters.warningLevel}::"WarningLevel"`);
  if (filters.channel) where.push(Prisma.sql`c."channel" = ${filters.channel}::"Channel"`);
  const receivedFrom = dayBound(filters.receivedFrom, false);
  const receivedTo = dayBound(filters.receivedTo, true);
  if (receivedFrom) where.push(Prisma.sql`c."receivedAt" >= ${receivedFrom}`);
  if (receivedTo) where.push(Prisma.sql`c."receivedAt" <= ${receivedTo}`);
  if (filters.due === 'overdue') where.push(Prisma.sql`c."nextDueAt" < ${now}`);
  if (filters.due === 'soon') {
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
    where.push(Prisma.sql`c."nextDueAt" >= ${now} AND c."nextDueAt" <= ${soon}`);
  }
  return where;
}

const whereClause = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty);

/** The subject with the words found marked, and a line of the letter around the first one found in it. */
async function withMarks(rows: (QueueRecord & { toPost: boolean })[], search: CaseSearch): Promise<QueueRow[]> {
  const plain = rows.map(({ score: _score, ...row }) => row);
  if (search.marks.length === 0 || rows.length === 0) return plain;
  const bodies = new Map(
    (await db().case.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, body: true } })).map((c) => [
      c.id,
      c.body,
    ]),
  );
  const mark = (text: string) => markMatches(text, search.marks, normalizeText(text).toLowerCase());
  return plain.map((row) => ({ ...row, subjectMarks: mark(row.subject), bodySnippet: snippet(mark(bodies.get(row.id) ?? '')) }));
}

/** The cases pinned for safety that the conditions let through, most urgent first (at most PINNED_LIMIT). */
async function pinnedRows(where: Prisma.Sql[], now: Date, after: Prisma.Sql | null = null, limit = PINNED_LIMIT): Promise<QueueRecord[]> {
  return await db().$queryRaw<QueueRecord[]>`
    SELECT ${columns(now)} FROM "Case" c ${whereClause([...where, PINNED_FOR_SAFETY, ...(after ? [after] : [])])}
    ORDER BY ${orderBy(pinnedKeys(null))}
    LIMIT ${limit}`;
}

/** The order of the pinned cases: the nearest response target, then the case received first. */
function pinnedKeys(place: { nextTargetDueAt: Date | null; receivedAt: Date; id: string } | null): Key[] {
  const value = (sql: Prisma.Sql) => (place ? sql : null);
  return [
    {
      column: Prisma.sql`c."nextTargetDueAt"`,
      dir: 'asc',
      value: place?.nextTargetDueAt ? Prisma.sql`${place.nextTargetDueAt}::timestamptz` : null,
    },
    { column: Prisma.sql`c."receivedAt"`, dir: 'asc', value: value(Prisma.sql`${place?.receivedAt ?? null}::timestamptz`) },
    { column: Prisma.sql`c."id"`, dir: 'asc', value: value(Prisma.sql`${place?.id ?? null}::uuid`) },
  ];
}

/**
 * The rows the conditions `rest` let through, in the order, after the cursor, at most `limit`.
 * Sorted by relevance, only the most recent RANKED_MATCHES matches are ranked (`rankedOnly` when
 * there were more).
 */
async function orderedRows(
  rest: Prisma.Sql[],
  order: QueueOrder,
  cursor: Cursor | null,
  search: CaseSearch | null,
  limit: number,
  now: Date,
): Promise<{ rows: QueueRecord[]; rankedOnly: boolean }> {
  if (order.sort === 'relevance' && search?.score) {
    const keys = orderKeys(order, cursor, Prisma.sql`s`);
    // The most recent matches first (an index walk stops early for common words), then ranked.
    const rows = await db().$queryRaw<(QueueRecord & { matched: bigint })[]>`
      SELECT * FROM (
        SELECT ${COLUMN_NAMES}, count(*) OVER () AS "matched", ${search.score} AS "score" FROM (
          SELECT ${columns(now)}, c."wordVector" FROM "Case" c ${whereClause(rest)}
          ORDER BY c."receivedAt" DESC, c."id" DESC
          LIMIT ${RANKED_MATCHES}
        ) c
      ) s
      ${cursor ? Prisma.sql`WHERE ${keysetAfter(keys)}` : Prisma.empty}
      ORDER BY ${orderBy(keys)}
      LIMIT ${limit}`;
    return {
      rows: rows.map(({ matched: _matched, ...row }) => row),
      rankedOnly: rows.some((row) => Number(row.matched) >= RANKED_MATCHES),
    };
  }
  const keys = orderKeys(order, cursor);
  const rows = await db().$queryRaw<QueueRecord[]>`
    SELECT ${columns(now)} FROM "Case" c ${whereClause(cursor ? [...rest, keysetAfter(keys)] : rest)}
    ORDER BY ${orderBy(keys)}
    LIMIT ${limit}`;
  return { rows, rankedOnly: false };
}

/**
 * One page of the queue for this actor: the filters, within the cases they work on (a handler's
 * own unit, whatever the filters say), in the order asked for, after the cursor. The first page
 * starts with the cases pinned for safety that the filters let through.
 */
export async function queuePage(
  actor: Actor,
  filters: QueueFilters,
  now = new Date(),
  pageSize = PAGE_SIZE,
  context: { ipAddress?: string } = {},
): Promise<QueuePage> {
  if (!canUseQueue(actor)) throw new ForbiddenError('queue');
  const where = filterConditions(actor, filters, now);
  const search = filters.q ? await caseSearch(actor, filters.q) : null;
  const order = queueOrder(filters, search);
  if (filters.q && !search) return { rows: [], nextCursor: null, rankedOnly: false, order };
  if (search) where.push(search.where);

  const cursor = decodeCursor(filters.after, order);
  const pinned = cursor ? [] : await pinnedRows(where, now);
  // The pinned cases are on the first page already: the order below leaves them out.
  const { rows, rankedOnly } = await orderedRows(
    [...where, Prisma.sql`NOT ${PINNED_FOR_SAFETY}`],
    order,
    cursor,
    search,
    pageSize + 1,
    now,
  );
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeCursor(cursorOf(order, last)) : null;
  const posting = await casesWithNoticesToPost([...pinned, ...page].map((row) => row.id));
  const all = [...pinned, ...page].map((row) => ({ ...row, toPost: posting.has(row.id) }));
  if (search?.contact) {
    // Finding cases by a phone number or email address is a use of contact details: recorded, never the value.
    await audit({
      action: 'contact.searched',
      actorId: actor.id,
      targetType: 'Case',
      ipAddress: context.ipAddress,
      // Which cases were found, by receipt number as a contact view records its case.
      details: { by: search.contact, found: all.length, receiptNos: all.map((row) => row.receiptNo) },
    });
  }
  return { rows: search ? await withMarks(all, search) : all, nextCursor, rankedOnly, order };
}

/** The view and filters a queue URL asks for: a saved view is filters with a name. */
function queueFilters(actor: Actor, search: URLSearchParams): { view: (typeof SAVED_VIEWS)[number] | null; filters: QueueFilters } {
  const params = Object.fromEntries(search);
  const view = SAVED_VIEWS.find((v) => v === params.view) ?? null;
  const filters = QueueFilters.parse(params);
  if (view === 'mine') filters.assigneeId = actor.id;
  if (view === 'unit' && actor.unitId) filters.unitId = actor.unitId;
  if (view === 'dueSoon') filters.due = 'soon';
  if (view === 'overdue') filters.due = 'overdue';
  if (view === 'toPost') filters.toPost = '1';
  if (view === 'checkInCalls') filters.checkIn = 'calls';
  if (view === 'checkInUnsolved') filters.checkIn = 'unsolved';
  if (view === 'supervision') filters.supervision = '1';
  return { view, filters };
}

/** Where a case stands in the queue's orders: read before a step changes it (its deadline, its level). */
export interface QueuePlace {
  id: string;
  receiptNo: string;
  nextDueAt: Date | null;
  warningLevel: string;
  receivedAt: Date;
  nextTargetDueAt: Date | null;
  pinned: boolean;
}

/** The case's place in the queue now, or null for no such case. */
export async function queuePlace(caseId: string): Promise<QueuePlace | null> {
  const rows = await db().$queryRaw<QueuePlace[]>`
    SELECT c."id", c."receiptNo", c."nextDueAt", c."warningLevel"::text AS "warningLevel", c."receivedAt", c."nextTargetDueAt",
      ${PINNED_FOR_SAFETY} AS "pinned"
    FROM "Case" c WHERE c."id" = ${caseId}::uuid`;
  return rows[0] ?? null;
}

/**
 * "Save and next": the case after `place` in the queue view the URL `search` names, in its order
 * (the pinned cases first, as on its first page), as the actor would see it now; null when there is
 * none, or the actor has no queue. The place is where the case stood when the queue showed it,
 * before the step just taken moved it.
 */
export async function nextInQueue(actor: Actor, search: URLSearchParams, place: QueuePlace, now = new Date()): Promise<string | null> {
  if (!canUseQueue(actor)) return null;
  const { filters } = queueFilters(actor, search);
  const where = [...filterConditions(actor, filters, now), Prisma.sql`c."id" <> ${place.id}::uuid`];
  const found = filters.q ? await caseSearch(actor, filters.q) : null;
  if (filters.q && !found) return null;
  if (found) where.push(found.where);
  const order = queueOrder(filters, found);
  if (place.pinned) {
    const [pinned] = await pinnedRows(where, now, keysetAfter(pinnedKeys(place)), 1);
    if (pinned) return pinned.id;
  }
  let cursor: Cursor | null = null;
  if (!place.pinned) {
    // Sorted by relevance, the place's own score says where it stands.
    const score =
      order.sort === 'relevance' && found?.score
        ? (await db().$queryRaw<{ score: number }[]>`SELECT ${found.score} AS "score" FROM "Case" c WHERE c."id" = ${place.id}::uuid`)[0]
            ?.score
        : null;
    cursor = cursorOf(order, { ...place, score: score ?? null });
  }
  const { rows } = await orderedRows([...where, Prisma.sql`NOT ${PINNED_FOR_SAFETY}`], order, cursor, found, 1, now);
  return rows[0]?.id ?? null;
}

/**
 * The queue page: the filters the URL asks for (a saved view is filters with a name), one page of
 * the actor's cases, and the choices of the filter form, named in the reader's language.
 */
export async function officeQueue(
  actor: Actor,
  search: URLSearchParams,
  locale: Locale,
  now = new Date(),
  context: { ipAddress?: string } = {},
) {
  const { view, filters } = queueFilters(actor, search);
  const actions = bulkActionsFor(actor.role);
  const [page, options, clusters, views] = await Promise.all([
    queuePage(actor, filters, now, PAGE_SIZE, context),
    officeOptions(locale),
    actions.includes('cluster') ? openClusters(actor) : Promise.resolve([]),
    savedViews(actor),
  ]);
  return {
    view,
    filters,
    ...page,
    options,
    // A confined handler has no choice of unit: the filter would only ever show their own.
    unitFilter: confinedToUnit(actor) === null,
    bulk: { actions, units: options.units, handlers: options.handlers, clusters },
    savedViews: views,
  };
}
