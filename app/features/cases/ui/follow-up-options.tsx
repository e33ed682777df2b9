// "What you can do now" on the track page: rate the answer, ask for review or re-review while the
// window is open, or withdraw before the reply. Each is a link to its own page, so it works without
// JavaScript. After re-review the answer is final, and the page says what that means.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { canRate, canRequestReReview, canRequestReview, canWithdraw } from '#app/features/cases/follow-up.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';

interface FollowUpView {
  status: CaseStatus;
  reviewRequestDueAt: string | Date | null;
  reReviewRequestDueAt: string | Date | null;
  rating: { rating: number; solved: string; comment: string | null } | null;
}

const asDate = (value: string | Date | null) => (value === null ? null : new Date(value));

export function FollowUpOptions({ view, now }: { view: FollowUpView; now: string | Date }) {
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  const current = new Date(now);
  const review = canRequestReview(view.status, asDate(view.reviewRequestDueAt), current);
  const reReview = canRequestReReview(view.status, asDate(view.reReviewRequestDueAt), current);
  const rate = canRate(view.status, view.rating !== null);
  const withdraw = canWithdraw(view.status);
  const options = review || reReview || rate || withdraw;
  if (!options && !view.rating && view.status !== 'FINAL') return null;
  return (
    <section aria-labelledby="follow-up-title" className="follow-up" data-testid="follow-up">
      <h2 id="follow-up-title">{t('options.title')}</h2>
      {view.status === 'FINAL' ? <p className="warning-text">{t('options.final')}</p> : null}
      {view.rating ? (
        <p data-testid="rating-summary">
          {t('options.rated', { rating: t(`rate.scale.${view.rating.rating}`), solved: t(`rate.solvedOptions.${view.rating.solved}`) })}
        </p>
      ) : null}
      {options ? (
        <ul className="follow-up__list">
          {rate ? (
            <li>
              <Link to="/track/case/rate">{t(view.rating ? 'options.changeRating' : 'options.rate')}</Link>
            </li>
          ) : null}
          {review ? (
            <li>
              <Link to="/track/case/review">{t('options.review')}</Link> {t('options.by', { date: formatDate(view.reviewRequestDueAt!) })}
            </li>
          ) : null}
          {reReview ? (
            <li>
              <Link to="/track/case/review">{t('options.reReview')}</Link>{' '}
              {t('options.by', { date: formatDate(view.reReviewRequestDueAt!) })}
            </li>
          ) : null}
          {withdraw ? (
            <li>
              <Link to="/track/case/withdraw">{t('options.withdraw')}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
