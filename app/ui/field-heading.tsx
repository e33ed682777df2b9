// The top of every field: label, optional hint and the error, in GOV.UK's order, as plain HTML.
// The ids below tie the hint and the error to the control (aria-describedby), so a screen reader
// reads them with it, with or without JavaScript.
import type { ReactNode } from 'react';

interface FieldHeadingProps {
  /** The control's id (the group's, for radios, which have no single control). */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** The label of a group (radios), which names the group through aria-labelledby instead of `for`. */
  legend?: boolean;
}

export const fieldLabelId = (id: string) => `${id}-label`;
const hintId = (id: string) => `${id}-hint`;
export const fieldErrorId = (id: string) => `${id}-error`;

/** What the control's aria-describedby lists: its hint, then its error. */
export function fieldDescribedBy(id: string, parts: { hint?: ReactNode; error?: string }): string | undefined {
  const ids = [parts.hint ? hintId(id) : null, parts.error ? fieldErrorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldHeading({ id, label, hint, error, legend }: FieldHeadingProps) {
  return (
    <>
      {legend ? (
        <span className="field__label fieldset__legend" id={fieldLabelId(id)}>
          {label}
        </span>
      ) : (
        <label className="field__label" id={fieldLabelId(id)} htmlFor={id}>
          {label}
        </label>
      )}
      {hint ? (
        <span className="field__hint" id={hintId(id)}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={fieldErrorId(id)}>
          {error}
        </span>
      ) : null}
    </>
  );
}
