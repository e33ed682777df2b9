// The form that sets up a reception day: its date, its place and receiving official's role in
// each language, the units and topics it covers, and its time slots, one a line.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DAY_FIELDS, MAX_SLOT_CAPACITY, MAX_SLOTS_PER_DAY, parseSlotLines, type DayField } from '#app/features/reception/rules.ts';
import { inEachLanguage, languageField } from '#app/i18n/language-fields.ts';
import { Button } from '#app/ui/button.tsx';
import { CheckboxList } from '#app/ui/checkbox-list.tsx';
import { TextFieldList, type TextFieldSpec } from '#app/ui/text-field-list.tsx';
import { useFormErrors, type FormErrors } from '#app/ui/use-form-errors.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';

type Option = { value: string; label: string };

const NAMED_FIELDS: TextFieldSpec<DayField>[] = [
  { name: 'date', hint: true, autoComplete: 'off', width: 'short' },
  ...inEachLanguage('place', 'official').map((name) => ({ name, hint: true, autoComplete: 'off' })),
];
const SLOT_FIELD: TextFieldSpec<DayField>[] = [{ name: 'slots', hint: true, multiline: { maxLength: 5000, rows: 8 }, spellCheck: false }];

/**
 * The form's messages. A slot's message names its line, which the page finds again with the
 * same parseSlotLines the server used on the same text.
 */
export function useDayFormErrors(problem: FormProblem<DayField> | null | undefined): FormErrors<DayField> {
  const { t } = useTranslation('visits');
  const form = useFormErrors(problem, {
    fields: DAY_FIELDS,
    prefix: (field) => `visits:office.new.errors.${languageField(field).base}`,
    fieldValues: (field, code) => ({
      language: t(`office.languages.${languageField(field).suffix ?? 'En'}`),
      max: field === 'slots' && code === 'tooMany' ? MAX_SLOTS_PER_DAY : MAX_SLOT_CAPACITY,
    }),
  });
  const typed = form.value('slots');
  const slots = typed === undefined ? null : parseSlotLines(typed);
  const line = slots && !slots.ok && slots.error === problem?.errors.slots ? slots.line : undefined;
  if (!line) return form;
  const withLine = (message: string | undefined) => t('office.new.errors.slotLine', { line, message });
  return {
    ...form,
    error: (field) => (field === 'slots' ? withLine(form.error(field)) : form.error(field)),
    summary: form.summary.map((entry) => (entry.field === 'slots' ? { ...entry, message: withLine(entry.message) } : entry)),
  };
}

interface ReceptionDayFormProps {
  form: FormErrors<DayField>;
  units: Option[];
  categories: Option[];
  defaultSlots: string;
  busy: boolean;
}

export function ReceptionDayForm({ form, units, categories, defaultSlots, busy }: ReceptionDayFormProps) {
  const { t } = useTranslation('visits');
  const words = (field: DayField, part: 'label' | 'hint') => {
    const { base, suffix } = languageField(field);
    return t(`office.new.fields.${base}.${part}`, { language: suffix ? t(`office.languages.${suffix}`) : '', max: MAX_SLOT_CAPACITY });
  };
  const text = { form, label: (field: DayField) => words(field, 'label'), hint: (field: DayField) => words(field, 'hint') };
  return (
    <Form method="post" noValidate className="form">
      <TextFieldList fields={NAMED_FIELDS} {...text} />
      {(['unitIds', 'categoryIds'] as const).map((name) => (
        <CheckboxList
          key={name}
          name={name}
          legend={t(`office.new.fields.${name}.legend`)}
          hint={t(`office.new.fields.${name}.hint`)}
          options={name === 'unitIds' ? units : categories}
          selected={form.value(name)?.split('\n') ?? []}
          error={form.error(name)}
        />
      ))}
      <TextFieldList fields={SLOT_FIELD} {...text} initial={{ slots: defaultSlots }} />
      <Button isDisabled={busy}>{t('office.new.submit')}</Button>
    </Form>
  );
}
