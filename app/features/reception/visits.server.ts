// One booking at the desk, for the clerk or supervisor receiving the visitor: attendance; for a
// booking made with a receipt number, the visit recorded on that case; for a new visit, the visit
// registered as a case with channel VISIT and linked to the booking. Checked here, whoever calls.
import { z } from 'zod';
import { registerCase } from '#app/features/cases/registration.server.ts';
import { listActiveCategories, listActiveUnits } from '#app/features/reference-data/lookup.server.ts';
import { canRegisterCases, type Actor } from '#app/features/staff/permissions.ts';
import { newFormKey } from '#app/platform/crypto/form-key.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { formFields, parseForm, type FormInput } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { civilDateIn, isoDate } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { attendanceOpen, dayHeading, dayStartsAt, type DayHeading, type ViewContext } from './day-views.server.ts';
import {
  appointmentOfDay,
  logContactView,
  officeAppointment,
  recordAttendance,
  requireDeskStaff,
  type BookingAddress,
  type OfficeAppointment,
} from './desk.server.ts';
import { ATTENDANCE_STATUSES, VISIT_NOTE_MAX, canRecordAttendance } from './rules.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';
import type { SubmittedCase } from '#app/features/cases/submission.server.ts';
import type { Locale } from '#app/i18n/config.ts';

const VISIT_EVENT: CaseEventType = 'VISIT_RECEIVED';
const NOTICES = 'visits:office.appointment.done';

export interface OfficeAppointmentDetail extends OfficeAppointment {
  day: DayHeading & { id: string; attendanceOpen: boolean };
  slot: { startsAt: string; endsAt: string };
  /** When the visit was already recorded on the linked case. */
  visitRecordedAt: string | null;
  /** For a new visit: the topics to register it under, and a fresh key for the registration form. */
  registration: {
    categories: { value: string; label: string }[];
    units: { value: string; label: string }[];
    idempotencyKey: string;
  } | null;
}

/** One appointment for the staff who receive the visitor (a logged view when it names a person). */
export async function appointmentForOffice(
  actor: Actor,
  booking: BookingAddress,
  context: ViewContext,
  now = new Date(),
): Promise<OfficeAppointmentDetail> {
  requireDeskStaff(actor);
  const { locale } = context;
  const row = await appointmentOfDay(booking);
  const recorded = row.caseId
    ? await db().caseEvent.findFirst({
        where: { caseId: row.caseId, type: VISIT_EVENT, data: { path: ['appointmentId'], equals: row.id } },
        select: { createdAt: true },
      })
    : null;
  if (row.name !== null || row.phone !== null) {
    await logContactView(actor, { type: 'Appointment', id: row.id }, { reference: row.reference }, context.ipAddress);
  }
  const day = row.slot.day;
  const [categories, units] = row.caseId ? [null, null] : await Promise.all([listActiveCategories(locale), listActiveUnits(locale)]);
  return {
    ...officeAppointment(actor, row),
    day: { id: day.id, ...dayHeading(day, locale), attendanceOpen: attendanceOpen(day, now) },
    slot: { startsAt: row.slot.startsAt.toISOString(), endsAt: row.slot.endsAt.toISOString() },
    visitRecordedAt: recorded?.createdAt.toISOString() ?? null,
    registration:
      categories && units
        ? {
            categories: categories.map((c) => ({ value: c.id, label: c.name })),
            units: units.map((u) => ({ value: u.id, label: u.name })),
            idempotencyKey: newFormKey(),
          }
        : null,
  };
}

const VisitForm = z.object({
  note: z.string().trim().min(1, { error: 'required' }).max(VISIT_NOTE_MAX, { error: 'tooLong' }),
  public: z.literal('yes').optional(),
});
export type VisitField = 'note' | 'public';

/**
 * Records the visit on the case the booking was made for, as an event of the case (public, so
 * the citizen sees it on the track page, or internal), and marks the booking attended. Once per booking.
 */
