// Radios and checkboxes: native <input> elements inside their labels, so they submit with the form,
// show their state and take focus without JavaScript (ADR 0019). The input is visually hidden but
// stays in the form and the tab order; the mark beside it is drawn by CSS from its :checked and
// :focus-visible.
import { FieldHeading, fieldDescribedBy, fieldErrorId, fieldLabelId } from './field-heading.tsx';
import { fieldId } from './field-ids.ts';
import type { ReactNode } from 'react';

interface RadioGroupProps {
  name: string;
  /** Needed when several forms on a page have a field of the same name. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: ReactNode; hint?: ReactNode }[];
  inline?: boolean;
}

export function RadioGroup(props: RadioGroupProps) {
  const invalid = Boolean(props.error);
  const id = props.id ?? fieldId(props.name);
  const groupId = `${id}-group`;
  return (
    <div
      role="radiogroup"
      id={groupId}
      aria-labelledby={fieldLabelId(groupId)}
      aria-describedby={fieldDescribedBy(groupId, props)}
      aria-invalid={invalid || undefined}
      aria-orientation={props.inline ? 'horizontal' : 'vertical'}
      className={`field fieldset${invalid ? ' field--error' : ''}`}
    >
      <FieldHeading id={groupId} label={props.label} hint={props.hint} error={props.error} legend />
      <div className={`choices${props.inline ? ' choices--inline' : ''}`}>
        {props.options.map((option, index) => {
          // The first radio carries the field's id so the error summary can link to it.
          const radioId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <label key={option.value} className="choice">
              <input
                type="radio"
                className="choice__input visually-hidden"
                id={radioId}
                name={props.name}
                value={option.value}
                defaultChecked={props.defaultValue === option.value}
                aria-describedby={option.hint ? `${radioId}-hint` : undefined}
              />
              <span className="choice__mark" aria-hidden="true" />
              <span className="choice__text">
                {option.label}
                {option.hint ? (
                  <span className="choice__hint" id={`${radioId}-hint`}>
                    {option.hint}
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}

interface CheckboxProps {
  name: string;
  /** Needed when several checkboxes share a name (a list to choose from). */
  id?: string;
  value?: string;
  children: ReactNode;
  error?: string;
  defaultSelected?: boolean;
}

export function Checkbox(props: CheckboxProps) {
  const invalid = Boolean(props.error);
  const id = props.id ?? fieldId(props.name);
  return (
    <div className={`field${invalid ? ' field--error' : ''}`}>
      {invalid ? (
        <p className="field__error" id={fieldErrorId(id)}>
          {props.error}
        </p>
      ) : null}
      <label className="choice choice--checkbox">
        <input
          type="checkbox"
          className="choice__input visually-hidden"
          id={id}
          name={props.name}
          value={props.value ?? 'yes'}
          defaultChecked={props.defaultSelected}
          aria-invalid={invalid || undefined}
          aria-describedby={fieldDescribedBy(id, props)}
        />
        <span className="choice__mark" aria-hidden="true" />
        <span className="choice__text">{props.children}</span>
      </label>
    </div>
  );
}
