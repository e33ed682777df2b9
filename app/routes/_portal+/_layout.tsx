// The citizen portal's frame: the service's name, the language switcher, the main navigation, the
// status area that shows a flash notice once (files added, …) and the footer. Cheap on purpose: it
// reads a cookie and touches no database. It exports no `headers`: public pages (/, /privacy) stay
// cacheable, and each private page says no-store itself.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '#app/i18n/config.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { takeNotice } from '#app/platform/http/notice.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { LayoutMain } from '#app/ui/layout-main.tsx';

/** The notice belongs to the page after a change, so the frame reloads with every page. */
export const shouldRevalidate = () => true;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t } = await translatorFor(request);
  const { notice, headers } = takeNotice(request);
  return data({ notice: notice ? t(notice.key, notice.values) : null }, { headers });
});

// Each language is named in itself, so a reader finds theirs whatever the page's language.
const LANGUAGE_NAMES = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' } as const;

const NAV = [
  { to: '/submit', label: 'layout.nav.submit' },
  { to: '/track', label: 'layout.nav.track' },
  { to: '/visits', label: 'visits:nav' },
  { to: '/notices', label: 'notices:nav' },
] as const;

export default function PortalLayout() {
  const { notice } = useLoaderData<typeof loader>();
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
              {LOCALES.map((locale) => (
                <li key={locale}>
                  {locale === i18n.language ? (
                    <span lang={locale} aria-current="true" className="language-switcher__current">
                      {LANGUAGE_NAMES[locale]}
                    </span>
                  ) : (
                    <button type="submit" name="lng" value={locale} lang={locale} className="language-switcher__option">
                      {LANGUAGE_NAMES[locale]}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </Form>
        </div>
        <nav className="site-nav" aria-label={t('layout.mainNav')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <LayoutMain className="page" notice={notice} noticeClassName="warning-text" />
      <footer className="site-footer">
        <ul>
          <li>
            <Link to="/privacy">{t('layout.footer.privacy')}</Link>
          </li>
          <li>
            {/* A document load: the figures' words (the reports namespace) come with that page only. */}
            <Link to="/statistics" reloadDocument>
              {t('layout.footer.statistics')}
            </Link>
          </li>
        </ul>
        <p>{t('layout.footer.statute')}</p>
      </footer>
    </>
  );
}
