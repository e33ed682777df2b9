// A native <select>: unlike a JavaScript listbox, it works with scripts off and uses the
// phone's own picker. Labelled, with hint and error tied to it like every other field.
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
}

export function SelectField(props: SelectFieldProps) {
  const id = props.id ?? fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint ? (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? ''}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
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
