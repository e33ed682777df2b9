// /office/statistics: how many cases, by status, kind, channel, category and unit, deadlines and
// weekly intake, and a CSV download of the same figures (office.statistics_.export.tsx). Counts
// only: nothing on this page identifies a person or a case.
import { useLoaderData } from '@remix-run/react';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canViewStatistics } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { STATISTICS_WEEKS, caseStatistics } from '#app/features/statistics/statistics.server.ts';
import { CountTable, NamedTable, type CountTableRow } from '#app/features/statistics/ui/count-tables.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { formatCivilDay } from '#app/platform/time/format.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewStatistics);
  const { locale, t } = await translatorFor(request);
  const statistics = await caseStatistics(locale, new Date(), actor);
  return { title: t('office-admin:statistics.title'), statistics, weeks: STATISTICS_WEEKS };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

interface CountSection {
  id: string;
  title: string;
  /** What the section says between its heading and its table. */
  intro?: ReactNode;
  keyHeading: string;
  countHeadings?: string[];
  rows: CountTableRow[];
}

export default function StatisticsPage() {
  const { statistics: s, weeks } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('office-admin');
  const number = new Intl.NumberFormat(i18n.language);
  const n = (value: number) => number.format(value);
  const formatDate = useFormatDate();
  const rating = s.satisfaction;

  const counts: CountSection[] = [
    {
      id: 'stats-overview',
      title: t('statistics.overview.title'),
      keyHeading: t('statistics.overview.measure'),
      rows: [
        { key: 'total', label: t('statistics.overview.total'), counts: [s.total] },
        { key: 'open', label: t('statistics.overview.open'), counts: [s.open] },
        { key: 'overdue', label: t('statistics.overview.overdue'), counts: [s.deadlines.overdue] },
        { key: 'dueSoon', label: t('statistics.overview.dueSoon', { days: s.deadlines.dueSoonDays }), counts: [s.deadlines.dueSoon] },
      ],
    },
    {
      id: 'stats-weeks',
      title: t('statistics.perWeek.title', { weeks }),
      keyHeading: t('statistics.perWeek.week'),
      countHeadings: [t('statistics.perWeek.count')],
      // Week starts are calendar dates already in the service's time zone: format them as such.
      rows: s.perWeek.map((week) => ({
        key: week.weekStart,
        label: <time dateTime={week.weekStart}>{formatCivilDay(week.weekStart, i18n.language)}</time>,
        counts: [week.count],
      })),
    },
    {
      id: 'stats-status',
      title: t('statistics.byStatus.title'),
      keyHeading: t('statistics.byStatus.column'),
      rows: s.byStatus.map((row) => ({ key: row.key, label: t(`status.${row.key}.title`, { ns: 'common' }), counts: [row.count] })),
    },
    {
      id: 'stats-kind',
      title: t('statistics.byKind.title'),
      keyHeading: t('statistics.byKind.column'),
      rows: s.byKind.map((row) => ({ key: row.key, label: t(`kinds.${row.key}.label`, { ns: 'common' }), counts: [row.count] })),
    },
    {
      id: 'stats-channel',
      title: t('statistics.byChannel.title'),
      keyHeading: t('statistics.byChannel.column'),
      rows: s.byChannel.map((row) => ({ key: row.key, label: t(`labels.channel.${row.key}`), counts: [row.count] })),
    },
    {
      id: 'stats-claim-outcome',
      title: t('statistics.byClaimOutcome.title'),
      intro: <p>{t('statistics.byClaimOutcome.intro')}</p>,
      keyHeading: t('statistics.byClaimOutcome.column'),
      rows: s.byClaimOutcome.map((row) => ({ key: row.key, label: t(`claimOutcomes.${row.key}`, { ns: 'common' }), counts: [row.count] })),
    },
    {
      id: 'stats-decline-reason',
      title: t('statistics.byDeclineReason.title'),
      keyHeading: t('statistics.byDeclineReason.column'),
      rows: s.byDeclineReason.map((row) => ({
        key: row.key,
        label: t(`declineReasons.${row.key}.label`, { ns: 'common' }),
        counts: [row.count],
      })),
    },
    {
      id: 'stats-agreement',
      title: t('statistics.byAgreement.title'),
      keyHeading: t('statistics.byAgreement.column'),
      rows: s.byAgreement.map((row) => ({ key: row.key, label: t(`office:case.agreements.${row.key}`), counts: [row.count] })),
    },
    {
      id: 'stats-check-in',
      title: t('statistics.byCheckIn.title'),
      intro: <p>{t('statistics.byCheckIn.intro')}</p>,
      keyHeading: t('statistics.byCheckIn.column'),
      rows: s.byCheckIn.map((row) => ({ key: `checkIn-${row.key}`, label: t(`follow-up:solved.answers.${row.key}`), counts: [row.count] })),
    },
    {
      id: 'stats-satisfaction',
      title: t('follow-up:statistics.title'),
      intro: (
        <p>
          {rating.average === null
            ? t('follow-up:statistics.none')
            : t('follow-up:statistics.summary', {
                rated: n(rating.rated),
                average: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(rating.average),
              })}
        </p>
      ),
      keyHeading: t('follow-up:statistics.ratingHeading'),
      rows: [
        ...rating.byRating.map((row) => ({ key: `rating-${row.key}`, label: t(`follow-up:rate.scale.${row.key}`), counts: [row.count] })),
        ...rating.bySolved.map((row) => ({
          key: `solved-${row.key}`,
          label: `${t('follow-up:statistics.solvedLabel')} ${t(`follow-up:rate.solvedOptions.${row.key}`)}`,
          counts: [row.count],
        })),
      ],
    },
  ];
  const named = [
    { id: 'stats-category', title: t('statistics.byCategory.title'), keyHeading: t('statistics.byCategory.column'), rows: s.byCategory },
    { id: 'stats-unit', title: t('statistics.byUnit.title'), keyHeading: t('statistics.byUnit.column'), rows: s.byUnit },
  ];

  return (
    <>
      <h1>{t('statistics.title')}</h1>
      <p>{t('statistics.lead')}</p>
      <p>
        {t('statistics.generatedAt')} <time dateTime={s.generatedAt}>{formatDate(s.generatedAt, true)}</time>
      </p>
      <p>{t('statistics.export.body')}</p>
      {/* A plain form, not Remix's: the answer is a file, which the browser saves without leaving the page. */}
      <form method="post" action="/office/statistics/export">
        <Button variant="secondary">{t('statistics.export.submit')}</Button>
      </form>

      {counts.map((section) => (
        <Fragment key={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          {section.intro}
          <CountTable
            id={section.id}
            keyHeading={section.keyHeading}
            countHeadings={section.countHeadings}
            rows={section.rows}
            format={n}
          />
        </Fragment>
      ))}
      {named.map((section) => (
        <Fragment key={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          <NamedTable id={section.id} keyHeading={section.keyHeading} rows={section.rows} format={n} />
        </Fragment>
      ))}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
