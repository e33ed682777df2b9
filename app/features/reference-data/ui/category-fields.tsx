// The fields of a category that can change, for the admin pages that create and change one: the
// names, the unit that receives its cases by default and its place in the portal's list. (The
// page that creates one puts the code first.) Each error is tied to its own field.
import { TextField } from '#app/ui/text-field.tsx';
import { LocalizedNameFields, UnitSelectField, useFieldProps, type FieldsForm, type NameFieldName } from './reference-fields.tsx';
import type { CategoryEditField } from '#app/features/reference-data/categories.server.ts';

interface CategoryFieldsProps {
  form: FieldsForm<CategoryEditField>;
  units: { id: string; label: string; active: boolean }[];
  /** The saved category on its page; none on the page that creates one. */
  saved?: Record<NameFieldName, string> & { defaultUnitId: string | null; sortOrder: number };
  /** The position suggested for a new category. */
  nextSortOrder?: number;
}

export function CategoryFields({ form, units, saved, nextSortOrder }: CategoryFieldsProps) {
  const sortOrder = saved?.sortOrder ?? nextSortOrder;
  const field = useFieldProps('categories.fields', form, { sortOrder: sortOrder === undefined ? undefined : String(sortOrder) });
  return (
    <>
      <LocalizedNameFields form={form} saved={saved} />
      <UnitSelectField
        name="defaultUnitId"
        texts="categories.fields.defaultUnitId"
        hint={saved ? 'editHint' : 'hint'}
        form={form}
        saved={saved?.defaultUnitId}
        units={units}
      />
      <TextField {...field('sortOrder')} inputMode="numeric" autoComplete="off" width="short" />
    </>
  );
}
