// 回访 on the track page: whether the citizen agreed to be asked after the reply (and a link to change
// that), and, once asked, the question itself with one button per answer, so one click answers it.
// It works without JavaScript: the buttons post to /track/case/solved as a plain form does.
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CHECK_IN_WORDS_MAX } from '#app/features/cases/check-in.ts';
import { SOLVED } from '#app/features/cases/follow-up.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';
import type { CheckInView } from '#app/features/cases/check-in.server.ts';

/** What the citizen adds to their answer (typed by them, or by the clerk who called), for the supervisor who reads it. */
export function CheckInWords({ error, defaultValue, by = 'citizen' }: { error?: string; defaultValue?: string; by?: 'citizen' | 'clerk' }) {
  const { t } = useTranslation('follow-up');
  return (
    <TextField
      name="words"
      label={t(by === 'citizen' ? 'solved.words' : 'solved.wordsByClerk')}
      hint={by === 'citizen' ? t('solved.wordsHint') : undefined}
      error={error}
      defaultValue={defaultValue ?? ''}
      multiline={{ maxLength: CHECK_IN_WORDS_MAX, rows: 3 }}
    />
  );
}

export function CheckInPanel({ checkIn }: { checkIn: CheckInView }) {
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  const { stage, channel, days } = checkIn;
  // Nothing to say to someone who left no way to be asked (an anonymous report) and was never asked.
  if (stage === 'none' && !checkIn.mayChangeConsent) return null;
  const asking = stage === 'asked' && checkIn.mayAnswer;
  return (
    <section aria-labelledby="check-in-title" className="check-in" data-testid="check-in">
      <h2 id="check-in-title">{t(asking ? 'solved.question' : 'checkIn.panelTitle')}</h2>
      {asking ? (
        <Form method="post" action="/track/case/solved" noValidate data-testid="check-in-question">
          <p>{t('solved.lead')}</p>
          <CheckInWords />
          <div className="actions">
            {SOLVED.map((answer) => (
              <Button key={answer} name="answer" value={answer} variant={answer === 'YES' ? 'primary' : 'secondary'}>
                {t(`solved.answers.${answer}`)}
              </Button>
            ))}
          </div>
        </Form>
      ) : null}
      {stage === 'answered' && checkIn.answer && checkIn.answeredAt ? (
        <p data-testid="check-in-answer">
          {t('solved.answered', { date: formatDate(checkIn.answeredAt), answer: t(`solved.answers.${checkIn.answer}`) })}{' '}
          {checkIn.mayAnswer ? <Link to="/track/case/solved">{t('solved.change')}</Link> : null}
        </p>
      ) : null}
      {stage === 'waiting' && channel ? (
        <p data-testid="check-in-consent">{t('checkIn.waiting', { count: days, channel: t(`checkIn.channels.${channel}`) })}</p>
      ) : null}
      {stage === 'none' ? <p data-testid="check-in-consent">{t('checkIn.none', { count: days })}</p> : null}
      {checkIn.mayChangeConsent ? (
        <p>
          <Link to="/track/case/check-in">{t(stage === 'none' ? 'checkIn.give' : 'checkIn.change')}</Link>
        </p>
      ) : null}
    </section>
  );
}
