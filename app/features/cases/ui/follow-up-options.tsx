// "What you can do now" on the track page: rate the answer, ask for review or re-review while the
// window is open, or withdraw before the reply. Each is a link to its own page, so it works without
// JavaScript. After re-review the answer is final, and the page says what that means.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';
import type { FollowUpChoices } from '#app/features/cases/follow-up.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';

interface FollowUpView {
  status: CaseStatus;
  rating: { rating: number; solved: string; comment: string | null } | null;
}

/** `choices` are followUpChoices (follow-up.ts) as the server worked them out for this page. */
export function FollowUpOptions({ view, choices }: { view: FollowUpView; choices: FollowUpChoices }) {
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  const { rate, review, reviewDueAt, withdraw } = choices;
  const options = review !== null || rate || withdraw;
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
              <Link to="/track/case/review">{t(`options.${review}`)}</Link>{' '}
              {reviewDueAt ? t('options.by', { date: formatDate(reviewDueAt) }) : null}
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
