// Clerks register letters, visits and calls as cases, so that every case, whatever its channel,
// is in the system and can be looked up by the citizen (art. 21).
import { z } from 'zod';
import { activeCategoryUnits } from '#app/features/reference-data/lookup.server.ts';
import { canRegisterCases, type Actor } from '#app/features/staff/permissions.ts';
import { REGISTRATION_CHANNELS } from './attributes.ts';
import { SUBMISSION_FIELDS, type SubmissionErrors } from './submission-fields.ts';
import { submitCase, type SubmittedCase } from './submission.server.ts';
import { validateSubmission } from './submission.ts';
import type { Locale } from '#app/i18n/config.ts';

const RegistrationMeta = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  channel: z.enum(REGISTRATION_CHANNELS, { error: 'channel.required' }),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'receivedOn.invalid' }),
});

export type RegistrationErrors = SubmissionErrors & { channel?: string; receivedOn?: string };
export type RegistrationValues = Partial<Record<string, string>>;

export type RegistrationOutcome =
  | { ok: true; receipt: SubmittedCase }
  | { ok: false; errors: RegistrationErrors; values: RegistrationValues };

/** The local day a letter arrived, as the instant it began in the service's time zone (UTC+8). */
function startOfShanghaiDay(day: string): Date {
  return new Date(`${day}T00:00:00.000+08:00`);
}

export async function registerCase(actor: Actor, form: FormData, locale: Locale, now = new Date()): Promise<RegistrationOutcome> {
  if (!canRegisterCases(actor)) throw new Response('Forbidden', { status: 403 });
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
  const values: RegistrationValues = {};
  for (const field of [...SUBMISSION_FIELDS, 'channel', 'receivedOn', 'idempotencyKey']) values[field] = raw[field];

  const errors: RegistrationErrors = {};
  const meta = RegistrationMeta.safeParse(raw);
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      const field = issue.path[0];
      if (field === 'channel') errors.channel = 'channel.required';
      if (field === 'receivedOn') errors.receivedOn = 'receivedOn.invalid';
    }
  }
  const receivedAt = meta.success ? startOfShanghaiDay(meta.data.receivedOn) : null;
  if (receivedAt && (Number.isNaN(receivedAt.getTime()) || receivedAt > now)) errors.receivedOn = 'receivedOn.invalid';
  // The clerk confirms the citizen was told how their details are used, in place of the online consent box.
  const submission = validateSubmission(raw);
  if (!submission.ok) Object.assign(errors, submission.errors);
  if (submission.ok && !(await activeCategoryUnits()).has(submission.value.categoryId)) errors.categoryId = 'categoryId.required';
  if (Object.keys(errors).length > 0 || !submission.ok || !meta.success || !receivedAt) return { ok: false, errors, values };

  const receipt = await submitCase(submission.value, {
    idempotencyKey: meta.data.idempotencyKey,
    locale,
    now,
    channel: meta.data.channel,
    // A letter received today counts from now; an earlier postmark day counts from that day.
    receivedAt: receivedAt > new Date(now.getTime() - 86_400_000) ? now : receivedAt,
    registeredBy: actor.id,
  });
  return { ok: true, receipt };
}
