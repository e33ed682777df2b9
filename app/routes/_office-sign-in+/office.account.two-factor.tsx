// Turning on two-step verification (TOTP): scan a QR code or type the key, prove it with a first
// code, then see the recovery codes once. Admins and supervisors are sent here until it is on.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '#app/features/staff/sign-in-forms.server.ts';
import { enableTwoFactorWithForm, twoFactorPage, type SetupView } from '#app/features/staff/two-factor.server.ts';
import { SignOutInstead, StepSubmit } from '#app/features/staff/ui/step-actions.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { noticeHeader } from '#app/platform/http/notice.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { PrintButton } from '#app/ui/print-button.tsx';
import { TextField } from '#app/ui/text-field.tsx';

const HERE = '/office/account/two-factor';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const session = await requireSignedIn(request, HERE);
  const { t } = await translatorFor(request);
  const page = await twoFactorPage(session, t('office-auth:twoFactor.issuer'));
  return {
    title: `${t(page.enabled ? 'office-auth:twoFactor.alreadyOnTitle' : 'office-auth:twoFactor.title')} – ${t('office:shell.name')}`,
    ...page,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** After a POST the page shows what the action returned; a new secret from the loader would only confuse. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? false : defaultShouldRevalidate;

interface ActionResult {
  error: string | null;
  setup: SetupView | null;
  recoveryCodes: string[] | null;
  continueTo: string | null;
}

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const session = await requireSignedIn(request, HERE);
  const { t } = await translatorFor(request);
  const outcome = await enableTwoFactorWithForm(session, await readForm(request), context.clientIp, t('office-auth:twoFactor.issuer'));
  if (!outcome.ok && outcome.alreadyOn) throw redirect('/office/account', { status: 303, headers: NO_STORE });
  if (!outcome.ok) {
    return data<ActionResult>(
      { error: outcome.error, setup: outcome.setup, recoveryCodes: null, continueTo: null },
      { status: 400, headers: NO_STORE },
    );
  }
  const headers = new Headers(NO_STORE);
  // Told on My account, when the person gets there after noting the codes.
  if (outcome.continueTo === '/office/account')
    headers.append('Set-Cookie', noticeHeader({ key: 'office-auth:account.notices.twoFactor' }));
  return data<ActionResult>(
    { error: null, setup: null, recoveryCodes: outcome.recoveryCodes, continueTo: outcome.continueTo },
    { headers },
  );
});

export default function TwoFactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('office-auth');

  if (actionData?.recoveryCodes && actionData.continueTo) {
    return <RecoveryCodes codes={actionData.recoveryCodes} continueTo={actionData.continueTo} />;
  }
  if (loaderData.enabled || !loaderData.setup) {
    return (
      <>
        <h1>{t('twoFactor.alreadyOnTitle')}</h1>
        <p>{t('twoFactor.alreadyOn')}</p>
        <p>
          <Link to="/office/account">{t('twoFactor.backToAccount')}</Link>
        </p>
      </>
    );
  }
  return <SetUp setup={actionData?.setup ?? loaderData.setup} error={actionData?.error ?? null} required={loaderData.required} />;
}

function SetUp({ setup, error, required }: { setup: SetupView; error: string | null; required: boolean }) {
  const navigation = useNavigation();
  const { t } = useTranslation('office-auth');
  const message = error ? t(`twoFactor.errors.${error}`) : undefined;
  const submitting = navigation.state === 'submitting';
  return (
    <>
      <ErrorSummary errors={message ? [{ field: 'code', message }] : []} />
      <h1>{t('twoFactor.title')}</h1>
      {required ? <p className="notice">{t('twoFactor.requiredNotice')}</p> : null}
      <p>{t('twoFactor.lead')}</p>

      <h2>{t('twoFactor.step1.title')}</h2>
      <p>{t('twoFactor.step1.body')}</p>

      <h2>{t('twoFactor.step2.title')}</h2>
      <p>{t('twoFactor.step2.body')}</p>
      <div className="qr-code" role="img" aria-label={t('twoFactor.step2.qrLabel')} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
      <h3>{t('twoFactor.manual.title')}</h3>
      <p>{t('twoFactor.manual.body')}</p>
      <p className="secret" data-testid="totp-key">
        {setup.key}
      </p>

      <h2>{t('twoFactor.step3.title')}</h2>
      <Form method="post" noValidate className="form">
        <input type="hidden" name="setup" value={setup.sealed} />
        <TextField
          name="code"
          label={t('twoFactor.fields.code.label')}
          hint={t('twoFactor.fields.code.hint')}
          error={message}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          width="short"
        />
        <StepSubmit texts="twoFactor" busy={submitting} required={required} />
      </Form>
      {required ? <SignOutInstead label={t('twoFactor.signOut')} /> : null}
    </>
  );
}

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const { t } = useTranslation('office-auth');
  const heading = useRef<HTMLHeadingElement>(null);
  // With JavaScript the page changes in place; start screen readers at the news.
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <div className="panel panel--confirmation">
        <h1 className="panel__title" tabIndex={-1} ref={heading}>
          {t('twoFactor.done.title')}
        </h1>
      </div>
      <section className="access-code" aria-labelledby="recovery-codes-title">
        <h2 id="recovery-codes-title">{t('twoFactor.done.codesTitle')}</h2>
        <p>{t('twoFactor.done.codesBody')}</p>
        <ol className="recovery-codes" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code} className="reference">
              {code}
            </li>
          ))}
        </ol>
        <p className="warning-text">{t('twoFactor.done.codesWarning')}</p>
      </section>
      <div className="actions">
        <PrintButton />
        <Link to={continueTo} className="button button--primary">
          {t('twoFactor.done.continue')}
        </Link>
      </div>
    </>
  );
}
