// 预约接访: booking a reception slot from the portal, and cancelling a booking. A slot is never
// over-booked, however many people press "Book" at once: one conditional UPDATE takes a place
// only while one is left, in the same transaction as the booking's insert. Booking references and
// cancel codes come from the form's idempotency key under the server's key, so a retried POST finds
// the same booking (and place) instead of taking a second one; only the cancel code's HMAC is stored.
import { z } from 'zod';
import { parseAccessCode } from '#app/features/cases/access-code.ts';
import { findCaseByReceiptAndCode } from '#app/features/cases/lookup.server.ts';
import { parseReceiptNo } from '#app/features/cases/receipt.ts';
import { HONEYPOT_FIELD } from '#app/features/cases/submit.server.ts';
import { newFormKey } from '#app/platform/crypto/form-key.server.ts';
import { hashesEqual, keyedBytes, keyedHash } from '#app/platform/crypto/keys.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { rawForm, type FieldErrors, type FormValues } from '#app/platform/http/forms.ts';
import { refused, type Outcome, type Refusal } from '#app/platform/http/outcome.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { validateBooking } from './booking-form.ts';
import { dayHeading, type DayHeading } from './day-views.server.ts';
import { slotForBooking } from './portal-days.server.ts';
import {
  BOOKING_FIELDS,
  CANCEL_CODE_BYTES,
  REFERENCE_RANDOM_BYTES,
  buildBookingReference,
  buildCancelCode,
  canCancel,
  dayCovers,
  parseBookingReference,
  parseCancelCode,
  type AppointmentStatus,
  type BookingField,
} from './rules.ts';
import type { Locale } from '#app/i18n/config.ts';

/** Bookings of one slot wait for each other's row lock; give them time rather than fail. */
const BOOKING_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;
/** How long a retried booking may show its cancel code again. */
const CANCEL_CODE_REPLAY_MS = 24 * 60 * 60 * 1000;
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

const referenceFor = (idempotencyKey: string) =>
  buildBookingReference(keyedBytes('appointment-reference', idempotencyKey).subarray(0, REFERENCE_RANDOM_BYTES));
const cancelCodeFor = (idempotencyKey: string) =>
  buildCancelCode(keyedBytes('appointment-cancel-code', idempotencyKey).subarray(0, CANCEL_CODE_BYTES));
export const cancelCodeHash = (cancelCode: string) => keyedHash('appointment-cancel-code', cancelCode);

export interface Booking {
  reference: string;
  /** Null when a retry arrives after the replay window: the code is shown once, not forever. */
  cancelCode: string | null;
  created: boolean;
}

/** Why no place was taken; `expired`: the form's key already made a booking of another slot. */
export type BookingRefusal = 'full' | 'closed' | 'unavailable' | 'caseAlreadyBooked' | 'expired';

export interface BookSlotRequest {
  slotId: string;
  idempotencyKey: string;
  caseId: string | null;
  name: string | null;
  phone: string | null;
  topic: string | null;
  representatives: number;
  locale: string;
  now?: Date;
}

