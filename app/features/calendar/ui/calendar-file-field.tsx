// The file input of the calendar import: one .csv or .ics file, posted as a plain multipart form
// (it works without JavaScript) under the upload forms' field name, so the attachments' streaming
// reader and its caps read it. Markup and classes as the other form fields (GOV.UK's file upload).
import { FILES_FIELD } from '#app/features/attachments/rules.ts';
import { fieldId } from '#app/ui/field-ids.ts';

interface CalendarFileFieldProps {
  label: string;
  hint: string;
  error: string | undefined;
}

export function CalendarFileField({ label, hint, error }: CalendarFileFieldProps) {
  const id = fieldId(FILES_FIELD);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {hint}
      </span>
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <input
        id={id}
        name={FILES_FIELD}
        type="file"
        accept=".csv,.ics,text/csv,text/calendar"
        className="field__input"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