export async function recordVisit(actor: Actor, booking: BookingAddress, form: FormInput, now = new Date()): Promise<Outcome<VisitField>> {
  requireDeskStaff(actor);
  const parsed = parseForm(form, VisitForm);
  const row = await appointmentOfDay(booking);
  // A case kept from this clerk (a report about their unit) is not theirs to add to.
  if (!row.caseId || officeAppointment(actor, row).caseKept) return refusedFor('noCase');
  if (row.status === 'CANCELLED') return refusedFor('cancelled');
  if (!canRecordAttendance(row.status, dayStartsAt(row.slot.day), now)) return refusedFor('notYet');
  if (!parsed.ok) return refused(parsed);
  const caseId = row.caseId;
  const { note, public: shown } = parsed.value;
  return await db().$transaction(async (tx): Promise<Outcome<VisitField>> => {
    // The booking's row lock makes "once per booking" hold when two clerks press at the same time.
    await tx.$queryRaw`SELECT "id" FROM "Appointment" WHERE "id" = ${row.id}::uuid FOR UPDATE`;
    const earlier = await tx.caseEvent.count({ where: { caseId, type: VISIT_EVENT, data: { path: ['appointmentId'], equals: row.id } } });
    if (earlier > 0) return refusedFor('alreadyRecorded');
    await tx.caseEvent.create({
      data: {
        caseId,
        type: VISIT_EVENT,
        visibility: shown ? 'PUBLIC' : 'INTERNAL',
        actorType: 'STAFF',
        actorId: actor.id,
        message: note,
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
    return { ok: true, notice: { key: `${NOTICES}.visitRecorded` } };
  });
}

export type RegisterVisitOutcome = Outcome<string, { receipt: SubmittedCase; linked: boolean }>;

/**
 * Registers a new visit as a case with channel VISIT, through the clerks' registration flow
 * (same checks, same idempotency key), then links the booking to it and marks it attended.
 */
export async function registerVisitAsCase(
  actor: Actor,
  booking: BookingAddress,
  form: FormInput,
  locale: Locale,
  now = new Date(),
): Promise<RegisterVisitOutcome> {
  requireDeskStaff(actor);
  if (!canRegisterCases(actor)) throw new ForbiddenError('case registration');
  const row = await appointmentOfDay(booking);
  if (row.status === 'CANCELLED') return refusedFor('cancelled');
  if (!canRecordAttendance(row.status, dayStartsAt(row.slot.day), now)) return refusedFor('notYet');
  const fields = formFields(form);
  // A retry of the same form (same idempotency key) finds the case it made: that is not "already linked".
  if (row.caseId) {
    const key = typeof fields.idempotencyKey === 'string' ? fields.idempotencyKey : '';
    const mine = await db().case.findFirst({ where: { id: row.caseId, idempotencyKey: key }, select: { id: true } });
    if (!mine) return refusedFor('alreadyLinked');
  }
  const registration = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) registration.append(name, one);
  // The channel and day are the visit's, whatever the form says.
  registration.set('channel', 'VISIT');
  registration.set('receivedOn', isoDate(civilDateIn(now, serviceTimeZone())));
  const outcome = await registerCase(actor, registration, locale, now);
  if (!outcome.ok) return refused({ errors: outcome.errors, values: outcome.values });
  const created = await db().case.findUniqueOrThrow({ where: { receiptNo: outcome.receipt.receiptNo }, select: { id: true } });
  const linked = await db().$executeRaw`
    UPDATE "Appointment" SET "caseId" = ${created.id}::uuid, "status" = 'ATTENDED', "attendedAt" = COALESCE("attendedAt", ${now})
    WHERE "id" = ${row.id}::uuid AND ("caseId" IS NULL OR "caseId" = ${created.id}::uuid) AND "status" <> 'CANCELLED'`;
  return { ok: true, receipt: outcome.receipt, linked: linked === 1 };
}

/** What a registered visit's page shows once: the receipt number and access code to hand over. */
export interface RegisteredVisit {
  receiptNo: string;
  accessCode: string | null;
  acceptDueAt: string;
  linked: boolean;
}

const AppointmentPost = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('attendance'), status: z.enum(ATTENDANCE_STATUSES) }),
  z.object({ intent: z.enum(['recordVisit', 'register']) }),
]);

/** The booking page's forms: attendance, the visit recorded on its case, or a new visit registered. */
export async function appointmentPost(
  actor: Actor,
  booking: BookingAddress,
  form: FormInput,
  locale: Locale,
  now = new Date(),
): Promise<Outcome<string> | { ok: true; registered: RegisteredVisit }> {
  requireDeskStaff(actor);
  const fields = formFields(form);
  const post = AppointmentPost.safeParse(fields);
  if (!post.success) return refusedFor('invalid', 400);
  const input = post.data;
  if (input.intent === 'attendance') return await recordAttendance(actor, booking, input.status, now);
  if (input.intent === 'recordVisit') return await recordVisit(actor, booking, fields, now);
  const result = await registerVisitAsCase(actor, booking, fields, locale, now);
  if (!result.ok) return result;
  const { receipt, linked } = result;
  return {
    ok: true,
    registered: { receiptNo: receipt.receiptNo, accessCode: receipt.accessCode, acceptDueAt: receipt.acceptDueAt.toISOString(), linked },
  };
}
