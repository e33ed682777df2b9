// A checkbox that picks a row of the queue's table, with Shift to extend the choice: react-aria's
// Checkbox, for its mixed (indeterminate) state and its press handling. The portal's plain
// checkboxes and radios are in choice-fields.tsx.
import { useRef } from 'react';
import { Checkbox as AriaCheckbox } from 'react-aria-components';

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
