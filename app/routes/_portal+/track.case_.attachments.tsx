// /track/case/attachments: the citizen adds evidence to the case their track session opened.
// A multipart form without JavaScript; with it, the files go through XMLHttpRequest to
// /track/case/attachments/upload so the page can show progress.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from '@remix-run/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { evidencePageData, handleEvidenceRequest } from '#app/features/attachments/attachments.server.ts';
import { ATTACHMENT_LIMITS, FILES_FIELD, MAX_FILE_MEGABYTES, type FileError } from '#app/features/attachments/rules.ts';
import { AttachmentList } from '#app/features/attachments/ui/attachment-list.tsx';
import {
  FileUploadField,
  UploadProgress,
  chosenFileCount,
  clearChosenFiles,
  precheckChosenFiles,
  useFileErrorMessage,
  useUploadWithProgress,
} from '#app/features/attachments/ui/file-upload-field.tsx';
import { PRIVATE_PAGE_HEADERS, trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';

export const headers = privatePageHeaders;

const UPLOAD_ENDPOINT = '/track/case/attachments/upload';

/** ?added=N after a successful post: how many files the notice reports. */
function addedParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get('added');
  if (raw === null || !/^\d{1,2}$/.test(raw)) return null;
  return Math.min(Number(raw), ATTACHMENT_LIMITS.maxFilesPerRequest);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = trackCookie.read(request);
  const page = session ? await evidencePageData(session.caseId) : null;
  if (!page) throw redirect('/track', { headers: { 'Set-Cookie': trackCookie.clear() } });
  const { t } = await translatorFor(request);
  return data(
    { ...page, title: t('attachments:track.title', { receiptNo: page.receiptNo }), added: addedParam(request) },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const session = trackCookie.read(request);
  if (!session) throw redirect('/track', { status: 303, headers: { 'Set-Cookie': trackCookie.clear() } });
  const outcome = await handleEvidenceRequest(request, session.caseId, context.clientIp);
  if (!outcome.ok) {
    const { status, fileErrors, formError } = outcome;
    return data({ fileErrors, formError, filesNotKept: true }, { status, headers: PRIVATE_PAGE_HEADERS });
  }
  return redirect(`/track/case/attachments?added=${outcome.added}`, { status: 303 });
}

interface EvidenceFailure {
  fileErrors: FileError[];
  formError: 'unreadable' | 'tooMany' | null;
  filesNotKept: boolean;
}

function readAnswer(body: unknown): { redirectTo: string } | EvidenceFailure | null {
  if (typeof body !== 'object' || body === null) return null;
  const answer = body as Record<string, unknown>;
  if (answer.ok === true && typeof answer.redirectTo === 'string' && answer.redirectTo.startsWith('/'))
    return { redirectTo: answer.redirectTo };
  if (answer.ok === false && Array.isArray(answer.fileErrors)) return body as EvidenceFailure;
  return null;
}

export default function EvidencePage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { t } = useTranslation('attachments');
  const fileErrorMessage = useFileErrorMessage();
  const upload = useUploadWithProgress();
  const [uploadFailure, setUploadFailure] = useState<EvidenceFailure | null>(null);
  const failure: EvidenceFailure | null = uploadFailure ?? actionData ?? null;
  const fileMessages = (failure?.fileErrors ?? []).map(fileErrorMessage);
  // Files were refused or not kept (not for "choose a file" or a case that has ended): choose again.
  const refusedFiles = (failure?.fileErrors ?? []).some((e) => e.problem !== 'none' && e.problem !== 'closed');
  const chooseAgain = failure?.filesNotKept && refusedFiles ? t('field.chooseAgainWithout') : null;
  const formMessage = failure?.formError ? t(failure.formError === 'tooMany' ? 'track.tooMany' : 'track.failed') : null;
  const summary = [
    ...(formMessage ? [{ message: formMessage }] : []),
    ...fileMessages.map((message) => ({ field: FILES_FIELD, message })),
    ...(chooseAgain ? [{ field: FILES_FIELD, message: chooseAgain }] : []),
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
    if (chosenFileCount(form) === 0) return;
    event.preventDefault();
    const early = precheckChosenFiles(form);
    if (early.length > 0) {
      clearChosenFiles(form);
      setUploadFailure({ fileErrors: early, formError: null, filesNotKept: true });
      return;
    }
    void upload.send(UPLOAD_ENDPOINT, new FormData(form)).then((answer) => {
      if (answer.kind === 'busy') return;
      const read = answer.kind === 'json' ? readAnswer(answer.body) : null;
      if (read && 'redirectTo' in read) {
        navigate(read.redirectTo);
        return;
      }
      clearChosenFiles(form);
      setUploadFailure(read ?? { fileErrors: [], formError: 'unreadable', filesNotKept: true });
    });
  };

  return (
    <>
      <ErrorSummary errors={summary} />
      <p className="caption">{t('track.caption', { receiptNo: page.receiptNo })}</p>
      <h1>{t('track.heading')}</h1>
      {page.added !== null && !failure ? (
        <p className="warning-text" role="status" data-testid="evidence-added">
          {page.added > 0 ? t('track.added', { count: page.added }) : t('track.addedNone')}
        </p>
      ) : null}
      {page.open ? (
        <>
          <p className="lead">{t('track.lead')}</p>
          <p>{t('track.limit', { max: ATTACHMENT_LIMITS.maxFilesPerCase, count: page.attachments.length })}</p>
          <Form method="post" encType="multipart/form-data" noValidate className="form" onSubmit={onSubmit}>
            <FileUploadField
              label={t('track.fieldLabel')}
              hint={t('field.hint', { maxFiles: ATTACHMENT_LIMITS.maxFilesPerRequest, maxMegabytes: MAX_FILE_MEGABYTES })}
              errors={fileMessages}
              chooseAgain={chooseAgain}
            />
            <UploadProgress percent={upload.percent} />
            <Button isDisabled={sending}>{sending ? t('track.sending') : t('track.submit')}</Button>
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
