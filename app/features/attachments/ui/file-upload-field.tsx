// The file input of the upload forms, and the progress shown while files are sent with
// JavaScript (use-upload-form.ts). Without JavaScript it is a plain multipart form field; the
// browser shows its own progress. Errors come from the server (stored-files.server.ts), one per
// refused file.
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
  /** The limits, unless the form says more. */
  hint?: string;
  /** Messages about refused files, shown with the field and tied to it. */
  errors: string[];
  /** Shown when files were chosen but the form came back: they must be chosen again. */
  chooseAgain: string | null;
}

export function FileUploadField({ label, hint, errors, chooseAgain }: FileUploadFieldProps) {
  const { t } = useTranslation('attachments');
  const id = fieldId(FILES_FIELD);
  const invalid = errors.length > 0 || chooseAgain !== null;
  const describedBy = [`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${invalid ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {hint ?? t('field.hint', { maxFiles: ATTACHMENT_LIMITS.maxFilesPerRequest, maxMegabytes: MAX_FILE_MEGABYTES })}
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
