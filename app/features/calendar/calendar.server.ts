// The public-holiday calendar as admins keep it (/office/calendar): the days it holds, and the one
// action that changes it (add or change a day, remove a day, import a CSV or iCalendar file).
// Admins only, checked here whoever calls. Every change is audited in its own transaction, and
// this process's copy of the calendar is read again at once (calendar-cache.server.ts), so the
// next working-day deadline counts with it.
import { readUploadForm, UnreadableFormError, type ReceivedFile } from '#app/features/attachments/upload-form.server.ts';
import { audit } from '#app/features/audit/audit.server.ts';
import { canManageCalendar, type Actor } from '#app/features/staff/permissions.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, rawForm, type FieldErrors, type FormValues } from '#app/platform/http/forms.ts';
import { civilDateToDbDate, dbDateToCivilDate, isoDate, parseIsoDate } from '#app/platform/time/civil-date.ts';
import { formatCivilDay } from '#app/platform/time/format.ts';
import { reloadCalendar, readCalendar } from './calendar-cache.server.ts';
import { AddDayForm, CALENDAR_LIMITS, RemoveDayForm, planImport, type AddDayField, type CalendarEntry } from './calendar-days.ts';
import { parseCalendarFile, type ImportProblem } from './import.ts';
import type { RequestContext } from '#app/features/reference-data/admin-forms.server.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

