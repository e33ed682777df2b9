// Change password: by choice from the account page, or forced after a one-time password. It is
// outside the shell because requireStaff sends people here before anything else is open.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { StaffAccountError, changePassword } from '#app/features/staff/accounts.server.ts';
import { PASSWORD_MIN_LENGTH } from '#app/features/staff/passwords.server.ts';
import { currentSession, type StaffSession } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { redirectWithNotice } from '#app/platform/http/notice.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { OfficePlainPage } from '#app/ui/office-plain-page.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

/** passwordProblem's upper limit, for the message. */
const PASSWORD_MAX_LENGTH = 256;
/** Longer input is refused before any hashing. */
const PASSWORD_INPUT_MAX = 1024;
const ATTEMPTS_PER_WINDOW = 10;
const ATTEMPT_WINDOW_SECONDS = 15 * 60;

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

const PasswordForm = z.object({
  currentPassword: z.string('currentMissing').min(1, 'currentMissing').max(PASSWORD_INPUT_MAX, 'wrongPassword'),
  newPassword: z.string('newMissing').min(1, 'newMissing').max(PASSWORD_INPUT_MAX, 'weak.tooLong'),
  confirmPassword: z.string('confirmMissing').min(1, 'confirmMissing').max(PASSWORD_INPUT_MAX, 'mismatch'),
});

const WeakDetail = z.enum(['tooShort', 'tooLong', 'containsEmail', 'tooSimple', 'sameAsOld']).catch('tooSimple');

async function signedInSession(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session)
    throw redirect(`/office/sign-in?redirectTo=${encodeURIComponent('/office/account/password')}`, { headers: PRIVATE_PAGE_HEADERS });
  if (!session.fullySignedIn) throw redirect('/office/sign-in/code', { headers: PRIVATE_PAGE_HEADERS });
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await signedInSession(request);
  const { t } = await translatorFor(request);
  const forced = session.actor.mustChangePassword;
  return data(
    {
      title: `${t(forced ? 'office-auth:password.forcedTitle' : 'office-auth:password.title')} – ${t('office:shell.name')}`,
      forced,
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

/** data() headers reach only data requests; the HTML page itself needs this to stay out of caches. */
export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await signedInSession(request);
  const raw = Object.fromEntries(await request.formData());
  const fail = (status: number, errors: FieldErrors, formError: 'tooMany' | null = null) =>
    data({ errors, formError }, { status, headers: PRIVATE_PAGE_HEADERS });

  const parsed = PasswordForm.safeParse(raw);
  const mismatch =
    typeof raw.newPassword === 'string' &&
    typeof raw.confirmPassword === 'string' &&
    raw.confirmPassword !== '' &&
    raw.newPassword !== raw.confirmPassword;
  if (!parsed.success || mismatch) {
    const fieldErrors: Partial<Record<Field, string[]>> = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
    return fail(400, {
      currentPassword: fieldErrors.currentPassword?.[0],
      newPassword: fieldErrors.newPassword?.[0],
      confirmPassword: fieldErrors.confirmPassword?.[0] ?? (mismatch ? 'mismatch' : undefined),
    });
  }

  // A stolen session must not become a way to guess the password at leisure.
  const limit = await consumeRateLimit(`password-change:${session.actor.id}`, ATTEMPTS_PER_WINDOW, ATTEMPT_WINDOW_SECONDS);
  if (!limit.allowed) return fail(429, {}, 'tooMany');

  try {
    await changePassword(session.actor.id, parsed.data.currentPassword, parsed.data.newPassword, {
      sessionId: session.sessionId,
      ipAddress: context.clientIp,
    });
  } catch (error) {
    if (error instanceof StaffAccountError && error.code === 'wrongPassword') return fail(400, { currentPassword: 'wrongPassword' });
    if (error instanceof StaffAccountError && error.code === 'weakPassword') {
      return fail(400, { newPassword: `weak.${WeakDetail.parse(error.detail)}` });
    }
    throw error;
  }
  return redirectWithNotice('/office/account', { key: 'office-auth:account.notices.password' });
}

export default function PasswordPage() {
  const { forced, minLength, maxLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const errors: FieldErrors = actionData?.errors ?? {};
  const error = (field: Field) => {
    const key = errors[field];
    return key ? t(`password.errors.${key}`, { min: minLength, max: maxLength }) : undefined;
  };
  const summary = [
    ...(actionData?.formError ? [{ message: t(`password.errors.${actionData.formError}`) }] : []),
    ...FIELDS.flatMap((field) => {
      const message = error(field);
      return message ? [{ field, message }] : [];
    }),
  ];
  const submitting = navigation.state === 'submitting';

  return (
    <OfficePlainPage>
      <ErrorSummary errors={summary} />
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
          error={error('currentPassword')}
          autoComplete="current-password"
        />
        <TextField
          type="password"
          width="medium"
          spellCheck={false}
          name="newPassword"
          label={t('password.fields.newPassword.label')}
          hint={t('password.fields.newPassword.hint', { min: minLength })}
          error={error('newPassword')}
          autoComplete="new-password"
        />
        <TextField
          type="password"
          width="medium"
          spellCheck={false}
          name="confirmPassword"
          label={t('password.fields.confirmPassword.label')}
          error={error('confirmPassword')}
          autoComplete="new-password"
        />
        <div className="actions">
          <Button isDisabled={submitting}>{submitting ? t('password.submitting') : t('password.submit')}</Button>
          {forced ? null : (
            <Link to="/office/account" className="action-link">
              {t('password.cancel')}
            </Link>
          )}
        </div>
      </Form>
      {forced ? (
        <Form method="post" action="/office/sign-out" reloadDocument noValidate>
          <Button variant="secondary">{t('password.signOut')}</Button>
        </Form>
      ) : null}
    </OfficePlainPage>
  );
}
