// Preparing the scheduled reports (prepared.ts says which fall due) and telling supervisors, once.
// Each prepared report is one PreparedReport row, unique by kind and period: the row and the
// supervisors' messages are written in one transaction, so a second worker, or a second run the
// same day, finds the row and sends nothing. The risk list names issues and cases, never people.
import { z } from 'zod';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { SCOPE_SELECT, scopeFrom } from '#app/features/cases/case-scope.server.ts';
import { workingDayClock } from '#app/features/cases/clock.server.ts';
import { isWorkingDay } from '#app/features/cases/deadlines.ts';
import { CASE_STATUSES, OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { queueStaffMessages, supervisorRecipients, type StaffRecipient, type Tx } from '#app/features/notifications/outbox.server.ts';
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { lineageIn } from '#app/features/reference-data/unit-tree.ts';
import { canViewRiskList, isKeptFrom, type Actor, type CaseScope } from '#app/features/staff/permissions.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { civilDateIn, civilDateToDbDate, parseIsoDate } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { PERIOD_KINDS, periodBounds, previousPeriod, type Period } from './periods.ts';
import { preparedPath, reportsDueOn, type DueReport, type PreparedKind } from './prepared.ts';
import { computeReport } from './report.server.ts';

/** "Due soon" in the risk list, as everywhere: within 3 days. */
const DUE_SOON_MS = 3 * 86_400_000;
/** Rows listed per section of the risk list; the rest are counted. */
export const RISK_LIST_LIMIT = 200;

// The risk list is stored as JSON (PreparedReport.data) and read back through these schemas.
const RiskCaseSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  level: z.enum(WARNING_LEVELS),
  status: z.enum(CASE_STATUSES),
  unitId: z.string().nullable(),
  categoryId: z.string(),
  nextDueAt: z.string().nullable(),
});
export type RiskCase = z.infer<typeof RiskCaseSchema>;

const RiskClusterSchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  area: z.string().nullable(),
  level: z.enum(WARNING_LEVELS),
  confirmed: z.boolean(),
  openCases: z.number(),
  /** Cases that joined it this week and the week before: its trend. */
  addedThisWeek: z.number(),
  addedWeekBefore: z.number(),
});
export type RiskCluster = z.infer<typeof RiskClusterSchema>;

const riskSection = <T extends z.ZodType>(row: T) => z.object({ total: z.number(), rows: z.array(row) });
export interface RiskSection<T> {
  total: number;
  rows: T[];
}

/** The weekly risk list (周风险清单) as prepared: issues and cases, counts and receipt numbers only. */
const RiskListSchema = z.object({
  week: z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string() }),
  generatedAt: z.string(),
  clusters: riskSection(RiskClusterSchema),
  /** Open orange and red cases. */
  warned: riskSection(RiskCaseSchema),
  /** Open cases overdue or due within 3 days. */
  due: riskSection(RiskCaseSchema),
  /** Review and re-review requests waiting for an opinion. */
  reviews: riskSection(RiskCaseSchema),
  /** Open cases whose completion report was sent back and not filed again yet; absent from lists prepared before they were listed. */
  returned: riskSection(RiskCaseSchema).optional(),
});
export type RiskList = z.infer<typeof RiskListSchema>;

const CASE_SECTIONS = ['warned', 'due', 'reviews', 'returned'] as const;
type CaseSection = (typeof CASE_SECTIONS)[number];

/** The cases of each section that may be kept from someone (isKeptFrom), whether listed or only counted. */
type MayBeKept = Record<Exclude<CaseSection, 'returned'>, string[]> & { returned?: string[] };

/**
 * The risk list as prepared and stored. One list serves every supervisor, so it also names the cases
 * that may be kept from some of them, and each reads it without those (riskListFor).
 */
export interface PreparedRiskList extends RiskList {
  mayBeKept: MayBeKept;
}

