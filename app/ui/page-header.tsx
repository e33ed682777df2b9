// The top of a page with a form: the way back (if any), GOV.UK's error summary (first, so it takes the
// focus), an optional caption and the page's heading.
import { Link } from '@remix-run/react';
import { ErrorSummary } from './error-summary.tsx';
import type { SummaryEntry } from './use-form-errors.ts';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  back?: { to: string; label: string };
  errors?: SummaryEntry[];
  caption?: string;
  title: ReactNode;
}

export function PageHeader({ back, errors = [], caption, title }: PageHeaderProps) {
  return (
    <>
      {back ? (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {caption ? <p className="caption">{caption}</p> : null}
      <h1>{title}</h1>
    </>
  );
}
