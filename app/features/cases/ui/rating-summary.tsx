// The citizen's satisfaction rating (art. 21), as staff see it on the case page.
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';

export function RatingSummary({
  rating,
}: {
  rating: { rating: number; solved: string; comment: string | null; updatedAt: string | Date };
}) {
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="rating-title" className="warning-panel" data-testid="case-rating">
      <h2 id="rating-title">{t('staff.title')}</h2>
      <p>
        {t('staff.summary', {
          rating: t(`rate.scale.${rating.rating}`),
          score: rating.rating,
          solved: t(`rate.solvedOptions.${rating.solved}`),
        })}
      </p>
      {rating.comment ? <p className="case-body">{rating.comment}</p> : null}
      <p className="field__hint">{t('staff.when', { date: formatDate(rating.updatedAt) })}</p>
    </section>
  );
}
