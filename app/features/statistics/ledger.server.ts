// The case ledger (台账) as a file: one row per case received in the period and scope, with its
// dates, channel, kind, category, area, unit, status, whether each statutory limit was met, and
// its rating. No name, contact detail or letter text; the subject only when asked for with a
// reason, by someone who may read the cases. Every download is audited as `export`, with the
// reason when there is one.
import { audit } from '#app/features/audit/audit.server.ts';
import { canExportLedger, canIncludeLedgerSubject, type Actor } from '#app/features/staff/permissions.ts';
import { toCsv, type CsvCell } from '#app/platform/codecs/csv.ts';
import { toXlsx, XLSX_CONTENT_TYPE } from '#app/platform/codecs/xlsx.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#app/platform/http/forms.ts';
import { civilDateIn } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { keyLabel } from './labels.ts';
import { deadlineStates, LEDGER_MAX_ROWS, LedgerOptions, type LedgerField } from './ledger.ts';
import { periodBounds, periodKey, type Period } from './periods.ts';
import { scopeSql, type ResolvedScope } from './report-queries.server.ts';
import { parseReportQuery } from './report-query.ts';
import { reportNames, resolveScope, scopeForActor } from './report.server.ts';
import { excludesMisconduct } from './scope.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { DownloadFile } from '#app/platform/http/file-response.ts';
import type { TFunction } from 'i18next';

export type LedgerOutcome =
  | { ok: true; file: DownloadFile }
  | { ok: false; status: 400 | 422; errors: FieldErrors<LedgerField>; values: FormValues<LedgerField>; formError: string | null };

interface LedgerRow {
  receiptNo: string;
  /** The instants as "2026-03-01 10:00" in the service's zone: sortable, and read the same in every language. */
  received: string;
  decided: string | null;
  accepted: string | null;
  replied: string | null;
  closed: string | null;
  acceptDue: string;
  replyDue: string | null;
  /** The instants the deadline states are worked out from. */
  acceptDueAt: Date;
  decidedAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  extensionDays: number | null;
  channel: string;
  kind: string;
  categoryId: string;
  area: string | null;
  unitId: string | null;
  status: string;
  rating: number | null;
  solved: string | null;
  subject: string | null;
}

/**
 * The period's cases in one query, oldest first, times already written in the service's zone:
 * a month of a large office is tens of thousands of rows, and formatting each instant in
 * JavaScript cost more than the query.
 */
async function ledgerRows(scope: ResolvedScope, from: Date, to: Date, timeZone: string, includeSubject: boolean): Promise<LedgerRow[]> {
  const local = (column: string) =>
    Prisma.sql`to_char(c.${Prisma.raw(`"${column}"`)} AT TIME ZONE ${timeZone}::text, 'YYYY-MM-DD HH24:MI')`;
  return await db().$queryRaw<LedgerRow[]>`
    SELECT c."receiptNo", ${local('receivedAt')} AS "received", ${local('decidedAt')} AS "decided", ${local('acceptedAt')} AS "accepted",
           ${local('repliedAt')} AS "replied", ${local('closedAt')} AS "closed", ${local('acceptDueAt')} AS "acceptDue",
           ${local('replyDueAt')} AS "replyDue", c."acceptDueAt", c."decidedAt", c."replyDueAt", c."repliedAt", c."closedAt",
           c."extensionDays", c."channel"::text AS "channel", c."kind"::text AS "kind", c."categoryId"::text AS "categoryId",
           c."area", c."unitId"::text AS "unitId", c."status"::text AS "status",
           r."rating", r."solved"::text AS "solved", ${includeSubject ? Prisma.sql`c."subject"` : Prisma.sql`NULL`} AS "subject"
    FROM "Case" c LEFT JOIN "SatisfactionRating" r ON r."caseId" = c."id"
    WHERE c."receivedAt" >= ${from}::timestamptz AND c."receivedAt" < ${to}::timestamptz AND ${scopeSql(scope, 'c')}
    ORDER BY c."receivedAt", c."id"
    LIMIT ${LEDGER_MAX_ROWS + 1}`;
}

/** A label function that asks i18next once per distinct value: a ledger repeats a few dozen values thousands of times. */
function memoized(label: (value: string) => string): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let text = known.get(value);
    if (text === undefined) {
      text = label(value);
      known.set(value, text);
    }
    return text;
  };
}

/**
 * Checks the ledger form, then builds the file and audits it. Field problems are values for the
 * page; a role that may not export the ledger (or add subjects) is a ForbiddenError.
 */
