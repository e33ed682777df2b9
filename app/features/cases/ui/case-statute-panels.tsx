// What the statute adds to the back-office case page: whom a report of misconduct is about (arts.
// 30, 46(5)), a unit's pending objection (art. 23), the completion reports of an assignment with
// their documents (art. 22(3)), the cases merged into this one, an earlier case on the same matter
// already decided on re-review (art. 36), and why someone may not decide a review (arts. 35, 36).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AttachmentList, type AttachmentItem } from '#app/features/attachments/ui/attachment-list.tsx';
import { useFormatDate } from '#app/ui/format.ts';

type When = string | Date;

export interface CaseStatuteView {
  case: { id: string };
  reportedParty: { unit: string | null; official: string | null } | null;
  objection: { pendingFrom: string | null };
  completion: {
    dueAt: When | null;
    reworkCount: number;
    escalatedAt: When | null;
    reports: {
      id: string;
      findings: string;
      status: string;
      author: string | null;
      decidedBy: string | null;
      decisionReason: string | null;
      createdAt: When;
      decidedAt: When | null;
      /** The documents it attaches (staff only; downloads audited like every file of the case). */
      attachments: AttachmentItem[];
    }[];
  };
  mergedCases: { id: string; receiptNo: string; status: string }[];
  decidedMatter: { id: string; receiptNo: string; closedAt: When | null } | null;
  review: { stage: string; notIndependent: 'tookPart' | 'reviewedUnit' | null } | null;
  hearing: { since: When | null; begun: boolean; held: boolean };
}

export function CaseStatutePanels({ view }: { view: CaseStatuteView }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  const { reportedParty, objection, completion, mergedCases, decidedMatter, review, hearing } = view;
  return (
    <>
      {reportedParty ? (
        <section aria-labelledby="reported-title" className="panel" data-testid="office-reported-party">
          <h2 id="reported-title">{t('case.statute.reportedTitle')}</h2>
          <p>{reportedParty.unit ?? tc('submit.fields.reportedUnit.unknown')}</p>
          {reportedParty.official ? <p>{t('case.statute.official', { official: reportedParty.official })}</p> : null}
          <p className="field__hint">{t('case.statute.reportedBar')}</p>
        </section>
      ) : null}
      {decidedMatter ? (
        <p className="panel" role="note" data-testid="office-decided-matter">
          {t('case.statute.decidedMatter')} <Link to={`/office/cases/${decidedMatter.id}`}>{decidedMatter.receiptNo}</Link>
        </p>
      ) : null}
      {review?.notIndependent ? (
        <p className="panel" role="note" data-testid="office-not-independent">
          {t(`case.statute.notIndependent.${review.notIndependent}`)}
        </p>
      ) : null}
      {hearing.since ? (
        <p className="panel">
          {t(hearing.begun ? 'case.statute.hearingSince' : 'case.statute.hearingArranged', { date: formatDate(hearing.since) })}
        </p>
      ) : hearing.held ? (
        <p className="panel">{t('case.statute.hearingHeld')}</p>
      ) : null}
      {objection.pendingFrom ? (
        <p className="panel" role="note" data-testid="office-objection">
          {t('case.statute.objectionPending', { unit: objection.pendingFrom })}
        </p>
      ) : null}
      {completion.dueAt || completion.reports.length > 0 ? (
        <section aria-labelledby="completion-title" data-testid="office-completion">
          <h2 id="completion-title">{t('case.statute.completionTitle')}</h2>
          {completion.reworkCount > 0 ? <p>{t('case.statute.reworks', { count: completion.reworkCount })}</p> : null}
          {completion.escalatedAt ? <p>{t('case.statute.escalated', { date: formatDate(completion.escalatedAt) })}</p> : null}
          {completion.reports.length === 0 ? <p>{t('case.statute.noReportYet')}</p> : null}
          <ol className="timeline">
            {completion.reports.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{t(`case.statute.reportStatus.${r.status}`)}</strong> · {formatDate(r.createdAt, true)}
                  {r.author ? ` · ${r.author}` : null}
                </p>
                <p className="case-body">{r.findings}</p>
                {r.attachments.length > 0 ? (
                  <div data-testid="report-documents">
                    <p>{t('case.statute.reportDocuments')}</p>
                    <AttachmentList
                      attachments={r.attachments}
                      hrefFor={(id) => `/office/cases/${view.case.id}/attachments/${id}`}
                      showUploader
                      emptyText=""
                    />
                  </div>
                ) : null}
                {r.decidedAt ? (
                  <p className="field__hint">
                    {t('case.statute.decided', { date: formatDate(r.decidedAt, true), by: r.decidedBy ?? '' })}
                    {r.decisionReason ? ` ${r.decisionReason}` : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {mergedCases.length > 0 ? (
        <section aria-labelledby="merged-title">
          <h2 id="merged-title">{t('case.statute.mergedTitle')}</h2>
          <p className="field__hint">{t('case.statute.mergedHint')}</p>
          <ul>
            {mergedCases.map((m) => (
              <li key={m.id}>
                <Link to={`/office/cases/${m.id}`}>{m.receiptNo}</Link> {tc(`status.${m.status}.title`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
