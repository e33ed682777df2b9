// /office/cases/:caseId/report: the unit files its completion report (办结报告, art. 22(3)), its
// findings with the documents it attaches. A multipart form without JavaScript; with it, a form
// with files goes through XMLHttpRequest to /office/cases/:caseId/report/upload so the page can
// show progress. Filed, it goes back to the case page. The rules are in
// app/features/cases/completion-report.server.ts.
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS, MAX_FILE_MEGABYTES } from '#app/features/attachments/rules.ts';
import { FileUploadField, UploadProgress } from '#app/features/attachments/ui/file-upload-field.tsx';
import { useUploadForm, withFileEntries } from '#app/features/attachments/ui/use-upload-form.ts';
import { answerUpload } from '#app/features/attachments/upload-form.server.ts';
import { completionReportPage, fileCompletionReport, type CompletionReportField } from '#app/features/cases/completion-report.server.ts';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const { t } = await translatorFor(request);
  const page = await completionReportPage(actor, caseId);
  return { ...page, title: t('office:completionReport.title', { receiptNo: page.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  return answerUpload(await fileCompletionReport(actor, caseId, request), `/office/cases/${caseId}`);
});

const FIELDS: readonly CompletionReportField[] = ['findings'];

export default function CompletionReportPage() {
  const page = useLoaderData<typeof loader>();
  const upload = useUploadForm(useActionData<typeof action>(), {
    endpoint: `/office/cases/${page.caseId}/report/upload`,
    failed: 'uploadFailed',
  });
  // The step's own problems (a stale version, a report already waiting) read as on the case page.
  const form = useFormErrors(upload.problem, { fields: FIELDS, prefix: () => 'office:case.errors', formPrefix: 'office:case.errors' });
  const { t } = useTranslation('office');
  const { t: ta } = useTranslation('attachments');
  const formatDate = useFormatDate();
  const chooseAgain = upload.problem?.filesNotKept
    ? ta(upload.fileMessages.length > 0 ? 'field.chooseAgainWithout' : 'field.chooseAgain')
    : null;

  return (
    <>
      <p className="caption">
        <Link to={`/office/cases/${page.caseId}`}>{t('transfer.back', { receiptNo: page.receiptNo })}</Link>
      </p>
      <ErrorSummary errors={withFileEntries(form.summary, upload.fileEntries(chooseAgain), FIELDS)} />
      <h1>{page.title}</h1>
      <p className="lead">{t('completionReport.lead')}</p>
      {page.dueAt ? <p>{t('completionReport.due', { date: formatDate(page.dueAt) })}</p> : null}
      {page.returned ? (
        <div className="notice" data-testid="report-returned">
          <p>{t('completionReport.returned', { date: formatDate(page.returned.at, true) })}</p>
          <p className="case-body">{page.returned.reason}</p>
        </div>
      ) : null}
      {page.blocker ? (
        <p data-testid="report-blocked">{t(`case.errors.${page.blocker}`)}</p>
      ) : (
        <Form method="post" encType="multipart/form-data" noValidate className="form" onSubmit={upload.onSubmit}>
          <input type="hidden" name="version" value={page.version} />
          <TextField
            name="findings"
            label={t('case.fields.findings')}
            hint={t('case.fields.internalOnly')}
            error={form.error('findings')}
            defaultValue={form.value('findings')}
            multiline={{ maxLength: page.findingsMax, rows: 8 }}
          />
          <FileUploadField
            label={t('completionReport.filesLabel')}
            hint={t('completionReport.filesHint', { maxFiles: ATTACHMENT_LIMITS.maxFilesPerRequest, maxMegabytes: MAX_FILE_MEGABYTES })}
            errors={upload.fileMessages}
            chooseAgain={chooseAgain}
          />
          <UploadProgress percent={upload.percent} />
          <Button isDisabled={upload.sending}>{upload.sending ? t('completionReport.sending') : t('case.action.fileReport')}</Button>
        </Form>
      )}
    </>
  );
}
