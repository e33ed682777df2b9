// What a back-office page shows, inside the shell, when it refuses (403), finds nothing (404) or
// fails: a plain message in the reader's language, and never any of the data it protects.
import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function OfficeErrorBoundary({ back }: { back?: { to: string; label: string } }) {
  const error = useRouteError();
  const { t } = useTranslation('office-admin');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'failed';
  return (
    <>
      <title>{t(`errorPage.${key}.title`)}</title>
      <h1>{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      {back && status === 404 ? (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <OfficeErrorBoundary />;
}
