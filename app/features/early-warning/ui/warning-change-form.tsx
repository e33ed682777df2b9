// One of the warning page's two forms (record a response, change the level): a choice, a text and
// a button, posted with the version of the case that was read.
import { Form } from '@remix-run/react';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { WarningField } from '#app/features/early-warning/forms.ts';
import type { FormErrors } from '#app/ui/use-form-errors.ts';
import type { ReactNode } from 'react';

interface WarningChangeFormProps {
  intent: 'milestone' | 'override';
  version: number;
  title: string;
  /** What the form does, under its title. */
  lead?: ReactNode;
  choice: { name: WarningField; label: string; options: { value: string; label: string }[] };
  text: { name: WarningField; label: string; hint?: string };
  submit: string;
  form: FormErrors<WarningField>;
}

export function WarningChangeForm({ intent, version, title, lead, choice, text, submit, form }: WarningChangeFormProps) {
  return (
    <Form method="post">
      <h2>{title}</h2>
      {lead ? <p>{lead}</p> : null}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <RadioGroup {...choice} error={form.error(choice.name)} defaultValue={form.value(choice.name)} />
      <TextField {...text} error={form.error(text.name)} defaultValue={form.value(text.name)} multiline={{ maxLength: 2000, rows: 3 }} />
      <Button>{submit}</Button>
    </Form>
  );
}
