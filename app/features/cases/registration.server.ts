// Clerks register letters, visits and calls as cases, so that every case, whatever its channel,
// is in the system and can be looked up by the citizen (art. 21).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { activeCategoryUnits, isActiveUnit } from '#app/features/reference-data/lookup.server.ts';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canRegisterCases, type Actor } from '#app/features/staff/permissions.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import { civilDateIn, compareCivilDates, parseIsoDate, startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone, serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { REGISTRATION_CHANNELS } from './attributes.ts';
import { REGISTRATION_FIELDS, type RegistrationField } from './registration-fields.ts';
import { submitCase, type SubmittedCase } from './submission.server.ts';
import { validateSubmission } from './submission.ts';
import type { Locale } from '#app/i18n/config.ts';

const RegistrationMeta = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  channel: z.enum(REGISTRATION_CHANNELS, { error: 'channel.required' }),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'receivedOn.invalid' }),
});

/** Each field's problem as a code that names its field too ("channel.required", "categoryId.required"). */
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;
export type RegistrationValues = Partial<Record<string, string>>;

/** The case registered (its receipt, to hand over), or the form back with its problems (400) and what was typed. */
export type RegistrationOutcome = Outcome<RegistrationField | 'idempotencyKey', { receipt: SubmittedCase }>;

/**
 * The moment a case received on `day` counts from: now for today's post, the start of an earlier
 * day (the postmark's) in the service's zone. Null for a day that is not a date or is still to come.
 */
function receivedAtFor(day: string, now: Date): Date | null {
  const date = parseIsoDate(day);
  if (!date) return null;
  const timeZone = serviceTimeZone();
  const order = compareCivilDates(date, civilDateIn(now, timeZone));
  if (order > 0) return null;
  return order === 0 ? now : startOfCivilDay(date, timeZone);
}

/**
 * What the registration form starts from: the topics, today's date, and a fresh idempotency key
 * (a retried post finds the case it made rather than making a second).
 */
export async function registrationForm(actor: Actor, locale: Locale) {
  if (!canRegisterCases(actor)) throw new ForbiddenError('register cases');
  const { categories, units } = await officeOptions(locale);
  return { categories, units, idempotencyKey: randomBytes(18).toString('base64url'), today: serviceToday() };
}

export async function registerCase(
  actor: Actor,
  form: FormData | URLSearchParams,
  locale: Locale,
  now = new Date(),
): Promise<RegistrationOutcome> {
  if (!canRegisterCases(actor)) throw new ForbiddenError('register cases');
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
  const values: RegistrationValues = {};
  for (const field of [...REGISTRATION_FIELDS, 'idempotencyKey']) values[field] = raw[field];

  const errors: RegistrationErrors = {};
  const meta = RegistrationMeta.safeParse(raw);
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      const field = issue.path[0];
      if (field === 'channel') errors.channel = 'channel.required';
      if (field === 'receivedOn') errors.receivedOn = 'receivedOn.invalid';
    }
  }
  const receivedAt = meta.success ? receivedAtFor(meta.data.receivedOn, now) : null;
  if (meta.success && !receivedAt) errors.receivedOn = 'receivedOn.invalid';
  // The clerk confirms the citizen was told how their details are used, in place of the online consent box.
  const submission = validateSubmission(raw);
  if (!submission.ok) Object.assign(errors, submission.errors);
  if (submission.ok && !(await activeCategoryUnits()).has(submission.value.categoryId)) errors.categoryId = 'categoryId.required';
  if (submission.ok && submission.value.reportedUnitId && !(await isActiveUnit(submission.value.reportedUnitId)))
    errors.reportedUnit = 'reportedUnit.required';
  if (Object.keys(errors).length > 0 || !submission.ok || !meta.success || !receivedAt) return refused({ errors, values });

  const receipt = await submitCase(submission.value, {
    idempotencyKey: meta.data.idempotencyKey,
    locale,
    now,
    channel: meta.data.channel,
    receivedAt,
    registeredBy: actor.id,
  });
  return { ok: true, receipt };
}
