// /office/statistics: how many cases, by status, kind, channel, category and unit, deadlines and
// weekly intake, and a CSV download of the same figures (office.statistics_.export.tsx). Counts
// only: nothing on this page identifies a person or a case.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NO_STORE_HEADERS } from '#app/features/staff/admin.server.ts';
import { canViewStatistics } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { STATISTICS_WEEKS, caseStatistics, type NamedCountRow } from '#app/features/statistics/statistics.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { formatCivilDay } from '#app/platform/time/format.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import type { ReactNode } from 'react';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canViewStatistics);
  const { locale, t } = await translatorFor(request);
  const statistics = await caseStatistics(locale);
  return data({ title: t('office-admin:statistics.title'), statistics, weeks: STATISTICS_WEEKS }, { headers: NO_STORE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export default function StatisticsPage() {
  const { statistics: s, weeks } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation('office-admin');
  const number = new Intl.NumberFormat(i18n.language);
  const n = (value: number) => number.format(value);
  const formatDate = useFormatDate();
  // Week starts are calendar dates already in the service's time zone: format them as such.

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

      <h2 id="stats-overview">{t('statistics.overview.title')}</h2>
      <CountTable
        id="stats-overview"
        keyHeading={t('statistics.overview.measure')}
        rows={[
          { key: 'total', label: t('statistics.overview.total'), count: s.total },
          { key: 'open', label: t('statistics.overview.open'), count: s.open },
          { key: 'overdue', label: t('statistics.overview.overdue'), count: s.deadlines.overdue },
          { key: 'dueSoon', label: t('statistics.overview.dueSoon', { days: s.deadlines.dueSoonDays }), count: s.deadlines.dueSoon },
        ]}
        format={n}
      />

      <h2 id="stats-weeks">{t('statistics.perWeek.title', { weeks })}</h2>
      <CountTable
        id="stats-weeks"
        keyHeading={t('statistics.perWeek.week')}
        countHeading={t('statistics.perWeek.count')}
        rows={s.perWeek.map((week) => ({
          key: week.weekStart,
          label: <time dateTime={week.weekStart}>{formatCivilDay(week.weekStart, i18n.language)}</time>,
          count: week.count,
        }))}
        format={n}
      />

      <h2 id="stats-status">{t('statistics.byStatus.title')}</h2>
      <CountTable
        id="stats-status"
        keyHeading={t('statistics.byStatus.column')}
        rows={s.byStatus.map((row) => ({ key: row.key, label: t(`status.${row.key}.title`, { ns: 'common' }), count: row.count }))}
        format={n}
      />

      <h2 id="stats-kind">{t('statistics.byKind.title')}</h2>
      <CountTable
        id="stats-kind"
        keyHeading={t('statistics.byKind.column')}
        rows={s.byKind.map((row) => ({ key: row.key, label: t(`kinds.${row.key}.label`, { ns: 'common' }), count: row.count }))}
        format={n}
      />

      <h2 id="stats-channel">{t('statistics.byChannel.title')}</h2>
      <CountTable
        id="stats-channel"
        keyHeading={t('statistics.byChannel.column')}
        rows={s.byChannel.map((row) => ({ key: row.key, label: t(`labels.channel.${row.key}`), count: row.count }))}
        format={n}
      />

      <h2 id="stats-satisfaction">{t('follow-up:statistics.title')}</h2>
      <p>
        {s.satisfaction.average === null
          ? t('follow-up:statistics.none')
          : t('follow-up:statistics.summary', {
              rated: n(s.satisfaction.rated),
              average: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(s.satisfaction.average),
            })}
      </p>
      <CountTable
        id="stats-satisfaction"
        keyHeading={t('follow-up:rate.rating')}
        rows={[
          ...s.satisfaction.byRating.map((row) => ({
            key: `rating-${row.key}`,
            label: t(`follow-up:rate.scale.${row.key}`),
            count: row.count,
          })),
          ...s.satisfaction.bySolved.map((row) => ({
            key: `solved-${row.key}`,
            label: `${t('follow-up:rate.solved')} ${t(`follow-up:rate.solvedOptions.${row.key}`)}`,
            count: row.count,
          })),
        ]}
        format={n}
      />

      <h2 id="stats-category">{t('statistics.byCategory.title')}</h2>
      <NamedTable id="stats-category" keyHeading={t('statistics.byCategory.column')} rows={s.byCategory} format={n} />

      <h2 id="stats-unit">{t('statistics.byUnit.title')}</h2>
      <NamedTable id="stats-unit" keyHeading={t('statistics.byUnit.column')} rows={s.byUnit} format={n} />
    </>
  );
}

interface CountTableProps {
  /** The id of the heading that names the table. */
  id: string;
  keyHeading: string;
  countHeading?: string;
  rows: { key: string; label: ReactNode; count: number }[];
  format: (value: number) => string;
}

function CountTable({ id, keyHeading, countHeading, rows, format }: CountTableProps) {
  const { t } = useTranslation('office-admin');
  return (
    <div className="table-wrap">
      <table className="data-table stats-table" aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            <th scope="col" className="num">
              {countHeading ?? t('statistics.columns.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{format(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface NamedTableProps {
  id: string;
  keyHeading: string;
  rows: NamedCountRow[];
  format: (value: number) => string;
}

/** Total, open and overdue cases per category or unit. */
function NamedTable({ id, keyHeading, rows, format }: NamedTableProps) {
  const { t } = useTranslation('office-admin');
  if (rows.length === 0) return <p>{t('statistics.noCases')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table stats-table" aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            <th scope="col" className="num">
              {t('statistics.columns.total')}
            </th>
            <th scope="col" className="num">
              {t('statistics.columns.open')}
            </th>
            <th scope="col" className="num">
              {t('statistics.columns.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? 'none'}>
              <th scope="row">{row.name ?? (row.id ? t('statistics.unknown') : t('statistics.byUnit.unassigned'))}</th>
              <td className="num">{format(row.total)}</td>
              <td className="num">{format(row.open)}</td>
              <td className="num">{format(row.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
