// The back office's notice form, for writing a notice and for changing one: its kind, its title
// and text in each of the portal's languages, the day it goes up and the last day it is shown.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NOTICE_BODY_MAX, NOTICE_FIELDS, NOTICE_KINDS, type NoticeField } from '#app/features/notices/rules.ts';
import { LANGUAGE_SUFFIXES, languageField, type LanguageSuffix } from '#app/i18n/language-fields.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextFieldList, type TextFieldSpec } from '#app/ui/text-field-list.tsx';
import { useFormErrors, type FormErrors } from '#app/ui/use-form-errors.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';

const inLanguage = (suffix: LanguageSuffix): TextFieldSpec<NoticeField>[] => [
  { name: `title${suffix}`, autoComplete: 'off' },
  { name: `body${suffix}`, hint: true, multiline: { maxLength: NOTICE_BODY_MAX, rows: 8 } },
];
const DAYS: TextFieldSpec<NoticeField>[] = [
  { name: 'publishOn', hint: true, autoComplete: 'off', width: 'short' },
  { name: 'lastDay', hint: true, autoComplete: 'off', width: 'short' },
];

/** A title's or text's message names its language. */
export function useNoticeFormErrors(problem: FormProblem<NoticeField> | null | undefined): FormErrors<NoticeField> {
  const { t } = useTranslation('notices');
  return useFormErrors(problem, {
    fields: NOTICE_FIELDS,
    prefix: (field) => `notices:office.errors.${languageField(field).base}`,
    formPrefix: 'notices:office.edit.errors',
    fieldValues: (field): Record<string, string> => {
      const { suffix } = languageField(field);
      return suffix ? { language: t(`office.languages.${suffix}`) } : {};
    },
  });
}

interface NoticeFormProps {
  form: FormErrors<NoticeField>;
  /** The notice as saved, when changing one. */
  saved?: Record<NoticeField, string>;
  today: string;
  /** Which of the page's forms this is, when it has more than one. */
  intent?: string;
  submitLabel: string;
  busy: boolean;
}

export function NoticeForm({ form, saved, today, intent, submitLabel, busy }: NoticeFormProps) {
  const { t } = useTranslation('notices');
  const words = (field: NoticeField, part: 'label' | 'hint') => {
    const { base, suffix } = languageField(field);
    return t(`office.fields.${base}${part === 'hint' ? 'Hint' : ''}`, { language: suffix ? t(`office.languages.${suffix}`) : '' });
  };
  const text = {
    form,
    label: (field: NoticeField) => words(field, 'label'),
    hint: (field: NoticeField) => words(field, 'hint'),
    initial: { publishOn: today, ...saved },
  };
  return (
    <Form method="post" noValidate className="form">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <RadioGroup
        name="kind"
        label={t('office.fields.kind')}
        error={form.error('kind')}
        defaultValue={form.value('kind') ?? saved?.kind}
        options={NOTICE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`), hint: t(`office.kindHints.${kind}`) }))}
      />
      {LANGUAGE_SUFFIXES.map((suffix) => (
        <fieldset key={suffix} className="fieldset">
          <legend className="fieldset__legend">{t(`office.languages.${suffix}`)}</legend>
          <TextFieldList fields={inLanguage(suffix)} {...text} />
        </fieldset>
      ))}
      <TextFieldList fields={DAYS} {...text} />
      <Button isDisabled={busy}>{submitLabel}</Button>
    </Form>
  );
}
