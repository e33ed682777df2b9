// An account's role and unit, for the admin forms that create an account and change one. Each
// error is tied to its own field.
import { useTranslation } from 'react-i18next';
import { useFieldProps } from '#app/features/reference-data/ui/reference-fields.tsx';
import { STAFF_ROLES } from '#app/features/staff/permissions.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

interface RoleAndUnitFieldsProps {
  form: Pick<FormErrors<'role' | 'unitId'>, 'error' | 'value'>;
  units: { id: string; name: string }[];
  /** The account's role and unit now, shown until something else was chosen; none for a new account. */
  saved?: { role: string; unitId: string | null };
}

export function RoleAndUnitFields({ form, units, saved }: RoleAndUnitFieldsProps) {
  const { t } = useTranslation('office-admin');
  const field = useFieldProps('staff.create.fields', form, saved && { role: saved.role, unitId: saved.unitId ?? '' });
  return (
    <>
      <RadioGroup
        {...field('role', { hint: false })}
        options={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`, { ns: 'office' }), hint: t(`roleHints.${role}`) }))}
      />
      <SelectField
        {...field('unitId')}
        placeholder={t('staff.create.fields.unitId.placeholder')}
        options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
      />
    </>
  );
}
