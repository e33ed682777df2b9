// Turning on two-step verification (TOTP): scan a QR code or type the key, prove it with a first
// code, then see the recovery codes once. Admins and supervisors are sent here until it is on.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { StaffAccountError, enableTotp, newTotpSecret } from '#app/features/staff/accounts.server.ts';
import { requiresSecondFactor } from '#app/features/staff/permissions.ts';
import { currentSession, type StaffSession } from '#app/features/staff/sign-in.server.ts';
import { otpauthUri } from '#app/features/staff/totp.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { seal, unseal } from '#app/platform/crypto/keys.server.ts';
import { noticeHeader } from '#app/platform/http/notice.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { OfficePlainPage } from '#app/ui/office-plain-page.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { PrintButton } from '#app/ui/print-button.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

/** How long a page's secret stays usable: enough to install an app, short enough not to linger. */
const SETUP_TTL_MS = 30 * 60 * 1000;

/**
 * The secret travels in a hidden field, sealed with the server's key and bound to the account and
 * a time, so the browser can neither read it from the field, choose it nor reuse another's.
 */
const SealedSetup = z.object({
  userId: z.string(),
  secret: z.string().regex(/^[A-Z2-7]{16,128}$/),
  issuedAt: z.number().int(),
});

function sealSetup(userId: string, secret: string, now = Date.now()): string {
  return seal(JSON.stringify({ userId, secret, issuedAt: now } satisfies z.infer<typeof SealedSetup>));
}

function openSetup(sealed: string, userId: string, now = Date.now()): string | null {
  const plain = unseal(sealed);
  if (!plain) return null;
  let json: unknown;
  try {
    json = JSON.parse(plain);
  } catch {
    return null;
  }
  const parsed = SealedSetup.safeParse(json);
  if (!parsed.success || parsed.data.userId !== userId) return null;
  const age = now - parsed.data.issuedAt;
  return age >= -60_000 && age <= SETUP_TTL_MS ? parsed.data.secret : null;
}

interface SetupView {
  sealed: string;
  /** Server-generated SVG markup of the otpauth:// URI (no user input in it but the account's email). */
  qrSvg: string;
  /** The key in groups of four, for typing into an app by hand. */
  key: string;
}

async function setupView(secret: string, sealed: string, account: string, issuer: string): Promise<SetupView> {
  // Imported here rather than at the top, so that it stays out of the browser's bundle.
  const { toString } = await import('qrcode');
  const qrSvg = await toString(otpauthUri(secret, account, issuer), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { sealed, qrSvg, key: secret.match(/.{1,4}/g)?.join(' ') ?? secret };
}

async function freshSetup(session: StaffSession, issuer: string): Promise<SetupView> {
  const secret = newTotpSecret();
  return await setupView(secret, sealSetup(session.actor.id, secret), session.actor.email, issuer);
}

async function signedInSession(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session)
    throw redirect(`/office/sign-in?redirectTo=${encodeURIComponent('/office/account/two-factor')}`, { headers: PRIVATE_PAGE_HEADERS });
  if (!session.fullySignedIn) throw redirect('/office/sign-in/code', { headers: PRIVATE_PAGE_HEADERS });
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await signedInSession(request);
  const { t } = await translatorFor(request);
  const enabled = session.actor.totpEnabled;
  return data(
    {
      title: `${t(enabled ? 'office-auth:twoFactor.alreadyOnTitle' : 'office-auth:twoFactor.title')} – ${t('office:shell.name')}`,
      required: requiresSecondFactor(session.actor.role),
      enabled,
      // Already on: nothing to set up (changing the phone goes through an administrator).
      setup: enabled ? null : await freshSetup(session, t('office-auth:twoFactor.issuer')),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

/** data() headers reach only data requests; the HTML page itself needs this to stay out of caches. */
export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** After a POST the page shows what the action returned; a new secret from the loader would only confuse. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? false : defaultShouldRevalidate;

const CodeField = z
  .string('missing')
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'missing')
      .regex(/^\d{6}$/, 'format'),
  );

interface ActionResult {
  error: string | null;
  setup: SetupView | null;
  recoveryCodes: string[] | null;
  continueTo: string | null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await signedInSession(request);
  if (session.actor.totpEnabled) return redirect('/office/account', { status: 303, headers: PRIVATE_PAGE_HEADERS });
  const { t } = await translatorFor(request);
  const issuer = t('office-auth:twoFactor.issuer');
  const form = Object.fromEntries(await request.formData());
  const fail = (error: string, setup: SetupView) =>
    data<ActionResult>({ error, setup, recoveryCodes: null, continueTo: null }, { status: 400, headers: PRIVATE_PAGE_HEADERS });

  const sealed = z.string().max(2000).safeParse(form.setup);
  const secret = sealed.success ? openSetup(sealed.data, session.actor.id) : null;
  // Expired or tampered with: start again with a new secret rather than trust the field.
  if (!sealed.success || !secret) return fail('expired', await freshSetup(session, issuer));
  const sameSetup = await setupView(secret, sealed.data, session.actor.email, issuer);

  const code = CodeField.safeParse(form.code);
  if (!code.success) return fail(code.error.issues[0]?.message ?? 'missing', sameSetup);

  let recoveryCodes: string[];
  try {
    recoveryCodes = await enableTotp(session.actor.id, secret, code.data, context.clientIp);
  } catch (error) {
    if (error instanceof StaffAccountError && error.code === 'badCode') return fail('wrong', sameSetup);
    if (error instanceof StaffAccountError && error.code === 'alreadyEnabled') throw redirect('/office/account');
    throw error;
  }
  const continueTo = session.actor.mustChangePassword
    ? '/office/account/password'
    : requiresSecondFactor(session.actor.role)
      ? '/office'
      : '/office/account';
  const headers = new Headers(PRIVATE_PAGE_HEADERS);
  if (continueTo === '/office/account') headers.append('Set-Cookie', noticeHeader({ key: 'office-auth:account.notices.twoFactor' }));
  return data<ActionResult>({ error: null, setup: null, recoveryCodes, continueTo }, { headers });
}

export default function TwoFactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('office-auth');

  if (actionData?.recoveryCodes && actionData.continueTo) {
    return <RecoveryCodes codes={actionData.recoveryCodes} continueTo={actionData.continueTo} />;
  }
  if (loaderData.enabled || !loaderData.setup) {
    return (
      <OfficePlainPage>
        <h1>{t('twoFactor.alreadyOnTitle')}</h1>
        <p>{t('twoFactor.alreadyOn')}</p>
        <p>
          <Link to="/office/account">{t('twoFactor.backToAccount')}</Link>
        </p>
      </OfficePlainPage>
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
    <OfficePlainPage>
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
        <div className="actions">
          <Button isDisabled={submitting}>{submitting ? t('twoFactor.submitting') : t('twoFactor.submit')}</Button>
          {required ? null : (
            <Link to="/office/account" className="action-link">
              {t('twoFactor.cancel')}
            </Link>
          )}
        </div>
      </Form>
      {required ? (
        <Form method="post" action="/office/sign-out" reloadDocument noValidate>
          <Button variant="secondary">{t('twoFactor.signOut')}</Button>
        </Form>
      ) : null}
    </OfficePlainPage>
  );
}

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const { t } = useTranslation('office-auth');
  const heading = useRef<HTMLHeadingElement>(null);
  // With JavaScript the page changes in place; start screen readers at the news.
  useEffect(() => heading.current?.focus(), []);
  return (
    <OfficePlainPage>
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
    </OfficePlainPage>
  );
}
