// The back-office pages that come before the shell: sign-in, the second factor, setting up
// two-step verification and the forced password change. No navigation, because nothing else is
// open yet; the office stylesheet, and never a copy in a cache.
import { Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;

export const headers = noStoreHeaders;

export default function OfficeSignInLayout() {
  const { t } = useTranslation('office');
  return (
    <div className="office">
      <header className="office-header">
        <span className="office-header__name">{t('shell.name')}</span>
      </header>
      <main id="main-content" className="office-main office-main--narrow" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