class Refused extends Error {
  constructor(readonly reason: BookingRefusal) {
    super(reason);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * The booking an earlier attempt of the same form made, if any; `expired` when the key made a
 * booking that is not this one (the key of a form for another slot, posted again to this one).
 */
async function earlierBooking(request: BookSlotRequest, now: Date): Promise<Booking | 'expired' | null> {
  const reference = referenceFor(request.idempotencyKey);
  const found = await db().appointment.findUnique({
    where: { reference },
    select: { slotId: true, cancelCodeHash: true, createdAt: true },
  });
  if (!found) return null;
  const cancelCode = cancelCodeFor(request.idempotencyKey);
  // Nor may another form's key giving the same reference (2⁻³⁵) hand over someone else's booking.
  if (found.slotId !== request.slotId || !hashesEqual(found.cancelCodeHash, cancelCodeHash(cancelCode))) return 'expired';
  const replayable = now.getTime() - found.createdAt.getTime() < CANCEL_CODE_REPLAY_MS;
  return { reference, cancelCode: replayable ? cancelCode : null, created: false };
}

/**
 * Takes a place in the slot and records the booking, or says why not. The place is taken by a
 * conditional UPDATE (only while "bookedCount" < capacity, the day is published and the slot has
 * not begun); PostgreSQL's row lock makes concurrent bookings of one slot take turns, so exactly
 * `capacity` of them succeed. A case holds at most one booking of a slot still to come.
 */
export async function bookSlot(request: BookSlotRequest): Promise<{ ok: true; booking: Booking } | { ok: false; reason: BookingRefusal }> {
  const now = request.now ?? new Date();
  const replay = await earlierBooking(request, now);
  if (replay === 'expired') return { ok: false, reason: replay };
  if (replay) return { ok: true, booking: replay };
  const reference = referenceFor(request.idempotencyKey);
  const cancelCode = cancelCodeFor(request.idempotencyKey);
  try {
    await db().$transaction(async (tx) => {
      if (request.caseId) {
        // Serialises one case's bookings, so two at once cannot both pass the check below.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`appointment-case:${request.caseId}`}))`;
        const standing = await tx.appointment.count({
          where: { caseId: request.caseId, status: 'BOOKED', slot: { startsAt: { gt: now } } },
        });
        if (standing > 0) throw new Refused('caseAlreadyBooked');
      }
      const taken = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "ReceptionSlot" AS s SET "bookedCount" = s."bookedCount" + 1
        FROM "ReceptionDay" AS d
        WHERE s."id" = ${request.slotId}::uuid AND d."id" = s."dayId" AND d."published"
          AND s."startsAt" > ${now} AND s."bookedCount" < s."capacity"
        RETURNING s."id"`;
      if (taken.length === 0) throw new Refused('full');
      await tx.appointment.create({
        data: {
          reference,
          cancelCodeHash: cancelCodeHash(cancelCode),
          slotId: request.slotId,
          caseId: request.caseId,
          name: request.name,
          phone: request.phone,
          topic: request.topic,
          representatives: request.representatives,
          locale: request.locale,
          createdAt: now,
        },
      });
    }, BOOKING_TRANSACTION);
    return { ok: true, booking: { reference, cancelCode, created: true } };
  } catch (error) {
    if (!(error instanceof Refused) && !isUniqueViolation(error)) throw error;
    // A double click: the first attempt may have taken the place (and even the last one).
    const earlier = await earlierBooking(request, now);
    if (earlier === 'expired') return { ok: false, reason: earlier };
    if (earlier) return { ok: true, booking: earlier };
    if (!(error instanceof Refused)) throw error;
    if (error.reason !== 'full') return { ok: false, reason: error.reason };
    return { ok: false, reason: await whyNotBookable(request.slotId, now) };
  }
}

/** Why the conditional update took no place: gone, unpublished, begun, or full. */
async function whyNotBookable(slotId: string, now: Date): Promise<BookingRefusal> {
  const slot = await db().receptionSlot.findUnique({
    where: { id: slotId },
    select: { startsAt: true, day: { select: { published: true } } },
  });
  if (!slot || !slot.day.published) return 'unavailable';
  return slot.startsAt.getTime() <= now.getTime() ? 'closed' : 'full';
}

// ── The portal's booking form ───────────────────────────────────────────────────────────────

/** The booking page: the slot, and a fresh key for its form (a refresh or retry of it finds the same booking). */
export async function bookingPage(slotId: string, locale: Locale) {
  return { slot: await slotForBooking(slotId, locale), honeypotField: HONEYPOT_FIELD, idempotencyKey: newFormKey() };
}

export type BookingFormField = BookingField | 'idempotencyKey';
/** A problem with the form as a whole, as a key under visits:book.errors.form. */
export type BookingFormError = 'rejected' | 'expired' | 'tooMany' | Exclude<BookingRefusal, 'unavailable'> | 'notCovered';

/** Field errors are codes with their field, under visits:book.errors (e.g. "mode.required"). */
export type BookingOutcome = Outcome<BookingFormField, { booking: Booking }>;

/** The posted fields, the last of each name, cut so that nothing huge is sent back into the page. */
function postedFields(form: FormData | URLSearchParams): Record<string, string> {
  return Object.fromEntries(Object.entries(rawForm(form)).map(([name, value]) => [name, [value].flat().at(-1)!.slice(0, 1000)]));
}

/**
 * Checks and books a slot from the portal's form. A slot a citizen may not see (gone, or its day
 * unpublished, even in the meantime) is a NotFoundError.
 */
export async function handleBooking(
  slotId: string,
  form: FormData | URLSearchParams,
  request: { clientIp: string; locale: Locale; now?: Date },
): Promise<BookingOutcome> {
  const now = request.now ?? new Date();
  const slot = await db().receptionSlot.findUnique({
    where: { id: slotId },
    select: { day: { select: { published: true, unitIds: true, categoryIds: true } } },
  });
  if (!slot || !slot.day.published) throw new NotFoundError('reception slot');
  const raw = postedFields(form);
  const values: FormValues<BookingFormField> = {};
  // The access code is never sent back into the page.
  for (const field of BOOKING_FIELDS) if (field !== 'accessCode') values[field] = raw[field];
  const fail = (status: Refusal, errors: FieldErrors<BookingFormField>, formError: BookingFormError | null = null) =>
    refused({ errors, values, formError }, status);

  if (raw[HONEYPOT_FIELD]) return fail(400, {}, 'rejected');
  const key = IdempotencyKey.safeParse(raw.idempotencyKey);
  if (!key.success) return fail(400, {}, 'expired');
  values.idempotencyKey = key.data;

  const { SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS, LOOKUP_RATE_LIMIT, LOOKUP_RATE_WINDOW_SECONDS } = env();
  const limit = await consumeRateLimit(`visit-book:${request.clientIp}`, SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS, now);
  if (!limit.allowed) return fail(429, {}, 'tooMany');

  const result = validateBooking(raw);
  if (!result.ok) return fail(400, result.errors);
  const input = result.value;

  let caseId: string | null = null;
  if (input.mode === 'CASE') {
    // The same budget as the track page: booking is no way around its limit on guessing codes.
    const lookup = await consumeRateLimit(`lookup:${request.clientIp}`, LOOKUP_RATE_LIMIT, LOOKUP_RATE_WINDOW_SECONDS, now);
    if (!lookup.allowed) return fail(429, {}, 'tooMany');
    const receiptNo = parseReceiptNo(input.receiptNo);
    const accessCode = parseAccessCode(input.accessCode);
    caseId = receiptNo && accessCode ? await findCaseByReceiptAndCode(receiptNo, accessCode) : null;
    // One message for every failure: it never says which of the two was wrong.
    if (!caseId) return fail(400, { receiptNo: 'receiptNo.noMatch' });
    const found = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { unitId: true, categoryId: true } });
    if (!dayCovers(slot.day, found)) return fail(409, {}, 'notCovered');
  }

  const booked = await bookSlot({
    slotId,
    idempotencyKey: key.data,
    caseId,
    name: input.mode === 'NEW' ? input.name : null,
    phone: input.mode === 'NEW' ? input.phone : null,
    topic: input.mode === 'NEW' ? input.topic : null,
    representatives: input.representatives,
    locale: request.locale,
    now,
  });
  if (booked.ok) return { ok: true, booking: booked.booking };
  if (booked.reason === 'unavailable') throw new NotFoundError('reception slot');
  // The key belongs to another booking: this form is spent, so the page gets a fresh one to send again.
  if (booked.reason === 'expired') values.idempotencyKey = newFormKey();
  return fail(booked.reason === 'expired' ? 400 : 409, {}, booked.reason);
}

// ── The confirmation page ───────────────────────────────────────────────────────────────────

export interface BookingSummary extends DayHeading {
  reference: string;
  status: AppointmentStatus;
  representatives: number;
  forCase: boolean;
  startsAt: string;
  endsAt: string;
}

export async function bookingSummary(reference: string, locale: Locale): Promise<BookingSummary | null> {
  const row = await db().appointment.findUnique({ where: { reference }, include: { slot: { include: { day: true } } } });
  if (!row) return null;
  return {
    reference: row.reference,
    status: row.status,
    representatives: row.representatives,
    forCase: row.caseId !== null,
    startsAt: row.slot.startsAt.toISOString(),
    endsAt: row.slot.endsAt.toISOString(),
    ...dayHeading(row.slot.day, locale),
  };
}

// ── Cancelling ──────────────────────────────────────────────────────────────────────────────

export type CancelResult = 'cancelled' | 'noMatch' | 'alreadyCancelled' | 'tooLate';

// A fixed hash to compare against when the reference is unknown, so both failures take as long.
const NO_SUCH_BOOKING_HASH = '0'.repeat(64);

/**
 * Cancels a booking with its reference and cancel code, and gives its place back in the same
 * transaction. Says nothing about a booking until the code matches.
 */
export async function cancelBooking(referenceInput: string, codeInput: string, now = new Date()): Promise<CancelResult> {
  const reference = parseBookingReference(referenceInput);
  const code = parseCancelCode(codeInput);
  const row = reference
    ? await db().appointment.findUnique({
        where: { reference },
        select: { id: true, status: true, cancelCodeHash: true, slot: { select: { startsAt: true } } },
      })
    : null;
  const matches = hashesEqual(row?.cancelCodeHash ?? NO_SUCH_BOOKING_HASH, cancelCodeHash(code ?? ''));
  if (!row || !code || !matches) return 'noMatch';
  const allowed = canCancel(row.status, row.slot.startsAt, now);
  if (allowed !== 'ok') return allowed;
  return await db().$transaction(async (tx): Promise<CancelResult> => {
    const cancelled = await tx.$queryRaw<{ slotId: string }[]>`
      UPDATE "Appointment" SET "status" = 'CANCELLED', "cancelledAt" = ${now}
      WHERE "id" = ${row.id}::uuid AND "status" = 'BOOKED'
      RETURNING "slotId"`;
    const slotId = cancelled[0]?.slotId;
    // Someone cancelled (or staff marked it) in between: nothing to give back.
    if (!slotId) return 'alreadyCancelled';
    await tx.$executeRaw`UPDATE "ReceptionSlot" SET "bookedCount" = "bookedCount" - 1 WHERE "id" = ${slotId}::uuid AND "bookedCount" > 0`;
    return 'cancelled';
  }, BOOKING_TRANSACTION);
}

/** Every refusal names the reference field, under visits:cancel.errors. */
export type CancelFormError = 'missing' | 'tooMany' | Exclude<CancelResult, 'cancelled'>;
export type CancelOutcome = Outcome<'reference', { reference: string }>;

export async function handleCancel(form: FormData | URLSearchParams, request: { clientIp: string; now?: Date }): Promise<CancelOutcome> {
  const now = request.now ?? new Date();
  const raw = postedFields(form);
  const referenceInput = (raw.reference ?? '').slice(0, 64);
  const codeInput = (raw.cancelCode ?? '').slice(0, 64);
  const fail = (status: Refusal, error: CancelFormError) =>
    refused({ errors: { reference: error }, values: { reference: referenceInput } }, status);
  if (!referenceInput.trim() || !codeInput.trim()) return fail(400, 'missing');
  // Count every attempt, well-formed or not, so guessing codes is slow whatever is typed.
  const { LOOKUP_RATE_LIMIT, LOOKUP_RATE_WINDOW_SECONDS } = env();
  const limit = await consumeRateLimit(`visit-cancel:${request.clientIp}`, LOOKUP_RATE_LIMIT, LOOKUP_RATE_WINDOW_SECONDS, now);
  if (!limit.allowed) return fail(429, 'tooMany');
  const result = await cancelBooking(referenceInput, codeInput, now);
  if (result === 'cancelled') return { ok: true, reference: parseBookingReference(referenceInput) ?? referenceInput };
  return fail(result === 'noMatch' ? 400 : 409, result);
}
