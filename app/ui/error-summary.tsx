// GOV.UK's error summary: listed at the top, linked to each field, and focused when it appears
// so screen reader and keyboard users start from the problems. `autoFocus` also covers no-JS.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './field-ids.ts';

interface ErrorSummaryProps {
  errors: { field?: string; message: string }[];
}

export function ErrorSummary({ errors }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref} autoFocus>
      <h2 className="error-summary__title" id="error-summary-title">
        {t('errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.field ?? ''}${error.message}`}>
            {error.field ? <a href={`#${fieldId(error.field)}`}>{error.message}</a> : error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
