// Text fields that follow each other in a form, described as data: the page gives each field's
// words (label and hint, by name), the form its message and what was typed (use-form-errors.ts),
// and `initial` what to show before anything was typed (what is saved, a default).
import { TextField } from './text-field.tsx';
import type { FormErrors } from './use-form-errors.ts';
import type { ComponentProps } from 'react';

export type TextFieldSpec<Field extends string> = Omit<
  ComponentProps<typeof TextField>,
  'name' | 'label' | 'hint' | 'error' | 'defaultValue'
> & {
  name: Field;
  /** Whether the field has a hint. */
  hint?: boolean;
};

interface TextFieldListProps<Field extends string> {
  fields: readonly TextFieldSpec<Field>[];
  form: Pick<FormErrors<Field>, 'error' | 'value'>;
  label: (field: Field) => string;
  hint?: (field: Field) => string;
  initial?: Partial<Record<Field, string>>;
}

export function TextFieldList<Field extends string>({ fields, form, label, hint, initial }: TextFieldListProps<Field>) {
  return (
    <>
      {fields.map(({ name, hint: hinted, ...props }) => (
        <TextField
          key={name}
          {...props}
          name={name}
          label={label(name)}
          hint={hinted && hint ? hint(name) : undefined}
          error={form.error(name)}
          defaultValue={form.value(name) ?? initial?.[name]}
        />
      ))}
    </>
  );
}
