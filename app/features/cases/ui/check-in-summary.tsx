// 回访 as staff see it beside the case: whether the citizen agreed to be asked after the reply and
// how, whether it was asked, and the answer with their words; a phone check-in links to the page
// where the clerk who called records the answer.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';
import type { CheckInView } from '#app/features/cases/check-in.server.ts';

export function CheckInSummary({ caseId, checkIn, linkToCall = true }: { caseId: string; checkIn: CheckInView; linkToCall?: boolean }) {
  const { t } = useTranslation('office');
  const formatDate = useFormatDate();
  const { stage, channel } = checkIn;
  if (stage === 'none') return null;
  const how = channel ? t(`follow-up:checkIn.channels.${channel}`) : null;
  return (
    <section aria-labelledby="check-in-title" className="warning-panel" data-testid="case-check-in">
      <h2 id="check-in-title">{t('checkIn.title')}</h2>
      {stage === 'waiting' && how ? <p>{t('checkIn.waiting', { count: checkIn.days, channel: how })}</p> : null}
      {stage === 'asked' && checkIn.sentAt ? (
        <p>{t(channel === 'PHONE' ? 'checkIn.callDue' : 'checkIn.asked', { date: formatDate(checkIn.sentAt), channel: how ?? '' })}</p>
      ) : null}
      {stage === 'answered' && checkIn.answer && checkIn.answeredAt ? (
        <>
          <p>
            <strong className={checkIn.answer === 'YES' ? 'tag' : 'tag tag--late'} data-testid="check-in-answer">
              {t(`follow-up:solved.answers.${checkIn.answer}`)}
            </strong>{' '}
            {t('checkIn.answeredOn', { date: formatDate(checkIn.answeredAt) })}
          </p>
          {checkIn.words ? <p className="case-body">{checkIn.words}</p> : null}
        </>
      ) : null}
      {linkToCall && channel === 'PHONE' && checkIn.mayAnswer ? (
        <p>
          <Link to={`/office/cases/${caseId}/check-in`}>{t('checkIn.recordCall')}</Link>
        </p>
      ) : null}
    </section>
  );
}
