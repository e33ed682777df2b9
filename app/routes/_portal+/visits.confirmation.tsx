// /visits/confirmation: the booking reference and the cancel code, shown once (GOV.UK's
// confirmation panel), from the sealed cookie the booking action set.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { bookingCookie } from '#app/features/reception/booking-cookie.server.ts';
import { bookingSummary } from '#app/features/reception/booking.server.ts';
import { formatCancelCode } from '#app/features/reception/rules.ts';
import { useDayFacts } from '#app/features/reception/ui/day-facts.tsx';
import { BackToVisits, ReferencePanel } from '#app/features/reception/ui/reference-panel.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { PrintButton } from '#app/ui/print-button.tsx';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { visitsLinks } from '#app/ui/visits-styles.ts';

export const links = visitsLinks;

/** Pages with a code: browsers and proxies must not keep them. */
export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t, locale } = await translatorFor(request);
  const carried = bookingCookie.read(request);
  const booking = carried ? await bookingSummary(carried.reference, locale) : null;
  return {
    title: booking ? t('visits:confirmation.title') : t('visits:confirmation.goneTitle'),
    booking,
    cancelCode: booking ? (carried?.cancelCode ?? null) : null,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

/** "I have noted it down": forget the code in this browser now, not in 30 minutes. */
export async function action() {
  return redirect('/visits', { status: 303, headers: { 'Set-Cookie': bookingCookie.clear() } });
}

export default function BookingConfirmationPage() {
  const { booking, cancelCode } = useLoaderData<typeof loader>();
  const { t } = useTranslation('visits');
  const facts = useDayFacts();

  if (!booking) {
    return (
      <>
        <h1>{t('confirmation.goneTitle')}</h1>
        <BackToVisits body={t('confirmation.goneBody')} link={t('confirmation.visitsLink')} />
      </>
    );
  }

  return (
    <>
      <ReferencePanel title={t('confirmation.title')} reference={booking.reference} referenceTestId="booking-reference" />
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
      <SummaryList
        items={[
          facts.when(booking.date, booking),
          ...facts.about({ place: booking.place, official: booking.official }),
          { label: t('confirmation.people'), value: booking.representatives },
        ]}
      />

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
