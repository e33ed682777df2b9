// Radios and checkboxes. react-aria renders real <input> elements inside their labels, so they
// submit with the form and work without JavaScript.
import { useRef, type ReactNode } from 'react';
import { Checkbox as AriaCheckbox, Radio, RadioGroup as AriaRadioGroup } from 'react-aria-components';
import { FieldHeading } from './field-heading.tsx';
import { fieldId } from './field-ids.ts';

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

interface RowCheckboxProps {
  name: string;
  value: string;
  /** The accessible name: "Select XF-2612-…". */
  label: string;
  isSelected: boolean;
  /** `extend` is true when Shift was held: the caller selects the range since the last box. */
  onChange: (selected: boolean, extend: boolean) => void;
  /** Mixed: some of the rows it stands for are ticked. */
  isIndeterminate?: boolean;
}

/**
 * A checkbox that picks a row of a table, its label read by screen readers only. It is a real
 * <input> in the form, so ticking rows works without JavaScript; with it, Shift extends the choice.
 */
export function RowCheckbox(props: RowCheckboxProps) {
  const shift = useRef(false);
  return (
    <span
      className="row-checkbox"
      onPointerDownCapture={(event) => {
        shift.current = event.shiftKey;
      }}
      onKeyDownCapture={(event) => {
        shift.current = event.shiftKey;
      }}
    >
      {/* slot={null}: a checkbox of our own, not the table's selection slot, which needs a selectable table. */}
      <AriaCheckbox
        slot={null}
        name={props.name}
        value={props.value}
        isSelected={props.isSelected}
        isIndeterminate={props.isIndeterminate}
        onChange={(selected) => props.onChange(selected, shift.current)}
        className="choice choice--checkbox choice--compact"
      >
        <span className="choice__mark" aria-hidden="true" />
        <span className="visually-hidden">{props.label}</span>
      </AriaCheckbox>
    </span>
  );
}
