// Reading the audit log for /office/audit: one page at a time, newest first, filtered by action or
// by a staff account (entries by it or about it), each entry with the names of the people and
// records it is about. Only those who may read the log, checked here whoever calls.
import { z } from 'zod';
import { barredReportUnits, canReadAuditLog, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { AUDIT_ACTIONS } from './actions.ts';
import type { Locale } from '#app/i18n/config.ts';

export const AUDIT_PAGE_SIZE = 100;

export const AuditFilters = z.object({
  /** Keyset paging: entries with an id below this one (the last id of the previous page). */
  before: z
    .string()
    .regex(/^[1-9]\d{0,18}$/)
    .transform((value) => BigInt(value))
    .optional()
    .catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  /** Entries by or about one staff account. */
  staff: z.uuid().optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export function parseAuditFilters(searchParams: URLSearchParams): AuditFilters {
  return AuditFilters.parse({
    before: searchParams.get('before') ?? undefined,
    action: searchParams.get('action') || undefined,
    staff: searchParams.get('staff') || undefined,
  });
}

export interface AuditRow {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  target: { type: string | null; id: string | null; name: string | null; email: string | null } | null;
  ipAddress: string | null;
  /** The details as compact JSON; "" when there are none. */
  details: string;
}

export interface AuditPage {
  rows: AuditRow[];
  /** `before` for the next (older) page, or null when this is the last one. */
  olderBefore: string | null;
  /** The account the page is filtered by, if any. */
  staff: { id: string; name: string; email: string } | null;
}

/** Names of the units, categories and reply templates that entries are about, by type and id. */
async function referenceTargetNames(entries: { targetType: string | null; targetId: string | null }[], locale: Locale) {
  const uuid = z.uuid();
  const idsOf = (type: string) => [
    ...new Set(entries.filter((e) => e.targetType === type && e.targetId && uuid.safeParse(e.targetId).success).map((e) => e.targetId!)),
  ];
  const [units, categories, templates] = await Promise.all([
    db().unit.findMany({
      where: { id: { in: idsOf('Unit') } },
      select: { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true },
    }),
    db().category.findMany({
      where: { id: { in: idsOf('Category') } },
      select: { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true },
    }),
    db().replyTemplate.findMany({ where: { id: { in: idsOf('ReplyTemplate') } }, select: { id: true, title: true } }),
  ]);
  const names = new Map<string, string>();
  for (const row of units) names.set(`Unit:${row.id}`, `${localizedName(row, locale)} (${row.code})`);
  for (const row of categories) names.set(`Category:${row.id}`, `${localizedName(row, locale)} (${row.code})`);
  for (const row of templates) names.set(`ReplyTemplate:${row.id}`, row.title);
  return names;
}

interface KeptReports {
  /** Leaves out the entries about those reports. */
  where: Prisma.AuditLogWhereInput;
  /** Their receipt numbers, taken out of entries that list several cases. */
  receiptNos: ReadonlySet<string>;
}

/**
 * The reports of misconduct kept from the reader: one about their unit (or one above it) leaves no
 * trace in their audit log either (arts. 30, 46(5)).
 */
async function keptReports(actor: Actor): Promise<KeptReports> {
  const barred = barredReportUnits(actor);
  if (barred !== 'anyUnit' && barred.length === 0) return { where: {}, receiptNos: new Set() };
  const reports = await db().reportedParty.findMany({
    where: barred === 'anyUnit' ? { unitId: { not: null } } : { unitId: { in: [...barred] } },
    select: { caseId: true, case: { select: { receiptNo: true } } },
  });
  if (reports.length === 0) return { where: {}, receiptNos: new Set() };
  // Spelled out: NOT (type = 'Case' AND id IN …) is NULL, and so drops the row, for every entry
  // without a target (sign-ins, contact searches), which are not about the reports at all.
  const notAboutThem: Prisma.AuditLogWhereInput[] = [
    { targetType: null },
    { targetType: { not: 'Case' } },
    { targetId: null },
    { targetId: { notIn: reports.map((r) => r.caseId) } },
  ];
  return { where: { OR: notAboutThem }, receiptNos: new Set(reports.map((r) => r.case.receiptNo)) };
}

const FoundCases = z.looseObject({ found: z.number(), receiptNos: z.array(z.string()) });

/**
 * A contact search lists the cases it found by receipt number: the reader sees it as if the cases
 * kept from them did not exist, neither listed nor counted.
 */
function withoutKept(details: Prisma.JsonValue, kept: ReadonlySet<string>): Prisma.JsonValue {
  const search = FoundCases.safeParse(details);
  if (!search.success || !search.data.receiptNos.some((receiptNo) => kept.has(receiptNo))) return details;
  const receiptNos = search.data.receiptNos.filter((receiptNo) => !kept.has(receiptNo));
  return { ...search.data, found: search.data.found - (search.data.receiptNos.length - receiptNos.length), receiptNos };
}

/**
 * One page of the audit log, newest first, for those who may read it; units and categories are
 * named in `locale`.
 */
export async function auditLogPage(actor: Actor, filters: AuditFilters, locale: Locale, limit = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  if (!canReadAuditLog(actor)) throw new ForbiddenError('audit log');
  const kept = await keptReports(actor);
  const where: Prisma.AuditLogWhereInput = {
    AND: [kept.where],
    ...(filters.before ? { id: { lt: filters.before } } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.staff ? { OR: [{ actorId: filters.staff }, { targetType: 'StaffUser', targetId: filters.staff }] } : {}),
  };
  const found = await db().auditLog.findMany({ where, orderBy: { id: 'desc' }, take: limit + 1 });
  const entries = found.slice(0, limit);
  const uuid = z.uuid();
  const staffIds = new Set<string>();
  for (const entry of entries) {
    if (entry.actorId) staffIds.add(entry.actorId);
    if (entry.targetType === 'StaffUser' && entry.targetId && uuid.safeParse(entry.targetId).success) staffIds.add(entry.targetId);
  }
  if (filters.staff) staffIds.add(filters.staff);
  const people = new Map(
    (await db().staffUser.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true, email: true } })).map(
      (person) => [person.id, person],
    ),
  );
  const referenceNames = await referenceTargetNames(entries, locale);
  const rows = entries.map((entry): AuditRow => {
    const actor = entry.actorId ? people.get(entry.actorId) : undefined;
    const person = entry.targetType === 'StaffUser' && entry.targetId ? people.get(entry.targetId) : undefined;
    const referenceName = entry.targetType && entry.targetId ? referenceNames.get(`${entry.targetType}:${entry.targetId}`) : undefined;
    const target = person ?? (referenceName ? { name: referenceName, email: null } : undefined);
    const details = withoutKept(entry.details, kept.receiptNos);
    const hasDetails = details !== null && !(typeof details === 'object' && Object.keys(details).length === 0);
    return {
      id: entry.id.toString(),
      at: entry.at.toISOString(),
      action: entry.action,
      actor: entry.actorId ? { id: entry.actorId, name: actor?.name ?? null, email: actor?.email ?? null } : null,
      target:
        entry.targetType || entry.targetId
          ? { type: entry.targetType, id: entry.targetId, name: target?.name ?? null, email: target?.email ?? null }
          : null,
      ipAddress: entry.ipAddress,
      details: hasDetails ? JSON.stringify(details) : '',
    };
  });
  const last = entries.at(-1);
  return {
    rows,
    olderBefore: found.length > limit && last ? last.id.toString() : null,
    staff: filters.staff ? (people.get(filters.staff) ?? null) : null,
  };
}
