import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STATUTORY_LIMITS } from '../domain/deadlines.ts';
import { translatorFor } from '../i18n/translate.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request);
  return { title: t('home.title') };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const KINDS = ['SUGGESTION', 'OPINION', 'COMPLAINT', 'HELP_REQUEST', 'MISCONDUCT_REPORT', 'INQUIRY'] as const;

export default function Home() {
  const { t } = useTranslation();
  const n = STATUTORY_LIMITS;
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <Link to="/submit" className="button button--primary button--start">
        {t('home.start')}
      </Link>

      <h2>{t('home.whatYouCanSend')}</h2>
      <dl className="kind-list">
        {KINDS.map((kind) => (
          <div key={kind}>
            <dt>{t(`kinds.${kind}.label`)}</dt>
            <dd>{t(`kinds.${kind}.hint`)}</dd>
          </div>
        ))}
      </dl>

      <h2>{t('home.whatHappensNext')}</h2>
      <ol className="steps">
        <li>{t('home.steps.receipt')}</li>
        <li>{t('home.steps.decision', { days: n.acceptanceDays })}</li>
        <li>{t('home.steps.reply', { days: n.replyDays, extension: n.maxExtensionDays })}</li>
        <li>{t('home.steps.review', { days: n.reviewRequestDays })}</li>
      </ol>

      <h2>{t('home.trackTitle')}</h2>
      <p>
        {t('home.trackBody')} <Link to="/track">{t('home.trackLink')}</Link>
      </p>

      <h2>{t('home.privacyTitle')}</h2>
      <p>
        {t('home.privacyBody')} <Link to="/privacy">{t('home.privacyLink')}</Link>
      </p>
    </>
  );
}
