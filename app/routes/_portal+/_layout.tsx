import { Form, Link, Outlet, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '#app/i18n/config.ts';

// Each language is named in itself, so a reader finds theirs whatever the page's language.
const LANGUAGE_NAMES = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' } as const;

export default function PortalLayout() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__name">
            {t('layout.serviceName')}
          </Link>
          <Form method="post" action="/language" reloadDocument className="language-switcher" aria-label={t('layout.language')}>
            <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
            <ul>
              {LOCALES.map((locale) =>
                locale === i18n.language ? (
                  <li key={locale}>
                    <span lang={locale} aria-current="true" className="language-switcher__current">
                      {LANGUAGE_NAMES[locale]}
                    </span>
                  </li>
                ) : (
                  <li key={locale}>
                    <button type="submit" name="lng" value={locale} lang={locale} className="language-switcher__option">
                      {LANGUAGE_NAMES[locale]}
                    </button>
                  </li>
                ),
              )}
            </ul>
          </Form>
        </div>
        <nav className="site-nav" aria-label={t('layout.mainNav')}>
          <ul>
            <li>
              <Link to="/submit">{t('layout.nav.submit')}</Link>
            </li>
            <li>
              <Link to="/track">{t('layout.nav.track')}</Link>
            </li>
            <li>
              <Link to="/visits">{t('visits:nav')}</Link>
            </li>
            <li>
              <Link to="/notices">{t('notices:nav')}</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main-content" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <ul>
          <li>
            <Link to="/privacy">{t('layout.footer.privacy')}</Link>
          </li>
        </ul>
        <p>{t('layout.footer.statute')}</p>
      </footer>
    </>
  );
}