/** A report of misconduct about a unit, or a case someone withdrew from: kept from some staff. */
const MAY_BE_KEPT = {
  OR: [{ reportedParty: { is: { unitId: { not: null } } } }, { recusals: { some: {} } }],
} satisfies Prisma.CaseWhereInput;

const CASE_SELECT = {
  id: true,
  receiptNo: true,
  warningLevel: true,
  status: true,
  unitId: true,
  categoryId: true,
  nextDueAt: true,
} as const satisfies Prisma.CaseSelect;

async function caseSection(
  where: Prisma.CaseWhereInput,
  orderBy: Prisma.CaseOrderByWithRelationInput[],
): Promise<{ section: RiskSection<RiskCase>; mayBeKept: string[] }> {
  const [total, rows, mayBeKept] = await Promise.all([
    db().case.count({ where }),
    db().case.findMany({ where, orderBy, take: RISK_LIST_LIMIT, select: CASE_SELECT }),
    db().case.findMany({ where: { AND: [where, MAY_BE_KEPT] }, select: { id: true } }),
  ]);
  const section = {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      receiptNo: row.receiptNo,
      level: row.warningLevel,
      status: row.status,
      unitId: row.unitId,
      categoryId: row.categoryId,
      nextDueAt: row.nextDueAt?.toISOString() ?? null,
    })),
  };
  return { section, mayBeKept: mayBeKept.map((row) => row.id) };
}

export async function buildRiskList(week: Period, now: Date): Promise<PreparedRiskList> {
  const timeZone = serviceTimeZone();
  const open = { status: { in: [...OPEN_STATUSES] } } satisfies Prisma.CaseWhereInput;
  const thisWeek = periodBounds(week, timeZone);
  const weekBefore = periodBounds(previousPeriod(week), timeZone);
  const [warned, due, reviews, returned, clusters] = await Promise.all([
    caseSection({ ...open, warningLevel: { in: ['ORANGE', 'RED'] } }, [{ warningLevel: 'desc' }, { nextDueAt: 'asc' }, { id: 'asc' }]),
    caseSection({ ...open, nextDueAt: { lt: new Date(now.getTime() + DUE_SOON_MS) } }, [{ nextDueAt: 'asc' }, { id: 'asc' }]),
    caseSection({ status: { in: ['REVIEW_REQUESTED', 'RE_REVIEW_REQUESTED'] } }, [{ nextDueAt: 'asc' }, { id: 'asc' }]),
    // Sent back for rework (art. 22(3)) and not filed again: no report waits for a decision, none was accepted.
    caseSection({ ...open, completionReports: { some: { status: 'RETURNED' }, none: { status: { in: ['PENDING', 'ACCEPTED'] } } } }, [
      { reportDueAt: 'asc' },
      { id: 'asc' },
    ]),
    db().$queryRaw<RiskCluster[]>`
      SELECT k."id"::text AS "id", k."categoryId"::text AS "categoryId", k."area", k."warningLevel"::text AS "level", k."confirmed",
             (COUNT(*) FILTER (WHERE c."status"::text = ANY(${[...OPEN_STATUSES]}::text[])))::int AS "openCases",
             (COUNT(*) FILTER (WHERE c."receivedAt" >= ${thisWeek.from} AND c."receivedAt" < ${thisWeek.to}))::int AS "addedThisWeek",
             (COUNT(*) FILTER (WHERE c."receivedAt" >= ${weekBefore.from} AND c."receivedAt" < ${weekBefore.to}))::int AS "addedWeekBefore"
      FROM "CaseCluster" k JOIN "Case" c ON c."clusterId" = k."id"
      WHERE k."dissolvedAt" IS NULL
      GROUP BY k."id"
      HAVING COUNT(*) FILTER (WHERE c."status"::text = ANY(${[...OPEN_STATUSES]}::text[])) > 0
      ORDER BY array_position(ARRAY['NONE','BLUE','YELLOW','ORANGE','RED'], k."warningLevel"::text) DESC, 6 DESC, k."id"`,
  ]);
  return {
    week,
    generatedAt: now.toISOString(),
    clusters: { total: clusters.length, rows: clusters.slice(0, RISK_LIST_LIMIT) },
    warned: warned.section,
    due: due.section,
    reviews: reviews.section,
    returned: returned.section,
    mayBeKept: { warned: warned.mayBeKept, due: due.mayBeKept, reviews: reviews.mayBeKept, returned: returned.mayBeKept },
  };
}

