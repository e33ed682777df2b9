// Text inputs and text areas with a visible label, an optional hint and an error tied to the
// field (aria-describedby, aria-invalid): native elements, which need no script to work (ADR 0019).
import { CharacterCount } from './character-count.tsx';
import { FieldHeading, fieldDescribedBy } from './field-heading.tsx';
import { fieldId } from './field-ids.ts';
import type { ReactNode } from 'react';

interface TextFieldProps {
  name: string;
  /** Needed when a page has several forms with a field of the same name. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  spellCheck?: boolean;
  width?: 'full' | 'medium' | 'short';
  /** Renders a text area with a character count (live with JavaScript, a plain limit without). */
  multiline?: { maxLength: number; rows?: number };
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const id = props.id ?? fieldId(props.name);
  const invalid = Boolean(props.error);
  const control = {
    id,
    name: props.name,
    defaultValue: props.defaultValue,
    spellCheck: props.spellCheck,
    'aria-describedby': fieldDescribedBy(id, props),
    'aria-invalid': invalid || undefined,
  };
  return (
    <div className={`field${invalid ? ' field--error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <FieldHeading id={id} label={props.label} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <>
          <textarea {...control} className="field__input field__textarea" rows={props.multiline.rows ?? 8} />
          <CharacterCount fieldId={id} maxLength={props.multiline.maxLength} initialLength={props.defaultValue?.length ?? 0} />
        </>
      ) : (
        <input
          {...control}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          className={`field__input field__input--${props.width ?? 'full'}`}
        />
      )}
    </div>
  );
}

/**
 * A code or reference copied from paper or an email (a receipt number, an access code, a unit's
 * code): no autofill, no spelling check, medium width.
 */
export function CodeField(props: Omit<TextFieldProps, 'autoComplete' | 'spellCheck' | 'width' | 'multiline'>) {
  return <TextField {...props} autoComplete="off" spellCheck={false} width="medium" />;
}
