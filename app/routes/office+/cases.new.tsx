import { randomBytes } from 'node:crypto';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_CHANNELS } from '#app/features/cases/attributes.ts';
import { CASE_KINDS, REPLY_CHANNELS } from '#app/features/cases/kinds.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { registerCase, type RegistrationErrors } from '#app/features/cases/registration.server.ts';
import { LIMITS } from '#app/features/cases/submission-fields.ts';
import { ReceiptPanel } from '#app/features/cases/ui/receipt-panel.tsx';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canRegisterCases } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

/** Pages with a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

export const links = officeLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canRegisterCases);
  const { locale, t } = await translatorFor(request);
  const options = await officeOptions(locale);
  return data(
    {
      title: t('office:register.title'),
      categories: options.categories,
      idempotencyKey: randomBytes(18).toString('base64url'),
      today: serviceToday(),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canRegisterCases);
  const { locale } = await translatorFor(request);
  const outcome = await registerCase(actor, await request.formData(), locale);
  if (!outcome.ok)
    return data({ ok: false as const, errors: outcome.errors, values: outcome.values }, { status: 400, headers: PRIVATE_PAGE_HEADERS });
  const { receipt } = outcome;
  return data(
    {
      ok: true as const,
      receiptNo: receipt.receiptNo,
      accessCode: receipt.accessCode,
      acceptDueAt: receipt.acceptDueAt.toISOString(),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export default function RegisterCasePage() {
  const { categories, idempotencyKey, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();

  if (result?.ok) {
    return (
      <>
        <ReceiptPanel
          title={t('register.doneTitle')}
          receiptNo={result.receiptNo}
          accessCode={result.accessCode}
          accessCodeNote={t('register.handOver')}
        />
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

  const values = result?.values ?? {};
  const errors: RegistrationErrors = result?.errors ?? {};
  const error = (field: keyof RegistrationErrors) => {
    const key = errors[field];
    if (!key) return undefined;
    return field === 'channel' || field === 'receivedOn' ? t(`register.errors.${key}`) : tc(`submit.errors.${key}`);
  };
  const summary = Object.keys(errors).map((field) => ({ field, message: error(field as keyof RegistrationErrors) ?? '' }));

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('register.title')}</h1>
      <Form method="post" noValidate className="form">
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
        <RadioGroup
          name="channel"
          label={t('register.channel')}
          error={error('channel')}
          defaultValue={values.channel}
          inline
          options={REGISTRATION_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
        <TextField
          name="receivedOn"
          label={t('register.receivedOn')}
          hint={t('register.receivedOnHint')}
          defaultValue={values.receivedOn ?? today}
          error={error('receivedOn')}
          width="short"
        />
        <RadioGroup
          name="kind"
          label={tc('submit.fields.kind.label')}
          error={error('kind')}
          defaultValue={values.kind}
          options={CASE_KINDS.map((kind) => ({ value: kind, label: tc(`kinds.${kind}.label`) }))}
        />
        <ComboBoxField
          name="categoryId"
          label={tc('submit.fields.categoryId.label')}
          placeholder={tc('submit.fields.categoryId.placeholder')}
          error={error('categoryId')}
          defaultValue={values.categoryId}
          options={categories}
          noMatches={t('combobox.noMatches')}
        />
        <TextField name="area" label={tc('submit.fields.area.label')} error={error('area')} defaultValue={values.area} width="medium" />
        <TextField name="subject" label={tc('submit.fields.subject.label')} error={error('subject')} defaultValue={values.subject} />
        <TextField
          name="body"
          label={tc('submit.fields.body.label')}
          error={error('body')}
          defaultValue={values.body}
          multiline={{ maxLength: LIMITS.bodyMax, rows: 8 }}
        />
        <TextField
          name="coSignerCount"
          label={tc('submit.fields.coSignerCount.label')}
          error={error('coSignerCount')}
          defaultValue={values.coSignerCount ?? '1'}
          inputMode="numeric"
          width="short"
        />
        <h2>{tc('submit.sections.contact')}</h2>
        <Checkbox name="anonymous" error={error('anonymous')} defaultSelected={values.anonymous === 'yes'}>
          {tc('submit.fields.anonymous.label')}
        </Checkbox>
        <TextField name="name" label={tc('submit.fields.name.label')} error={error('name')} defaultValue={values.name} width="medium" />
        <TextField
          name="phone"
          type="tel"
          label={tc('submit.fields.phone.label')}
          hint={tc('submit.fields.phone.hint')}
          error={error('phone')}
          defaultValue={values.phone}
          width="medium"
        />
        <TextField
          name="email"
          type="email"
          label={tc('submit.fields.email.label')}
          error={error('email')}
          defaultValue={values.email}
          width="medium"
        />
        <TextField
          name="postalAddress"
          label={tc('submit.fields.postalAddress.label')}
          error={error('postalAddress')}
          defaultValue={values.postalAddress}
        />
        <RadioGroup
          name="preferredReplyChannel"
          label={tc('submit.fields.preferredReplyChannel.label')}
          error={error('preferredReplyChannel')}
          defaultValue={values.preferredReplyChannel ?? 'POST'}
          options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: tc(`replyChannels.${channel}`) }))}
        />
        <Checkbox name="consent" error={error('consent')} defaultSelected={values.consent === 'yes'}>
          {t('register.consent')}
        </Checkbox>
        <Button>{t('register.submit')}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
