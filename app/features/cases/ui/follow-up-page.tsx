// The frame of the citizen's follow-up pages (rate, review, withdraw): the way back to the case,
// the error summary, the title, and the form, or why it cannot be sent now.
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormErrors, type FormErrors } from '#app/ui/use-form-errors.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';
import type { ReactNode } from 'react';

interface FollowUpPageProps<Field extends string> {
  /** The page's title and the case's reference (followUpLoader). */
  page: { title: string; receiptNo: string };
  /** Why the page offers no form now (follow-up:…), or null when it does. */
  notNow: string | null;
  /** The form's fields, in order: their messages are under follow-up:errors.<field>. */
  fields: readonly Field[];
  /** Above the form. */
  intro?: ReactNode;
  submit: string;
  children: (form: FormErrors<Field>) => ReactNode;
}

export function FollowUpPage<Field extends string>({ page, notNow, fields, intro, submit, children }: FollowUpPageProps<Field>) {
  const { t } = useTranslation('follow-up');
  // What the last post sent back (followUpAction): the problem of a refused form.
  const form = useFormErrors(useActionData<FormProblem<Field>>(), {
    fields,
    prefix: (field) => `follow-up:errors.${field}`,
    formPrefix: 'follow-up:errors',
  });
  return (
    <>
      <p>
        <Link to="/track/case">{t('back', { receiptNo: page.receiptNo })}</Link>
      </p>
      <ErrorSummary errors={form.summary} />
      <h1>{page.title}</h1>
      {notNow ? (
        <p>{t(notNow)}</p>
      ) : (
        <>
          {intro}
          <Form method="post" noValidate>
            {children(form)}
            <Button>{submit}</Button>
          </Form>
        </>
      )}
    </>
  );
}
