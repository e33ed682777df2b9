// The booking form of a reception slot: what it must hold before the server looks anything up.
// Kept apart from rules.ts, which the browser bundle uses, because it needs the submission
// rules (and zod) that only the server runs.
import { z } from 'zod';
import { normalizePhone } from '#app/features/cases/submission.ts';
import { BOOKING_MODES, MAX_REPRESENTATIVES, NAME_MAX, TOPIC_MAX, type BookingErrors } from './rules.ts';

export { BOOKING_FIELDS, BOOKING_MODES, type BookingErrors, type BookingField, type BookingMode } from './rules.ts';

export type BookingInput =
  | { mode: 'CASE'; receiptNo: string; accessCode: string; representatives: number }
  | { mode: 'NEW'; name: string; phone: string; topic: string; representatives: number };

const text = (raw: string | undefined) => (raw ?? '').normalize('NFC').trim();

const Representatives = z
  .string()
  .optional()
  .transform((s) => (s ?? '').normalize('NFKC').trim())
  .pipe(
    z
      .string()
      .regex(/^\d{0,6}$/, 'representatives.invalid')
      .transform((s) => (s === '' ? 1 : Number(s)))
      .pipe(z.number().int().min(1, 'representatives.invalid').max(MAX_REPRESENTATIVES, 'representatives.tooMany')),
  );

/**
 * Checks the booking form. The receipt number and access code are only checked for being there:
 * whether they open a case is for the server to say, with one message for every failure.
 */
export function validateBooking(
  raw: Record<string, string | undefined>,
): { ok: true; value: BookingInput } | { ok: false; errors: BookingErrors } {
  const errors: BookingErrors = {};
  const mode = BOOKING_MODES.find((m) => m === raw.mode);
  if (!mode) errors.mode = 'mode.required';
  const representatives = Representatives.safeParse(raw.representatives);
  if (!representatives.success) errors.representatives = representatives.error.issues[0]?.message ?? 'representatives.invalid';

  if (mode === 'CASE') {
    if (!text(raw.receiptNo)) errors.receiptNo = 'receiptNo.required';
    if (!text(raw.accessCode)) errors.accessCode = 'accessCode.required';
    if (Object.keys(errors).length > 0 || !representatives.success) return { ok: false, errors };
    return {
      ok: true,
      value: {
        mode,
        receiptNo: text(raw.receiptNo).slice(0, 64),
        accessCode: text(raw.accessCode).slice(0, 64),
        representatives: representatives.data,
      },
    };
  }

  const name = text(raw.name);
  const phoneText = text(raw.phone);
  const phone = phoneText ? normalizePhone(phoneText) : null;
  const topic = text(raw.topic);
  if (mode === 'NEW') {
    if (!name) errors.name = 'name.required';
    else if (name.length > NAME_MAX) errors.name = 'name.tooLong';
    if (!phoneText) errors.phone = 'phone.required';
    else if (!phone) errors.phone = 'phone.invalid';
    if (!topic) errors.topic = 'topic.required';
    else if (topic.length > TOPIC_MAX) errors.topic = 'topic.tooLong';
  }
  if (mode !== 'NEW' || Object.keys(errors).length > 0 || !representatives.success || !phone) return { ok: false, errors };
  return { ok: true, value: { mode, name, phone, topic, representatives: representatives.data } };
}
