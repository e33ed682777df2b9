// The three name fields (Simplified Chinese, Traditional Chinese, English) that units and
// categories carry, for the admin forms. Each error is tied to its own field.
import { useTranslation } from 'react-i18next';
import { TextField } from '#app/ui/text-field.tsx';

export const NAME_FIELD_NAMES = ['nameZhHans', 'nameZhHant', 'nameEn'] as const;
export type NameFieldName = (typeof NAME_FIELD_NAMES)[number];

interface LocalizedNameFieldsProps {
  /** The form's messages and typed values (app/ui/use-form-errors.ts). */
  form: { error: (field: NameFieldName) => string | undefined; value: (field: NameFieldName) => string | undefined };
  /** What is saved now, shown until something else was typed. */
  saved?: Record<NameFieldName, string>;
}

export function LocalizedNameFields({ form, saved }: LocalizedNameFieldsProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      {NAME_FIELD_NAMES.map((name) => (
        <TextField
          key={name}
          name={name}
          label={t(`referenceData.fields.${name}.label`)}
          hint={t(`referenceData.fields.${name}.hint`)}
          error={form.error(name)}
          defaultValue={form.value(name) ?? saved?.[name]}
          autoComplete="off"
        />
      ))}
    </>
  );
}
