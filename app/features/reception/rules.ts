// Reception days (领导接访日) and appointments (预约接访): the rules without I/O. Booking
// references, cancel codes, the slot lines staff type, who a day covers, what a booking form must
// hold, and when a booking can be cancelled or its attendance recorded.
import { ACCESS_CODE_BYTES, buildAccessCode, formatAccessCode, parseAccessCode } from '#app/features/cases/access-code.ts';
import { checkCharacter, encodeCrockford, hasValidCheckCharacter, normalizeCrockford } from '#app/platform/codecs/crockford.ts';
import { formatClockTime, parseClockTime } from '#app/platform/time/civil-date.ts';

/** Art. 20 of the 信访工作条例: a group visit sends no more than five representatives. */
export const MAX_REPRESENTATIVES = 5;
export const MAX_SLOT_CAPACITY = 100;
export const MAX_SLOTS_PER_DAY = 48;
export const TOPIC_MAX = 200;
export const NAME_MAX = 100;
/** The note a clerk writes on the case when recording a visit. */
export const VISIT_NOTE_MAX = 2000;

// ── Booking references and cancel codes ─────────────────────────────────────────────────────

/** 预约 (yùyuē): references read YY-7KQ4-M2PD, so nobody takes one for a receipt number (XF-…). */
export const REFERENCE_PREFIX = 'YY';
export const REFERENCE_RANDOM_CHARS = 7;
export const REFERENCE_RANDOM_BYTES = 5;

/** Seven random Crockford characters (35 bits) and a check character; not sequential, not guessable. */
export function buildBookingReference(randomBytes: Uint8Array): string {
  const body = encodeCrockford(randomBytes, REFERENCE_RANDOM_CHARS);
  const full = `${body}${checkCharacter(body)}`;
  return `${REFERENCE_PREFIX}-${full.slice(0, 4)}-${full.slice(4)}`;
}

