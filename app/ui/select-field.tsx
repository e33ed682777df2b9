// A native <select>: unlike a JavaScript listbox, it works with scripts off and uses the
// phone's own picker. Labelled, with hint and error tied to it like every other field.
import { FieldHeading, fieldDescribedBy } from './field-heading.tsx';
import { fieldId } from './field-ids.ts';
import type { ReactNode } from 'react';

interface SelectFieldProps {
  name: string;
  /** Needed when a page has several forms with a field of the same name. */
  id?: string;
  label: ReactNode;
  placeholder: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  /** Told the chosen value when it changes (with JavaScript). */
  onChange?: (value: string) => void;
}

export function SelectField(props: SelectFieldProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <FieldHeading id={id} label={props.label} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? ''}
        onChange={props.onChange ? (event) => props.onChange?.(event.target.value) : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, props)}
        className="field__input field__select"
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
