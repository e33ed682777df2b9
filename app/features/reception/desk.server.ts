// The reception day at the desk. Everyone who may see reception days sees the day's page: its
// slots and how full they are. The staff who receive the visitors (clerks and supervisors) also
// see who booked and record attendance, and open a booking to record the visit (visits.server.ts).
// Permissions are checked here, whoever calls.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { SCOPE_SELECT, scopeFrom } from '#app/features/cases/case-scope.server.ts';
import { canHandleReceptionDays, canViewReceptionDays, isKeptFrom, type Actor } from '#app/features/staff/permissions.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { formFields, type FormInput } from '#app/platform/http/forms.ts';
import { refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { setReceptionDayPublished } from './day-setup.server.ts';
import {
  attendanceOpen,
  coverageNames,
  dayHeading,
  dayStartsAt,
  slotView,
  type DayHeading,
  type PublicSlot,
  type ViewContext,
} from './day-views.server.ts';
import { ATTENDANCE_STATUSES, canRecordAttendance, type AppointmentStatus, type AttendanceStatus } from './rules.ts';

export function requireDeskStaff(actor: Actor): void {
  if (!canHandleReceptionDays(actor)) throw new ForbiddenError('reception desk');
}

export interface OfficeAppointment {
  id: string;
  reference: string;
  status: AppointmentStatus;
  representatives: number;
  locale: string;
  /** For a booking made with a receipt number and access code. */
  case: { id: string; receiptNo: string } | null;
  /** The booking is for a case kept from this member of staff (a report about their unit): not named to them. */
  caseKept: boolean;
  /** For a new visit: who is coming and about what. */
  name: string | null;
  phone: string | null;
  topic: string | null;
  createdAt: string;
  attendedAt: string | null;
  cancelledAt: string | null;
}

const appointmentInclude = { case: { select: { id: true, receiptNo: true, ...SCOPE_SELECT } } } as const;

export function officeAppointment(
  actor: Actor,
  row: Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>,
): OfficeAppointment {
  const kept = row.case !== null && isKeptFrom(actor, scopeFrom(row.case));
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    representatives: row.representatives,
    locale: row.locale,
    case: row.case && !kept ? { id: row.case.id, receiptNo: row.case.receiptNo } : null,
    caseKept: kept,
    name: row.name,
    phone: row.phone,
    topic: row.topic,
    createdAt: row.createdAt.toISOString(),
    attendedAt: row.attendedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}

/** A booking as the back office's addresses name it: /office/reception/:dayId/appointments/:appointmentId. */
export interface BookingAddress {
  dayId: string;
  appointmentId: string;
}

/** The booking, with its slot and day; NotFoundError when it is not a booking of that day. */
export async function appointmentOfDay({ dayId, appointmentId }: BookingAddress) {
  const row = await db().appointment.findUnique({
    where: { id: appointmentId },
    include: { ...appointmentInclude, slot: { include: { day: true } } },
  });
  if (!row || row.slot.dayId !== dayId) throw new NotFoundError('appointment');
  return row;
}

/** Who was shown a visitor's name or phone number, in the audit log. */
export async function logContactView(
  actor: Actor,
  target: { type: string; id: string },
  details: Prisma.InputJsonObject,
  ipAddress: string,
) {
  await audit({ action: 'contact.viewed', actorId: actor.id, targetType: target.type, targetId: target.id, ipAddress, details });
}

export interface OfficeDay extends DayHeading {
  id: string;
  published: boolean;
  covers: string[];
  /** From when attendance can be recorded. */
  attendanceOpen: boolean;
  /** Bookings are null for staff who do not receive the visitors. */
  slots: (PublicSlot & { booked: number; appointments: OfficeAppointment[] | null })[];
}

/**
 * A day as the back office sees it. Who booked is shown only to the staff who receive the
 * visitors, and each such view of names and phone numbers is written to the audit log.
 */
export async function receptionDayForOffice(actor: Actor, dayId: string, context: ViewContext, now = new Date()): Promise<OfficeDay> {
  if (!canViewReceptionDays(actor)) throw new ForbiddenError('reception days');
  const { locale } = context;
  const day = await db().receptionDay.findUnique({ where: { id: dayId }, include: { slots: { orderBy: { startsAt: 'asc' } } } });
  if (!day) throw new NotFoundError('reception day');
  const [covers, appointments] = await Promise.all([
    coverageNames([day], locale),
    canHandleReceptionDays(actor)
      ? db().appointment.findMany({
          where: { slot: { dayId: day.id } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: appointmentInclude,
        })
      : Promise.resolve(null),
  ]);
  const slots = day.slots.map((slot) => ({
    ...slotView(slot, now),
    booked: slot.bookedCount,
    appointments: appointments ? appointments.filter((a) => a.slotId === slot.id).map((a) => officeAppointment(actor, a)) : null,
  }));
  const withContact = slots.flatMap((s) => s.appointments ?? []).filter((a) => a.name !== null || a.phone !== null);
  if (withContact.length > 0) {
    await logContactView(
      actor,
      { type: 'ReceptionDay', id: day.id },
      { appointments: withContact.map((a) => a.reference) },
      context.ipAddress,
    );
  }
  return {
    id: day.id,
    ...dayHeading(day, locale),
    published: day.published,
    covers: covers(day),
    attendanceOpen: attendanceOpen(day, now),
    slots,
  };
}

/** "Attended" or "did not come", from the start of the day; a later correction is allowed. */
export async function recordAttendance(
  actor: Actor,
  booking: BookingAddress,
  status: AttendanceStatus,
  now = new Date(),
): Promise<Outcome<never>> {
  requireDeskStaff(actor);
  const row = await appointmentOfDay(booking);
  if (row.status === 'CANCELLED') return refusedFor('cancelled');
  if (!canRecordAttendance(row.status, dayStartsAt(row.slot.day), now)) return refusedFor('notYet');
  const changed = await db().appointment.updateMany({
    where: { id: row.id, status: { not: 'CANCELLED' } },
    data: { status, attendedAt: status === 'ATTENDED' ? (row.attendedAt ?? now) : null },
  });
  if (changed.count !== 1) return refusedFor('cancelled');
  return { ok: true, notice: { key: 'visits:office.day.done.attendance' } };
}

const DayPost = z.discriminatedUnion('intent', [
  z.object({ intent: z.enum(['publish', 'unpublish']) }),
  z.object({ intent: z.literal('attendance'), appointmentId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }),
]);

/** The day page's forms: publish or unpublish it (organisers), or record a booking's attendance (desk staff). */
export async function receptionDayPost(actor: Actor, dayId: string, form: FormInput, now = new Date()): Promise<Outcome<never>> {
  if (!canViewReceptionDays(actor)) throw new ForbiddenError('reception days');
  const post = DayPost.safeParse(formFields(form));
  if (!post.success) return refusedFor('invalid', 400);
  const input = post.data;
  if (input.intent === 'attendance') return await recordAttendance(actor, { dayId, appointmentId: input.appointmentId }, input.status, now);
  return await setReceptionDayPublished(actor, dayId, input.intent === 'publish');
}
