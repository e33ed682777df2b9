// The written notices of a case on its back-office page: each links to its printable page, with
// how it reached the citizen, or "to post" while a notice that must go on paper waits for it.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';
import type { DeliveryMethod, WrittenNoticeKind } from '#app/features/cases/written-notices/notice-kinds.ts';

interface Listed {
  kind: WrittenNoticeKind;
  issuedAt: string | Date;
  delivery: { method: DeliveryMethod; deliveredAt: string | Date } | null;
  toPost: boolean;
}

export function CaseNotices({ caseId, notices }: { caseId: string; notices: Listed[] }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="written-notices-title">
      <h3 id="written-notices-title">{t('writtenNotices.listTitle')}</h3>
      <ul className="notice-list" data-testid="office-written-notices">
        {notices.map((notice) => (
          <li key={notice.kind}>
            <Link to={`/office/cases/${caseId}/notices/${notice.kind}`}>{tc(`writtenNotices.titles.${notice.kind}`)}</Link>{' '}
            <span className="caption">{formatDate(notice.issuedAt)}</span>{' '}
            {notice.delivery ? (
              <span>
                {t('writtenNotices.deliveredOn', {
                  method: tc(`writtenNotices.methods.${notice.delivery.method}`),
                  date: formatDate(notice.delivery.deliveredAt),
                })}
              </span>
            ) : notice.toPost ? (
              <strong className="tag tag--to-post">{t('writtenNotices.toPost')}</strong>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
