// The file input of the upload forms, and the progress shown while files are sent with
// JavaScript. Without JavaScript it is a plain multipart form field; the browser shows its own
// progress. Errors come from the server (see app/features/attachments/attachments.server.ts), one per refused file.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_ATTRIBUTE, ATTACHMENT_LIMITS, FILES_FIELD, MAX_FILE_MEGABYTES, type FileError } from '#app/features/attachments/rules.ts';
import { fieldId } from '#app/ui/field-ids.ts';

/** The message for one refused file (or the selection as a whole). */
export function useFileErrorMessage() {
  const { t } = useTranslation('attachments');
  return (error: FileError) => {
    const values = {
      name: error.fileName ?? '',
      count: error.count ?? 0,
      max: error.problem === 'caseFull' ? ATTACHMENT_LIMITS.maxFilesPerCase : ATTACHMENT_LIMITS.maxFilesPerRequest,
      maxMegabytes: MAX_FILE_MEGABYTES,
    };
    const key = error.problem === 'caseFull' && !error.count ? 'caseFullNone' : error.problem;
    return t(`problems.${key}`, values);
  };
}

interface FileUploadFieldProps {
  label: string;
  hint: string;
  /** Messages about refused files, shown with the field and tied to it. */
  errors: string[];
  /** Shown when files were chosen but the form came back: they must be chosen again. */
  chooseAgain: string | null;
}

export function FileUploadField({ label, hint, errors, chooseAgain }: FileUploadFieldProps) {
  const id = fieldId(FILES_FIELD);
  const invalid = errors.length > 0 || chooseAgain !== null;
  const describedBy = [`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${invalid ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {hint}
      </span>
      {invalid ? (
        <div id={`${id}-error`} data-testid="files-error">
          {errors.map((message) => (
            <span key={message} className="field__error">
              {message}
            </span>
          ))}
          {chooseAgain ? <span className="field__error">{chooseAgain}</span> : null}
        </div>
      ) : null}
      <input
        id={id}
        name={FILES_FIELD}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        className="field__input"
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
      />
    </div>
  );
}

/** Whether a form has files chosen in its file input (then it is sent with progress). */
export function chosenFileCount(form: HTMLFormElement): number {
  const input = form.elements.namedItem(FILES_FIELD);
  return input instanceof HTMLInputElement && input.files ? input.files.length : 0;
}

/**
 * What the browser already knows before sending: too many files, or one too large. Saves a
 * citizen on a slow connection from sending 60 MB only to hear it was too much. The server
 * checks again (and checks everything else).
 */
export function precheckChosenFiles(form: HTMLFormElement): FileError[] {
  const input = form.elements.namedItem(FILES_FIELD);
  const files = input instanceof HTMLInputElement && input.files ? Array.from(input.files) : [];
  if (files.length > ATTACHMENT_LIMITS.maxFilesPerRequest) return [{ problem: 'tooMany', fileName: null, count: files.length }];
  return files
    .filter((file) => file.size > ATTACHMENT_LIMITS.maxFileBytes)
    .map((file) => ({ problem: 'tooLarge' as const, fileName: file.name }));
}

export function clearChosenFiles(form: HTMLFormElement): void {
  const input = form.elements.namedItem(FILES_FIELD);
  if (input instanceof HTMLInputElement) input.value = '';
}

export type UploadAnswer = { kind: 'json'; status: number; body: unknown } | { kind: 'failed' } | { kind: 'busy' };

/**
 * Sends a form with XMLHttpRequest, whose upload progress events fetch() lacks, to a JSON
 * endpoint that answers exactly as the form's own action would, minus the HTML.
 */
export function useUploadWithProgress() {
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

/**
 * A progress bar while files are sent. Screen readers hear it in quarters, not every percent.
 */
export function UploadProgress({ percent }: { percent: number | null }) {
  const { t } = useTranslation('attachments');
  if (percent === null) return null;
  const quarter = Math.floor(percent / 25) * 25;
  return (
    <div className="field upload-progress" data-testid="upload-progress">
      <label className="field__label" htmlFor="upload-progress">
        {t('progress.label')}
      </label>
      <progress id="upload-progress" max={100} value={percent}>
        {t('progress.percent', { percent })}
      </progress>{' '}
      <span aria-hidden="true">{t('progress.percent', { percent })}</span>
      <span className="visually-hidden" role="status">
        {t('progress.percent', { percent: quarter })}
      </span>
    </div>
  );
}
