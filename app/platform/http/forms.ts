// The one form pipeline, server half: a posted form, checked against a zod schema, becomes either
// its value or { errors, values }. Field errors are codes ("required", "tooLong"), which the page
// turns into words in the reader's language (app/ui/use-form-errors.ts); values are what was typed,
// to fill the form in again. Pure: no I/O, so the browser bundle and unit tests can use it.
import { z } from 'zod';
import { withoutControlCharacters } from '#app/platform/codecs/text.ts';

export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;
export type FormValues<Field extends string = string> = Partial<Record<Field, string>>;

/** What a refused form sends back to its page. `formError` is a problem with the form as a whole. */
export interface FormProblem<Field extends string = string> {
  errors: FieldErrors<Field>;
  values: FormValues<Field>;
  formError?: string | null;
}

export type ParsedForm<Value, Field extends string> =
  | { ok: true; value: Value; values: FormValues<Field> }
  | ({ ok: false } & FormProblem<Field>);

/** A posted value as the schema sees it: a string, or a list when a name was posted several times. */
export type RawForm = Record<string, string | string[]>;

/** The form's text fields (files are not read here), cleaned of control characters. */
export function rawForm(form: FormData | URLSearchParams): RawForm {
  const raw: RawForm = {};
  for (const [name, entry] of form.entries()) {
    if (typeof entry !== 'string') continue;
    // C0 controls never belong in typed text and PostgreSQL refuses NUL: taking them out is
    // harmless, so no field error is needed for them. Line breaks become LF: a textarea posted
    // without JavaScript sends CRLF, with it LF, and paragraphs and length limits must not differ.
    const value = withoutControlCharacters(entry).replace(/\r\n?/g, '\n');
    const existing = raw[name];
    if (existing === undefined) raw[name] = value;
    else raw[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return raw;
}

/** A posted form as services take it: as a route read it, or its fields already read. */
export type FormInput = FormData | URLSearchParams | RawForm;

export function formFields(form: FormInput): RawForm {
  return form instanceof FormData || form instanceof URLSearchParams ? rawForm(form) : form;
}

const CODE = /^[A-Za-z][\w.]*$/;

/**
 * A zod issue as a code: our schemas give codes as messages; a field that was not posted at all is
 * "required"; zod's own words become "invalid".
 */
function issueCode(issue: z.core.$ZodIssue, raw: RawForm | null): string {
  if (CODE.test(issue.message)) return issue.message;
  const field = issue.path[0];
  if (raw && typeof field === 'string' && raw[field] === undefined) return 'required';
  return 'invalid';
}

/** Each field's first problem, as a code; problems that name no field become the form's. */
export function issuesToErrors<Field extends string>(
  issues: readonly z.core.$ZodIssue[],
  raw: RawForm | null = null,
): { errors: FieldErrors<Field>; formError: string | null } {
  const errors: FieldErrors<Field> = {};
  let formError: string | null = null;
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string') errors[field as Field] ??= issueCode(issue, raw);
    else formError ??= issueCode(issue, raw);
  }
  return { errors, formError };
}

function echo<Field extends string>(raw: RawForm, fields: readonly string[] | null): FormValues<Field> {
  const values: FormValues<Field> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (fields && !fields.includes(name)) continue;
    values[name as Field] = Array.isArray(value) ? value.join('\n') : value;
  }
  return values;
}

type Shape<S> = S extends z.ZodObject<infer T> ? T : S extends z.ZodPipe<infer A, z.ZodType> ? Shape<A> : Record<string, unknown>;
export type FieldOf<S> = Extract<keyof Shape<S>, string>;

/**
 * Checks a posted form against a schema. Every problem is reported at once (one code a field),
 * and every value typed comes back for the page to show again.
 */
export function parseForm<S extends z.ZodType>(form: FormInput, schema: S): ParsedForm<z.output<S>, FieldOf<S>> {
  const raw = formFields(form);
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape) : null;
  const values = echo<FieldOf<S>>(raw, fields);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, values };
  return { ok: false, ...issuesToErrors<FieldOf<S>>(parsed.error.issues, raw), values };
}

/** A refused form, for a feature that checks something after the schema (a rule, a uniqueness). */
export function formProblem<Field extends string>(
  values: FormValues<Field>,
  errors: FieldErrors<Field>,
  formError: string | null = null,
): { ok: false } & FormProblem<Field> {
  return { ok: false, errors, values, formError };
}
