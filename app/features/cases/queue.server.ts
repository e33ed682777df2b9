// The back office's case queue: filters, Chinese-aware search, a choice of orders (nearest
// deadline first by default, date received, warning level) and keyset pagination (page 50 costs
// what page 1 costs). One SQL query, built from typed pieces.
import { z } from 'zod';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canUseQueue, confinedToUnit, type Actor } from '#app/features/staff/permissions.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { SORT_DIRECTIONS, resolveOrder, type ListOrder } from '#app/platform/http/list-order.ts';
import { endOfCivilDay, parseIsoDate, startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { CHANNELS, WARNING_LEVELS } from './attributes.ts';
import { visibleToSql } from './case-scope.server.ts';
import { DUE_SOON_DAYS } from './deadlines.ts';
import { CASE_KINDS } from './kinds.ts';
import { CASE_STATUSES, OPEN_STATUSES } from './lifecycle.ts';
import { DEFAULT_QUEUE_SORT, QUEUE_SORTS, QUEUE_SORT_DEFAULT_DIRECTION, SAVED_VIEWS, type QueueSort } from './queue-order.ts';
import { searchQuery } from './search-tokens.ts';
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
}

export type QueueOrder = ListOrder<QueueSort>;

/** The order the filters ask for, defaults filled in. */
export function queueOrder(filters: Pick<QueueFilters, 'sort' | 'dir'>): QueueOrder {
  return resolveOrder(filters.sort, filters.dir, DEFAULT_QUEUE_SORT, QUEUE_SORT_DEFAULT_DIRECTION);
}

// The cursor names the order it belongs to and holds the last row's sort keys, id last. A cursor
// from another order (a bookmarked page after the sort changed) starts again from the first page.
const instant = z.iso.datetime();
const direction = z.enum(SORT_DIRECTIONS);
const Cursor = z.union([
  z.tuple([z.literal('due'), direction, instant.nullable(), z.uuid()]),
  z.tuple([z.literal('received'), direction, instant, z.uuid()]),
  z.tuple([z.literal('warning'), direction, z.enum(WARNING_LEVELS), instant.nullable(), z.uuid()]),
]);
type Cursor = z.infer<typeof Cursor>;
const WarningLevelKey = z.enum(WARNING_LEVELS);

