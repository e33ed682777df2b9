import { randomBytes } from 'node:crypto';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigate, useNavigation } from '@remix-run/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS, FILES_FIELD, MAX_FILE_MEGABYTES, type FileError } from '#app/features/attachments/rules.ts';
import {
  FileUploadField,
  UploadProgress,
  chosenFileCount,
  clearChosenFiles,
  precheckChosenFiles,
  useFileErrorMessage,
  useUploadWithProgress,
} from '#app/features/attachments/ui/file-upload-field.tsx';
import { CASE_KINDS, REPLY_CHANNELS } from '#app/features/cases/kinds.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { LIMITS, SUBMISSION_FIELDS, type SubmissionErrors } from '#app/features/cases/submission-fields.ts';
import {
  HONEYPOT_FIELD,
  handleSubmissionRequest,
  receiptCookieHeader,
  type SubmissionFormError,
  type SubmissionFormValues,
} from '#app/features/cases/submit.server.ts';
import { listActiveCategories } from '#app/features/reference-data/lookup.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

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

/** Where the form is sent with JavaScript when files are chosen, to show progress (same handling, JSON answer). */
const UPLOAD_ENDPOINT = '/submit/upload';

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = await translatorFor(request);
  const outcome = await handleSubmissionRequest(request, { clientIp: context.clientIp, locale });
  if (!outcome.ok) {
    const { status, errors, formError, values, fileErrors, filesNotKept } = outcome;
    return data({ errors, formError, values, fileErrors, filesNotKept }, { status, headers: PRIVATE_PAGE_HEADERS });
  }
  return redirect('/submit/confirmation', { status: 303, headers: { 'Set-Cookie': receiptCookieHeader(outcome.receipt) } });
}

/** What a failed submission sends back, by either route. */
export interface SubmitFailure {
  errors: SubmissionErrors;
  formError: SubmissionFormError | null;
  values: SubmissionFormValues;
  fileErrors: FileError[];
  filesNotKept: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The upload endpoint's JSON is ours, but the network is not: check its shape before using it. */
function readUploadAnswer(body: unknown): { redirectTo: string } | SubmitFailure | null {
  if (!isRecord(body)) return null;
  if (body.ok === true && typeof body.redirectTo === 'string' && body.redirectTo.startsWith('/')) return { redirectTo: body.redirectTo };
  if (body.ok === false && isRecord(body.errors) && isRecord(body.values) && Array.isArray(body.fileErrors)) {
    return body as unknown as SubmitFailure;
  }
  return null;
}

export default function SubmitPage() {
  const { categories, idempotencyKey, honeypotField } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { t: ta } = useTranslation('attachments');
  const fileErrorMessage = useFileErrorMessage();
  const upload = useUploadWithProgress();
  // With JavaScript and files chosen, the form goes through XMLHttpRequest (for progress); its
  // answer stands in for the action data until the next submission.
  const [uploadFailure, setUploadFailure] = useState<SubmitFailure | null>(null);
  const failure: SubmitFailure | null = uploadFailure ?? actionData ?? null;
  const values: SubmissionFormValues = failure?.values ?? {};
  const errors: SubmissionErrors = failure?.errors ?? {};
  const error = (field: keyof SubmissionErrors) => {
    const key = errors[field];
    return key ? t(`submit.errors.${key}`) : undefined;
  };
  const fileMessages = (failure?.fileErrors ?? []).map(fileErrorMessage);
  const chooseAgain = failure?.filesNotKept ? ta(fileMessages.length > 0 ? 'field.chooseAgainWithout' : 'field.chooseAgain') : null;
  // Problems in the order of the form; the files come after the number of co-signers.
  const fieldEntries = (fields: readonly (keyof SubmissionErrors)[]) =>
    fields.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));
  const filesAt = SUBMISSION_FIELDS.indexOf('coSignerCount') + 1;
  const summary = [
    ...(failure?.formError ? [{ message: t(`submit.errors.form.${failure.formError}`) }] : []),
    ...fieldEntries(SUBMISSION_FIELDS.slice(0, filesAt)),
    ...fileMessages.map((message) => ({ field: FILES_FIELD, message })),
    ...(chooseAgain ? [{ field: FILES_FIELD, message: chooseAgain }] : []),
    ...fieldEntries(SUBMISSION_FIELDS.slice(filesAt)),
  ];
  const sending = navigation.state === 'submitting' || upload.percent !== null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // One upload at a time: a second submit while files are going would send them twice.
    if (upload.percent !== null) {
      event.preventDefault();
      return;
    }
    setUploadFailure(null);
    const form = event.currentTarget;
    // Without files there is nothing to show progress for: Remix submits the form as usual.
    if (chosenFileCount(form) === 0) return;
    event.preventDefault();
    const early = precheckChosenFiles(form);
    if (early.length > 0) {
      clearChosenFiles(form);
      setUploadFailure({ errors: {}, formError: null, values, fileErrors: early, filesNotKept: true });
      return;
    }
    void upload.send(UPLOAD_ENDPOINT, new FormData(form)).then((answer) => {
      if (answer.kind === 'busy') return;
      const read = answer.kind === 'json' ? readUploadAnswer(answer.body) : null;
      if (read && 'redirectTo' in read) {
        navigate(read.redirectTo);
        return;
      }
      // As without JavaScript: the chosen files are not kept, and the page says so.
      clearChosenFiles(form);
      setUploadFailure(read ?? { errors: {}, formError: 'rejected', values, fileErrors: [], filesNotKept: true });
    });
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('submit.title')}</h1>
      <p className="lead">{t('submit.lead')}</p>
      <Form method="post" encType="multipart/form-data" noValidate className="form" aria-describedby="required-note" onSubmit={onSubmit}>
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
        <FileUploadField
          label={ta('field.label')}
          hint={ta('field.hint', { maxFiles: ATTACHMENT_LIMITS.maxFilesPerRequest, maxMegabytes: MAX_FILE_MEGABYTES })}
          errors={fileMessages}
          chooseAgain={chooseAgain}
        />

        <h2>{t('submit.sections.contact')}</h2>
        <p>{t('submit.contactIntro')}</p>
        <Checkbox name="anonymous" error={error('anonymous')} defaultSelected={values.anonymous === 'yes'}>
          {t('submit.fields.anonymous.label')}
          <span className="choice__hint">{t('submit.fields.anonymous.hint')}</span>
        </Checkbox>
        <TextField
          name="name"
          label={t('submit.fields.name.label')}
          error={error('name')}
          defaultValue={values.name}
          autoComplete="name"
          width="medium"
        />
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

        <UploadProgress percent={upload.percent} />
        <Button isDisabled={sending}>{sending ? t('submit.sending') : t('submit.send')}</Button>
      </Form>
    </>
  );
}
