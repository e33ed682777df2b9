// The files of a case, each a download link with its kind, size, how it came and when. The
// citizen's track page and the office case page both use it, each with its own download URLs.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { acceptsEvidence, FILE_KIND_INFO, FILE_KINDS, type FileKind } from '#app/features/attachments/rules.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { AttachmentSummary } from '#app/features/attachments/access.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';

/** A file as the server listed it (access.ts), its date as it came over the wire. */
export type AttachmentItem = Omit<AttachmentSummary, 'createdAt'> & { createdAt: string | Date };

interface AttachmentListProps {
  attachments: readonly AttachmentItem[];
  /** The download URL of one file. */
  hrefFor: (id: string) => string;
  /** Staff see who added each file. */
  showUploader?: boolean;
  emptyText: string;
}

function kindOf(contentType: string): FileKind | 'other' {
  return FILE_KINDS.find((kind) => FILE_KIND_INFO[kind].contentType === contentType) ?? 'other';
}

export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

export function AttachmentList({ attachments, hrefFor, showUploader = false, emptyText }: AttachmentListProps) {
  const { t, i18n } = useTranslation('attachments');
  const formatDate = useFormatDate();
  if (attachments.length === 0) return <p data-testid="attachment-list-empty">{emptyText}</p>;
  return (
    <ul className="attachment-list" data-testid="attachment-list">
      {attachments.map((file) => {
        const values = {
          kind: t(`kinds.${kindOf(file.contentType)}`),
          size: formatFileSize(file.sizeBytes, i18n.language),
          purpose: t(`purpose.${file.purpose}`, { defaultValue: '' }),
          uploader: t(`list.uploader.${file.uploadedBy}`),
          date: formatDate(file.createdAt),
        };
        return (
          <li key={file.id}>
            {/* A plain link: the router must not try to render a download as a page. */}
            <a href={hrefFor(file.id)} download={file.fileName} className="attachment-list__link">
              {file.fileName}
            </a>
            <br />
            <span className="attachment-list__details">{t(showUploader ? 'list.staffDetails' : 'list.details', values)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The track page's section: the citizen's files, and a way to add more while the case is open. */
export function TrackCaseFiles({ attachments, status }: { attachments: readonly AttachmentItem[]; status: CaseStatus }) {
  const { t } = useTranslation('attachments');
  return (
    <section aria-labelledby="case-files-title" data-testid="case-files">
      <h2 id="case-files-title">{t('track.sectionTitle')}</h2>
      <AttachmentList attachments={attachments} hrefFor={(id) => `/track/case/attachments/${id}`} emptyText={t('track.none')} />
      {acceptsEvidence(status) ? (
        <p className="no-print">
          <Link to="/track/case/attachments">{t('track.addLink')}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The office case page's section: every file of the case, downloads audited. */
export function OfficeCaseFiles({
  caseId,
  attachments,
  withheld = false,
}: {
  caseId: string;
  attachments: readonly AttachmentItem[];
  withheld?: boolean;
}) {
  const { t } = useTranslation('attachments');
  if (withheld) {
    return (
      <section aria-labelledby="case-files-title" data-testid="office-case-files">
        <h3 id="case-files-title">{t('list.title')}</h3>
        <p>{t('list.withheld')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="case-files-title" data-testid="office-case-files">
      <h3 id="case-files-title">{t('list.title')}</h3>
      <AttachmentList
        attachments={attachments}
        hrefFor={(id) => `/office/cases/${caseId}/attachments/${id}`}
        showUploader
        emptyText={t('list.none')}
      />
      {attachments.length > 0 ? <p className="field__hint">{t('list.downloadNote')}</p> : null}
    </section>
  );
}
