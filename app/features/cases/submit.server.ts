// The online submission form's server side: everything the POST /submit action does between
// receiving the form and answering, so the route stays a thin adapter.
import { z } from 'zod';
import { discardStored, prepareFiles, storeFiles } from '#app/features/attachments/stored-files.server.ts';
import {
  readUploadForm,
  UnreadableFormError,
  type ReceivedFile,
  type UploadOutcome,
} from '#app/features/attachments/upload-form.server.ts';
import { activeCategoryUnits, listActiveCategories } from '#app/features/reference-data/lookup.server.ts';
import { crisisLinesFor, getSetting } from '#app/features/settings/settings.server.ts';
import { newFormKey } from '#app/platform/crypto/form-key.server.ts';
import { env } from '#app/platform/env.server.ts';
import { rawForm } from '#app/platform/http/forms.ts';
import { consumeRateLimit, refundRateLimit } from '#app/platform/rate-limit.server.ts';
import { receiptCookie } from './portal-cookies.server.ts';
import { SUBMISSION_FIELDS, type SubmissionErrors, type SubmissionField } from './submission-fields.ts';
import { findByIdempotencyKey, submissionHash, submitCase, type SubmittedCase } from './submission.server.ts';
import { validateSubmission } from './submission.ts';
import type { FileError, UploadProblem } from '#app/features/attachments/rules.ts';
import type { Locale } from '#app/i18n/config.ts';

/** Bots fill every field; people never see this one. */
export const HONEYPOT_FIELD = 'homepage_url';
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

/** The fields the page shows again after a refusal: the letter's, and the form's own key. */
export type SubmissionFormField = SubmissionField | 'idempotencyKey';
/** A problem with the form as a whole: a key under submit.errors.form. */
export type SubmissionFormError = 'rejected' | 'expired' | 'tooMany' | 'alreadySent';

/**
 * A refused submission: field errors are codes with their field (`subject.required`, as
 * validateSubmission gives them), each a key under submit.errors.
 */
export type SubmissionOutcome =
  | { ok: true; receipt: SubmittedCase }
  | ({ ok: false; status: 400 | 409 | 429; receipt?: SubmittedCase } & UploadProblem<SubmissionFormField>);

/** What the empty form needs: the categories to choose from, the honeypot's name and a fresh key. */
export async function newSubmitForm(locale: Locale) {
  return {
    honeypotField: HONEYPOT_FIELD,
    categories: await listActiveCategories(locale),
    // A fresh key per form: a refresh or retry of *this* form's POST finds the same case.
    idempotencyKey: newFormKey(),
  };
}

/** The form's text fields, one value each (the last, as when the form was read as FormData). */
function textFields(form: FormData | URLSearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rawForm(form)).map(([name, value]) => [name, Array.isArray(value) ? (value.at(-1) ?? '') : value]),
  );
}

export async function handleSubmission(
  form: FormData | URLSearchParams,
  request: { clientIp: string; locale: Locale },
  files: readonly ReceivedFile[] = [],
): Promise<SubmissionOutcome> {
  const raw = textFields(form);
  const values: Partial<Record<SubmissionFormField, string>> = {};
  for (const field of SUBMISSION_FIELDS) values[field] = raw[field];
  const fail = (
    status: 400 | 409 | 429,
    errors: SubmissionErrors,
    formError: SubmissionFormError | null,
    fileErrors: FileError[] = [],
  ): Extract<SubmissionOutcome, { ok: false }> => ({
    ok: false,
    status,
    errors,
    formError,
    values,
    fileErrors,
    filesNotKept: files.length > 0,
  });
  /**
   * The key was used before by a form that said something else: the earlier letter stands (its
   * receipt is offered), and what was typed now comes back under a fresh key, to send as a new letter.
   */
  const alreadySent = (earlier: SubmittedCase): SubmissionOutcome => ({
    ...fail(409, {}, 'alreadySent'),
    values: { ...values, idempotencyKey: newFormKey() },
    receipt: earlier,
  });

  if (raw[HONEYPOT_FIELD]) return fail(400, {}, 'rejected');
  const key = IdempotencyKey.safeParse(raw.idempotencyKey);
  if (!key.success) return fail(400, {}, 'expired');
  values.idempotencyKey = key.data;

  const result = validateSubmission(raw);
  // Only a new letter is charged against the limit: a retry of a form already sent (a refresh, a
  // lost answer) must always get its receipt back, even from an address at its limit.
  const { SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS } = env();
  const rateKey = `submit:${request.clientIp}`;
  const limit = await consumeRateLimit(rateKey, SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS);
  if (!limit.allowed) {
    const earlier = result.ok ? await findByIdempotencyKey(key.data, submissionHash(result.value)) : null;
    if (!earlier) return fail(429, {}, 'tooMany');
    return earlier.sameContent ? { ok: true, receipt: earlier } : alreadySent(earlier);
  }

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
  if (!receipt.created) {
    // A retried form: the first attempt's case already has its files, so this attempt's copies
    // go, and the retry costs nothing against the limit.
    await discardStored(stored);
    await refundRateLimit(rateKey);
    if (!receipt.sameContent) return alreadySent(receipt);
  }
  return { ok: true, receipt };
}

/**
 * The submit form's POST as it arrives: multipart with files, read within the upload limits. A
 * body that cannot be read as a form is refused like a bot's. A success carries the receipt to
 * the confirmation page in its cookie.
 */
export async function submitLetter(
  request: Request,
  context: { clientIp: string; locale: Locale },
): Promise<UploadOutcome<SubmissionFormField>> {
  let read: Awaited<ReturnType<typeof readUploadForm>>;
  try {
    read = await readUploadForm(request);
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return { ok: false, status: 400, errors: {}, formError: 'rejected', values: {}, fileErrors: [], filesNotKept: true };
  }
  const outcome = await handleSubmission(read.form, context, read.files);
  if (outcome.ok) return { ok: true, setCookie: receiptCookieHeader(outcome.receipt) };
  // An earlier send of this form: its receipt can be seen again on the confirmation page.
  const { receipt, ...problem } = outcome;
  return receipt ? { ...problem, setCookie: receiptCookieHeader(receipt) } : problem;
}

/** The Set-Cookie header that carries a new receipt to the confirmation page. */
function receiptCookieHeader(receipt: SubmittedCase): string {
  return receiptCookie.serialize({
    receiptNo: receipt.receiptNo,
    accessCode: receipt.accessCode,
    acceptDueAt: receipt.acceptDueAt.toISOString(),
    latestReplyDueAt: receipt.latestReplyDueAt.toISOString(),
    welfareConcern: receipt.welfareConcern,
  });
}

/**
 * The confirmation page: the receipt the submit action left in this browser (null once it has
 * gone), and where to get help now when the letter showed signs of danger.
 */
export async function confirmationOf(request: Request, locale: Locale) {
  const receipt = receiptCookie.read(request);
  const crisisLines = receipt?.welfareConcern ? crisisLinesFor(await getSetting('crisisLines'), locale) : [];
  return { receipt, crisisLines };
}

/** "I have noted it down": the Set-Cookie header that forgets the receipt now, not in 30 minutes. */
export function forgetReceipt(): string {
  return receiptCookie.clear();
}
