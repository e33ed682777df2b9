// The back office's case queue: filters, Chinese-aware search, nearest-deadline-first order and
// keyset pagination (page 50 costs what page 1 costs). One SQL query, built from typed pieces.
import { z } from 'zod';
import { CHANNELS, WARNING_LEVELS } from './domain/case-attributes.ts';
import { CASE_KINDS } from './domain/case-kinds.ts';
import { CASE_STATUSES, TERMINAL_STATUSES } from './domain/case-lifecycle.ts';
import { DUE_SOON_DAYS } from './domain/deadlines.ts';
import { searchQuery } from './domain/search-tokens.ts';
import { db, Prisma } from './db.server.ts';

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
  after: z.string().max(200).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof QueueFilters>;

export interface QueueScope {
  /** A handler sees only their own unit's cases. */
  unitId?: string;
}

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
  categoryId: string;
  unitId: string | null;
  assigneeId: string | null;
}

const Cursor = z.tuple([z.string().nullable(), z.uuid()]);

function encodeCursor(row: QueueRow): string {
  return Buffer.from(JSON.stringify([row.nextDueAt?.toISOString() ?? null, row.id])).toString('base64url');
}

function decodeCursor(after: string | undefined): [Date | null, string] | null {
  if (!after) return null;
  try {
    const [due, id] = Cursor.parse(JSON.parse(Buffer.from(after, 'base64url').toString('utf8')));
    return [due ? new Date(due) : null, id];
  } catch {
    return null;
  }
}

const SHANGHAI_DAY = (day: string, endOfDay: boolean) =>
  new Date(`${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}+08:00`);

export async function queuePage(
  filters: QueueFilters,
  scope: QueueScope,
  now = new Date(),
): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
  const where: Prisma.Sql[] = [];
  if (scope.unitId) where.push(Prisma.sql`c."unitId" = ${scope.unitId}::uuid`);
  if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}::"CaseStatus"`);
  else if (!filters.all) {
    const open = CASE_STATUSES.filter((s) => !TERMINAL_STATUSES.has(s));
    where.push(Prisma.sql`c."status" IN (${Prisma.join(open.map((s) => Prisma.sql`${s}::"CaseStatus"`))})`);
  }
  if (filters.kind) where.push(Prisma.sql`c."kind" = ${filters.kind}::"CaseKind"`);
  if (filters.categoryId) where.push(Prisma.sql`c."categoryId" = ${filters.categoryId}::uuid`);
  if (filters.unitId) where.push(Prisma.sql`c."unitId" = ${filters.unitId}::uuid`);
  if (filters.assigneeId) where.push(Prisma.sql`c."assigneeId" = ${filters.assigneeId}::uuid`);
  if (filters.warningLevel) where.push(Prisma.sql`c."warningLevel" = ${filters.warningLevel}::"WarningLevel"`);
  if (filters.channel) where.push(Prisma.sql`c."channel" = ${filters.channel}::"Channel"`);
  if (filters.receivedFrom) where.push(Prisma.sql`c."receivedAt" >= ${SHANGHAI_DAY(filters.receivedFrom, false)}`);
  if (filters.receivedTo) where.push(Prisma.sql`c."receivedAt" <= ${SHANGHAI_DAY(filters.receivedTo, true)}`);
  if (filters.due === 'overdue') where.push(Prisma.sql`c."nextDueAt" < ${now}`);
  if (filters.due === 'soon') {
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
    where.push(Prisma.sql`c."nextDueAt" >= ${now} AND c."nextDueAt" <= ${soon}`);
  }
  const tsquery = filters.q ? searchQuery(filters.q) : null;
  if (filters.q && !tsquery) return { rows: [], nextCursor: null };
  if (tsquery) where.push(Prisma.sql`c."searchVector" @@ ${tsquery}::tsquery`);

  // Nearest deadline first; cases without one last. The cursor continues after the last row seen.
  const cursor = decodeCursor(filters.after);
  if (cursor) {
    const [due, id] = cursor;
    where.push(
      due
        ? Prisma.sql`(c."nextDueAt" > ${due} OR (c."nextDueAt" = ${due} AND c."id" > ${id}::uuid) OR c."nextDueAt" IS NULL)`
        : Prisma.sql`(c."nextDueAt" IS NULL AND c."id" > ${id}::uuid)`,
    );
  }
  const condition = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  const rows = await db().$queryRaw<QueueRow[]>`
    SELECT c."id", c."receiptNo", c."subject", c."kind"::text AS "kind", c."status"::text AS "status",
           c."channel"::text AS "channel", c."warningLevel"::text AS "warningLevel", c."coSignerCount",
           c."receivedAt", c."nextDueAt", c."categoryId", c."unitId", c."assigneeId"
    FROM "Case" c
    ${condition}
    ORDER BY c."nextDueAt" ASC NULLS LAST, c."id" ASC
    LIMIT ${PAGE_SIZE + 1}`;
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE ? encodeCursor(page[page.length - 1]!) : null };
}
