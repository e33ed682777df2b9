// A list to tick several of, under one name (units, topics): a fieldset with its legend, hint and
// error. The first box carries the field's id, so the error summary can link to the list.
import { Checkbox } from './choice-fields.tsx';
import { fieldId } from './field-ids.ts';

interface CheckboxListProps {
  name: string;
  legend: string;
  hint: string;
  options: { value: string; label: string }[];
  selected: readonly string[];
  error?: string;
}

export function CheckboxList({ name, legend, hint, options, selected, error }: CheckboxListProps) {
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-group-error`;
  return (
    <fieldset className={`field fieldset${error ? ' field--error' : ''}`} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="field__label fieldset__legend">{legend}</legend>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option, index) => (
          <Checkbox
            key={option.value}
            name={name}
            id={index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`}
            value={option.value}
            defaultSelected={selected.includes(option.value)}
          >
            {option.label}
          </Checkbox>
        ))}
      </div>
    </fieldset>
  );
}
