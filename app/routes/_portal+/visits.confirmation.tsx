// /visits/confirmation: the booking reference and the cancel code, shown once (GOV.UK's
// confirmation panel), from the sealed cookie the booking action set.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { bookingCookie } from '#app/features/reception/booking-cookie.server.ts';
import { bookingSummary } from '#app/features/reception/booking.server.ts';
import { formatCancelCode } from '#app/features/reception/rules.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDay } from '#app/ui/format.ts';
import { PrintButton } from '#app/ui/print-button.tsx';
import { visitsLinks } from '#app/ui/visits-styles.ts';

export const links = visitsLinks;

/** Pages with a code: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, locale } = await translatorFor(request);
  const carried = bookingCookie.read(request);
  const booking = carried ? await bookingSummary(carried.reference, locale) : null;
  return data(
    {
      title: booking ? t('visits:confirmation.title') : t('visits:confirmation.goneTitle'),
      booking,
      cancelCode: booking ? (carried?.cancelCode ?? null) : null,
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** "I have noted it down": forget the code in this browser now, not in 30 minutes. */
export async function action(_args: ActionFunctionArgs) {
  return redirect('/visits', { status: 303, headers: { 'Set-Cookie': bookingCookie.clear() } });
}

export default function BookingConfirmationPage() {
  const { booking, cancelCode } = useLoaderData<typeof loader>();
  const { t } = useTranslation('visits');
  const format = useFormatDay();

  if (!booking) {
    return (
      <>
        <h1>{t('confirmation.goneTitle')}</h1>
        <p>{t('confirmation.goneBody')}</p>
        <p>
          <Link to="/visits">{t('confirmation.visitsLink')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <div className="panel panel--confirmation">
        <h1 className="panel__title">{t('confirmation.title')}</h1>
        <div className="panel__body">
          {t('confirmation.referenceLabel')}
          <br />
          <strong className="reference" data-testid="booking-reference">
            {booking.reference}
          </strong>
        </div>
      </div>
      {booking.status === 'CANCELLED' ? <p className="warning-text">{t('confirmation.cancelledNote')}</p> : null}
      {cancelCode ? (
        <section className="access-code" aria-labelledby="cancel-code-title">
          <h2 id="cancel-code-title">{t('confirmation.cancelCodeTitle')}</h2>
          <p className="reference reference--code" data-testid="cancel-code">
            {formatCancelCode(cancelCode)}
          </p>
          <p className="warning-text">{t('confirmation.cancelCodeWarning')}</p>
        </section>
      ) : (
        <p className="warning-text">{t('confirmation.cancelCodeNotShown')}</p>
      )}

      <h2>{t('confirmation.detailsTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('book.when')}</dt>
          <dd>{t('book.whenValue', { date: format.day(booking.date), time: format.timeRange(booking.startsAt, booking.endsAt) })}</dd>
        </div>
        <div>
          <dt>{t('list.place')}</dt>
          <dd>{booking.place}</dd>
        </div>
        <div>
          <dt>{t('list.official')}</dt>
          <dd>{booking.official}</dd>
        </div>
        <div>
          <dt>{t('confirmation.people')}</dt>
          <dd>{booking.representatives}</dd>
        </div>
      </dl>

      <h2>{t('confirmation.onTheDayTitle')}</h2>
      <p>{t('confirmation.onTheDay')}</p>
      {booking.forCase ? <p>{t('confirmation.bringReceipt')}</p> : null}

      <h2>{t('confirmation.cancelTitle')}</h2>
      <p>
        {t('confirmation.cancelBody')} <Link to="/visits/cancel">{t('confirmation.cancelLink')}</Link>
      </p>

      <div className="actions no-print">
        <PrintButton />
        <Form method="post">
          <Button variant="secondary">{t('confirmation.done')}</Button>
        </Form>
      </div>
    </>
  );
}
