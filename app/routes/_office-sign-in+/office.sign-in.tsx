// Staff sign-in: email and password. The next step (second factor, setting one up, a forced
// password change) comes from the sign-in; a failure never says whether the account exists.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { signInWithForm, type SignInField } from '#app/features/staff/sign-in-forms.server.ts';
import { currentSession, officeRedirectTarget, sessionCookie } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const session = await currentSession(request);
  if (session?.fullySignedIn) throw redirect(officeRedirectTarget(request) ?? '/office', { headers: NO_STORE });
  const { t } = await translatorFor(request);
  return { title: `${t('office-auth:signIn.title')} – ${t('office:shell.name')}` };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await signInWithForm(request, await readForm(request), context.clientIp);
  if (!outcome.ok) {
    const { status, ...problem } = outcome;
    return data(problem, { status, headers: NO_STORE });
  }
  return redirect(outcome.redirectTo, { status: 303, headers: { ...NO_STORE, 'Set-Cookie': sessionCookie(outcome.token) } });
});

const FIELDS: readonly SignInField[] = ['email', 'password'];

export default function SignInPage() {
  const problem = useActionData<typeof action>();
  const form = useFormErrors(problem, {
    fields: FIELDS,
    prefix: () => 'office-auth:signIn.errors',
    formPrefix: 'office-auth:signIn.errors',
  });
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={form.summary} />
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="email"
          type="email"
          label={t('signIn.fields.email.label')}
          error={form.error('email')}
          defaultValue={form.value('email')}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          width="medium"
        />
        <TextField
          type="password"
          width="medium"
          spellCheck={false}
          name="password"
          label={t('signIn.fields.password.label')}
          error={form.error('password')}
          autoComplete="current-password"
        />
        <Button isDisabled={submitting}>{submitting ? t('signIn.submitting') : t('signIn.submit')}</Button>
      </Form>
      <h2>{t('signIn.helpTitle')}</h2>
      <p>{t('signIn.helpBody')}</p>
    </>
  );
}
