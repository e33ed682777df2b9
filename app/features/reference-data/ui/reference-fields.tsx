// The fields that units and categories share on their admin forms: the code (made once, never
// changed), the name in each of the portal's languages, and a unit chosen from the tree. Each
// error is tied to its own field.
import { useTranslation } from 'react-i18next';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const NAME_FIELD_NAMES = ['nameZhHans', 'nameZhHant', 'nameEn'] as const;
export type NameFieldName = (typeof NAME_FIELD_NAMES)[number];

/** The form's messages and typed values (app/ui/use-form-errors.ts), for the fields named. */
export interface FieldsForm<Field extends string> {
  error: (field: Field) => string | undefined;
  value: (field: Field) => string | undefined;
}

/**
 * What a field of an admin form takes from its name: its label and hint (`${texts}.${name}.label`
 * and `.hint` in office-admin), its error, and what was typed (or else what is saved).
 */
export function useFieldProps<Field extends string>(texts: string, form: FieldsForm<Field>, saved?: Partial<Record<Field, string>>) {
  const { t } = useTranslation('office-admin');
  return (name: Field, options: { hint?: boolean } = {}) => ({
    name,
    label: t(`${texts}.${name}.label`),
    hint: options.hint === false ? undefined : t(`${texts}.${name}.hint`),
    error: form.error(name),
    defaultValue: form.value(name) ?? saved?.[name],
  });
}

/** The stable code, on the forms that create a unit or a category. */
export function CodeField({ form, hint }: { form: FieldsForm<'code'>; hint: string }) {
  const field = useFieldProps('referenceData.fields', form);
  return <TextField {...field('code')} hint={hint} autoComplete="off" spellCheck={false} width="medium" />;
}

interface LocalizedNameFieldsProps {
  form: FieldsForm<NameFieldName>;
  /** What is saved now, shown until something else was typed. */
  saved?: Record<NameFieldName, string>;
}

export function LocalizedNameFields({ form, saved }: LocalizedNameFieldsProps) {
  const field = useFieldProps('referenceData.fields', form, saved);
  return (
    <>
      {NAME_FIELD_NAMES.map((name) => (
        <TextField key={name} {...field(name)} autoComplete="off" />
      ))}
    </>
  );
}

interface UnitSelectFieldProps<Field extends string> {
  name: Field;
  /** Where the field's words are (label, hint, editHint, placeholder), e.g. "units.fields.parentId". */
  texts: string;
  /** The hint for creating a record, or for changing one. */
  hint: 'hint' | 'editHint';
  form: FieldsForm<Field>;
  /** What is saved now, shown until something else was chosen. */
  saved?: string | null;
  /** The units to offer (unitOptions): a closed one is there only because it is the saved choice. */
  units: { id: string; label: string; active: boolean }[];
}

export function UnitSelectField<Field extends string>({ name, texts, hint, form, saved, units }: UnitSelectFieldProps<Field>) {
  const { t } = useTranslation('office-admin');
  return (
    <SelectField
      name={name}
      label={t(`${texts}.label`)}
      hint={t(`${texts}.${hint}`)}
      placeholder={t(`${texts}.placeholder`)}
      error={form.error(name)}
      defaultValue={form.value(name) ?? (saved === undefined ? undefined : (saved ?? ''))}
      options={units.map((unit) => ({ value: unit.id, label: unit.active ? unit.label : `${unit.label} · ${t('status.inactive')}` }))}
    />
  );
}
