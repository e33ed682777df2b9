// /visits/cancel: cancel a booking with its reference and cancel code; the place goes back to
// the slot at once. Rate limited per address, and one message for every mismatch.
import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { handleCancel } from '#app/features/reception/booking.server.ts';
import { BackToVisits, ReferencePanel } from '#app/features/reception/ui/reference-panel.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { refusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextFieldList } from '#app/ui/text-field-list.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import { visitsLinks } from '#app/ui/visits-styles.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const links = visitsLinks;

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t } = await translatorFor(request);
  return { title: t('visits:cancel.title') };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await handleCancel(await readForm(request), { clientIp: context.clientIp });
  return outcome.ok ? { cancelled: outcome.reference } : refusal(outcome);
});

const FIELDS = [
  { name: 'reference', hint: true, autoComplete: 'off', spellCheck: false, width: 'medium' },
  { name: 'cancelCode', hint: true, autoComplete: 'off', spellCheck: false, width: 'medium' },
] as const;

export default function CancelBookingPage() {
  const actionData = useActionData<typeof action>();
  const form = useFormErrors<'reference' | 'cancelCode'>(actionData && 'errors' in actionData ? actionData : null, {
    fields: ['reference'],
    prefix: () => 'visits:cancel.errors',
  });
  const navigation = useNavigation();
  const { t } = useTranslation('visits');

  if (actionData && 'cancelled' in actionData) {
    return (
      <>
        <ReferencePanel title={t('cancel.doneTitle')} reference={actionData.cancelled} testId="booking-cancelled" />
        <BackToVisits body={t('cancel.doneBody')} link={t('cancel.bookAgain')} />
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={form.summary} />
      <h1>{t('cancel.title')}</h1>
      <p className="lead">{t('cancel.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextFieldList
          fields={FIELDS}
          form={form}
          label={(field) => t(`cancel.fields.${field}.label`)}
          hint={(field) => t(`cancel.fields.${field}.hint`)}
        />
        <Button isDisabled={navigation.state === 'submitting'}>{t('cancel.submit')}</Button>
      </Form>
      <h2>{t('cancel.lostTitle')}</h2>
      <p>{t('cancel.lostBody')}</p>
    </>
  );
}
