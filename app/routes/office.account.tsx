// My account, inside the shell: who is signed in, and the way to change the password and to
// turn on two-step verification.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { db } from '../db.server.ts';
import { requiresSecondFactor } from '../domain/permissions.ts';
import type { Locale } from '../i18n/config.ts';
import { translatorFor } from '../i18n/translate.server.ts';
import { PRIVATE_PAGE_HEADERS } from '../portal-cookies.server.ts';
import { requireStaff } from '../staff-auth.server.ts';
import { useFormatDate } from '../ui/format.ts';

/** Recovery codes at or below this count get a warning. */
const FEW_RECOVERY_CODES = 3;

/** A notice after a change made on another page (?changed=…); anything else is ignored. */
const Changed = z.enum(['password', 'twoFactor']).nullable().catch(null);

function unitName(unit: { nameZhHans: string; nameZhHant: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? unit.nameEn : locale === 'zh-Hant' ? unit.nameZhHant : unit.nameZhHans;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const { locale, t } = await translatorFor(request);
  const user = await db().staffUser.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      totpEnabledAt: true,
      recoveryCodeHashes: true,
      unit: { select: { nameZhHans: true, nameZhHant: true, nameEn: true } },
    },
  });
  return data(
    {
      title: `${t('office-auth:account.title')} – ${t('office:shell.name')}`,
      changed: Changed.parse(new URL(request.url).searchParams.get('changed')),
      account: {
        name: actor.name,
        email: actor.email,
        role: actor.role,
        unit: user.unit ? unitName(user.unit, locale) : null,
        twoFactorRequired: requiresSecondFactor(actor.role),
        twoFactorSince: user.totpEnabledAt?.toISOString() ?? null,
        recoveryCodesLeft: user.recoveryCodeHashes.length,
      },
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

/** data() headers reach only data requests; the HTML page itself needs this to stay out of caches. */
export const headers: HeadersFunction = () => PRIVATE_PAGE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function AccountPage() {
  const { changed, account } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office-auth');
  const formatDate = useFormatDate();
  return (
    <div className="office-main--narrow">
      {changed ? (
        <div className="notice notice--success" role="status">
          {t(`account.notices.${changed}`)}
        </div>
      ) : null}
      <h1>{t('account.title')}</h1>

      <h2>{t('account.detailsTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>{t(`office:roles.${account.role}`)}</dd>
        </div>
        <div>
          <dt>{t('account.unit')}</dt>
          <dd>{account.unit ?? t('account.noUnit')}</dd>
        </div>
      </dl>
      <p className="field__hint">{t('account.detailsHint')}</p>

      <h2>{t('account.securityTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('account.password')}</dt>
          <dd>
            <Link to="/office/account/password">{t('account.changePassword')}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('account.twoFactor')}</dt>
          <dd>
            {account.twoFactorSince ? (
              t('account.twoFactorOn', { date: formatDate(account.twoFactorSince) })
            ) : (
              <>
                {t('account.twoFactorOff')}{' '}
                <Link to="/office/account/two-factor">{t('account.setUpTwoFactor')}</Link>
              </>
            )}
            {account.twoFactorRequired ? <span className="field__hint">{t('account.twoFactorRequired')}</span> : null}
          </dd>
        </div>
        {account.twoFactorSince ? (
          <div>
            <dt>{t('account.recoveryCodes')}</dt>
            <dd>
              <span data-testid="recovery-codes-left">{account.recoveryCodesLeft}</span>
              {account.recoveryCodesLeft <= FEW_RECOVERY_CODES ? (
                <span className="field__hint">{t('account.recoveryCodesFew')}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
