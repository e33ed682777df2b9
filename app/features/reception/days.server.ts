// Reception days (领导接访日): setting them up and publishing them (administrators and
// supervisors), what the portal shows of them, and the day itself for the staff who receive the
// visitors (clerks and supervisors): who booked, attendance, and the visit recorded on a case or
// registered as a new one. Booking and cancelling live in booking.server.ts.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { registerCase, type RegistrationErrors, type RegistrationValues } from '#app/features/cases/registration.server.ts';
import { canHandleReceptionDays, canManageReceptionDays, canRegisterCases, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName, pickLocalized, type Localized } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import {
  civilDateIn,
  civilDateToDbDate,
  compareCivilDates,
  dbDateToCivilDate,
  isoDate,
  parseIsoDate,
  startOfCivilDay,
  zonedInstant,
} from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import {
  canRecordAttendance,
  freePlaces,
  generateSlotLines,
  parseSlotLines,
  slotState,
  DAY_FIELDS,
  VISIT_NOTE_MAX,
  type AppointmentStatus,
  type AttendanceStatus,
  type DayField,
  type SlotState,
} from './rules.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';
import type { SubmittedCase } from '#app/features/cases/submission.server.ts';
import type { Locale } from '#app/i18n/config.ts';

export { DAY_FIELDS, VISIT_NOTE_MAX, type DayField };

const timeZone = () => serviceTimeZone();

const forbidden = () => new Response('Forbidden', { status: 403 });

const pick = pickLocalized;

interface DayRow {
  placeZhHans: string;
  placeZhHant: string;
  placeEn: string;
  officialZhHans: string;
  officialZhHant: string;
  officialEn: string;
}
const placeOf = (day: DayRow, locale: Locale) => pick({ zhHans: day.placeZhHans, zhHant: day.placeZhHant, en: day.placeEn }, locale);
const officialOf = (day: DayRow, locale: Locale) =>
  pick({ zhHans: day.officialZhHans, zhHant: day.officialZhHant, en: day.officialEn }, locale);

/** The names of the units and categories some days cover, in the reader's language. */
async function coverageNames(days: { unitIds: string[]; categoryIds: string[] }[], locale: Locale): Promise<Map<string, string>> {
  const unitIds = [...new Set(days.flatMap((d) => d.unitIds))];
  const categoryIds = [...new Set(days.flatMap((d) => d.categoryIds))];
  const names = { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } } as const;
  const [units, categories] = await Promise.all([
    unitIds.length ? db().unit.findMany({ where: { id: { in: unitIds } }, ...names }) : Promise.resolve([]),
    categoryIds.length ? db().category.findMany({ where: { id: { in: categoryIds } }, ...names }) : Promise.resolve([]),
  ]);
  return new Map([...units, ...categories].map((row) => [row.id, localizedName(row, locale)]));
}

/** What a day covers, as names; empty means every topic. */
function coversOf(day: { unitIds: string[]; categoryIds: string[] }, names: Map<string, string>): string[] {
  return [...day.categoryIds, ...day.unitIds].map((id) => names.get(id)).filter((name): name is string => Boolean(name));
}

// ── The portal ──────────────────────────────────────────────────────────────────────────────

export interface PublicSlot {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  free: number;
  state: SlotState;
}

export interface PublicDay {
  id: string;
  /** YYYY-MM-DD in the service's time zone. */
  date: string;
  place: string;
  official: string;
  covers: string[];
  slots: PublicSlot[];
}

const publicSlot = (slot: { id: string; startsAt: Date; endsAt: Date; capacity: number; bookedCount: number }, now: Date): PublicSlot => ({
  id: slot.id,
  startsAt: slot.startsAt.toISOString(),
  endsAt: slot.endsAt.toISOString(),
  capacity: slot.capacity,
  free: freePlaces(slot),
  state: slotState(slot, now),
});

