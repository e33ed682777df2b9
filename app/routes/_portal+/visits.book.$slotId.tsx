// /visits/book/:slotId: the booking form of one slot. With a receipt number and access code the
// booking is linked to that case; otherwise it is a new visit with a name, a phone number and a
// topic. The reference and cancel code go to the confirmation page in a sealed cookie, never a URL.
import { randomBytes } from 'node:crypto';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { bookingCookie } from '#app/features/reception/booking-cookie.server.ts';
import { HONEYPOT_FIELD, handleBooking, type BookingValues } from '#app/features/reception/booking.server.ts';
import { slotForBooking } from '#app/features/reception/days.server.ts';
import {
  BOOKING_FIELDS,
  BOOKING_MODES,
  MAX_REPRESENTATIVES,
  TOPIC_MAX,
  type BookingErrors,
  type BookingField,
} from '#app/features/reception/rules.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDay } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';
import { visitsLinks } from '#app/ui/visits-styles.ts';

export const links = visitsLinks;

/** The form carries a per-form key and, after a failed post, what was typed: keep no copies. */
export const headers = privatePageHeaders;

const SlotId = z.uuid();

async function loadSlot(params: LoaderFunctionArgs['params'], request: Request) {
  const slotId = SlotId.safeParse(params.slotId);
  const { locale, t } = await translatorFor(request);
  const slot = slotId.success ? await slotForBooking(slotId.data, locale) : null;
  if (!slot) throw new Response('Not found', { status: 404 });
  return { slot, locale, t };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { slot, t } = await loadSlot(params, request);
  return data(
    {
      title: t('visits:book.title'),
      slot,
      honeypotField: HONEYPOT_FIELD,
      // A fresh key per form: a refresh or retry of *this* form's POST finds the same booking.
      idempotencyKey: randomBytes(18).toString('base64url'),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { slot, locale } = await loadSlot(params, request);
  const outcome = await handleBooking(slot.id, await request.formData(), { clientIp: context.clientIp, locale });
  if (!outcome.ok) {
    const { status, errors, formError, values } = outcome;
    return data({ errors, formError, values }, { status, headers: PRIVATE_PAGE_HEADERS });
  }
  const { booking } = outcome;
  return redirect('/visits/confirmation', {
    status: 303,
    headers: { 'Set-Cookie': bookingCookie.serialize({ reference: booking.reference, cancelCode: booking.cancelCode }) },
  });
}

export default function BookSlotPage() {
  const { slot, idempotencyKey, honeypotField } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  const format = useFormatDay();
  const values: BookingValues = actionData?.values ?? {};
  const errors: BookingErrors = actionData?.errors ?? {};
  const error = (field: BookingField) => {
    const key = errors[field];
    return key ? t(`book.errors.${key}`, { max: MAX_REPRESENTATIVES, topicMax: TOPIC_MAX }) : undefined;
  };
  const summary = [
    ...(actionData?.formError ? [{ message: t(`book.errors.form.${actionData.formError}`) }] : []),
    ...BOOKING_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' })),
  ];
  const date = format.day(slot.day.date);
  const time = format.timeRange(slot.startsAt, slot.endsAt);
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={summary} />
      <p className="caption">{t('book.caption')}</p>
      <h1>{t('book.title')}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t('book.when')}</dt>
          <dd data-testid="booking-when">{t('book.whenValue', { date, time })}</dd>
        </div>
        <div>
          <dt>{t('list.place')}</dt>
          <dd>{slot.day.place}</dd>
        </div>
        <div>
          <dt>{t('list.official')}</dt>
          <dd>{slot.day.official}</dd>
        </div>
        <div>
          <dt>{t('list.covers')}</dt>
          <dd>{slot.day.covers.length > 0 ? slot.day.covers.join(t('list.separator')) : t('list.allTopics')}</dd>
        </div>
        <div>
          <dt>{t('book.free')}</dt>
          <dd>{slot.state === 'open' ? t('list.placesLeft', { places: slot.free }) : t(`list.state.${slot.state}`)}</dd>
        </div>
      </dl>

      {slot.state !== 'open' && !actionData ? (
        <p data-testid="slot-not-open">{t(`book.notOpen.${slot.state}`)}</p>
      ) : (
        <Form method="post" noValidate className="form" aria-describedby="booking-required-note">
          <p id="booking-required-note" className="field__hint">
            {t('book.required')}
          </p>
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
          <div className="honeypot" aria-hidden="true">
            <label htmlFor={honeypotField}>{t('book.honeypot')}</label>
            <input id={honeypotField} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" />
          </div>

          <RadioGroup
            name="mode"
            label={t('book.fields.mode.label')}
            error={error('mode')}
            defaultValue={values.mode}
            options={BOOKING_MODES.map((mode) => ({
              value: mode,
              label: t(`book.fields.mode.${mode}.label`),
              hint: t(`book.fields.mode.${mode}.hint`),
            }))}
          />

          <section className="choice-section" aria-labelledby="case-section-title">
            <h2 id="case-section-title">{t('book.caseSection')}</h2>
            <TextField
              name="receiptNo"
              label={t('book.fields.receiptNo.label')}
              hint={t('book.fields.receiptNo.hint')}
              error={error('receiptNo')}
              defaultValue={values.receiptNo}
              autoComplete="off"
              spellCheck={false}
              width="medium"
            />
            <TextField
              name="accessCode"
              label={t('book.fields.accessCode.label')}
              hint={t('book.fields.accessCode.hint')}
              error={error('accessCode')}
              autoComplete="off"
              spellCheck={false}
              width="medium"
            />
          </section>

          <section className="choice-section" aria-labelledby="new-section-title">
            <h2 id="new-section-title">{t('book.newSection')}</h2>
            <TextField
              name="name"
              label={t('book.fields.name.label')}
              error={error('name')}
              defaultValue={values.name}
              autoComplete="name"
              width="medium"
            />
            <TextField
              name="phone"
              type="tel"
              label={t('book.fields.phone.label')}
              hint={t('book.fields.phone.hint')}
              error={error('phone')}
              defaultValue={values.phone}
              autoComplete="tel"
              inputMode="tel"
              width="medium"
            />
            <TextField
              name="topic"
              label={t('book.fields.topic.label')}
              hint={t('book.fields.topic.hint', { max: TOPIC_MAX })}
              error={error('topic')}
              defaultValue={values.topic}
              multiline={{ maxLength: TOPIC_MAX, rows: 3 }}
            />
          </section>

          <section className="choice-section" aria-labelledby="people-section-title">
            <h2 id="people-section-title">{t('book.peopleSection')}</h2>
            <TextField
              name="representatives"
              label={t('book.fields.representatives.label')}
              hint={t('book.fields.representatives.hint', { max: MAX_REPRESENTATIVES })}
              error={error('representatives')}
              defaultValue={values.representatives ?? '1'}
              inputMode="numeric"
              width="short"
            />
          </section>

          <Button isDisabled={submitting}>{submitting ? t('book.sending') : t('book.submit')}</Button>
        </Form>
      )}
      <p>
        <Link to="/visits">{t('book.otherTimes')}</Link>
      </p>
    </>
  );
}
