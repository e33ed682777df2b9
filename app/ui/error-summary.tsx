// GOV.UK's error summary: listed at the top, linked to each field, and focused when it appears
// so screen reader and keyboard users start from the problems. `autoFocus` also covers no-JS.
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './field-ids.ts';

interface ErrorSummaryProps {
  errors: { field?: string; message: string }[];
}

/**
 * With JavaScript, move focus to the field ourselves: following the #fragment would be a
 * navigation for the router, which drops the action data that holds the errors.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const label = field.closest('.field')?.querySelector('.field__label') ?? field;
  label.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

export function ErrorSummary({ errors }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Focus when the problems change, not on every re-render (a new array each time).
  const signature = errors.map((e) => `${e.field ?? ''}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} autoFocus>
      <h2 className="error-summary__title" id="error-summary-title">
        {t('errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => {
          const field = error.field;
          return (
            <li key={`${field ?? ''}${error.message}`}>
              {field ? (
                <a href={`#${fieldId(field)}`} onClick={(event) => focusField(event, fieldId(field))}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