/** Published days from today on that still have a slot to come, with the places left in each. */
export async function upcomingReceptionDays(locale: Locale, now = new Date()): Promise<PublicDay[]> {
  const today = civilDateToDbDate(civilDateIn(now, timeZone()));
  const days = await db().receptionDay.findMany({
    where: { published: true, date: { gte: today }, slots: { some: { startsAt: { gt: now } } } },
    orderBy: { date: 'asc' },
    include: { slots: { orderBy: { startsAt: 'asc' } } },
    take: 60,
  });
  const names = await coverageNames(days, locale);
  return days.map((day) => ({
    id: day.id,
    date: isoDate(dbDateToCivilDate(day.date)),
    place: placeOf(day, locale),
    official: officialOf(day, locale),
    covers: coversOf(day, names),
    slots: day.slots.map((slot) => publicSlot(slot, now)),
  }));
}

export interface SlotForBooking extends PublicSlot {
  day: Omit<PublicDay, 'slots'>;
}

/** A slot of a published day, for its booking page; null for anything a citizen may not see. */
export async function slotForBooking(slotId: string, locale: Locale, now = new Date()): Promise<SlotForBooking | null> {
  const slot = await db().receptionSlot.findUnique({ where: { id: slotId }, include: { day: true } });
  if (!slot || !slot.day.published) return null;
  const names = await coverageNames([slot.day], locale);
  return {
    ...publicSlot(slot, now),
    day: {
      id: slot.day.id,
      date: isoDate(dbDateToCivilDate(slot.day.date)),
      place: placeOf(slot.day, locale),
      official: officialOf(slot.day, locale),
      covers: coversOf(slot.day, names),
    },
  };
}

// ── Setting days up ─────────────────────────────────────────────────────────────────────────

export interface Option {
  value: string;
  label: string;
}

const DEFAULT_SLOTS = generateSlotLines(9 * 60, 11 * 60 + 30, 30, 4);

