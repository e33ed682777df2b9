// The online submission form's server side: everything the POST /submit action does between
// reading the form and answering, so the route stays a thin adapter.
import { z } from 'zod';
import {
  discardStored,
  prepareFiles,
  readUploadForm,
  storeFiles,
  UnreadableFormError,
  type ReceivedFile,
} from '#app/features/attachments/attachments.server.ts';
import { activeCategoryUnits } from '#app/features/reference-data/lookup.server.ts';
import { env } from '#app/platform/env.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { submitCase, type SubmittedCase } from './cases.server.ts';
import { receiptCookie } from './portal-cookies.server.ts';
import { SUBMISSION_FIELDS, type SubmissionErrors, type SubmissionField } from './submission-fields.ts';
import { validateSubmission } from './submission.ts';
import type { FileError } from '#app/features/attachments/rules.ts';
import type { Locale } from '#app/i18n/config.ts';

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
      /** Files refused, each with the reason (attachments:problems). */
      fileErrors: FileError[];
      /** Files were chosen but not kept: browsers cannot fill a file input again, so they must be chosen again. */
      filesNotKept: boolean;
    };

export async function handleSubmission(
  form: FormData,
  request: { clientIp: string; locale: Locale },
  files: readonly ReceivedFile[] = [],
): Promise<SubmissionOutcome> {
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
  const values: SubmissionFormValues = {};
  for (const field of SUBMISSION_FIELDS) values[field] = raw[field];
  const fail = (
    status: 400 | 429,
    errors: SubmissionErrors,
    formError: SubmissionFormError | null,
    fileErrors: FileError[] = [],
  ): SubmissionOutcome => ({
    ok: false,
    status,
    errors,
    formError,
    values,
    fileErrors,
    filesNotKept: files.length > 0,
  });

  if (raw[HONEYPOT_FIELD]) return fail(400, {}, 'rejected');
  const key = IdempotencyKey.safeParse(raw.idempotencyKey);
  if (!key.success) return fail(400, {}, 'expired');
  values.idempotencyKey = key.data;

  const { SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS } = env();
  const limit = await consumeRateLimit(`submit:${request.clientIp}`, SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS);
  if (!limit.allowed) return fail(429, {}, 'tooMany');

  const result = validateSubmission(raw);
  // Files are checked (by their bytes) and cleaned together with the fields, so every problem is
  // reported at once; nothing is stored until the whole form is right.
  const { accepted, errors: fileErrors } = prepareFiles(files);
  if (!result.ok || fileErrors.length > 0) return fail(400, result.ok ? {} : result.errors, null, fileErrors);
  // A well-formed id that names no active category (stale form, tampering) is the same mistake
  // to the citizen as choosing none.
  if (!(await activeCategoryUnits()).has(result.value.categoryId)) {
    return fail(400, { categoryId: 'categoryId.required' }, null);
  }
  const stored = await storeFiles(accepted);
  let receipt: SubmittedCase;
  try {
    receipt = await submitCase(result.value, { idempotencyKey: key.data, locale: request.locale, attachments: stored });
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
  // A retried form: the first attempt's case already has its files, so this attempt's copies go.
  if (!receipt.created) await discardStored(stored);
  return { ok: true, receipt };
}

/**
 * The submit form's POST as it arrives: multipart with files (or url-encoded without), read
 * within the upload limits. A body that cannot be read as a form is refused like a bot's.
 */
export async function handleSubmissionRequest(request: Request, context: { clientIp: string; locale: Locale }): Promise<SubmissionOutcome> {
  let read: Awaited<ReturnType<typeof readUploadForm>>;
  try {
    read = await readUploadForm(request);
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return { ok: false, status: 400, errors: {}, formError: 'rejected', values: {}, fileErrors: [], filesNotKept: true };
  }
  return await handleSubmission(read.form, context, read.files);
}

/** The Set-Cookie header that carries a new receipt to the confirmation page. */
export function receiptCookieHeader(receipt: SubmittedCase): string {
  return receiptCookie.serialize({
    receiptNo: receipt.receiptNo,
    accessCode: receipt.accessCode,
    acceptDueAt: receipt.acceptDueAt.toISOString(),
    latestReplyDueAt: receipt.latestReplyDueAt.toISOString(),
    welfareConcern: receipt.welfareConcern,
  });
}
