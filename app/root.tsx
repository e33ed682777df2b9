import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import stylesHref from './styles/app.css';
import { I18nBundle } from './ui/i18n-bundle.tsx';
import { useNonce } from './ui/nonce.tsx';
import { TIME_ZONE_ATTRIBUTE, useTimeZone } from './ui/time-zone.tsx';
import type { LinksFunction } from '@remix-run/node';
import type { ReactNode } from 'react';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const timeZone = useTimeZone();
  return (
    <html lang={i18n.language} dir="ltr" {...{ [TIME_ZONE_ATTRIBUTE]: timeZone }}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b3d91" />
        {/* react-aria reads the nonce for the one <style> element it adds (see the CSP). */}
        <meta property="csp-nonce" nonce={nonce} />
        <Meta />
        <Links />
        <I18nBundle />
      </head>
      <body>
        <a className="skip-link" href="#main-content">
          {t('layout.skipToContent')}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? 'notFound' : status === 429 ? 'tooMany' : 'serverError';
  return (
    <main id="main-content" className="page error-page" tabIndex={-1}>
      <title>{t(`errorPage.${key}.title`)}</title>
      <h1>{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      <p>
        <a href="/">{t('errorPage.home')}</a>
      </p>
    </main>
  );
}
