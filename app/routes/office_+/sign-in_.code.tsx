// The second step of signing in: a code from the authenticator app, or a recovery code.
// (Named `sign-in_` so that it is not nested inside the sign-in page's route.)
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { completeSecondFactor, currentSession, type StaffSession, officeRedirectTarget } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { OfficePlainPage } from '#app/ui/office-plain-page.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

/** What is still required after both factors (a one-time password to replace), else where the person was going. */
function nextStep(session: StaffSession, request: Request): string {
  if (session.actor.mustChangePassword) return '/office/account/password';
  return officeRedirectTarget(request) ?? '/office';
}

const CodeForm = z.object({
  // A TOTP code is 6 digits, a recovery code 10 characters with a hyphen; spaces are allowed.
  code: z.string('missing').trim().min(1, 'missing').max(64, 'invalid'),
});

/** Without a session waiting for its second factor, there is nothing to do here. */
async function pendingSession(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session) throw redirect('/office/sign-in', { headers: PRIVATE_PAGE_HEADERS });
  if (session.fullySignedIn) throw redirect(nextStep(session, request), { headers: PRIVATE_PAGE_HEADERS });
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await pendingSession(request);
  const { t } = await translatorFor(request);
  return data({ title: `${t('office-auth:code.title')} – ${t('office:shell.name')}` }, { headers: PRIVATE_PAGE_HEADERS });
}

/** data() headers reach only data requests; the HTML page itself needs this to stay out of caches. */
export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  await pendingSession(request);
  const parsed = CodeForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const error = z.flattenError(parsed.error).fieldErrors.code?.[0] ?? 'invalid';
    return data({ error }, { status: 400, headers: PRIVATE_PAGE_HEADERS });
  }
  // One answer for a wrong, reused or expired code and for too many attempts.
  if (!(await completeSecondFactor(request, parsed.data.code, context.clientIp))) {
    return data({ error: 'invalid' }, { status: 400, headers: PRIVATE_PAGE_HEADERS });
  }
  const session = await currentSession(request);
  if (!session) return redirect('/office/sign-in', { status: 303, headers: PRIVATE_PAGE_HEADERS });
  return redirect(nextStep(session, request), { status: 303, headers: PRIVATE_PAGE_HEADERS });
}

export default function SecondFactorPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const error = actionData?.error ? t(`code.errors.${actionData.error}`) : undefined;
  const submitting = navigation.state === 'submitting';
  return (
    <OfficePlainPage>
      <ErrorSummary errors={error ? [{ field: 'code', message: error }] : []} />
      <h1>{t('code.title')}</h1>
      <p>{t('code.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="code"
          label={t('code.fields.code.label')}
          hint={t('code.fields.code.hint')}
          error={error}
          autoComplete="one-time-code"
          spellCheck={false}
          width="medium"
        />
        <Button isDisabled={submitting}>{submitting ? t('code.submitting') : t('code.submit')}</Button>
      </Form>
      <h2>{t('code.lostTitle')}</h2>
      <p>{t('code.lostBody')}</p>
      <Form method="post" action="/office/sign-out" reloadDocument noValidate>
        <Button variant="secondary">{t('code.cancel')}</Button>
      </Form>
    </OfficePlainPage>
  );
}
