// Staff sign-in: email and password. The next step (second factor, setting one up, a forced
// password change) comes from signIn; a failure never says whether the account exists.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { currentSession, sessionCookie, signIn, officeRedirectTarget } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { OfficePlainPage } from '#app/ui/office-plain-page.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

/** Longer than any real password: refused before hashing, so a huge body costs no argon2 time. */
const PASSWORD_INPUT_MAX = 1024;

const SignInForm = z.object({
  email: z.string('emailMissing').trim().min(1, 'emailMissing').max(254, 'emailFormat').pipe(z.email('emailFormat')),
  password: z.string('passwordMissing').min(1, 'passwordMissing'),
});

type FieldErrors = { email?: string; password?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  if (session?.fullySignedIn) throw redirect(officeRedirectTarget(request) ?? '/office', { headers: PRIVATE_PAGE_HEADERS });
  const { t } = await translatorFor(request);
  return data({ title: `${t('office-auth:signIn.title')} – ${t('office:shell.name')}` }, { headers: PRIVATE_PAGE_HEADERS });
}

/** data() headers reach only data requests; the HTML page itself needs this to stay out of caches. */
export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const raw = Object.fromEntries(await request.formData());
  const email = typeof raw.email === 'string' ? raw.email.trim().slice(0, 254) : '';
  const fail = (status: number, fieldErrors: FieldErrors, formError: 'invalid' | 'rateLimited' | null = null) =>
    data({ email, fieldErrors, formError }, { status, headers: PRIVATE_PAGE_HEADERS });

  const parsed = SignInForm.safeParse(raw);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return fail(400, { email: fieldErrors.email?.[0], password: fieldErrors.password?.[0] });
  }
  if (parsed.data.password.length > PASSWORD_INPUT_MAX) return fail(400, {}, 'invalid');

  const result = await signIn(parsed.data.email, parsed.data.password, {
    ipAddress: context.clientIp,
    userAgent: request.headers.get('User-Agent'),
  });
  if (!result.ok) return fail(result.reason === 'rateLimited' ? 429 : 400, {}, result.reason);

  const after = officeRedirectTarget(request);
  const destination = {
    secondFactor: `/office/sign-in/code${after ? `?redirectTo=${encodeURIComponent(after)}` : ''}`,
    enrolSecondFactor: '/office/account/two-factor',
    changePassword: '/office/account/password',
    done: after ?? '/office',
  }[result.next];
  return redirect(destination, { status: 303, headers: { ...PRIVATE_PAGE_HEADERS, 'Set-Cookie': sessionCookie(result.token) } });
}

export default function SignInPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const formError = actionData?.formError;
  const fieldErrors: FieldErrors = actionData?.fieldErrors ?? {};
  const emailError = fieldErrors.email
    ? t(`signIn.errors.${fieldErrors.email}`)
    : formError === 'invalid'
      ? t('signIn.errors.invalid')
      : undefined;
  const passwordError = fieldErrors.password ? t(`signIn.errors.${fieldErrors.password}`) : undefined;
  const summary = [
    ...(formError === 'rateLimited' ? [{ message: t('signIn.errors.rateLimited') }] : []),
    ...(emailError ? [{ field: 'email', message: emailError }] : []),
    ...(passwordError ? [{ field: 'password', message: passwordError }] : []),
  ];
  const submitting = navigation.state === 'submitting';

  return (
    <OfficePlainPage>
      <ErrorSummary errors={summary} />
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="email"
          type="email"
          label={t('signIn.fields.email.label')}
          error={emailError}
          defaultValue={actionData?.email}
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
          error={passwordError}
          autoComplete="current-password"
        />
        <Button isDisabled={submitting}>{submitting ? t('signIn.submitting') : t('signIn.submit')}</Button>
      </Form>
      <h2>{t('signIn.helpTitle')}</h2>
      <p>{t('signIn.helpBody')}</p>
    </OfficePlainPage>
  );
}