export async function exportLedger(
  actor: Actor,
  form: URLSearchParams,
  locale: Locale,
  t: TFunction,
  context: { ipAddress: string },
  now = new Date(),
): Promise<LedgerOutcome> {
  if (!canExportLedger(actor)) throw new ForbiddenError('ledger');
  const timeZone = serviceTimeZone();
  const choice = parseReportQuery(form, civilDateIn(now, timeZone));
  const options = parseForm(form, LedgerOptions);
  const values = { ...(choice.values as FormValues<LedgerField>), ...(options.values as FormValues<LedgerField>) };
  if (!choice.ok || !options.ok) {
    const errors = { ...(choice.ok ? {} : choice.errors), ...(options.ok ? {} : options.errors) } as FieldErrors<LedgerField>;
    return { ok: false, status: 400, errors, values, formError: null };
  }
  const { format, includeSubject, reason } = options.value;
  if (includeSubject && !canIncludeLedgerSubject(actor)) throw new ForbiddenError('ledger subject');

  const scope = scopeForActor(actor, choice.unitId);
  const resolved = await resolveScope(scope, { excludeMisconduct: excludesMisconduct(actor), reader: actor });
  const { from, to } = periodBounds(choice.period, timeZone);
  // No row for a case kept from the reader (a report about their unit, one they withdrew from).
  const [cases, names] = await Promise.all([ledgerRows(resolved, from, to, timeZone, includeSubject), reportNames(locale)]);
  if (cases.length > LEDGER_MAX_ROWS) return { ok: false, status: 422, errors: { period: 'tooManyCases' }, values, formError: null };

  const c = (key: string) => t(`reports:ledger.columns.${key}`);
  const state = memoized((value) => t(`reports:ledger.deadline.${value}`));
  const channel = memoized((value) => keyLabel('channel', value, names, t));
  const kind = memoized((value) => keyLabel('kind', value, names, t));
  const category = memoized((value) => keyLabel('category', value, names, t));
  const unit = memoized((value) => (value ? keyLabel('unit', value, names, t) : t('reports:unassigned')));
  const status = memoized((value) => t(`common:status.${value}.title`));
  const solved = memoized((value) => keyLabel('solved', value, names, t));
  const header: CsvCell[] = [
    c('receiptNo'),
    c('receivedAt'),
    c('decidedAt'),
    c('acceptedAt'),
    c('repliedAt'),
    c('closedAt'),
    c('channel'),
    c('kind'),
    c('category'),
    c('area'),
    c('unit'),
    c('status'),
    c('acceptDueAt'),
    c('acceptance'),
    c('replyDueAt'),
    c('reply'),
    c('extensionDays'),
    c('rating'),
    c('solved'),
    ...(includeSubject ? [c('subject')] : []),
  ];
  const rows: CsvCell[][] = [header];
  for (const row of cases) {
    const states = deadlineStates(row, now);
    rows.push([
      row.receiptNo,
      row.received,
      row.decided,
      row.accepted,
      row.replied,
      row.closed,
      channel(row.channel),
      kind(row.kind),
      category(row.categoryId),
      row.area ?? null,
      unit(row.unitId ?? ''),
      status(row.status),
      row.acceptDue,
      state(states.acceptance),
      row.replyDue,
      state(states.reply),
      row.extensionDays ?? null,
      row.rating ?? null,
      row.solved ? solved(row.solved) : null,
      ...(includeSubject ? [row.subject] : []),
    ]);
  }

  const fileName = `ledger-${periodKey(choice.period)}${scope.kind === 'unit' ? `-unit-${scope.unitId.slice(0, 8)}` : ''}.${format}`;
  await audit({
    action: 'export',
    actorId: actor.id,
    targetType: 'Ledger',
    ipAddress: context.ipAddress,
    details: {
      what: 'ledger',
      format,
      locale,
      period: periodKey(choice.period),
      scope: scope.kind === 'office' ? 'office' : scope.unitId,
      rows: cases.length,
      includesSubject: includeSubject,
      ...(includeSubject ? { reason } : {}),
    },
  });
  return {
    ok: true,
    file:
      format === 'csv'
        ? { fileName, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) }
        : { fileName, contentType: XLSX_CONTENT_TYPE, body: await toXlsx([{ name: t('reports:ledger.sheet'), rows }]) },
  };
}

/** What the ledger page needs: the period asked for (to fill the form) and what the person may do. */
export function ledgerPage(actor: Actor, search: URLSearchParams, now = new Date()): { period: Period | null; canIncludeSubject: boolean } {
  if (!canExportLedger(actor)) throw new ForbiddenError('ledger');
  const choice = parseReportQuery(search, civilDateIn(now, serviceTimeZone()));
  return { period: choice.ok ? choice.period : null, canIncludeSubject: canIncludeLedgerSubject(actor) };
}
