// The second step of signing in: a code from the authenticator app, or a recovery code.
// (Named `sign-in_` so that it is not nested inside the sign-in page's route.)
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePendingSignIn, secondFactorWithForm } from '#app/features/staff/sign-in-forms.server.ts';
import { SignOutInstead } from '#app/features/staff/ui/step-actions.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  await requirePendingSignIn(request);
  const { t } = await translatorFor(request);
  return { title: `${t('office-auth:code.title')} – ${t('office:shell.name')}` };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  await requirePendingSignIn(request);
  const outcome = await secondFactorWithForm(request, await readForm(request), context.clientIp);
  if (!outcome.ok) {
    const { status, ...problem } = outcome;
    return data(problem, { status, headers: NO_STORE });
  }
  return redirect(outcome.redirectTo, { status: 303, headers: NO_STORE });
});

export default function SecondFactorPage() {
  const form = useFormErrors(useActionData<typeof action>(), { fields: ['code'], prefix: () => 'office-auth:code.errors' });
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const submitting = navigation.state === 'submitting';
  return (
    <>
      <ErrorSummary errors={form.summary} />
      <h1>{t('code.title')}</h1>
      <p>{t('code.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="code"
          label={t('code.fields.code.label')}
          hint={t('code.fields.code.hint')}
          error={form.error('code')}
          autoComplete="one-time-code"
          spellCheck={false}
          width="medium"
        />
        <Button isDisabled={submitting}>{submitting ? t('code.submitting') : t('code.submit')}</Button>
      </Form>
      <h2>{t('code.lostTitle')}</h2>
      <p>{t('code.lostBody')}</p>
      <SignOutInstead label={t('code.cancel')} />
    </>
  );
}
