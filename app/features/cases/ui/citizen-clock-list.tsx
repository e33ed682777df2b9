// The citizen's whole clock on the track page (citizen-clock.ts): each date with its article, and
// for each its state in words, never by colour alone. A missed answer says what the law lets the
// citizen do about it, with the request ready to print.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '#app/ui/format.ts';
import { articleList } from '../deadlines.ts';
import type { ClockStepKind, ClockStepState } from '../citizen-clock.ts';

export interface ClockStepView {
  kind: ClockStepKind;
  dueAt: string | Date;
  article: string;
  state: ClockStepState;
  doneAt: string | Date | null;
  hearingFrom?: string | Date;
}

export function CitizenClockList({ steps, extension }: { steps: ClockStepView[]; extension: { days: number; reason: string } | null }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      <h2 id="clock-title">{t('case.deadlinesTitle')}</h2>
      <p>{t('case.clock.lead')}</p>
      <ol className="deadline-list" data-testid="case-deadlines" aria-labelledby="clock-title">
        {steps.length === 0 ? <li>{t('case.deadlines.none')}</li> : null}
        {steps.map((step) => (
          <li key={step.kind} className={step.state === 'missed' ? 'overdue' : undefined} data-clock-step={step.kind}>
            {t(`case.deadlines.${step.kind}`)} <strong>{formatDate(step.dueAt)}</strong>{' '}
            <span className="article">{t('case.article', { article: articleList(step.article, i18n.language) })}</span>{' '}
            <strong className={`tag tag--clock-${step.state}`} data-testid="clock-state">
              {t(`case.clock.states.${step.state}`)}
            </strong>
            {step.doneAt && (step.state === 'met' || step.state === 'late' || step.state === 'used') ? (
              <p>{t(`case.clock.done.${step.state}`, { date: formatDate(step.doneAt) })}</p>
            ) : null}
            {step.state === 'closed' ? <p>{t('case.clock.done.closed')}</p> : null}
            {step.state === 'objected' ? <p>{t('case.clock.done.objected')}</p> : null}
            {step.state === 'missed' ? (
              <div data-testid="deadline-remedy">
                <p>{t('case.deadlines.overdue')}</p>
                <p>{t('case.deadlines.remedy')}</p>
                <p>
                  <Link to="/track/case/remedy">{t('case.deadlines.remedyLink')}</Link>
                </p>
              </div>
            ) : null}
            {step.state === 'paused' ? (
              <p>
                {step.hearingFrom ? `${t('case.deadlines.hearingPaused', { date: formatDate(step.hearingFrom) })} ` : null}
                {t('case.deadlines.paused')}
              </p>
            ) : step.hearingFrom && step.state === 'due' ? (
              <p>{t('case.deadlines.hearingArranged', { date: formatDate(step.hearingFrom) })}</p>
            ) : null}
            {step.kind === 'reply' && extension ? <p>{t('case.deadlines.extended', extension)}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
