// /notices/:noticeId: one notice, while it is shown. A scheduled or expired notice is not found.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { currentNotice } from '#app/features/notices/notices.server.ts';
import { paragraphs } from '#app/features/notices/rules.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { sharedPageHeaders } from '#app/platform/http/headers.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { visitsLinks } from '#app/ui/visits-styles.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const links = visitsLinks;

const PARAMS = { noticeId: 'uuid' } as const;

/** The same for every visitor in a language: a crowd is served from one rendering. */
export const headers = sharedPageHeaders;

export const loader = /* @__PURE__ */ route(async ({ params, request }: LoaderFunctionArgs) => {
  const { noticeId } = parseParams(params, PARAMS);
  const { locale } = await translatorFor(request);
  const notice = await currentNotice(noticeId, locale);
  return { title: notice.title, notice };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function NoticePage() {
  const { notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation('notices');
  const formatDate = useFormatDate();
  const updated = notice.updatedAt !== notice.publishedAt;
  return (
    <article>
      <p className="caption">{t(`kinds.${notice.kind}`)}</p>
      <h1>{notice.title}</h1>
      <p>
        {t('notice.published', { date: formatDate(notice.publishedAt) })}
        {updated ? ` · ${t('notice.updated', { date: formatDate(notice.updatedAt) })}` : null}
      </p>
      <div className="notice-body" data-testid="notice-body">
        {paragraphs(notice.body).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <p>
        <Link to="/notices">{t('notice.back')}</Link>
      </p>
    </article>
  );
}
