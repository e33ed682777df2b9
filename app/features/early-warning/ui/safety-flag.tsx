// The marker of a letter with signs of self-harm or a threat to life: an icon and words, never
// colour alone, the same in the queue, on the board and on the case page.
import { useTranslation } from 'react-i18next';

export function SafetyFlag({ pinned = false }: { pinned?: boolean }) {
  const { t } = useTranslation('office-warning');
  return (
    <span className={`safety-flag${pinned ? ' safety-flag--pinned' : ''}`} data-testid="safety-flag">
      <svg className="safety-flag__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d="M8 1.5 15 14.5H1z" fill="currentColor" />
        <path d="M8 6v4.2M8 11.6v1.2" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {t('safety.flag')}
    </span>
  );
}