function cursorOf(order: QueueOrder, row: QueueRow): Cursor {
  const due = row.nextDueAt?.toISOString() ?? null;
  switch (order.sort) {
    case 'due':
      return ['due', order.dir, due, row.id];
    case 'received':
      return ['received', order.dir, row.receivedAt.toISOString(), row.id];
    case 'warning':
      return ['warning', order.dir, WarningLevelKey.parse(row.warningLevel), due, row.id];
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
 * Rows after (due, id) in deadline order, cases without a deadline last in either direction:
 * ascending is nearest first, descending furthest first.
 */
function afterDue(due: string | null, id: string, dir: 'asc' | 'desc'): Prisma.Sql {
  const at = due ? new Date(due) : null;
  if (!at)
    return dir === 'asc'
      ? Prisma.sql`(c."nextDueAt" IS NULL AND c."id" > ${id}::uuid)`
      : Prisma.sql`(c."nextDueAt" IS NULL AND c."id" < ${id}::uuid)`;
  return dir === 'asc'
    ? Prisma.sql`(c."nextDueAt" > ${at} OR (c."nextDueAt" = ${at} AND c."id" > ${id}::uuid) OR c."nextDueAt" IS NULL)`
    : Prisma.sql`(c."nextDueAt" < ${at} OR (c."nextDueAt" = ${at} AND c."id" < ${id}::uuid) OR c."nextDueAt" IS NULL)`;
}

/** The condition for the rows after the cursor, in the cursor's order. */
function afterCursor(cursor: Cursor): Prisma.Sql {
  switch (cursor[0]) {
    case 'due': {
      const [, dir, due, id] = cursor;
      return afterDue(due, id, dir);
    }
    case 'received': {
      const [, dir, received, id] = cursor;
      const at = new Date(received);
      return dir === 'asc'
        ? Prisma.sql`(c."receivedAt", c."id") > (${at}::timestamptz, ${id}::uuid)`
        : Prisma.sql`(c."receivedAt", c."id") < (${at}::timestamptz, ${id}::uuid)`;
    }
    case 'warning': {
      // The level (in its enum order, NONE < BLUE < … < RED), then nearest deadline first.
      const [, dir, level, due, id] = cursor;
      const beyond =
        dir === 'desc' ? Prisma.sql`c."warningLevel" < ${level}::"WarningLevel"` : Prisma.sql`c."warningLevel" > ${level}::"WarningLevel"`;
      return Prisma.sql`(${beyond} OR (c."warningLevel" = ${level}::"WarningLevel" AND ${afterDue(due, id, 'asc')}))`;
    }
  }
}

/** ORDER BY for each order; every one ends in the id, so the order is total and paging exact. */
function orderBy(order: QueueOrder): Prisma.Sql {
  switch (order.sort) {
    case 'due':
      return order.dir === 'asc'
        ? Prisma.sql`c."nextDueAt" ASC NULLS LAST, c."id" ASC`
        : Prisma.sql`c."nextDueAt" DESC NULLS LAST, c."id" DESC`;
    case 'received':
      return order.dir === 'asc' ? Prisma.sql`c."receivedAt" ASC, c."id" ASC` : Prisma.sql`c."receivedAt" DESC, c."id" DESC`;
    case 'warning':
      return order.dir === 'desc'
        ? Prisma.sql`c."warningLevel" DESC, c."nextDueAt" ASC NULLS LAST, c."id" ASC`
        : Prisma.sql`c."warningLevel" ASC, c."nextDueAt" ASC NULLS LAST, c."id" ASC`;
  }
}

/** The instant a received-from or received-to day begins or ends in the service's zone, or null for no such day. */
function dayBound(day: string | undefined, end: boolean): Date | null {
  const date = day ? parseIsoDate(day) : null;
  if (!date) return null;
  return end ? endOfCivilDay(date, serviceTimeZone()) : startOfCivilDay(date, serviceTimeZone());
}

/**
 * One page of the queue for this actor: the filters, within the cases they work on (a handler's
 * own unit, whatever the filters say), in the order asked for, after the cursor.
 */
export async function queuePage(
  actor: Actor,
  filters: QueueFilters,
  now = new Date(),
  pageSize = PAGE_SIZE,
): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
  if (!canUseQueue(actor)) throw new ForbiddenError('queue');
  // A case kept from the actor (a report about their unit, one they withdrew from) is nowhere in their
  // queue, search or saved views, whatever the filters say (arts. 28, 30, 46(5)).
  const where: Prisma.Sql[] = [visibleToSql(actor, 'c')];
  const confined = confinedToUnit(actor);
  if (confined) where.push(confined.unitId ? Prisma.sql`c."unitId" = ${confined.unitId}::uuid` : Prisma.sql`FALSE`);
  if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}::"CaseStatus"`);
  else if (!filters.all) {
    const open = OPEN_STATUSES;
    where.push(Prisma.sql`c."status" IN (${Prisma.join(open.map((s) => Prisma.sql`${s}::"CaseStatus"`))})`);
  }
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
  const tsquery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsquery) return { rows: [], nextCursor: null };
  if (tsquery) where.push(Prisma.sql`c."searchVector" @@ ${tsquery}::tsquery`);

  // The cursor continues after the last row seen, in the same order.
  const order = queueOrder(filters);
  const cursor = decodeCursor(filters.after, order);
  if (cursor) where.push(afterCursor(cursor));
  const condition = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  const rows = await db().$queryRaw<QueueRow[]>`
    SELECT c."id", c."receiptNo", c."subject", c."kind"::text AS "kind", c."status"::text AS "status",
           c."channel"::text AS "channel", c."warningLevel"::text AS "warningLevel", c."coSignerCount",
           c."receivedAt", c."nextDueAt", c."nextTargetDueAt", c."categoryId", c."unitId", c."assigneeId",
           CASE WHEN c."objectingUnitId" IS NULL AND c."objectionDueAt" >= ${now} THEN c."objectionDueAt" END AS "objectionDueAt",
           c."objectingUnitId" IS NOT NULL AS "objected", c."status" = 'MERGED' AS "merged", c."escalatedAt" IS NOT NULL AS "escalated"
    FROM "Case" c
    ${condition}
    ORDER BY ${orderBy(order)}
    LIMIT ${pageSize + 1}`;
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeCursor(cursorOf(order, last)) : null };
}

/**
 * The queue page: the filters the URL asks for (a saved view is filters with a name), one page of
 * the actor's cases, and the choices of the filter form, named in the reader's language.
 */
export async function officeQueue(actor: Actor, search: URLSearchParams, locale: Locale, now = new Date()) {
  const params = Object.fromEntries(search);
  const view = SAVED_VIEWS.find((v) => v === params.view) ?? null;
  const filters = QueueFilters.parse(params);
  if (view === 'mine') filters.assigneeId = actor.id;
  if (view === 'unit' && actor.unitId) filters.unitId = actor.unitId;
  if (view === 'dueSoon') filters.due = 'soon';
  if (view === 'overdue') filters.due = 'overdue';
  const [page, options] = await Promise.all([queuePage(actor, filters, now), officeOptions(locale)]);
  // A confined handler has no choice of unit: the filter would only ever show their own.
  return { view, filters, order: queueOrder(filters), ...page, options, unitFilter: confinedToUnit(actor) === null };
}
