// The online submission form's server side: everything the POST /submit action does between
// reading the form and answering, so the route stays a thin adapter.
import { z } from 'zod';
import { SUBMISSION_FIELDS, type SubmissionErrors, type SubmissionField } from './domain/submission-fields.ts';
import { validateSubmission } from './domain/submission.ts';
import { submitCase, type SubmittedCase } from './cases.server.ts';
import { env } from './env.server.ts';
import type { Locale } from './i18n/config.ts';
import { consumeRateLimit } from './rate-limit.server.ts';
import { activeCategoryUnits } from './reference-data.server.ts';

/** Bots fill every field; people never see this one. */
export const HONEYPOT_FIELD = 'homepage_url';
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

export type SubmissionFormValues = Partial<Record<SubmissionField | 'idempotencyKey', string>>;
export type SubmissionFormError = 'rejected' | 'expired' | 'tooMany';

export type SubmissionOutcome =
  | { ok: true; receipt: SubmittedCase }
  | {
      ok: false;
      status: 400 | 429;
      errors: SubmissionErrors;
      /** A problem with the form as a whole, as a key under submit.errors.form. */
      formError: SubmissionFormError | null;
      /** What the citizen typed, to fill the form in again. */
      values: SubmissionFormValues;
    };

export async function handleSubmission(
  form: FormData,
  request: { clientIp: string; locale: Locale },
): Promise<SubmissionOutcome> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
  const values: SubmissionFormValues = {};
  for (const field of SUBMISSION_FIELDS) values[field] = raw[field];
  const fail = (status: 400 | 429, errors: SubmissionErrors, formError: SubmissionFormError | null): SubmissionOutcome => ({
    ok: false,
    status,
    errors,
    formError,
    values,
  });

  if (raw[HONEYPOT_FIELD]) return fail(400, {}, 'rejected');
  const key = IdempotencyKey.safeParse(raw.idempotencyKey);
  if (!key.success) return fail(400, {}, 'expired');
  values.idempotencyKey = key.data;

  const { SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS } = env();
  const limit = await consumeRateLimit(`submit:${request.clientIp}`, SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS);
  if (!limit.allowed) return fail(429, {}, 'tooMany');

  const result = validateSubmission(raw);
  if (!result.ok) return fail(400, result.errors, null);
  // A well-formed id that names no active category (stale form, tampering) is the same mistake
  // to the citizen as choosing none.
  if (!(await activeCategoryUnits()).has(result.value.categoryId)) {
    return fail(400, { categoryId: 'categoryId.required' }, null);
  }
  const receipt = await submitCase(result.value, { idempotencyKey: key.data, locale: request.locale });
  return { ok: true, receipt };
}
