// Radios and checkboxes. react-aria renders real <input> elements inside their labels, so they
// submit with the form and work without JavaScript.
import { Checkbox as AriaCheckbox, Radio, RadioGroup as AriaRadioGroup } from 'react-aria-components';
import { FieldHeading } from './field-heading.tsx';
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
  return (
    <AriaRadioGroup
      name={props.name}
      defaultValue={props.defaultValue || null}
      isInvalid={invalid}
      validationBehavior="aria"
      orientation={props.inline ? 'horizontal' : 'vertical'}
      className={`field fieldset${invalid ? ' field--error' : ''}`}
    >
      <FieldHeading label={props.label} hint={props.hint} error={props.error} legend />
      <div className={`choices${props.inline ? ' choices--inline' : ''}`}>
        {props.options.map((option, index) => (
          <Radio
            key={option.value}
            value={option.value}
            // The first radio carries the field's id so the error summary can link to it.
            id={index === 0 ? id : `${id}-${option.value}`}
            className="choice"
          >
            <span className="choice__mark" aria-hidden="true" />
            <span className="choice__text">
              {option.label}
              {option.hint ? <span className="choice__hint">{option.hint}</span> : null}
            </span>
          </Radio>
        ))}
      </div>
    </AriaRadioGroup>
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
  const errorId = `${id}-error`;
  return (
    <div className={`field${invalid ? ' field--error' : ''}`}>
      {invalid ? (
        <p className="field__error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <AriaCheckbox
        id={id}
        name={props.name}
        value={props.value ?? 'yes'}
        defaultSelected={props.defaultSelected}
        isInvalid={invalid}
        validationBehavior="aria"
        aria-describedby={invalid ? errorId : undefined}
        className="choice choice--checkbox"
      >
        <span className="choice__mark" aria-hidden="true" />
        <span className="choice__text">{props.children}</span>
      </AriaCheckbox>
    </div>
  );
}
