// The case ledger (台账) as a file: one row per case received in the period and scope, with its
// dates, channel, kind, category, area, unit, status, whether each statutory limit was met, and
// its rating. No name, contact detail or letter text; the subject only when asked for with a
// reason, by someone who may read the cases. Every download is audited as `export`, with the
// reason when there is one.
import { audit } from '#app/features/audit/audit.server.ts';
import { visibleToWhere } from '#app/features/cases/case-scope.server.ts';
import { canExportLedger, canIncludeLedgerSubject, type Actor } from '#app/features/staff/permissions.ts';
import { toCsv, type CsvCell } from '#app/platform/codecs/csv.ts';
import { toXlsx, XLSX_CONTENT_TYPE } from '#app/platform/codecs/xlsx.server.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#app/platform/http/forms.ts';
import { civilDateIn } from '#app/platform/time/civil-date.ts';
import { dateTimeFormat } from '#app/platform/time/format.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { keyLabel } from './labels.ts';
import { deadlineStates, LEDGER_MAX_ROWS, LedgerOptions, type LedgerField } from './ledger.ts';
import { periodBounds, periodKey, type Period } from './periods.ts';
import { parseReportQuery } from './report-query.ts';
import { reportNames, resolveScope, scopeForActor } from './report.server.ts';
import { excludesMisconduct } from './scope.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { DownloadFile } from '#app/platform/http/file-response.ts';
import type { TFunction } from 'i18next';

export type LedgerOutcome =
  | { ok: true; file: DownloadFile }
  | { ok: false; status: 400 | 422; errors: FieldErrors<LedgerField>; values: FormValues<LedgerField>; formError: string | null };

const SELECT = {
  receiptNo: true,
  receivedAt: true,
  decidedAt: true,
  acceptedAt: true,
  repliedAt: true,
  closedAt: true,
  acceptDueAt: true,
  replyDueAt: true,
  extensionDays: true,
  channel: true,
  kind: true,
  categoryId: true,
  area: true,
  unitId: true,
  status: true,
  rating: { select: { rating: true, solved: true } },
} as const satisfies Prisma.CaseSelect;

/** An instant as "2026-03-01 10:00" in the service's zone: sortable, and read the same in every language. */
function localTime(value: Date | null, timeZone: string): string | null {
  if (!value) return null;
  const parts = Object.fromEntries(
    dateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(value)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
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
  const where: Prisma.CaseWhereInput = {
    receivedAt: { gte: from, lt: to },
    ...(resolved.unitIds ? { unitId: { in: resolved.unitIds } } : {}),
    ...(resolved.excludeMisconduct ? { kind: { not: 'MISCONDUCT_REPORT' } } : {}),
    // No row for a case kept from the reader (a report about their unit, one they withdrew from).
    AND: [visibleToWhere(actor)],
  };
  const count = await db().case.count({ where });
  if (count > LEDGER_MAX_ROWS) return { ok: false, status: 422, errors: { period: 'tooManyCases' }, values, formError: null };

  const [cases, names] = await Promise.all([
    db().case.findMany({
      where,
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      select: includeSubject ? { ...SELECT, subject: true } : SELECT,
    }),
    reportNames(locale),
  ]);
  const c = (key: string) => t(`reports:ledger.columns.${key}`);
  const state = (value: string) => t(`reports:ledger.deadline.${value}`);
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
      localTime(row.receivedAt, timeZone),
      localTime(row.decidedAt, timeZone),
      localTime(row.acceptedAt, timeZone),
      localTime(row.repliedAt, timeZone),
      localTime(row.closedAt, timeZone),
      keyLabel('channel', row.channel, names, t),
      keyLabel('kind', row.kind, names, t),
      keyLabel('category', row.categoryId, names, t),
      row.area ?? null,
      row.unitId ? keyLabel('unit', row.unitId, names, t) : t('reports:unassigned'),
      t(`common:status.${row.status}.title`),
      localTime(row.acceptDueAt, timeZone),
      state(states.acceptance),
      localTime(row.replyDueAt, timeZone),
      state(states.reply),
      row.extensionDays ?? null,
      row.rating?.rating ?? null,
      row.rating ? keyLabel('solved', row.rating.solved, names, t) : null,
      ...(includeSubject ? [(row as { subject?: string }).subject ?? null] : []),
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
