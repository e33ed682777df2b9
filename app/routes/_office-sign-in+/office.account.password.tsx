// Change password: by choice from the account page, or forced after a one-time password. It is
// outside the shell because requireStaff sends people here before anything else is open.
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_FIELDS, PASSWORD_MAX_LENGTH, changePasswordWithForm } from '#app/features/staff/password-change.server.ts';
import { PASSWORD_MIN_LENGTH } from '#app/features/staff/passwords.server.ts';
import { afterPasswordChange } from '#app/features/staff/permissions.ts';
import { requireSignedIn } from '#app/features/staff/sign-in-forms.server.ts';
import { SignOutInstead, StepSubmit } from '#app/features/staff/ui/step-actions.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const HERE = '/office/account/password';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireSignedIn(request, HERE);
  const { t } = await translatorFor(request);
  const forced = session.actor.mustChangePassword;
  return {
    title: `${t(forced ? 'office-auth:password.forcedTitle' : 'office-auth:password.title')} – ${t('office:shell.name')}`,
    forced,
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requireSignedIn(request, HERE);
  // The first change (a one-time password replaced) leads to the day's work, not back to My account.
  const next = afterPasswordChange(session.actor, session.actor.mustChangePassword);
  return respond(await changePasswordWithForm(session, await readForm(request), context.clientIp), next);
});

export default function PasswordPage() {
  const { forced, minLength, maxLength } = useLoaderData<typeof loader>();
  const form = useFormErrors(useActionData<typeof action>(), {
    fields: PASSWORD_FIELDS,
    prefix: () => 'office-auth:password.errors',
    formPrefix: 'office-auth:password.errors',
    messageValues: { min: minLength, max: maxLength },
  });
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={form.summary} />
      <h1>{forced ? t('password.forcedTitle') : t('password.title')}</h1>
      {forced ? <p className="notice">{t('password.forcedLead')}</p> : null}
      <Form method="post" noValidate className="form">
        <TextField
          type="password"
          width="medium"
          spellCheck={false}
          name="currentPassword"
          label={t('password.fields.currentPassword.label')}
          hint={forced ? t('password.fields.currentPassword.forcedHint') : undefined}
          error={form.error('currentPassword')}
          autoComplete="current-password"
        />
        <TextField
          type="password"
          width="medium"
          spellCheck={false}
          name="newPassword"
          label={t('password.fields.newPassword.label')}
          hint={t('password.fields.newPassword.hint', { min: minLength })}
          error={form.error('newPassword')}
          autoComplete="new-password"
        />
        <TextField
          type="password"
          width="medium"
          spellCheck={false}
          name="confirmPassword"
          label={t('password.fields.confirmPassword.label')}
          error={form.error('confirmPassword')}
          autoComplete="new-password"
        />
        <StepSubmit texts="password" busy={submitting} required={forced} />
      </Form>
      {forced ? <SignOutInstead label={t('password.signOut')} /> : null}
    </>
  );
}
