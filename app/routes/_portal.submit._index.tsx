import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { randomBytes } from 'node:crypto';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, REPLY_CHANNELS } from '../domain/case-kinds.ts';
import { LIMITS, type SubmissionErrors } from '../domain/submission-fields.ts';
import { translatorFor } from '../i18n/translate.server.ts';
import { PRIVATE_PAGE_HEADERS, receiptCookie } from '../portal-cookies.server.ts';
import { privatePageHeaders } from '../ui/private-page-headers.ts';
import { listActiveCategories } from '../reference-data.server.ts';
import { HONEYPOT_FIELD, handleSubmission, type SubmissionFormValues } from '../submissions.server.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox, RadioGroup } from '../ui/choice-fields.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';

/** Pages with a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t } = await translatorFor(request);
  return data(
    {
      title: t('submit.title'),
      honeypotField: HONEYPOT_FIELD,
      categories: await listActiveCategories(locale),
      // A fresh key per form: a refresh or retry of *this* form's POST finds the same case.
      idempotencyKey: randomBytes(18).toString('base64url'),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = await translatorFor(request);
  const outcome = await handleSubmission(await request.formData(), { clientIp: context.clientIp, locale });
  if (!outcome.ok) {
    const { status, errors, formError, values } = outcome;
    return data({ errors, formError, values }, { status, headers: PRIVATE_PAGE_HEADERS });
  }
  const { receipt } = outcome;
  return redirect('/submit/confirmation', {
    status: 303,
    headers: {
      'Set-Cookie': receiptCookie.serialize({
        receiptNo: receipt.receiptNo,
        accessCode: receipt.accessCode,
        acceptDueAt: receipt.acceptDueAt.toISOString(),
        latestReplyDueAt: receipt.latestReplyDueAt.toISOString(),
        welfareConcern: receipt.welfareConcern,
      }),
    },
  });
}

export default function SubmitPage() {
  const { categories, idempotencyKey, honeypotField } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const values: SubmissionFormValues = actionData?.values ?? {};
  const errors: SubmissionErrors = actionData?.errors ?? {};
  const error = (field: keyof SubmissionErrors) => {
    const key = errors[field];
    return key ? t(`submit.errors.${key}`) : undefined;
  };
  const summary = [
    ...(actionData?.formError ? [{ message: t(`submit.errors.form.${actionData.formError}`) }] : []),
    ...Object.keys(errors).map((field) => ({ field, message: error(field as keyof SubmissionErrors) ?? '' })),
  ];
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('submit.title')}</h1>
      <p className="lead">{t('submit.lead')}</p>
      <Form method="post" noValidate className="form" aria-describedby="required-note">
        <p id="required-note" className="field__hint">
          {t('submit.allRequired')}
        </p>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={honeypotField}>{t('submit.honeypot')}</label>
          <input id={honeypotField} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <h2>{t('submit.sections.about')}</h2>
        <RadioGroup
          name="kind"
          label={t('submit.fields.kind.label')}
          error={error('kind')}
          defaultValue={values.kind}
          options={CASE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}.label`), hint: t(`kinds.${kind}.hint`) }))}
        />
        <SelectField
          name="categoryId"
          label={t('submit.fields.categoryId.label')}
          hint={t('submit.fields.categoryId.hint')}
          placeholder={t('submit.fields.categoryId.placeholder')}
          error={error('categoryId')}
          defaultValue={values.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField
          name="area"
          label={t('submit.fields.area.label')}
          hint={t('submit.fields.area.hint')}
          error={error('area')}
          defaultValue={values.area}
          width="medium"
        />
        <TextField
          name="subject"
          label={t('submit.fields.subject.label')}
          hint={t('submit.fields.subject.hint', { max: LIMITS.subjectMax })}
          error={error('subject')}
          defaultValue={values.subject}
        />
        <TextField
          name="body"
          label={t('submit.fields.body.label')}
          hint={t('submit.fields.body.hint')}
          error={error('body')}
          defaultValue={values.body}
          multiline={{ maxLength: LIMITS.bodyMax, rows: 10 }}
          spellCheck
        />
        <TextField
          name="coSignerCount"
          label={t('submit.fields.coSignerCount.label')}
          hint={t('submit.fields.coSignerCount.hint')}
          error={error('coSignerCount')}
          defaultValue={values.coSignerCount ?? '1'}
          inputMode="numeric"
          width="short"
        />

        <h2>{t('submit.sections.contact')}</h2>
        <p>{t('submit.contactIntro')}</p>
        <Checkbox name="anonymous" error={error('anonymous')} defaultSelected={values.anonymous === 'yes'}>
          {t('submit.fields.anonymous.label')}
          <span className="choice__hint">{t('submit.fields.anonymous.hint')}</span>
        </Checkbox>
        <TextField name="name" label={t('submit.fields.name.label')} error={error('name')} defaultValue={values.name} autoComplete="name" width="medium" />
        <TextField
          name="phone"
          type="tel"
          label={t('submit.fields.phone.label')}
          hint={t('submit.fields.phone.hint')}
          error={error('phone')}
          defaultValue={values.phone}
          autoComplete="tel"
          inputMode="tel"
          width="medium"
        />
        <TextField
          name="email"
          type="email"
          label={t('submit.fields.email.label')}
          error={error('email')}
          defaultValue={values.email}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="postalAddress"
          label={t('submit.fields.postalAddress.label')}
          hint={t('submit.fields.postalAddress.hint')}
          error={error('postalAddress')}
          defaultValue={values.postalAddress}
          autoComplete="street-address"
        />
        <RadioGroup
          name="preferredReplyChannel"
          label={t('submit.fields.preferredReplyChannel.label')}
          error={error('preferredReplyChannel')}
          defaultValue={values.preferredReplyChannel ?? 'ONLINE'}
          options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: t(`replyChannels.${channel}`) }))}
        />

        <h2>{t('submit.sections.consent')}</h2>
        <Checkbox name="consent" error={error('consent')} defaultSelected={values.consent === 'yes'}>
          {t('submit.fields.consent.label')}{' '}
          <a href="/privacy" target="_blank" rel="noreferrer">
            {t('submit.fields.consent.link')}
          </a>
        </Checkbox>

        <Button isDisabled={submitting}>{submitting ? t('submit.sending') : t('submit.send')}</Button>
      </Form>
    </>
  );
}
