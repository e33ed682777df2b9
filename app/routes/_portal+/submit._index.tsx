// /submit: the citizen's letter, with files. A multipart form without JavaScript; with it, a form
// with files goes through XMLHttpRequest to /submit/upload so the page can show progress.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUploadField, UploadProgress } from '#app/features/attachments/ui/file-upload-field.tsx';
import { useUploadForm, withFileEntries } from '#app/features/attachments/ui/use-upload-form.ts';
import { answerUpload } from '#app/features/attachments/upload-form.server.ts';
import { SUBMISSION_FIELDS } from '#app/features/cases/submission-fields.ts';
import { newSubmitForm, submitLetter } from '#app/features/cases/submit.server.ts';
import { ContactFields } from '#app/features/cases/ui/contact-fields.tsx';
import { LetterFields } from '#app/features/cases/ui/letter-fields.tsx';
import { ReportedFields } from '#app/features/cases/ui/reported-fields.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { SHARED_PAGE_FORM_KEY_HEADER, sharedFormPageHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import { useHydrated } from '#app/ui/use-hydrated.ts';

/**
 * The form carries a per-form key and, after a refusal, what was typed: browsers keep no copies.
 * The empty form is the same for every first visitor but its key, so the server shares one
 * rendering and gives each visitor a fresh key (server/shared-pages.ts).
 */
export const headers = sharedFormPageHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { locale, t } = await translatorFor(request);
  const form = await newSubmitForm(locale);
  return data({ title: t('submit.title'), ...form }, { headers: { [SHARED_PAGE_FORM_KEY_HEADER]: form.idempotencyKey } });
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const { locale } = await translatorFor(request);
  return answerUpload(await submitLetter(request, { clientIp: context.clientIp, locale }), '/submit/confirmation');
});

// The files field stands after the number of co-signers: the error summary lists it there.
const BEFORE_FILES = SUBMISSION_FIELDS.slice(0, SUBMISSION_FIELDS.indexOf('coSignerCount') + 1);

export default function SubmitPage() {
  const { categories, units, idempotencyKey, honeypotField } = useLoaderData<typeof loader>();
  const upload = useUploadForm(useActionData<typeof action>(), { endpoint: '/submit/upload', failed: 'rejected' });
  const form = useFormErrors(upload.problem, {
    fields: SUBMISSION_FIELDS,
    // Codes name their field ("subject.required"), as validateSubmission gives them.
    prefix: () => 'common:submit.errors',
    formPrefix: 'common:submit.errors.form',
  });
  const { t } = useTranslation();
  const { t: ta } = useTranslation('attachments');
  const filesNotKept = upload.problem?.filesNotKept ?? false;
  // Whom a report is about matters for a report only: with scripts, the fields show for one.
  const hydrated = useHydrated();
  const [kind, setKind] = useState(form.value('kind') ?? '');
  // Follows the kind radios once scripts run, also a kind chosen before they did. A listener in the
  // capture phase: the radio group's own handling keeps the change event from reaching the form.
  useEffect(() => {
    if (!hydrated) return;
    const sync = () => setKind(document.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value ?? '');
    sync();
    document.addEventListener('change', sync, true);
    return () => document.removeEventListener('change', sync, true);
  }, [hydrated]);
  const chooseAgain = filesNotKept ? ta(upload.fileMessages.length > 0 ? 'field.chooseAgainWithout' : 'field.chooseAgain') : null;

  return (
    <>
      <ErrorSummary errors={withFileEntries(form.summary, upload.fileEntries(chooseAgain), BEFORE_FILES)} />
      <h1>{t('submit.title')}</h1>
      {upload.problem?.formError === 'alreadySent' ? (
        // The first letter stands: its receipt is one link away; what was typed now can go as a new one.
        <div className="notice" data-testid="already-sent">
          <p>
            <a href="/submit/confirmation">{t('submit.alreadySent.receipt')}</a>
          </p>
          <p>{t('submit.alreadySent.again')}</p>
        </div>
      ) : null}
      <p className="lead">{t('submit.lead')}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        noValidate
        className="form"
        aria-describedby="required-note"
        onSubmit={upload.onSubmit}
      >
        <p id="required-note" className="field__hint">
          {t('submit.allRequired')}
        </p>
        <input type="hidden" name="idempotencyKey" value={upload.problem?.values.idempotencyKey ?? idempotencyKey} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={honeypotField}>{t('submit.honeypot')}</label>
          <input id={honeypotField} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" />
        </div>

        <h2>{t('submit.sections.about')}</h2>
        <LetterFields
          form={form}
          by="citizen"
          afterKind={
            <ReportedFields
              form={form}
              units={units.map((u) => ({ value: u.id, label: u.name }))}
              by="citizen"
              hidden={hydrated && kind !== 'MISCONDUCT_REPORT'}
            />
          }
          topic={
            <SelectField
              name="categoryId"
              label={t('submit.fields.categoryId.label')}
              hint={t('submit.fields.categoryId.hint')}
              placeholder={t('submit.fields.categoryId.placeholder')}
              error={form.error('categoryId')}
              defaultValue={form.value('categoryId')}
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
            />
          }
        />
        <FileUploadField label={ta('field.label')} errors={upload.fileMessages} chooseAgain={chooseAgain} />

        <ContactFields form={form} by="citizen" defaultReplyChannel="ONLINE" />

        <h2>{t('submit.sections.consent')}</h2>
        <Checkbox name="consent" error={form.error('consent')} defaultSelected={form.value('consent') === 'yes'}>
          {t('submit.fields.consent.label')}{' '}
          <a href="/privacy" target="_blank" rel="noreferrer">
            {t('submit.fields.consent.link')}
          </a>
        </Checkbox>

        <UploadProgress percent={upload.percent} />
        <Button isDisabled={upload.sending}>{upload.sending ? t('submit.sending') : t('submit.send')}</Button>
      </Form>
    </>
  );
}
