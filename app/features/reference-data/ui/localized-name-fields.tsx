// The three name fields (Simplified Chinese, Traditional Chinese, English) that units and
// categories carry, for the admin forms. Each error is tied to its own field.
import { useTranslation } from 'react-i18next';
import { TextField } from '#app/ui/text-field.tsx';

export const NAME_FIELD_NAMES = ['nameZhHans', 'nameZhHant', 'nameEn'] as const;
export type NameFieldName = (typeof NAME_FIELD_NAMES)[number];

interface LocalizedNameFieldsProps {
  /** Translated error message of each field, if any. */
  errors: Partial<Record<NameFieldName, string>>;
  values: Partial<Record<NameFieldName, string>>;
}

export function LocalizedNameFields({ errors, values }: LocalizedNameFieldsProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      {NAME_FIELD_NAMES.map((name) => (
        <TextField
          key={name}
          name={name}
          label={t(`referenceData.fields.${name}.label`)}
          hint={t(`referenceData.fields.${name}.hint`)}
          error={errors[name]}
          defaultValue={values[name]}
          autoComplete="off"
        />
      ))}
    </>
  );
}
