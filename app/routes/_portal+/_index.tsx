// /: the portal's home page: what can be sent, what happens next, the latest notices, and the way
// to visits, tracking and the privacy notice.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STATUTORY_LIMITS } from '#app/features/cases/deadlines.ts';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import { currentNotices } from '#app/features/notices/notices.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { sharedPageHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

/** The same for every visitor in a language: a crowd is served from one rendering. */
export const headers = sharedPageHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t, locale } = await translatorFor(request);
  return { title: t('home.title'), notices: await currentNotices(locale, new Date(), 3) };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function Home() {
  const { notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
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
        {CASE_KINDS.map((kind) => (
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

      {notices.length > 0 ? (
        <section aria-labelledby="latest-notices-title">
          <h2 id="latest-notices-title">{t('notices:home.title')}</h2>
          <ul data-testid="latest-notices">
            {notices.map((notice) => (
              <li key={notice.id}>
                <Link to={`/notices/${notice.id}`}>{notice.title}</Link>
                <p>
                  {t(`notices:kinds.${notice.kind}`)} · {t('notices:list.published', { date: formatDate(notice.publishedAt) })}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/notices">{t('notices:home.all')}</Link>
          </p>
        </section>
      ) : null}

      <h2>{t('visits:home.title')}</h2>
      <p>
        {t('visits:home.body')} <Link to="/visits">{t('visits:home.link')}</Link>
      </p>

      <h2>{t('home.trackTitle')}</h2>
      <p>
        {t('home.trackBody')} <Link to="/track">{t('home.trackLink')}</Link>
      </p>

      <h2>{t('home.statisticsTitle')}</h2>
      <p>
        {t('home.statisticsBody')}{' '}
        <Link to="/statistics" reloadDocument>
          {t('home.statisticsLink')}
        </Link>
      </p>

      <h2>{t('home.privacyTitle')}</h2>
      <p>
        {t('home.privacyBody')} <Link to="/privacy">{t('home.privacyLink')}</Link>
      </p>
    </>
  );
}
