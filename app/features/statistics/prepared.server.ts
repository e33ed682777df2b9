// Preparing the scheduled reports (prepared.ts says which fall due) and telling supervisors, once.
// Each prepared report is one PreparedReport row, unique by kind and period: the row and the
// supervisors' messages are written in one transaction, so a second worker, or a second run the
// same day, finds the row and sends nothing. The risk list names issues and cases, never people.
import { workingDayClock } from '#app/features/cases/clock.server.ts';
import { isWorkingDay } from '#app/features/cases/deadlines.ts';
import { OPEN_STATUSES } from '#app/features/cases/lifecycle.ts';
import { queueStaffMessages, supervisorRecipients } from '#app/features/notifications/outbox.server.ts';
import { canViewRiskList, type Actor } from '#app/features/staff/permissions.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { civilDateIn, civilDateToDbDate, parseIsoDate } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { periodBounds, previousPeriod, type Period } from './periods.ts';
import { preparedPath, reportsDueOn, type DueReport, type PreparedKind } from './prepared.ts';
import { computeReport } from './report.server.ts';
import type { CaseStatus, WarningLevel } from '#app/generated/prisma/client.ts';

/** "Due soon" in the risk list, as everywhere: within 3 days. */
const DUE_SOON_MS = 3 * 86_400_000;
/** Rows listed per section of the risk list; the rest are counted. */
export const RISK_LIST_LIMIT = 200;

export interface RiskCase {
  id: string;
  receiptNo: string;
  level: WarningLevel;
  status: CaseStatus;
  unitId: string | null;
  categoryId: string;
  nextDueAt: string | null;
}

export interface RiskCluster {
  id: string;
  categoryId: string;
  area: string | null;
  level: WarningLevel;
  confirmed: boolean;
  openCases: number;
  /** Cases that joined it this week and the week before: its trend. */
  addedThisWeek: number;
  addedWeekBefore: number;
}

export interface RiskSection<T> {
  total: number;
  rows: T[];
}

/** The weekly risk list (周风险清单) as prepared: issues and cases, counts and receipt numbers only. */
export interface RiskList {
  week: Period;
  generatedAt: string;
  clusters: RiskSection<RiskCluster>;
  /** Open orange and red cases. */
  warned: RiskSection<RiskCase>;
  /** Open cases overdue or due within 3 days. */
  due: RiskSection<RiskCase>;
  /** Review and re-review requests waiting for an opinion. */
  reviews: RiskSection<RiskCase>;
}

const CASE_SELECT = {
  id: true,
  receiptNo: true,
  warningLevel: true,
  status: true,
  unitId: true,
  categoryId: true,
  nextDueAt: true,
} as const satisfies Prisma.CaseSelect;

async function caseSection(where: Prisma.CaseWhereInput, orderBy: Prisma.CaseOrderByWithRelationInput[]): Promise<RiskSection<RiskCase>> {
  const [total, rows] = await Promise.all([
    db().case.count({ where }),
    db().case.findMany({ where, orderBy, take: RISK_LIST_LIMIT, select: CASE_SELECT }),
  ]);
  return {
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
}

export async function buildRiskList(week: Period, now: Date): Promise<RiskList> {
  const timeZone = serviceTimeZone();
  const open = { status: { in: [...OPEN_STATUSES] } } satisfies Prisma.CaseWhereInput;
  const thisWeek = periodBounds(week, timeZone);
  const weekBefore = periodBounds(previousPeriod(week), timeZone);
  const [warned, due, reviews, clusters] = await Promise.all([
    caseSection({ ...open, warningLevel: { in: ['ORANGE', 'RED'] } }, [{ warningLevel: 'desc' }, { nextDueAt: 'asc' }, { id: 'asc' }]),
    caseSection({ ...open, nextDueAt: { lt: new Date(now.getTime() + DUE_SOON_MS) } }, [{ nextDueAt: 'asc' }, { id: 'asc' }]),
    caseSection({ status: { in: ['REVIEW_REQUESTED', 'RE_REVIEW_REQUESTED'] } }, [{ nextDueAt: 'asc' }, { id: 'asc' }]),
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
    warned,
    due,
    reviews,
  };
}

/** The counts an email names. */
function riskCounts(list: RiskList) {
  return { clusters: list.clusters.total, warned: list.warned.total, due: list.due.total, reviews: list.reviews.total };
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
    const queued = await queueStaffMessages(tx, await supervisorRecipients(tx), 'reports', 'staff.reportReady', `${due.kind}:${due.key}`, {
      data: {
        prepared: {
          kind: due.kind,
          key: due.key,
          start: due.period.start,
          end: due.period.end,
          path: preparedPath(due.kind, due.period, due.key),
          counts: risk ? riskCounts(risk) : null,
        },
      },
    });
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

/** The risk list of a week as it was prepared, for the supervisors who were sent it. */
export async function preparedRiskList(actor: Actor, key: string): Promise<{ list: RiskList; preparedAt: string }> {
  if (!canViewRiskList(actor)) throw new ForbiddenError('riskList');
  const row = await db().preparedReport.findUnique({ where: { kind_periodKey: { kind: 'weeklySweep', periodKey: key } } });
  if (!row) throw new NotFoundError('riskList');
  return { list: row.data as unknown as RiskList, preparedAt: row.preparedAt.toISOString() };
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