function requireCalendarAdmin(actor: Actor): void {
  if (!canManageCalendar(actor)) throw new ForbiddenError('calendar');
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface CalendarYear {
  year: number;
  holidays: number;
  workdays: number;
  days: CalendarEntry[];
}

/** The page: every day of the calendar by year, and the limits the forms state. */
export async function calendarPage(actor: Actor) {
  requireCalendarAdmin(actor);
  const entries = await readCalendar();
  const years = new Map<number, CalendarYear>();
  for (const entry of entries) {
    const year = Number(entry.day.slice(0, 4));
    const group = years.get(year) ?? { year, holidays: 0, workdays: 0, days: [] };
    group.days.push(entry);
    if (entry.kind === 'HOLIDAY') group.holidays++;
    else group.workdays++;
    years.set(year, group);
  }
  return {
    years: [...years.values()].sort((a, b) => a.year - b.year),
    limits: {
      nameMax: CALENDAR_LIMITS.nameMax,
      maxFileKilobytes: CALENDAR_LIMITS.maxFileBytes / 1024,
      maxImportDays: CALENDAR_LIMITS.maxImportDays,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The page's one action

export type CalendarForm = 'add' | 'remove' | 'import';
export type CalendarField = AddDayField | 'files';

export interface CalendarProblem {
  /** Which form the problem belongs to, so the page shows it there. */
  form: CalendarForm | null;
  errors: FieldErrors<CalendarField>;
  values: FormValues<CalendarField>;
  /** A key under office-admin:calendar.errors.form. */
  formError: 'unreadable' | 'unknownIntent' | null;
  /** What was wrong with an imported file, and where. */
  importProblem: ImportProblem | null;
}

export type CalendarOutcome = { ok: true; notice: Notice } | ({ ok: false; status: 400 } & CalendarProblem);

const DONE = 'office-admin:calendar.done';

const refused = (problem: Partial<CalendarProblem>): CalendarOutcome => ({
  ok: false,
  status: 400,
  form: null,
  errors: {},
  values: {},
  formError: null,
  importProblem: null,
  ...problem,
});

/**
 * The calendar page's POST, as it arrives: `intent` add (a day with its kind and optional name;
 * a day already in the calendar is changed), remove (a day), or import (a CSV or .ics file in the
 * upload field, read through the attachments' streaming reader and its caps).
 */
export async function changeCalendar(actor: Actor, request: Request, context: RequestContext): Promise<CalendarOutcome> {
  requireCalendarAdmin(actor);
  let form: URLSearchParams;
  let files: ReceivedFile[];
  try {
    ({ form, files } = await readUploadForm(request));
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return refused({ formError: 'unreadable' });
  }
  const raw = rawForm(form);
  switch (raw.intent) {
    case 'add':
      return await addDay(actor, raw, context);
    case 'remove':
      return await removeDay(actor, raw, context);
    case 'import':
      return await importFile(actor, files, context);
    default:
      return refused({ formError: 'unknownIntent' });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

type Tx = Prisma.TransactionClient;

/** One change at a time: two admins importing at once each audit what they really changed. */
async function locked<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('petition-desk:calendar'))`;
    return await work(tx);
  });
  await reloadCalendar();
  return result;
}

/** A checked YYYY-MM-DD as the @db.Date column takes it. */
function dbDay(day: string): Date {
  const date = parseIsoDate(day);
  if (!date) throw new Error(`not a calendar day: ${day}`);
  return civilDateToDbDate(date);
}
const entryJson = (entry: CalendarEntry): Prisma.InputJsonObject => ({ day: entry.day, kind: entry.kind, name: entry.name });

async function storedDay(tx: Tx, day: string): Promise<CalendarEntry | null> {
  const row = await tx.calendarDay.findUnique({ where: { day: dbDay(day) } });
  return row ? { day, kind: row.kind, name: row.name } : null;
}

function who(actor: Actor, context: RequestContext) {
  return { actorId: actor.id, ipAddress: context.ipAddress };
}

async function addDay(actor: Actor, raw: Record<string, string | string[]>, context: RequestContext): Promise<CalendarOutcome> {
  const parsed = parseForm(raw, AddDayForm);
  if (!parsed.ok) return refused({ form: 'add', errors: parsed.errors, values: parsed.values });
  const entry: CalendarEntry = parsed.value;
  const done = await locked(async (tx) => {
    const before = await storedDay(tx, entry.day);
    if (before && before.kind === entry.kind && before.name === entry.name) return 'unchanged';
    await tx.calendarDay.upsert({
      where: { day: dbDay(entry.day) },
      create: { day: dbDay(entry.day), kind: entry.kind, name: entry.name, updatedById: actor.id },
      update: { kind: entry.kind, name: entry.name, updatedById: actor.id },
    });
    await audit(
      {
        ...who(actor, context),
        action: before ? 'calendar.dayChanged' : 'calendar.dayAdded',
        targetType: 'CalendarDay',
        targetId: entry.day,
        details: before ? { before: entryJson(before), after: entryJson(entry) } : entryJson(entry),
      },
      tx,
    );
    return before ? 'changed' : 'added';
  });
  return { ok: true, notice: { key: `${DONE}.${done}`, values: { day: formatCivilDay(entry.day, context.locale, 'full') } } };
}

async function removeDay(actor: Actor, raw: Record<string, string | string[]>, context: RequestContext): Promise<CalendarOutcome> {
  const parsed = parseForm(raw, RemoveDayForm);
  if (!parsed.ok) return refused({ form: 'remove', errors: parsed.errors, values: parsed.values });
  const day = parsed.value.day;
  const removed = await locked(async (tx) => {
    const before = await storedDay(tx, day);
    if (!before) return false;
    await tx.calendarDay.delete({ where: { day: dbDay(day) } });
    await audit(
      {
        ...who(actor, context),
        action: 'calendar.dayRemoved',
        targetType: 'CalendarDay',
        targetId: day,
        details: { before: entryJson(before) },
      },
      tx,
    );
    return true;
  });
  return {
    ok: true,
    notice: { key: `${DONE}.${removed ? 'removed' : 'notThere'}`, values: { day: formatCivilDay(day, context.locale, 'full') } },
  };
}

async function importFile(actor: Actor, files: readonly ReceivedFile[], context: RequestContext): Promise<CalendarOutcome> {
  const problem = (importProblem: ImportProblem) => refused({ form: 'import', errors: { files: importProblem.code }, importProblem });
  const [file, ...others] = files;
  if (!file) return problem({ code: 'none' });
  if (others.length > 0) return problem({ code: 'oneFile' });
  if (!file.bytes || file.size > CALENDAR_LIMITS.maxFileBytes) return problem({ code: 'tooLarge' });
  const read = parseCalendarFile(file.bytes);
  if (!read.ok) return problem(read.problem);
  const plan = await locked(async (tx) => {
    const stored = (await tx.calendarDay.findMany({ where: { day: { in: read.days.map((entry) => dbDay(entry.day)) } } })).map(
      (row): CalendarEntry => ({ day: isoDate(dbDateToCivilDate(row.day)), kind: row.kind, name: row.name }),
    );
    const plan = planImport(stored, read.days);
    if (plan.added.length > 0) {
      await tx.calendarDay.createMany({
        data: plan.added.map((entry) => ({ day: dbDay(entry.day), kind: entry.kind, name: entry.name, updatedById: actor.id })),
      });
    }
    for (const { after } of plan.changed) {
      await tx.calendarDay.update({
        where: { day: dbDay(after.day) },
        data: { kind: after.kind, name: after.name, updatedById: actor.id },
      });
    }
    if (plan.added.length + plan.changed.length > 0) {
      await audit(
        {
          ...who(actor, context),
          action: 'calendar.imported',
          targetType: 'CalendarDay',
          targetId: `${read.days[0]?.day ?? ''}..${read.days.at(-1)?.day ?? ''}`,
          details: {
            format: read.format,
            fileName: file.name.slice(0, 200),
            added: plan.added.map(entryJson),
            changed: plan.changed.map(({ before, after }) => ({ before: entryJson(before), after: entryJson(after) })),
            unchanged: plan.unchanged,
          },
        },
        tx,
      );
    }
    return plan;
  });
  return {
    ok: true,
    notice: { key: `${DONE}.imported`, values: { added: plan.added.length, changed: plan.changed.length, unchanged: plan.unchanged } },
  };
}
