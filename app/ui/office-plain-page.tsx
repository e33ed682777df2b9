// The frame of the back-office pages that come before the shell: sign-in, the second factor and
// the forced password change. No navigation, because nothing else is open yet.
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

export function OfficePlainPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation('office');
  return (
    <div className="office">
      <header className="office-header">
        <span className="office-header__name">{t('shell.name')}</span>
      </header>
      <main id="main-content" className="office-main office-main--narrow" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
