// /notices: the notices shown now, newest first, in the reader's language, and the Atom feed
// of them in the same language (advertised in the head for feed readers, and linked on the page).
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { currentNotices } from '#app/features/notices/notices.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { sharedPageHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { visitsLinks } from '#app/ui/visits-styles.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const links = visitsLinks;

/** The same for every visitor in a language: a crowd is served from one rendering. */
export const headers = sharedPageHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { locale, t } = await translatorFor(request);
  return {
    title: t('notices:list.title'),
    feedTitle: t('notices:feed.title'),
    feedHref: `/notices.atom?lang=${locale}`,
    notices: await currentNotices(locale),
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.title },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: data.feedHref, title: data.feedTitle },
      ]
    : [];

export default function NoticesPage() {
  const { notices, feedHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notices');
  const formatDate = useFormatDate();
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      {notices.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ul className="notice-list" data-testid="notice-list">
          {notices.map((notice) => (
            <li key={notice.id}>
              <Link to={`/notices/${notice.id}`}>{notice.title}</Link>
              <p>
                {t(`kinds.${notice.kind}`)} · {t('list.published', { date: formatDate(notice.publishedAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('list.feedTitle')}</h2>
      <p>
        {t('list.feedBody')}{' '}
        <a href={feedHref} className="feed-link" type="application/atom+xml">
          {t('list.feedLink')}
        </a>
      </p>
    </>
  );
}
