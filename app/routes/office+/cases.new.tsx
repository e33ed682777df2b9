// /office/cases/new: a clerk registers a letter or a call as a case, and hands the citizen the
// receipt number and access code shown once on the answer. The checks are the portal's, in
// app/features/cases/registration.server.ts.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_CHANNELS } from '#app/features/cases/attributes.ts';
import { REGISTRATION_FIELDS, type RegistrationField } from '#app/features/cases/registration-fields.ts';
import { registerCase, registrationForm } from '#app/features/cases/registration.server.ts';
import { CaseRegistrationFields } from '#app/features/cases/ui/case-registration-fields.tsx';
import { ReceiptPanel } from '#app/features/cases/ui/receipt-panel.tsx';
import { canRegisterCases } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canRegisterCases);
  const { locale, t } = await translatorFor(request);
  return { title: t('office:register.title'), ...(await registrationForm(actor, locale)) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canRegisterCases);
  const { locale } = await translatorFor(request);
  const outcome = await registerCase(actor, await readForm(request), locale);
  if (!outcome.ok) return respond(outcome, '/office/cases/new');
  // The access code is shown on this answer only, never again: not a redirect, and never cached.
  const { receiptNo, accessCode, acceptDueAt } = outcome.receipt;
  return data({ receiptNo, accessCode, acceptDueAt: acceptDueAt.toISOString() }, { headers: NO_STORE });
});

/** Where each field's messages are: how and when it came are the office's, the rest the portal's. */
const errorPrefix = (field: string) => (field === 'channel' || field === 'receivedOn' ? 'office:register.errors' : 'common:submit.errors');

export default function RegisterCasePage() {
  const { categories, units, idempotencyKey, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useFormErrors<RegistrationField | 'idempotencyKey'>(result && 'errors' in result ? result : null, {
    fields: REGISTRATION_FIELDS,
    prefix: errorPrefix,
  });
  const { t } = useTranslation('office');
  const formatDate = useFormatDate();

  if (result && 'receiptNo' in result) {
    return (
      <>
        <ReceiptPanel {...result} title={t('register.doneTitle')} accessCodeNote={t('register.handOver')} />
        <p>
          {t('register.decisionBy')} <strong>{formatDate(result.acceptDueAt)}</strong>
        </p>
        <p>
          <Link to="/office/cases/new" reloadDocument>
            {t('register.another')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={form.summary} />
      <h1>{t('register.title')}</h1>
      <Form method="post" noValidate className="form">
        <input type="hidden" name="idempotencyKey" value={form.value('idempotencyKey') ?? idempotencyKey} />
        <RadioGroup
          name="channel"
          label={t('register.channel')}
          error={form.error('channel')}
          defaultValue={form.value('channel')}
          inline
          options={REGISTRATION_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
        <TextField
          name="receivedOn"
          label={t('register.receivedOn')}
          hint={t('register.receivedOnHint')}
          defaultValue={form.value('receivedOn') ?? today}
          error={form.error('receivedOn')}
          width="short"
        />
        <CaseRegistrationFields
          form={form}
          categories={categories}
          units={units}
          consentLabel={t('register.consent')}
          noMatches={t('combobox.noMatches')}
        />
        <Button>{t('register.submit')}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