/** Whatever the citizen typed ("yy 7kq4 m2pd", "7KQ4M2PD") in canonical form, or null. */
export function parseBookingReference(input: string): string | null {
  let compact = normalizeCrockford(input.normalize('NFKC'));
  if (compact.startsWith(REFERENCE_PREFIX)) compact = compact.slice(REFERENCE_PREFIX.length);
  if (compact.length !== REFERENCE_RANDOM_CHARS + 1 || !hasValidCheckCharacter(compact)) return null;
  return `${REFERENCE_PREFIX}-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** The cancel code has the access code's shape and strength: 10 characters, 50 bits. */
export const CANCEL_CODE_BYTES = ACCESS_CODE_BYTES;
export const buildCancelCode = buildAccessCode;
export const formatCancelCode = formatAccessCode;
export const parseCancelCode = parseAccessCode;

// ── Slots ───────────────────────────────────────────────────────────────────────────────────

export interface SlotLine {
  /** Minutes after local midnight. */
  start: number;
  end: number;
  capacity: number;
}

export type SlotLinesError = 'required' | 'format' | 'order' | 'overlap' | 'capacity' | 'tooMany';
export type SlotLinesResult = { ok: true; slots: SlotLine[] } | { ok: false; error: SlotLinesError; line?: number };

const SLOT_LINE = /^(\S+)\s*(?:-|~|–|—|至|到)\s*(\S+?)\s+(\d{1,4})$/;

/**
 * Parses the slots a staff member typed, one a line: "09:00-09:30 4" (start, end, places).
 * Blank lines are skipped; slots may not overlap and come out in time order.
 */
export function parseSlotLines(text: string): SlotLinesResult {
  const lines = text
    .normalize('NFKC')
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), number: index + 1 }))
    .filter((line) => line.text !== '');
  if (lines.length === 0) return { ok: false, error: 'required' };
  if (lines.length > MAX_SLOTS_PER_DAY) return { ok: false, error: 'tooMany' };
  const slots: (SlotLine & { line: number })[] = [];
  for (const line of lines) {
    const match = SLOT_LINE.exec(line.text);
    const start = match ? parseClockTime(match[1]!) : null;
    const end = match ? parseClockTime(match[2]!) : null;
    if (!match || start === null || end === null) return { ok: false, error: 'format', line: line.number };
    if (end <= start) return { ok: false, error: 'order', line: line.number };
    const capacity = Number(match[3]);
    if (capacity < 1 || capacity > MAX_SLOT_CAPACITY) return { ok: false, error: 'capacity', line: line.number };
    slots.push({ start, end, capacity, line: line.number });
  }
  slots.sort((a, b) => a.start - b.start);
  for (let i = 1; i < slots.length; i++) {
    if (slots[i]!.start < slots[i - 1]!.end) return { ok: false, error: 'overlap', line: slots[i]!.line };
  }
  return { ok: true, slots: slots.map(({ start, end, capacity }) => ({ start, end, capacity })) };
}

/** Back-to-back slots from `start` to `end`, as lines a staff member can then edit (lunch breaks). */
export function generateSlotLines(start: number, end: number, lengthMinutes: number, capacity: number): string {
  const lines: string[] = [];
  for (let from = start; from + lengthMinutes <= end && lines.length < MAX_SLOTS_PER_DAY; from += lengthMinutes) {
    lines.push(`${formatClockTime(from)}-${formatClockTime(from + lengthMinutes)} ${capacity}`);
  }
  return lines.join('\n');
}

export function freePlaces(slot: { capacity: number; bookedCount: number }): number {
  return Math.max(0, slot.capacity - slot.bookedCount);
}

export type SlotState = 'open' | 'full' | 'closed';

/** Open while the day is published, the slot has not started and places are left. */
export function slotState(slot: { startsAt: Date; capacity: number; bookedCount: number }, now: Date): SlotState {
  if (slot.startsAt.getTime() <= now.getTime()) return 'closed';
  return freePlaces(slot) > 0 ? 'open' : 'full';
}

/**
 * Whether a day deals with a case: a day that names no units and no categories covers every
 * topic; otherwise the case's unit or its category must be among those named.
 */
export function dayCovers(
  day: { unitIds: readonly string[]; categoryIds: readonly string[] },
  subject: { unitId: string | null; categoryId: string },
): boolean {
  if (day.unitIds.length === 0 && day.categoryIds.length === 0) return true;
  return (subject.unitId !== null && day.unitIds.includes(subject.unitId)) || day.categoryIds.includes(subject.categoryId);
}

// ── Appointments ────────────────────────────────────────────────────────────────────────────

export const APPOINTMENT_STATUSES = ['BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['ATTENDED', 'NO_SHOW'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A citizen cancels a booking that stands, before its slot begins (then the place helps nobody). */
export function canCancel(status: AppointmentStatus, slotStartsAt: Date, now: Date): 'ok' | 'alreadyCancelled' | 'tooLate' {
  if (status === 'CANCELLED') return 'alreadyCancelled';
  if (status !== 'BOOKED' || slotStartsAt.getTime() <= now.getTime()) return 'tooLate';
  return 'ok';
}

/**
 * Attendance is recorded from the start of the reception day (people come early), and can be
 * corrected between "attended" and "did not come"; a cancelled booking has none.
 */
export function canRecordAttendance(status: AppointmentStatus, dayStartsAt: Date, now: Date): boolean {
  return status !== 'CANCELLED' && now.getTime() >= dayStartsAt.getTime();
}

// ── The booking form (validated in booking-form.ts) ─────────────────────────────────────────

export const BOOKING_MODES = ['CASE', 'NEW'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];
export const BOOKING_FIELDS = ['mode', 'receiptNo', 'accessCode', 'name', 'phone', 'topic', 'representatives'] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];
/** Each value is a key under `visits:book.errors.` */
export type BookingErrors = Partial<Record<BookingField, string>>;

// ── The back office's form for a reception day (validated in day-setup.server.ts) ────────

export const DAY_FIELDS = [
  'date',
  'placeZhHans',
  'placeZhHant',
  'placeEn',
  'officialZhHans',
  'officialZhHant',
  'officialEn',
  'unitIds',
  'categoryIds',
  'slots',
] as const;
export type DayField = (typeof DAY_FIELDS)[number];
