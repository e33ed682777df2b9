// What a citizen's online submission must satisfy. Each error is a locale key, so the form can
// say what went wrong in the citizen's language, next to the field it concerns.
import { z } from 'zod';
import { CHECK_IN_CHOICES, checkInChannelOf, checkInNeeds } from './check-in.ts';
import { CASE_KINDS, REPLY_CHANNELS, mayBeAnonymous } from './kinds.ts';
import { LIMITS, SUBMISSION_FIELDS, UNKNOWN_REPORTED_UNIT, type SubmissionErrors, type SubmissionField } from './submission-fields.ts';

export { LIMITS, SUBMISSION_FIELDS, type SubmissionErrors, type SubmissionField };

const trimmed = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').trim())
    .pipe(z.string().max(max, 'tooLong'));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').trim())
    .pipe(z.string().max(max, 'tooLong'))
    .transform((s) => (s === '' ? null : s));

/** Digits with optional +, spaces, dashes and brackets; 5–20 digits (landlines, mobiles, extensions). */
export function normalizePhone(input: string): string | null {
  const cleaned = input.normalize('NFKC').replace(/[\s\-().]/g, '');
  return /^\+?\d{5,20}$/.test(cleaned) ? cleaned : null;
}

const SubmissionShape = z.object({
  kind: z.enum(CASE_KINDS, { error: 'kind.required' }),
  // Checked against the kind below: only a report of misconduct names the body it is about.
  reportedUnit: z.string().optional(),
  reportedOfficial: optionalText(LIMITS.officialMax),
  categoryId: z.uuid({ error: 'categoryId.required' }),
  area: optionalText(LIMITS.areaMax),
  subject: trimmed(LIMITS.subjectMax).pipe(z.string().min(1, 'subject.required').min(LIMITS.subjectMin, 'subject.tooShort')),
  body: trimmed(LIMITS.bodyMax).pipe(z.string().min(1, 'body.required').min(LIMITS.bodyMin, 'body.tooShort')),
  coSignerCount: z
    .string()
    .optional()
    .transform((s) => (s ?? '').normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .regex(/^\d*$/, 'coSignerCount.invalid')
        .transform((s) => (s === '' ? 1 : Number(s)))
        .pipe(z.number().int().min(1, 'coSignerCount.invalid').max(LIMITS.coSignersMax, 'coSignerCount.invalid')),
    ),
  anonymous: z
    .string()
    .optional()
    .transform((s) => s === 'yes'),
  name: optionalText(LIMITS.nameMax),
  phone: optionalText(40),
  email: optionalText(LIMITS.emailMax),
  postalAddress: optionalText(LIMITS.addressMax),
  preferredReplyChannel: z.enum(REPLY_CHANNELS, { error: 'preferredReplyChannel.required' }),
  // 回访 only with consent: no follow-up unless the citizen chose a channel.
  checkIn: z.enum(CHECK_IN_CHOICES, { error: 'checkIn.invalid' }).default('NONE'),
  consent: z.literal('yes', { error: 'consent.required' }),
});

export type Submission = Omit<z.infer<typeof SubmissionShape>, 'phone' | 'reportedUnit'> & {
  phone: string | null;
  /** A report of misconduct: the unit it is about (null: the reporter does not know, or named another body). */
  reportedUnitId: string | null;
};

/**
 * What a report of misconduct says it is about: a unit's id, or none (the "don't know / another body"
 * choice, or no choice: the question is optional, and the report goes to the discipline body either
 * way). Null for a value the form never offers.
 */
function reportedUnitChoice(raw: string | undefined): { unitId: string | null } | null {
  const value = (raw ?? '').trim();
  if (value === UNKNOWN_REPORTED_UNIT || value === '') return { unitId: null };
  return z.uuid().safeParse(value).success ? { unitId: value.toLowerCase() } : null;
}

export type SubmissionResult = { ok: true; value: Submission } | { ok: false; errors: SubmissionErrors };

/** Validates the raw form fields. Error values are keys under `submit.errors.` in the locale files. */
export function validateSubmission(raw: Record<string, string | undefined>): SubmissionResult {
  const errors: SubmissionErrors = {};
  const parsed = SubmissionShape.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(SUBMISSION_FIELDS as readonly string[]).includes(field)) continue;
      const key = field as SubmissionField;
      errors[key] ??= issue.message.includes('.') ? issue.message : `${key}.${issue.message}`;
    }
  }
  // The rules between fields run on every attempt, so the citizen sees every problem at once.
  const text = (field: SubmissionField) => (raw[field] ?? '').normalize('NFKC').trim();
  const anonymous = raw.anonymous === 'yes';
  const kind = CASE_KINDS.find((k) => k === raw.kind);
  if (anonymous && kind && !mayBeAnonymous(kind)) errors.anonymous ??= 'anonymous.onlyMisconduct';
  const reported = kind === 'MISCONDUCT_REPORT' ? reportedUnitChoice(raw.reportedUnit) : null;
  if (kind === 'MISCONDUCT_REPORT' && !reported) errors.reportedUnit ??= 'reportedUnit.required';
  const phone = text('phone') ? normalizePhone(text('phone')) : null;
  if (text('phone') && !phone) errors.phone ??= 'phone.invalid';
  if (text('email') && !z.email().safeParse(text('email')).success) errors.email ??= 'email.invalid';
  const replyChannel = raw.preferredReplyChannel;
  if (!anonymous) {
    if (!text('name')) errors.name ??= 'name.required';
    // Someone with neither (many who write letters) is answered by post, at the address they gave.
    const byPost = replyChannel === 'POST' && Boolean(text('postalAddress'));
    if (!text('phone') && !text('email') && !byPost) errors.phone ??= 'phone.phoneOrEmail';
    if (replyChannel === 'EMAIL' && !text('email')) errors.email ??= 'email.requiredForReply';
    if (replyChannel === 'PHONE' && !text('phone')) errors.phone ??= 'phone.requiredForReply';
    if (replyChannel === 'POST' && !text('postalAddress')) errors.postalAddress ??= 'postalAddress.requiredForReply';
  } else if (replyChannel && replyChannel !== 'ONLINE') {
    errors.preferredReplyChannel ??= 'preferredReplyChannel.anonymousOnline';
  }
  const checkIn = CHECK_IN_CHOICES.find((c) => c === raw.checkIn);
  const checkInChannel = checkIn ? checkInChannelOf(checkIn) : null;
  if (checkInChannel && anonymous) errors.checkIn ??= 'checkIn.anonymous';
  else if (checkInChannel && !text(checkInNeeds(checkInChannel))) errors.checkIn ??= `checkIn.needs.${checkInChannel}`;

  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors: orderErrors(errors) };
  const { reportedUnit: _chosen, ...value } = parsed.data;
  // Only a report of misconduct names whom it is about; another kind keeps nothing of those fields.
  const about =
    value.kind === 'MISCONDUCT_REPORT'
      ? { reportedUnitId: reported?.unitId ?? null, reportedOfficial: value.reportedOfficial }
      : { reportedUnitId: null, reportedOfficial: null };
  // An anonymous report keeps no contact details at all, even if some were typed.
  const submission: Submission = anonymous
    ? { ...value, ...about, anonymous, name: null, phone: null, email: null, postalAddress: null }
    : { ...value, ...about, phone };
  return { ok: true, value: submission };
}

function orderErrors(errors: SubmissionErrors): SubmissionErrors {
  const ordered: SubmissionErrors = {};
  for (const field of SUBMISSION_FIELDS) if (errors[field]) ordered[field] = errors[field];
  return ordered;
}
