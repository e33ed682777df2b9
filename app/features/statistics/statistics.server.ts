// Case statistics for /office/statistics and its CSV download: counts only. Nothing here reads
// names, contact details, subjects or letter text, and nothing it returns identifies a person or
// a case. Every download is written to the audit log.
import { audit } from '#app/features/audit/audit.server.ts';
import { AGREEMENT_KINDS, type AgreementKind } from '#app/features/cases/agreements.ts';
import { CHANNELS, type Channel } from '#app/features/cases/attributes.ts';
import { visibleToSql, visibleToWhere } from '#app/features/cases/case-scope.server.ts';
import { CLAIM_OUTCOMES, type ClaimOutcome } from '#app/features/cases/claims.ts';
import { DUE_SOON_DAYS } from '#app/features/cases/deadlines.ts';
import { DECLINE_REASONS, declineReasonKey, type DeclineReason } from '#app/features/cases/decline-reasons.ts';
import { SOLVED, type Solved } from '#app/features/cases/follow-up.ts';
import { CASE_KINDS, type CaseKind } from '#app/features/cases/kinds.ts';
import { CASE_STATUSES, OPEN_STATUSES, isOpenStatus, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { canExportStatistics, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { toCsv, type CsvCell } from '#app/platform/codecs/csv.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { TFunction } from 'i18next';

export const STATISTICS_WEEKS = 12;

export interface CountRow<Key extends string> {
  key: Key;
  count: number;
}

export interface NamedCountRow {
  /** null for cases without one (cases not yet assigned to a unit). */
  id: string | null;
  code: string | null;
  name: string | null;
  total: number;
  open: number;
  overdue: number;
}

export interface CaseStatistics {
  generatedAt: string;
  total: number;
  open: number;
  byStatus: CountRow<CaseStatus>[];
  byKind: CountRow<CaseKind>[];
  byChannel: CountRow<Channel>[];
  byCategory: NamedCountRow[];
  byUnit: NamedCountRow[];
  deadlines: { overdue: number; dueSoon: number; dueSoonDays: number };
  /** Cases received per calendar week (Monday to Sunday, service time zone), oldest first. */
  perWeek: { weekStart: string; count: number }[];
  /** Citizens' ratings of the answers (art. 21): how many, the mean, and the spread. */
  satisfaction: {
    rated: number;
    /** Mean rating from 1 to 5, or null when nothing is rated yet. */
    average: number | null;
    byRating: CountRow<'1' | '2' | '3' | '4' | '5'>[];
    bySolved: CountRow<'YES' | 'PARTLY' | 'NO'>[];
  };
  /** Answered claims by outcome (逐条答复, arts. 29, 32), and cases not accepted by standard reason. */
  byClaimOutcome: CountRow<ClaimOutcome>[];
  byDeclineReason: CountRow<DeclineReason>[];
  byAgreement: CountRow<AgreementKind>[];
  byCheckIn: CountRow<Solved>[];
}

const openStatusList = Prisma.join(OPEN_STATUSES.map((status) => Prisma.sql`${status}::"CaseStatus"`));

function countsFor<Key extends string>(keys: readonly Key[], rows: { key: string; count: number }[]): CountRow<Key>[] {
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

interface GroupRow {
  id: string | null;
  total: number;
  open: number;
  overdue: number;
}

/** total / open / overdue per value of one column (categoryId or unitId), of the cases `visible` lets through. */
async function countsPerColumn(column: 'categoryId' | 'unitId', now: Date, visible: Prisma.Sql): Promise<GroupRow[]> {
  const col = Prisma.raw(`c."${column}"`);
  return await db().$queryRaw<GroupRow[]>`
    SELECT ${col}::text AS "id",
           COUNT(*)::int AS "total",
           (COUNT(*) FILTER (WHERE c."status" IN (${openStatusList})))::int AS "open",
           (COUNT(*) FILTER (WHERE c."status" IN (${openStatusList}) AND c."nextDueAt" < ${now}::timestamptz))::int AS "overdue"
    FROM "Case" c
    WHERE ${visible}
    GROUP BY ${col}`;
}

function byName(locale: Locale) {
  return (a: NamedCountRow, b: NamedCountRow) => {
    if (a.name === null) return 1;
    if (b.name === null) return -1;
    return b.total - a.total || a.name.localeCompare(b.name, locale);
  };
}

/**
 * The figures, counted over the cases the viewer may know of: a report of misconduct about their
 * unit (or one above it) is not in the counts of anyone in it (arts. 30, 46(5)). Without a viewer,
 * every case.
 */
export async function caseStatistics(locale: Locale, now = new Date(), viewer: Actor | null = null): Promise<CaseStatistics> {
  const timeZone = serviceTimeZone();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
  const visible: Prisma.CaseWhereInput = viewer ? visibleToWhere(viewer) : {};
  const visibleSql = viewer ? visibleToSql(viewer, 'c') : Prisma.sql`TRUE`;
  const openWhere = { status: { in: [...OPEN_STATUSES] }, ...visible };
  const [
    byStatus,
    byKind,
    byChannel,
    perCategory,
    perUnit,
    overdue,
    dueSoon,
    perWeek,
    categories,
    units,
    byRating,
    bySolved,
    byOutcome,
    byDecline,
    byAgreement,
    byCheckIn,
  ] = await Promise.all([
    db().case.groupBy({ by: ['status'], where: visible, _count: { _all: true } }),
    db().case.groupBy({ by: ['kind'], where: visible, _count: { _all: true } }),
    db().case.groupBy({ by: ['channel'], where: visible, _count: { _all: true } }),
    countsPerColumn('categoryId', now, visibleSql),
    countsPerColumn('unitId', now, visibleSql),
    db().case.count({ where: { ...openWhere, nextDueAt: { lt: now } } }),
    db().case.count({ where: { ...openWhere, nextDueAt: { gte: now, lte: soon } } }),
    db().$queryRaw<{ weekStart: string; count: number }[]>`
      WITH weeks AS (
        SELECT generate_series(
                 date_trunc('week', ${now}::timestamptz AT TIME ZONE ${timeZone}::text) - ${`${STATISTICS_WEEKS - 1} weeks`}::interval,
                 date_trunc('week', ${now}::timestamptz AT TIME ZONE ${timeZone}::text),
                 interval '1 week'
               ) AS "start"
      )
      SELECT to_char(w."start", 'YYYY-MM-DD') AS "weekStart", COUNT(c."id")::int AS "count"
      FROM weeks w
      LEFT JOIN "Case" c
        ON c."receivedAt" >= (w."start" AT TIME ZONE ${timeZone}::text)
       AND c."receivedAt" < ((w."start" + interval '1 week') AT TIME ZONE ${timeZone}::text)
       AND ${visibleSql}
      GROUP BY w."start"
      ORDER BY w."start"`,
    db().category.findMany({ select: { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true } }),
    db().unit.findMany({ select: { id: true, code: true, nameZhHans: true, nameZhHant: true, nameEn: true } }),
    db().satisfactionRating.groupBy({ by: ['rating'], where: { case: visible }, _count: { _all: true } }),
    db().satisfactionRating.groupBy({ by: ['solved'], where: { case: visible }, _count: { _all: true } }),
    db().caseClaim.groupBy({ by: ['outcome'], where: { outcome: { not: null }, case: visible }, _count: { _all: true } }),
    db().case.groupBy({ by: ['declineReason'], where: { declineReason: { not: null }, ...visible }, _count: { _all: true } }),
    db().case.groupBy({ by: ['agreementKind'], where: { agreementKind: { not: null }, ...visible }, _count: { _all: true } }),
    db().case.groupBy({ by: ['checkInAnswer'], where: { checkInAnswer: { not: null }, ...visible }, _count: { _all: true } }),
  ]);
  const rated = byRating.reduce((sum, row) => sum + row._count._all, 0);
  const ratingSum = byRating.reduce((sum, row) => sum + row.rating * row._count._all, 0);

  const categoryNames = new Map(categories.map((row) => [row.id, { code: row.code, name: localizedName(row, locale) }]));
  const unitNames = new Map(units.map((row) => [row.id, { code: row.code, name: localizedName(row, locale) }]));
  const named = (rows: GroupRow[], names: Map<string, { code: string; name: string }>): NamedCountRow[] =>
    rows
      .map((row) => {
        const found = row.id ? names.get(row.id) : undefined;
        return { ...row, code: found?.code ?? null, name: found?.name ?? null };
      })
      .sort(byName(locale));

  const statusCounts = countsFor(
    CASE_STATUSES,
    byStatus.map((row) => ({ key: row.status, count: row._count._all })),
  );
  const total = statusCounts.reduce((sum, row) => sum + row.count, 0);
  return {
    generatedAt: now.toISOString(),
    total,
    open: statusCounts.filter((row) => isOpenStatus(row.key)).reduce((sum, row) => sum + row.count, 0),
    byStatus: statusCounts,
    byKind: countsFor(
      CASE_KINDS,
      byKind.map((row) => ({ key: row.kind, count: row._count._all })),
    ),
    byChannel: countsFor(
      CHANNELS,
      byChannel.map((row) => ({ key: row.channel, count: row._count._all })),
    ),
    byCategory: named(perCategory, categoryNames),
    byUnit: named(perUnit, unitNames),
    deadlines: { overdue, dueSoon, dueSoonDays: DUE_SOON_DAYS },
    perWeek,
    satisfaction: {
      rated,
      average: rated === 0 ? null : ratingSum / rated,
      byRating: countsFor(
        ['1', '2', '3', '4', '5'] as const,
        byRating.map((row) => ({ key: String(row.rating), count: row._count._all })),
      ),
      bySolved: countsFor(
        ['YES', 'PARTLY', 'NO'] as const,
        bySolved.map((row) => ({ key: row.solved, count: row._count._all })),
      ),
    },
    byClaimOutcome: countsFor(
      CLAIM_OUTCOMES,
      byOutcome.flatMap((row) => (row.outcome ? [{ key: row.outcome, count: row._count._all }] : [])),
    ),
    byDeclineReason: countsFor(
      DECLINE_REASONS,
      byDecline.flatMap((row) => (row.declineReason ? [{ key: row.declineReason, count: row._count._all }] : [])),
    ),
    /** Art. 33: cases ended by a mediation or settlement agreement instead of a decision. */
    byAgreement: countsFor(
      AGREEMENT_KINDS,
      byAgreement.flatMap((row) => (row.agreementKind ? [{ key: row.agreementKind, count: row._count._all }] : [])),
    ),
    /** 回访: the answers of citizens asked after the reply (with their consent). */
    byCheckIn: countsFor(
      SOLVED,
      byCheckIn.flatMap((row) => (row.checkInAnswer ? [{ key: row.checkInAnswer, count: row._count._all }] : [])),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The CSV download

/**
 * The statistics page's figures as CSV rows: section, item, code, cases, open, overdue. Labels
 * are in the reader's language (t), codes are stable (status, kind, channel, category and unit
 * codes, week start dates) for anyone combining downloads.
 */
export function statisticsCsvRows(s: CaseStatistics, t: TFunction): CsvCell[][] {
  const a = (key: string, options?: Record<string, unknown>) => t(`office-admin:${key}`, options ?? {});
  const rows: CsvCell[][] = [
    [
      a('statistics.export.columns.section'),
      a('statistics.export.columns.item'),
      a('statistics.export.columns.code'),
      a('statistics.columns.count'),
      a('statistics.columns.open'),
      a('statistics.columns.overdue'),
    ],
  ];
  const overview = a('statistics.overview.title');
  rows.push(
    [overview, a('statistics.overview.total'), 'total', s.total, null, null],
    [overview, a('statistics.overview.open'), 'open', s.open, null, null],
    [overview, a('statistics.overview.overdue'), 'overdue', s.deadlines.overdue, null, null],
    [overview, a('statistics.overview.dueSoon', { days: s.deadlines.dueSoonDays }), 'dueSoon', s.deadlines.dueSoon, null, null],
  );
  const weeks = a('statistics.perWeek.title', { weeks: s.perWeek.length });
  for (const week of s.perWeek) rows.push([weeks, week.weekStart, week.weekStart, week.count, null, null]);
  const satisfaction = t('follow-up:statistics.title');
  for (const row of s.satisfaction.byRating)
    rows.push([satisfaction, t(`follow-up:rate.scale.${row.key}`), `rating-${row.key}`, row.count, null, null]);
  for (const row of s.satisfaction.bySolved)
    rows.push([
      satisfaction,
      `${t('follow-up:statistics.solvedLabel')} ${t(`follow-up:rate.solvedOptions.${row.key}`)}`,
      `solved-${row.key}`,
      row.count,
      null,
      null,
    ]);
  const byStatus = a('statistics.byStatus.title');
  for (const row of s.byStatus) rows.push([byStatus, t(`common:status.${row.key}.title`), row.key, row.count, null, null]);
  const byKind = a('statistics.byKind.title');
  for (const row of s.byKind) rows.push([byKind, t(`common:kinds.${row.key}.label`), row.key, row.count, null, null]);
  const byChannel = a('statistics.byChannel.title');
  for (const row of s.byChannel) rows.push([byChannel, a(`labels.channel.${row.key}`), row.key, row.count, null, null]);
  const byOutcome = a('statistics.byClaimOutcome.title');
  for (const row of s.byClaimOutcome) rows.push([byOutcome, t(`common:claimOutcomes.${row.key}`), row.key, row.count, null, null]);
  const byDecline = a('statistics.byDeclineReason.title');
  for (const row of s.byDeclineReason) rows.push([byDecline, t(declineReasonKey(row.key, 'label')), row.key, row.count, null, null]);
  const byAgreement = a('statistics.byAgreement.title');
  for (const row of s.byAgreement) rows.push([byAgreement, t(`office:case.agreements.${row.key}`), row.key, row.count, null, null]);
  const byCheckIn = a('statistics.byCheckIn.title');
  for (const row of s.byCheckIn)
    rows.push([byCheckIn, t(`follow-up:solved.answers.${row.key}`), `checkIn-${row.key}`, row.count, null, null]);
  const named = (section: string, list: NamedCountRow[], none: string) => {
    for (const row of list) {
      rows.push([section, row.name ?? (row.id ? a('statistics.unknown') : none), row.code, row.total, row.open, row.overdue]);
    }
  };
  named(a('statistics.byCategory.title'), s.byCategory, a('statistics.unknown'));
  named(a('statistics.byUnit.title'), s.byUnit, a('statistics.byUnit.unassigned'));
  return rows;
}

/** The file name: the moment the figures were taken, in the service's time zone. */
export function statisticsFileName(generatedAt: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(generatedAt)
      .map((part) => [part.type, part.value]),
  );
  return `statistics-${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}.csv`;
}

/**
 * Builds the statistics CSV and writes the download to the audit log (action `export`) before it
 * is handed out: no export leaves without its entry. Counts only, like the page; only for the
 * roles that may download them, checked here whoever calls.
 */
export async function exportStatisticsCsv(
  actor: Actor,
  locale: Locale,
  t: TFunction,
  context: { ipAddress: string },
  now = new Date(),
): Promise<{ fileName: string; csv: string }> {
  if (!canExportStatistics(actor)) throw new ForbiddenError('statistics export');
  const statistics = await caseStatistics(locale, now, actor);
  const rows = statisticsCsvRows(statistics, t);
  await audit({
    action: 'export',
    actorId: actor.id,
    targetType: 'Statistics',
    ipAddress: context.ipAddress,
    details: { what: 'statistics', format: 'csv', locale, rows: rows.length - 1, generatedAt: statistics.generatedAt },
  });
  return { fileName: statisticsFileName(now, serviceTimeZone()), csv: toCsv(rows) };
}