/** The scopes, read now, of the cases of a list that are kept from someone. */
async function keptScopes(
  client: Tx | ReturnType<typeof db>,
  list: RiskList,
  mayBeKept: MayBeKept | null,
): Promise<Map<string, CaseScope>> {
  const ids = new Set(CASE_SECTIONS.flatMap((key) => [...(list[key]?.rows ?? []).map((row) => row.id), ...(mayBeKept?.[key] ?? [])]));
  const rows = await client.case.findMany({ where: { id: { in: [...ids] }, ...MAY_BE_KEPT }, select: { id: true, ...SCOPE_SELECT } });
  return new Map(rows.map((row) => [row.id, scopeFrom(row)]));
}

/**
 * The list as `reader` may see it: the cases kept from them (a report about their unit, one they
 * withdrew from) neither listed nor counted (arts. 28, 30, 46(5)). A list prepared before lists
 * named their cases that may be kept (mayBeKept null) leaves out the listed ones only.
 */
function riskListFor(list: RiskList, mayBeKept: MayBeKept | null, scopes: Map<string, CaseScope>, reader: Actor): RiskList {
  const kept = (id: string) => {
    const scope = scopes.get(id);
    return scope !== undefined && isKeptFrom(reader, scope);
  };
  const section = (listed: RiskSection<RiskCase>, key: CaseSection): RiskSection<RiskCase> => {
    const theirs = new Set([...listed.rows.map((row) => row.id), ...(mayBeKept?.[key] ?? [])].filter(kept));
    return { total: listed.total - theirs.size, rows: listed.rows.filter((row) => !theirs.has(row.id)) };
  };
  const { week, generatedAt, clusters } = list;
  return {
    week,
    generatedAt,
    clusters,
    warned: section(list.warned, 'warned'),
    due: section(list.due, 'due'),
    reviews: section(list.reviews, 'reviews'),
    ...(list.returned ? { returned: section(list.returned, 'returned') } : {}),
  };
}

/** The counts an email names. */
function riskCounts(list: RiskList) {
  return {
    clusters: list.clusters.total,
    warned: list.warned.total,
    due: list.due.total,
    reviews: list.reviews.total,
    returned: list.returned?.total ?? 0,
  };
}

