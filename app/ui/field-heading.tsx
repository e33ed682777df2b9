// The top of every react-aria field: label, optional hint and the error, in GOV.UK's order.
// react-aria ties the hint and the error to the input with aria-describedby.
import { FieldError, Label, Text } from 'react-aria-components';
import type { ReactNode } from 'react';

interface FieldHeadingProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Styles the label as a group's legend (radio groups). */
  legend?: boolean;
}

export function FieldHeading({ label, hint, error, legend }: FieldHeadingProps) {
  return (
    <>
      <Label className={`field__label${legend ? ' fieldset__legend' : ''}`}>{label}</Label>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field__error">{error}</FieldError>
    </>
  );
}
