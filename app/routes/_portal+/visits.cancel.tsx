// /visits/cancel: cancel a booking with its reference and cancel code; the place goes back to
// the slot at once. Rate limited per address, and one message for every mismatch.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { handleCancel } from '#app/features/reception/booking.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { visitsLinks } from '#app/ui/visits-styles.ts';

export const links = visitsLinks;

export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request);
  return data({ title: t('visits:cancel.title') }, { headers: PRIVATE_PAGE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const outcome = await handleCancel(await request.formData(), { clientIp: context.clientIp });
  if (outcome.ok) return data({ cancelled: true as const, error: null, reference: outcome.reference }, { headers: PRIVATE_PAGE_HEADERS });
  return data(
    { cancelled: false as const, error: outcome.error, reference: outcome.reference },
    { status: outcome.status, headers: PRIVATE_PAGE_HEADERS },
  );
}

export default function CancelBookingPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('visits');

  if (actionData?.cancelled) {
    return (
      <>
        <div className="panel panel--confirmation" data-testid="booking-cancelled">
          <h1 className="panel__title">{t('cancel.doneTitle')}</h1>
          <div className="panel__body">
            {t('confirmation.referenceLabel')}
            <br />
            <strong className="reference">{actionData.reference}</strong>
          </div>
        </div>
        <p>{t('cancel.doneBody')}</p>
        <p>
          <Link to="/visits">{t('cancel.bookAgain')}</Link>
        </p>
      </>
    );
  }

  const error = actionData?.error ? t(`cancel.errors.${actionData.error}`) : undefined;
  return (
    <>
      <ErrorSummary errors={error ? [{ field: 'reference', message: error }] : []} />
      <h1>{t('cancel.title')}</h1>
      <p className="lead">{t('cancel.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="reference"
          label={t('cancel.fields.reference.label')}
          hint={t('cancel.fields.reference.hint')}
          error={error}
          defaultValue={actionData?.reference}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="cancelCode"
          label={t('cancel.fields.cancelCode.label')}
          hint={t('cancel.fields.cancelCode.hint')}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <Button isDisabled={navigation.state === 'submitting'}>{t('cancel.submit')}</Button>
      </Form>
      <h2>{t('cancel.lostTitle')}</h2>
      <p>{t('cancel.lostBody')}</p>
    </>
  );
}
