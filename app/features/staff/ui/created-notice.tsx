// A new account's one-time password, shown once in the answer to the form that created it (never
// in a URL or a flash notice). Focused when it appears so nobody misses it.
import { Link } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedAccount } from '#app/features/staff/admin.server.ts';

export function CreatedNotice({ created }: { created: CreatedAccount }) {
  const { t } = useTranslation('office-admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [created.id]);
  return (
    <div className="notice notice--success" tabIndex={-1} ref={ref} aria-labelledby="created-title">
      <h2 id="created-title">{t('staff.create.created.title')}</h2>
      <p>
        {t('staff.create.created.body', { name: created.name, email: created.email, role: t(`roles.${created.role}`, { ns: 'office' }) })}
      </p>
      <p>
        {t('staff.create.created.passwordLabel')}
        <br />
        <span className="secret" data-testid="one-time-password">
          {created.oneTimePassword}
        </span>
      </p>
      <p className="warning-text">{t('staff.create.created.warning')}</p>
      <p>{t('staff.create.created.firstSignIn')}</p>
      <p>
        <Link to={`/office/staff/${created.id}`}>{t('staff.create.created.view', { name: created.name })}</Link>
      </p>
    </div>
  );
}