/** The units and categories a day may cover, and a starting set of slots to edit. */
export async function receptionDayFormOptions(locale: Locale): Promise<{ units: Option[]; categories: Option[]; defaultSlots: string }> {
  const names = { select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } } as const;
  const [units, categories] = await Promise.all([
    db().unit.findMany({ where: { active: true }, orderBy: { code: 'asc' }, ...names }),
    db().category.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], ...names }),
  ]);
  return {
    units: units.map((u) => ({ value: u.id, label: localizedName(u, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    categories: categories.map((c) => ({ value: c.id, label: localizedName(c, locale) })),
    defaultSlots: DEFAULT_SLOTS,
  };
}

/** Error codes, translated under `visits:office.new.errors.<field>.<code>`. */
export type DayErrors = Partial<Record<DayField, string>>;
export type DayValues = Partial<Record<Exclude<DayField, 'unitIds' | 'categoryIds'>, string>> & {
  unitIds?: string[];
  categoryIds?: string[];
};

const TEXT_MAX = 200;
const shortText = z.string().trim().min(1, { error: 'required' }).max(TEXT_MAX, { error: 'tooLong' });
const DayForm = z.object({
  date: z.string(),
  placeZhHans: shortText,
  placeZhHant: shortText,
  placeEn: shortText,
  officialZhHans: shortText,
  officialZhHant: shortText,
  officialEn: shortText,
  unitIds: z.array(z.uuid({ error: 'invalid' })).max(200),
  categoryIds: z.array(z.uuid({ error: 'invalid' })).max(200),
  slots: z.string().max(5000, { error: 'tooLong' }),
});

export type CreateDayOutcome = { ok: true; id: string } | { ok: false; errors: DayErrors; values: DayValues; slotLine: number | null };

const formString = (form: FormData, name: string, max = 5000) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};
const formStrings = (form: FormData, name: string) =>
  form
    .getAll(name)
    .filter((v): v is string => typeof v === 'string')
    .slice(0, 200);

/** Creates an unpublished day with its slots: staff check it on its page, then publish it. */
export async function createReceptionDay(actor: Actor, form: FormData, now = new Date()): Promise<CreateDayOutcome> {
  if (!canManageReceptionDays(actor)) throw forbidden();
  const values: DayValues = {
    date: formString(form, 'date', 40),
    placeZhHans: formString(form, 'placeZhHans', 400),
    placeZhHant: formString(form, 'placeZhHant', 400),
    placeEn: formString(form, 'placeEn', 400),
    officialZhHans: formString(form, 'officialZhHans', 400),
    officialZhHant: formString(form, 'officialZhHant', 400),
    officialEn: formString(form, 'officialEn', 400),
    unitIds: formStrings(form, 'unitIds'),
    categoryIds: formStrings(form, 'categoryIds'),
    slots: formString(form, 'slots', 6000),
  };
  const errors: DayErrors = {};
  const parsed = DayForm.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = DAY_FIELDS.find((f) => f === issue.path[0]);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const tz = timeZone();
  const date = parseIsoDate(values.date ?? '');
  if (!date) errors.date = values.date?.trim() ? 'invalid' : 'required';
  else if (compareCivilDates(date, civilDateIn(now, tz)) < 0) errors.date = 'past';

  const slots = parseSlotLines(values.slots ?? '');
  if (!slots.ok) errors.slots ??= slots.error;
  const slotLine = slots.ok ? null : (slots.line ?? null);

  // Only what exists and is in use may be covered (a stale form, or a crafted post, names other ids).
  if (parsed.success) {
    const [units, categories] = await Promise.all([
      db().unit.count({ where: { id: { in: parsed.data.unitIds }, active: true } }),
      db().category.count({ where: { id: { in: parsed.data.categoryIds }, active: true } }),
    ]);
    if (units !== new Set(parsed.data.unitIds).size) errors.unitIds = 'invalid';
    if (categories !== new Set(parsed.data.categoryIds).size) errors.categoryIds = 'invalid';
  }
  if (Object.keys(errors).length > 0 || !parsed.success || !date || !slots.ok) return { ok: false, errors, values, slotLine };

  const { data } = parsed;
  const day = await db().receptionDay.create({
    data: {
      date: civilDateToDbDate(date),
      placeZhHans: data.placeZhHans,
      placeZhHant: data.placeZhHant,
      placeEn: data.placeEn,
      officialZhHans: data.officialZhHans,
      officialZhHant: data.officialZhHant,
      officialEn: data.officialEn,
      unitIds: [...new Set(data.unitIds)],
      categoryIds: [...new Set(data.categoryIds)],
      published: false,
      createdById: actor.id,
      slots: {
        create: slots.slots.map((slot) => ({
          startsAt: zonedInstant(date, slot.start, tz),
          endsAt: zonedInstant(date, slot.end, tz),
          capacity: slot.capacity,
        })),
      },
    },
    select: { id: true },
  });
  return { ok: true, id: day.id };
}

/**
 * Publishing makes the day bookable on the portal; unpublishing takes it off the portal and stops
 * new bookings, while the bookings already made stand (staff tell those people themselves).
 */
export async function setReceptionDayPublished(actor: Actor, dayId: string, published: boolean): Promise<boolean> {
  if (!canManageReceptionDays(actor)) throw forbidden();
  const result = await db().receptionDay.updateMany({ where: { id: dayId }, data: { published } });
  return result.count === 1;
}

// ── The back office's list and day page ─────────────────────────────────────────────────────

export interface OfficeDayRow {
  id: string;
  date: string;
  place: string;
  official: string;
  published: boolean;
  slotCount: number;
  capacity: number;
  booked: number;
}

/** Days from today on (soonest first) and the last 50 before (latest first). */
export async function listReceptionDaysForOffice(
  locale: Locale,
  now = new Date(),
): Promise<{ upcoming: OfficeDayRow[]; past: OfficeDayRow[] }> {
  const today = civilDateToDbDate(civilDateIn(now, timeZone()));
  const include = { slots: { select: { capacity: true, bookedCount: true } } } as const;
  const [upcoming, past] = await Promise.all([
    db().receptionDay.findMany({ where: { date: { gte: today } }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }], include, take: 200 }),
    db().receptionDay.findMany({ where: { date: { lt: today } }, orderBy: [{ date: 'desc' }, { createdAt: 'desc' }], include, take: 50 }),
  ]);
  const row = (day: (typeof upcoming)[number]): OfficeDayRow => ({
    id: day.id,
    date: isoDate(dbDateToCivilDate(day.date)),
    place: placeOf(day, locale),
    official: officialOf(day, locale),
    published: day.published,
    slotCount: day.slots.length,
    capacity: day.slots.reduce((sum, s) => sum + s.capacity, 0),
    booked: day.slots.reduce((sum, s) => sum + s.bookedCount, 0),
  });
  return { upcoming: upcoming.map(row), past: past.map(row) };
}