/** Each supervisor's counts, of the list as they will read it: those who would read the same counts together. */
async function riskCountsPerReader(tx: Tx, list: PreparedRiskList, recipients: StaffRecipient[]) {
  const scopes = await keptScopes(tx, list, list.mayBeKept);
  const parents = await unitParents(tx);
  const people = await tx.staffUser.findMany({ where: { id: { in: recipients.map((r) => r.id) } }, select: { id: true, unitId: true } });
  const units = new Map(people.map((person) => [person.id, person.unitId]));
  const groups = new Map<string, { counts: ReturnType<typeof riskCounts>; recipients: StaffRecipient[] }>();
  for (const recipient of recipients) {
    const unitId = units.get(recipient.id) ?? null;
    const reader: Actor = { id: recipient.id, role: 'SUPERVISOR', unitId, unitLineage: lineageIn(parents, unitId) };
    const counts = riskCounts(riskListFor(list, list.mayBeKept, scopes, reader));
    const key = JSON.stringify(counts);
    const group = groups.get(key) ?? { counts, recipients: [] };
    group.recipients.push(recipient);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface PreparedResult {
  kind: PreparedKind;
  key: string;
  /** False when this report was already prepared (another worker, an earlier run). */
  prepared: boolean;
  queued: number;
}

/** Prepares one report and tells the supervisors, unless it was prepared already. */
export async function prepareReport(due: DueReport, now: Date): Promise<PreparedResult> {
  const exists = await db().preparedReport.findUnique({
    where: { kind_periodKey: { kind: due.kind, periodKey: due.key } },
    select: { id: true },
  });
  if (exists) return { kind: due.kind, key: due.key, prepared: false, queued: 0 };
  const risk = due.kind === 'weeklySweep' ? await buildRiskList(due.period, now) : null;
  const data = risk ?? (await computeReport({ kind: 'office' }, due.period, { now }));
  return await db().$transaction(async (tx) => {
    const inserted = await tx.preparedReport.createMany({
      data: [
        {
          kind: due.kind,
          periodKey: due.key,
          periodFrom: civilDateToDbDate(parseIsoDate(due.period.start)!),
          periodTo: civilDateToDbDate(parseIsoDate(due.period.end)!),
          preparedAt: now,
          data: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonObject,
        },
      ],
      // Another worker got there first: it sends the messages, this one sends none.
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { kind: due.kind, key: due.key, prepared: false, queued: 0 };
    const recipients = await supervisorRecipients(tx);
    const tell = async (to: StaffRecipient[], counts: ReturnType<typeof riskCounts> | null) =>
      await queueStaffMessages(tx, to, 'reports', 'staff.reportReady', `${due.kind}:${due.key}`, {
        data: {
          prepared: {
            kind: due.kind,
            key: due.key,
            start: due.period.start,
            end: due.period.end,
            path: preparedPath(due.kind, due.period, due.key),
            counts,
          },
        },
      });
    let queued = 0;
    if (!risk) queued = await tell(recipients, null);
    // Each supervisor's counts are those of the list as they read it, without the cases kept from them.
    else for (const group of await riskCountsPerReader(tx, risk, recipients)) queued += await tell(group.recipients, group.counts);
    return { kind: due.kind, key: due.key, prepared: true, queued };
  });
}

/** The worker's daily job: prepares whatever falls due today (service time) and tells supervisors. */
export async function prepareDueReports(now = new Date()): Promise<PreparedResult[]> {
  // "The first working day after the quarter" skips the holidays of the calendar.
  const clock = await workingDayClock();
  const today = civilDateIn(now, clock.timeZone);
  const results: PreparedResult[] = [];
  for (const due of reportsDueOn(today, (day) => isWorkingDay(day, clock))) results.push(await prepareReport(due, now));
  return results;
}

const StoredMayBeKept = z.object({
  mayBeKept: z.object({
    warned: z.array(z.string()),
    due: z.array(z.string()),
    reviews: z.array(z.string()),
    returned: z.array(z.string()).optional(),
  }),
});

/** The risk list of a week as it was prepared, for the supervisors who were sent it, without the cases kept from them. */
export async function preparedRiskList(actor: Actor, key: string): Promise<{ list: RiskList; preparedAt: string }> {
  if (!canViewRiskList(actor)) throw new ForbiddenError('riskList');
  const row = await db().preparedReport.findUnique({ where: { kind_periodKey: { kind: 'weeklySweep', periodKey: key } } });
  if (!row) throw new NotFoundError('riskList');
  const list = RiskListSchema.parse(row.data);
  const stored = StoredMayBeKept.safeParse(row.data);
  const mayBeKept = stored.success ? stored.data.mayBeKept : null;
  return { list: riskListFor(list, mayBeKept, await keptScopes(db(), list, mayBeKept), actor), preparedAt: row.preparedAt.toISOString() };
}

/** The weeks whose risk lists were prepared, newest first. */
export async function preparedRiskWeeks(actor: Actor, take = 12): Promise<string[]> {
  if (!canViewRiskList(actor)) return [];
  const rows = await db().preparedReport.findMany({
    where: { kind: 'weeklySweep' },
    orderBy: { periodFrom: 'desc' },
    take,
    select: { periodKey: true },
  });
  return rows.map((row) => row.periodKey);
}
