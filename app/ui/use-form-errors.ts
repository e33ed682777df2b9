// The one form pipeline, browser half: the codes of a refused form (app/platform/http/forms.ts)
// become each field's message and GOV.UK's error summary, in the order of the form.
import { useTranslation } from 'react-i18next';
import type { FormProblem } from '#app/platform/http/forms.ts';

export interface SummaryEntry {
  /** The field the summary links to; none for a problem with the form as a whole. */
  field?: string;
  message: string;
}

export interface FormErrorsOptions<Field extends string> {
  /** The form's fields in the order they appear, which is the summary's order. */
  fields: readonly Field[];
  /** Where a field's messages are, as "namespace:path": the message is `${prefix}.${code}`. */
  prefix: (field: Field) => string;
  /** Where the form's own messages are (`${formPrefix}.${code}`). */
  formPrefix?: string;
  /** Values the messages name, such as a length limit. */
  messageValues?: Record<string, string | number>;
  /** Values that differ by field or code, such as the language of one of three title fields. */
  fieldValues?: (field: Field, code: string) => Record<string, string | number>;
}

export interface FormErrors<Field extends string> {
  /** The field's message, in the reader's language, or undefined. */
  error: (field: Field) => string | undefined;
  /** What was typed, to show again. */
  value: (field: Field) => string | undefined;
  summary: SummaryEntry[];
}

export function useFormErrors<Field extends string>(
  problem: FormProblem<Field> | null | undefined,
  options: FormErrorsOptions<Field>,
): FormErrors<Field> {
  const { t } = useTranslation();
  const error = (field: Field) => {
    const code = problem?.errors[field];
    return code ? t(`${options.prefix(field)}.${code}`, { ...options.messageValues, ...options.fieldValues?.(field, code) }) : undefined;
  };
  const summary: SummaryEntry[] = [];
  if (problem?.formError)
    summary.push({ message: t(`${options.formPrefix ?? 'common:errors.form'}.${problem.formError}`, options.messageValues) });
  for (const field of options.fields) {
    const message = error(field);
    if (message) summary.push({ field, message });
  }
  return { error, value: (field) => problem?.values[field], summary };
}

/** Every field's messages under one prefix, e.g. "office-admin:referenceData.errors". */
export function under(prefix: string) {
  return (field: string) => `${prefix}.${field}`;
}
