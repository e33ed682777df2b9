// The submit handler of every form with files (the letter, evidence added later): with JavaScript
// and files chosen, the form goes through XMLHttpRequest to the page's JSON twin, so the page can
// show progress; that answer stands in for the action data until the next submission. Without
// files, or without JavaScript, the form is posted as usual.
import { useNavigate, useNavigation } from '@remix-run/react';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { ATTACHMENT_LIMITS, FILES_FIELD, type FileError, type UploadProblem } from '#app/features/attachments/rules.ts';
import { useFileErrorMessage } from './file-upload-field.tsx';
import type { SummaryEntry } from '#app/ui/use-form-errors.ts';

/** Whether a form has files chosen in its file input (then it is sent with progress). */
function chosenFileCount(form: HTMLFormElement): number {
  const input = form.elements.namedItem(FILES_FIELD);
  return input instanceof HTMLInputElement && input.files ? input.files.length : 0;
}

/**
 * What the browser already knows before sending: too many files, or one too large. Saves a
 * citizen on a slow connection from sending 60 MB only to hear it was too much. The server
 * checks again (and checks everything else).
 */
function precheckChosenFiles(form: HTMLFormElement): FileError[] {
  const input = form.elements.namedItem(FILES_FIELD);
  const files = input instanceof HTMLInputElement && input.files ? Array.from(input.files) : [];
  if (files.length > ATTACHMENT_LIMITS.maxFilesPerRequest) return [{ problem: 'tooMany', fileName: null, count: files.length }];
  return files
    .filter((file) => file.size > ATTACHMENT_LIMITS.maxFileBytes)
    .map((file) => ({ problem: 'tooLarge' as const, fileName: file.name }));
}

function clearChosenFiles(form: HTMLFormElement): void {
  const input = form.elements.namedItem(FILES_FIELD);
  if (input instanceof HTMLInputElement) input.value = '';
}

type UploadAnswer = { kind: 'json'; status: number; body: unknown } | { kind: 'failed' } | { kind: 'busy' };

/**
 * Sends a form with XMLHttpRequest, whose upload progress events fetch() lacks, to a JSON
 * endpoint that answers exactly as the form's own action would, minus the HTML.
 */
function useUploadWithProgress() {
  const [percent, setPercent] = useState<number | null>(null);
  const active = useRef(false);
  const send = useCallback(async (url: string, body: FormData): Promise<UploadAnswer> => {
    // Already sending: the caller ignores this submit.
    if (active.current) return { kind: 'busy' };
    active.current = true;
    setPercent(0);
    try {
      return await new Promise<UploadAnswer>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', url);
        xhr.responseType = 'json';
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable && event.total > 0) setPercent(Math.min(100, Math.round((event.loaded / event.total) * 100)));
        };
        xhr.onload = () => resolve(xhr.response === null ? { kind: 'failed' } : { kind: 'json', status: xhr.status, body: xhr.response });
        xhr.onerror = () => resolve({ kind: 'failed' });
        xhr.onabort = () => resolve({ kind: 'failed' });
        xhr.send(body);
      });
    } finally {
      active.current = false;
      setPercent(null);
    }
  }, []);
  return { percent, send };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The JSON twin's answer is ours, but the network is not: check its shape before using it. */
function readAnswer<Field extends string>(body: unknown): { redirectTo: string } | UploadProblem<Field> | null {
  if (!isRecord(body)) return null;
  if (body.ok === true && typeof body.redirectTo === 'string' && /^\/(?![/\\])/.test(body.redirectTo))
    return { redirectTo: body.redirectTo };
  if (body.ok === false && isRecord(body.errors) && isRecord(body.values) && Array.isArray(body.fileErrors)) {
    return body as unknown as UploadProblem<Field>;
  }
  return null;
}

interface UploadFormOptions {
  /** The JSON twin of the page's action. */
  endpoint: string;
  /** The form error when the files could not be sent or the answer not read. */
  failed: string;
}

export function useUploadForm<Field extends string>(actionData: UploadProblem<Field> | undefined, { endpoint, failed }: UploadFormOptions) {
  const navigation = useNavigation();
  const navigate = useNavigate();
  const upload = useUploadWithProgress();
  const fileErrorMessage = useFileErrorMessage();
  const [answer, setAnswer] = useState<UploadProblem<Field> | null>(null);
  const problem = answer ?? actionData ?? null;
  const fileMessages = (problem?.fileErrors ?? []).map(fileErrorMessage);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // One upload at a time: a second submit while files are going would send them twice.
    if (upload.percent !== null) {
      event.preventDefault();
      return;
    }
    setAnswer(null);
    const form = event.currentTarget;
    // Without files there is nothing to show progress for: Remix submits the form as usual.
    if (chosenFileCount(form) === 0) return;
    event.preventDefault();
    const values = problem?.values ?? {};
    const early = precheckChosenFiles(form);
    if (early.length > 0) {
      clearChosenFiles(form);
      setAnswer({ errors: {}, values, formError: null, fileErrors: early, filesNotKept: true });
      return;
    }
    void upload.send(endpoint, new FormData(form)).then((sent) => {
      if (sent.kind === 'busy') return;
      const read = sent.kind === 'json' ? readAnswer<Field>(sent.body) : null;
      if (read && 'redirectTo' in read) {
        navigate(read.redirectTo);
        return;
      }
      // As without JavaScript: the chosen files are not kept, and the page says so.
      clearChosenFiles(form);
      setAnswer(read ?? { errors: {}, values, formError: failed, fileErrors: [], filesNotKept: true });
    });
  };

  /** The file problems for the error summary, and the request to choose the files again. */
  const fileEntries = (chooseAgain: string | null): SummaryEntry[] =>
    [...fileMessages, ...(chooseAgain ? [chooseAgain] : [])].map((message) => ({ field: FILES_FIELD, message }));

  return {
    problem,
    fileMessages,
    fileEntries,
    onSubmit,
    percent: upload.percent,
    sending: navigation.state === 'submitting' || upload.percent !== null,
  };
}

/** An error summary with the file problems where the file field stands: after `fieldsBefore`. */
export function withFileEntries(summary: SummaryEntry[], files: SummaryEntry[], fieldsBefore: readonly string[] = []): SummaryEntry[] {
  const at = summary.filter((entry) => !entry.field || fieldsBefore.includes(entry.field)).length;
  return [...summary.slice(0, at), ...files, ...summary.slice(at)];
}
