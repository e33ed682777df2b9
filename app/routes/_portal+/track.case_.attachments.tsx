// /track/case/attachments: the citizen adds evidence to the case their track session opened.
// A multipart form without JavaScript; with it, the files go through XMLHttpRequest to
// /track/case/attachments/upload so the page can show progress.
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { addEvidenceFromForm, evidencePage } from '#app/features/attachments/evidence.server.ts';
import { ATTACHMENT_LIMITS } from '#app/features/attachments/rules.ts';
import { AttachmentList } from '#app/features/attachments/ui/attachment-list.tsx';
import { FileUploadField, UploadProgress } from '#app/features/attachments/ui/file-upload-field.tsx';
import { useUploadForm, withFileEntries } from '#app/features/attachments/ui/use-upload-form.ts';
import { answerUpload } from '#app/features/attachments/upload-form.server.ts';
import { requireTrackedCase, requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const page = await requireTrackedCase(request, evidencePage);
  const { t } = await translatorFor(request);
  return { ...page, title: t('attachments:track.title', { receiptNo: page.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

// A success comes back here with a notice of how many files were added (the layout shows it).
export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const caseId = requireTrackedCaseId(request);
  return answerUpload(await addEvidenceFromForm(request, caseId, context.clientIp), '/track/case/attachments');
});

export default function EvidencePage() {
  const page = useLoaderData<typeof loader>();
  const upload = useUploadForm(useActionData<typeof action>(), { endpoint: '/track/case/attachments/upload', failed: 'failed' });
  const form = useFormErrors(upload.problem, { fields: [], prefix: () => '', formPrefix: 'attachments:track' });
  const { t } = useTranslation('attachments');
  // Files were refused or not kept (not for "choose a file" or a case that has ended): choose again.
  const refusedFiles = (upload.problem?.fileErrors ?? []).some((e) => e.problem !== 'none' && e.problem !== 'closed');
  const chooseAgain = upload.problem?.filesNotKept && refusedFiles ? t('field.chooseAgainWithout') : null;

  return (
    <>
      <ErrorSummary errors={withFileEntries(form.summary, upload.fileEntries(chooseAgain))} />
      <p className="caption">{t('track.caption', { receiptNo: page.receiptNo })}</p>
      <h1>{t('track.heading')}</h1>
      {page.open ? (
        <>
          <p className="lead">{t('track.lead')}</p>
          <p>{t('track.limit', { max: ATTACHMENT_LIMITS.maxFilesPerCase, count: page.attachments.length })}</p>
          <Form method="post" encType="multipart/form-data" noValidate className="form" onSubmit={upload.onSubmit}>
            <FileUploadField label={t('track.fieldLabel')} errors={upload.fileMessages} chooseAgain={chooseAgain} />
            <UploadProgress percent={upload.percent} />
            <Button isDisabled={upload.sending}>{upload.sending ? t('track.sending') : t('track.submit')}</Button>
          </Form>
        </>
      ) : (
        <p>{t('track.closed')}</p>
      )}
      <h2>{t('track.filesTitle')}</h2>
      <AttachmentList attachments={page.attachments} hrefFor={(id) => `/track/case/attachments/${id}`} emptyText={t('track.none')} />
      <p>
        <Link to="/track/case">{t('track.back')}</Link>
      </p>
    </>
  );
}