export interface OfficeAppointment {
  id: string;
  reference: string;
  status: AppointmentStatus;
  representatives: number;
  locale: string;
  /** For a booking made with a receipt number and access code. */
  case: { id: string; receiptNo: string } | null;
  /** For a new visit: who is coming and about what. */
  name: string | null;
  phone: string | null;
  topic: string | null;
  createdAt: string;
  attendedAt: string | null;
  cancelledAt: string | null;
}

export interface OfficeDay {
  id: string;
  date: string;
  published: boolean;
  place: Localized;
  official: Localized;
  covers: string[];
  /** From when attendance can be recorded. */
  attendanceOpen: boolean;
  slots: (PublicSlot & { booked: number; appointments: OfficeAppointment[] | null })[];
}

const appointmentInclude = { case: { select: { id: true, receiptNo: true } } } as const;

function officeAppointment(row: Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>): OfficeAppointment {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    representatives: row.representatives,
    locale: row.locale,
    case: row.case ? { id: row.case.id, receiptNo: row.case.receiptNo } : null,
    name: row.name,
    phone: row.phone,
    topic: row.topic,
    createdAt: row.createdAt.toISOString(),
    attendedAt: row.attendedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

function dayStartsAt(day: { date: Date }): Date {
  return startOfCivilDay(dbDateToCivilDate(day.date), timeZone());
}

/**
 * A day as the back office sees it. Who booked is shown only to the staff who receive the
 * visitors, and each such view of names and phone numbers is written to the audit log.
 */
export async function receptionDayForOffice(
  actor: Actor,
  dayId: string,
  locale: Locale,
  context: { ipAddress: string },
  now = new Date(),
): Promise<OfficeDay | null> {
  const handles = canHandleReceptionDays(actor);
  const day = await db().receptionDay.findUnique({ where: { id: dayId }, include: { slots: { orderBy: { startsAt: 'asc' } } } });
  if (!day) return null;
  const [names, appointments] = await Promise.all([
    coverageNames([day], locale),
    handles
      ? db().appointment.findMany({
          where: { slot: { dayId: day.id } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: appointmentInclude,
        })
      : Promise.resolve(null),
  ]);
  const slots = day.slots.map((slot) => ({
    ...publicSlot(slot, now),
    booked: slot.bookedCount,
    appointments: appointments ? appointments.filter((a) => a.slotId === slot.id).map(officeAppointment) : null,
  }));
  const withContact = slots.flatMap((s) => s.appointments ?? []).filter((a) => a.name !== null || a.phone !== null);
  if (withContact.length > 0) {
    await audit({
      action: 'contact.viewed',
      actorId: actor.id,
      targetType: 'ReceptionDay',
      targetId: day.id,
      ipAddress: context.ipAddress,
      details: { appointments: withContact.map((a) => a.reference) },
    });
  }
  return {
    id: day.id,
    date: isoDate(dbDateToCivilDate(day.date)),
    published: day.published,
    place: { zhHans: day.placeZhHans, zhHant: day.placeZhHant, en: day.placeEn },
    official: { zhHans: day.officialZhHans, zhHant: day.officialZhHant, en: day.officialEn },
    covers: coversOf(day, names),
    attendanceOpen: now.getTime() >= dayStartsAt(day).getTime(),
    slots,
  };
}

/** An appointment of the given day, with its slot and day, or null. */
async function appointmentOfDay(dayId: string, appointmentId: string) {
  const row = await db().appointment.findUnique({
    where: { id: appointmentId },
    include: { ...appointmentInclude, slot: { include: { day: true } } },
  });
  return row && row.slot.dayId === dayId ? row : null;
}

export type AttendanceResult = 'ok' | 'notFound' | 'notYet' | 'cancelled';

/** "Attended" or "did not come", from the start of the day; a later correction is allowed. */
export async function recordAttendance(
  actor: Actor,
  dayId: string,
  appointmentId: string,
  status: AttendanceStatus,
  now = new Date(),
): Promise<AttendanceResult> {
  if (!canHandleReceptionDays(actor)) throw forbidden();
  const row = await appointmentOfDay(dayId, appointmentId);
  if (!row) return 'notFound';
  if (row.status === 'CANCELLED') return 'cancelled';
  if (!canRecordAttendance(row.status, dayStartsAt(row.slot.day), now)) return 'notYet';
  const changed = await db().appointment.updateMany({
    where: { id: row.id, status: { not: 'CANCELLED' } },
    data: { status, attendedAt: status === 'ATTENDED' ? (row.attendedAt ?? now) : null },
  });
  return changed.count === 1 ? 'ok' : 'cancelled';
}

export interface OfficeAppointmentDetail extends OfficeAppointment {
  day: { id: string; date: string; place: string; official: string; attendanceOpen: boolean };
  slot: { startsAt: string; endsAt: string };
  /** When the visit was already recorded on the linked case. */
  visitRecordedAt: string | null;
}

export const VISIT_EVENT: CaseEventType = 'VISIT_RECEIVED';

/** One appointment for the staff who receive the visitor (a logged view when it names a person). */
export async function appointmentForOffice(
  actor: Actor,
  dayId: string,
  appointmentId: string,
  locale: Locale,
  context: { ipAddress: string },
  now = new Date(),
): Promise<OfficeAppointmentDetail | null> {
  if (!canHandleReceptionDays(actor)) throw forbidden();
  const row = await appointmentOfDay(dayId, appointmentId);
  if (!row) return null;
  const recorded = row.caseId
    ? await db().caseEvent.findFirst({
        where: { caseId: row.caseId, type: VISIT_EVENT, data: { path: ['appointmentId'], equals: row.id } },
        select: { createdAt: true },
      })
    : null;
  if (row.name !== null || row.phone !== null) {
    await audit({
      action: 'contact.viewed',
      actorId: actor.id,
      targetType: 'Appointment',
      targetId: row.id,
      ipAddress: context.ipAddress,
      details: { reference: row.reference },
    });
  }
  const day = row.slot.day;
  return {
    ...officeAppointment(row),
    day: {
      id: day.id,
      date: isoDate(dbDateToCivilDate(day.date)),
      place: placeOf(day, locale),
      official: officialOf(day, locale),
      attendanceOpen: now.getTime() >= dayStartsAt(day).getTime(),
    },
    slot: { startsAt: row.slot.startsAt.toISOString(), endsAt: row.slot.endsAt.toISOString() },
    visitRecordedAt: recorded?.createdAt.toISOString() ?? null,
  };
}

const VisitForm = z.object({
  note: z.string().trim().min(1, { error: 'required' }).max(VISIT_NOTE_MAX, { error: 'tooLong' }),
  public: z.literal('yes').optional(),
});

export type RecordVisitOutcome =
  | { ok: true }
  | { ok: false; error: 'notFound' | 'noCase' | 'notYet' | 'cancelled' | 'alreadyRecorded' }
  | { ok: false; error: 'invalid'; fieldError: string; values: { note: string; public: boolean } };

/**
 * Records the visit on the case the booking was made for, as an event of the case (public, so
 * the citizen sees it on the track page, or internal), and marks the booking attended. Once per booking.
 */
export async function recordVisit(
  actor: Actor,
  dayId: string,
  appointmentId: string,
  form: FormData,
  now = new Date(),
): Promise<RecordVisitOutcome> {
  if (!canHandleReceptionDays(actor)) throw forbidden();
  const values = { note: formString(form, 'note', VISIT_NOTE_MAX + 100), public: form.get('public') === 'yes' };
  const parsed = VisitForm.safeParse({ note: values.note, public: values.public ? 'yes' : undefined });
  const row = await appointmentOfDay(dayId, appointmentId);
  if (!row) return { ok: false, error: 'notFound' };
  if (!row.caseId) return { ok: false, error: 'noCase' };
  if (row.status === 'CANCELLED') return { ok: false, error: 'cancelled' };
  if (!canRecordAttendance(row.status, dayStartsAt(row.slot.day), now)) return { ok: false, error: 'notYet' };
  if (!parsed.success) return { ok: false, error: 'invalid', fieldError: parsed.error.issues[0]?.message ?? 'required', values };
  const caseId = row.caseId;
  return await db().$transaction(async (tx): Promise<RecordVisitOutcome> => {
    // The booking's row lock makes "once per booking" hold when two clerks press at the same time.
    await tx.$queryRaw`SELECT "id" FROM "Appointment" WHERE "id" = ${row.id}::uuid FOR UPDATE`;
    const earlier = await tx.caseEvent.count({ where: { caseId, type: VISIT_EVENT, data: { path: ['appointmentId'], equals: row.id } } });
    if (earlier > 0) return { ok: false, error: 'alreadyRecorded' };
    await tx.caseEvent.create({
      data: {
        caseId,
        type: VISIT_EVENT,
        visibility: parsed.data.public ? 'PUBLIC' : 'INTERNAL',
        actorType: 'STAFF',
        actorId: actor.id,
        message: parsed.data.note,
        data: {
          appointmentId: row.id,
          reference: row.reference,
          slotStartsAt: row.slot.startsAt.toISOString(),
          representatives: row.representatives,
        },
        createdAt: now,
      },
    });
    await tx.appointment.updateMany({
      where: { id: row.id, status: { not: 'CANCELLED' } },
      data: { status: 'ATTENDED', attendedAt: row.attendedAt ?? now },
    });
    return { ok: true };
  });
}

export type RegisterVisitOutcome =
  | { ok: true; receipt: SubmittedCase; linked: boolean }
  | { ok: false; error: 'notFound' | 'alreadyLinked' | 'notYet' | 'cancelled' }
  | { ok: false; error: 'invalid'; errors: RegistrationErrors; values: RegistrationValues };

/**
 * Registers a new visit as a case with channel VISIT, through the clerks' registration flow
 * (same checks, same idempotency key), then links the booking to it and marks it attended.
 */
export async function registerVisitAsCase(
  actor: Actor,
  dayId: string,
  appointmentId: string,
  form: FormData,
  locale: Locale,
  now = new Date(),
): Promise<RegisterVisitOutcome> {
  if (!canHandleReceptionDays(actor) || !canRegisterCases(actor)) throw forbidden();
  const row = await appointmentOfDay(dayId, appointmentId);
  if (!row) return { ok: false, error: 'notFound' };
  if (row.status === 'CANCELLED') return { ok: false, error: 'cancelled' };
  if (!canRecordAttendance(row.status, dayStartsAt(row.slot.day), now)) return { ok: false, error: 'notYet' };
  // A retry of the same form (same idempotency key) finds the case it made: that is not "already linked".
  const key = formString(form, 'idempotencyKey', 100);
  if (row.caseId) {
    const mine = await db().case.findFirst({ where: { id: row.caseId, idempotencyKey: key }, select: { id: true } });
    if (!mine) return { ok: false, error: 'alreadyLinked' };
  }
  // The channel and day are the visit's, whatever the form says.
  form.set('channel', 'VISIT');
  form.set('receivedOn', isoDate(civilDateIn(now, timeZone())));
  const outcome = await registerCase(actor, form, locale, now);
  if (!outcome.ok) return { ok: false, error: 'invalid', errors: outcome.errors, values: outcome.values };
  const created = await db().case.findUniqueOrThrow({ where: { receiptNo: outcome.receipt.receiptNo }, select: { id: true } });
  const linked = await db().$executeRaw`
    UPDATE "Appointment" SET "caseId" = ${created.id}::uuid, "status" = 'ATTENDED', "attendedAt" = COALESCE("attendedAt", ${now})
    WHERE "id" = ${row.id}::uuid AND ("caseId" IS NULL OR "caseId" = ${created.id}::uuid) AND "status" <> 'CANCELLED'`;
  return { ok: true, receipt: outcome.receipt, linked: linked === 1 };
}
