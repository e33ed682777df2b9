// The buttons of the steps before the shell (a second factor, a new password, setting up two-step
// verification): submit, and either "cancel" back to My account or, when the step is required,
// signing out instead.
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';

/** Inside the step's form. `texts` holds submit, submitting and cancel (office-auth). */
export function StepSubmit({ texts, busy, required }: { texts: string; busy: boolean; required: boolean }) {
  const { t } = useTranslation('office-auth');
  return (
    <div className="actions">
      <Button isDisabled={busy}>{busy ? t(`${texts}.submitting`) : t(`${texts}.submit`)}</Button>
      {required ? null : (
        <Link to="/office/account" className="action-link">
          {t(`${texts}.cancel`)}
        </Link>
      )}
    </div>
  );
}

/** After the step's form: the way out when the step cannot be skipped. */
export function SignOutInstead({ label }: { label: string }) {
  return (
    <Form method="post" action="/office/sign-out" reloadDocument noValidate>
      <Button variant="secondary">{label}</Button>
    </Form>
  );
}
