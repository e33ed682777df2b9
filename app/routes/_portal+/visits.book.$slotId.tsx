// /visits/book/:slotId: the booking form of one slot. With a receipt number and access code the
// booking is linked to that case; otherwise it is a new visit with a name, a phone number and a
// topic. The reference and cancel code go to the confirmation page in a sealed cookie, never a URL.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { bookingCookie } from '#app/features/reception/booking-cookie.server.ts';
import { bookingPage, handleBooking } from '#app/features/reception/booking.server.ts';
import { BookingForm, useBookingFormErrors } from '#app/features/reception/ui/booking-form.tsx';
import { useDayFacts } from '#app/features/reception/ui/day-facts.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { refusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { visitsLinks } from '#app/ui/visits-styles.ts';

export const links = visitsLinks;

/** The form carries a per-form key and, after a failed post, what was typed: keep no copies. */
export const headers = noStoreHeaders;

const PARAMS = { slotId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ params, request }: LoaderFunctionArgs) => {
  const { slotId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  return { title: t('visits:book.title'), ...(await bookingPage(slotId, locale)) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ params, request, context }: ActionFunctionArgs) => {
  const { slotId } = parseParams(params, PARAMS);
  const { locale } = await translatorFor(request);
  const outcome = await handleBooking(slotId, await readForm(request), { clientIp: context.clientIp, locale });
  if (!outcome.ok) return refusal(outcome);
  const { reference, cancelCode } = outcome.booking;
  return redirect('/visits/confirmation', { status: 303, headers: { 'Set-Cookie': bookingCookie.serialize({ reference, cancelCode }) } });
});

export default function BookSlotPage() {
  const { slot, idempotencyKey, honeypotField } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useBookingFormErrors(actionData);
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  const facts = useDayFacts();

  return (
    <>
      <PageHeader errors={form.summary} caption={t('book.caption')} title={t('book.title')} />
      <SummaryList
        items={[
          { ...facts.when(slot.day.date, slot), testId: 'booking-when' },
          ...facts.about(slot.day),
          { label: t('book.free'), value: facts.places(slot) },
        ]}
      />
      {slot.state !== 'open' && !actionData ? (
        <p data-testid="slot-not-open">{t(`book.notOpen.${slot.state}`)}</p>
      ) : (
        <BookingForm form={form} idempotencyKey={idempotencyKey} honeypotField={honeypotField} busy={navigation.state === 'submitting'} />
      )}
      <p>
        <Link to="/visits">{t('book.otherTimes')}</Link>
      </p>
    </>
  );
}
