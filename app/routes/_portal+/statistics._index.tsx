// /statistics: the office's public record (公开数据): on-time acceptance and reply rates, days to a
// reply, satisfaction, cases received by channel and category, and each unit's record, by month for
// the last 12 months and by year, with the CSV and JSON downloads. Figures from fewer than 5 cases
// are withheld; the figures come from memory (recomputed hourly by the worker), so the page is cheap.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { publicFiguresPage } from '#app/features/statistics/public-figures.server.ts';
import { PeriodDetail, PublicTrends, PublicYears, usePublicPeriodName } from '#app/features/statistics/ui/public-view.tsx';
import { useReportFormat } from '#app/features/statistics/ui/report-format.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { sharedPageHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

/** The same for every visitor in a language: a crowd is served from one rendering. */
export const headers = sharedPageHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { t } = await translatorFor(request);
  const { figures, detailKey } = await publicFiguresPage(new URL(request.url).searchParams.get('period'));
  return { title: t('reports:public.title'), figures, detailKey };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function PublicStatistics() {
  const { figures, detailKey } = useLoaderData<typeof loader>();
  const { t } = useTranslation('reports');
  const format = useReportFormat();
  const periodName = usePublicPeriodName();
  const detail = [...figures.years, ...figures.months].find((p) => p.key === detailKey) ?? null;
  const formatDate = useFormatDate();
  return (
    <>
      <h1>{t('public.title')}</h1>
      <p className="lead">{t('public.lead')}</p>
      <p>{t('public.honest')}</p>
      <p className="figures-note">
        {t('public.withheldNote', { threshold: format.n(figures.threshold) })}{' '}
        {t('public.asOf', { when: formatDate(figures.generatedAt, true) })}
      </p>
      <section aria-labelledby="public-downloads">
        <h2 id="public-downloads">{t('public.downloads.title')}</h2>
        <ul>
          <li>
            <a href="/statistics.json" download>
              {t('public.downloads.json')}
            </a>
          </li>
          <li>
            <a href="/statistics.csv" download>
              {t('public.downloads.csv')}
            </a>
          </li>
          <li>
            <Link to="/statistics/data">{t('public.downloads.schema')}</Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="public-months">
        <h2 id="public-months">{t('public.months')}</h2>
        <PublicTrends figures={figures} />
      </section>
      <section aria-labelledby="public-years">
        <h2 id="public-years">{t('public.years')}</h2>
        <PublicYears figures={figures} />
      </section>
      {detail ? (
        <section aria-labelledby="public-detail">
          <h2 id="public-detail">{t('public.detail', { period: periodName(detail) })}</h2>
          <nav aria-label={t('public.choosePeriod')} className="period-nav">
            <ul className="inline-list">
              {[...figures.years, ...[...figures.months].reverse()].map((p) => (
                <li key={p.key}>
                  <Link to={`/statistics?period=${p.key}`} aria-current={p.key === detail.key ? 'page' : undefined}>
                    {periodName(p)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <PeriodDetail figures={figures} period={detail} />
        </section>
      ) : null}
    </>
  );
}
