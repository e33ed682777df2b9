// The public figures as the portal shows them: how fast and how well the office answers first,
// then how many people wrote and through which channels, then each unit's record. Withheld figures
// read "fewer than 5"; every chart has its table beside it.
import { useTranslation } from 'react-i18next';
import { OUTCOME_CLASSES, outcomesOfClass } from '#app/features/cases/claims.ts';
import { BarChart, LineChart } from '#app/ui/charts.tsx';
import { SimpleTable } from '#app/ui/simple-table.tsx';
import { useReportFormat } from './report-format.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { Period } from '../periods.ts';
import type { PublicFigures, PublicName, PublicPeriod, PublicRate } from '../public-figures.ts';

const asPeriod = (p: PublicPeriod): Period => ({ kind: p.kind, start: p.start, end: p.end });

function usePublicText() {
  const { t, i18n } = useTranslation('reports');
  const format = useReportFormat();
  const withheld = t('public.withheld');
  const locale = i18n.language as Locale;
  return {
    t,
    format,
    locale,
    count: (value: number | null) => (value === null ? withheld : format.n(value)),
    rate: (value: PublicRate | null) => (value === null ? withheld : format.percent(value.rate)),
    days: (value: { days: number } | null) => (value === null ? withheld : format.days(value.days)),
    mean: (value: { mean: number } | null) => (value === null ? withheld : format.decimal(value.mean)),
    name: (name: PublicName | undefined) => (name ? name[locale] : t('unknown')),
    periodName: (p: PublicPeriod) => `${format.periodName(asPeriod(p))}${p.complete ? '' : t('public.soFarSuffix')}`,
  };
}

type Text = ReturnType<typeof usePublicText>;

function RatesByMonth({ months, text }: { months: PublicPeriod[]; text: Text }) {
  const { t, format } = text;
  const id = 'public-rates';
  const last = months.at(-1);
  return (
    <LineChart
      id={id}
      title={t('public.rates.title')}
      description={t('public.rates.description', {
        month: last ? text.periodName(last) : '–',
        accepted: last ? text.rate(last.acceptedOnTime) : '–',
        replied: last ? text.rate(last.repliedOnTime) : '–',
      })}
      xLabels={months.map((p) => format.bucketLabel(p.start, 'month'))}
      series={[
        { label: t('measures.acceptedOnTime'), values: months.map((p) => p.acceptedOnTime?.rate ?? null), style: 'solid' },
        { label: t('measures.repliedOnTime'), values: months.map((p) => p.repliedOnTime?.rate ?? null), style: 'dashed' },
      ]}
      formatValue={format.percent}
      table={
        <SimpleTable
          labelledBy={`${id}-title`}
          region
          className="stats-table"
          items={months}
          itemKey={(p) => p.key}
          testId="public-months-table"
          columns={[
            { label: t('public.columns.month'), isRowHeader: true, cell: (p) => text.periodName(p) },
            { label: t('measures.acceptedOnTime'), className: 'num', cell: (p) => text.rate(p.acceptedOnTime) },
            { label: t('measures.repliedOnTime'), className: 'num', cell: (p) => text.rate(p.repliedOnTime) },
            { label: t('public.columns.medianDaysToReply'), className: 'num', cell: (p) => text.days(p.medianDaysToReply) },
            { label: t('public.columns.satisfaction'), className: 'num', cell: (p) => text.mean(p.satisfaction) },
          ]}
        />
      }
    />
  );
}

function ReceivedByMonth({ months, text }: { months: PublicPeriod[]; text: Text }) {
  const { t } = text;
  const id = 'public-received';
  return (
    <BarChart
      id={id}
      title={t('public.received.title')}
      description={t('public.received.description')}
      rows={months.map((p) => ({
        key: p.key,
        label: text.periodName(p),
        value: p.received ?? 0,
        text: text.count(p.received),
      }))}
      table={
        <SimpleTable
          labelledBy={`${id}-title`}
          region
          className="stats-table"
          items={months}
          itemKey={(p) => p.key}
          columns={[
            { label: t('public.columns.month'), isRowHeader: true, cell: (p) => text.periodName(p) },
            { label: t('measures.received'), className: 'num', cell: (p) => text.count(p.received) },
          ]}
        />
      }
      max={Math.max(1, ...months.map((p) => p.received ?? 0))}
    />
  );
}

export function YearsTable({ years, text }: { years: PublicPeriod[]; text: Text }) {
  const { t } = text;
  return (
    <SimpleTable
      labelledBy="public-years"
      className="stats-table"
      items={years}
      itemKey={(p) => p.key}
      region
      testId="public-years-table"
      columns={[
        { label: t('public.columns.year'), isRowHeader: true, cell: (p) => text.periodName(p) },
        { label: t('measures.acceptedOnTime'), className: 'num', cell: (p) => text.rate(p.acceptedOnTime) },
        { label: t('measures.repliedOnTime'), className: 'num', cell: (p) => text.rate(p.repliedOnTime) },
        { label: t('public.columns.medianDaysToReply'), className: 'num', cell: (p) => text.days(p.medianDaysToReply) },
        { label: t('public.columns.satisfaction'), className: 'num', cell: (p) => text.mean(p.satisfaction) },
        { label: t('measures.received'), className: 'num', cell: (p) => text.count(p.received) },
      ]}
    />
  );
}

function Breakdown({
  id,
  title,
  rows,
  text,
}: {
  id: string;
  title: string;
  rows: { key: string; label: string; value: number | null }[];
  text: Text;
}) {
  const { t, format } = text;
  const shown = rows.filter((row) => row.value !== null);
  const largest = [...shown].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
  return (
    <BarChart
      id={id}
      title={title}
      description={
        largest && largest.value !== null
          ? t('public.breakdown.description', { name: largest.label, cases: format.n(largest.value) })
          : t('public.breakdown.allWithheld')
      }
      rows={rows.map((row) => ({ key: row.key, label: row.label, value: row.value ?? 0, text: text.count(row.value) }))}
      table={
        <SimpleTable
          labelledBy={`${id}-title`}
          region
          className="stats-table"
          items={rows}
          itemKey={(row) => row.key}
          columns={[
            { label: t('public.columns.name'), isRowHeader: true, cell: (row) => row.label },
            { label: t('measures.received'), className: 'num', cell: (row) => text.count(row.value) },
          ]}
        />
      }
    />
  );
}

function categoryLabel(figures: PublicFigures, key: string, text: Text): string {
  return key === '__other__' ? text.t('other') : text.name(figures.categories[key]?.name);
}

/** Claims answered in the period by outcome, a group of rows for each class (申诉求决, 建议意见, 检举控告, 咨询). */
function OutcomesTable({ period, text }: { period: PublicPeriod; text: Text }) {
  const { t } = text;
  const claims = new Map(period.outcomes.map((row) => [row.outcome, row.claims]));
  const rows = OUTCOME_CLASSES.flatMap((outcomeClass) =>
    outcomesOfClass(outcomeClass).map((outcome) => ({ outcome, outcomeClass, claims: claims.get(outcome) ?? null })),
  );
  return (
    <>
      <h3 id="public-outcomes">{t('public.outcomes.title')}</h3>
      <p>{t('public.outcomes.note')}</p>
      <SimpleTable
        labelledBy="public-outcomes"
        className="stats-table"
        region
        items={rows}
        itemKey={(row) => row.outcome}
        testId="public-outcomes-table"
        columns={[
          { label: t('public.outcomes.class'), cell: (row) => t(`public.outcomes.classes.${row.outcomeClass}`) },
          { label: t('public.outcomes.outcome'), isRowHeader: true, cell: (row) => t(`common:claimOutcomes.${row.outcome}`) },
          { label: t('public.outcomes.claims'), className: 'num', cell: (row) => text.count(row.claims) },
        ]}
      />
    </>
  );
}

export function PeriodDetail({ figures, period }: { figures: PublicFigures; period: PublicPeriod }) {
  const text = usePublicText();
  const { t } = text;
  const s = period.satisfaction;
  return (
    <>
      <dl className="public-figures" data-testid="public-period-figures">
        <div>
          <dt>{t('measures.acceptedOnTime')}</dt>
          <dd>{text.rate(period.acceptedOnTime)}</dd>
        </div>
        <div>
          <dt>{t('measures.repliedOnTime')}</dt>
          <dd>{text.rate(period.repliedOnTime)}</dd>
        </div>
        <div>
          <dt>{t('public.columns.medianDaysToReply')}</dt>
          <dd>{text.days(period.medianDaysToReply)}</dd>
        </div>
        <div>
          <dt>{t('public.columns.satisfaction')}</dt>
          <dd>
            {text.mean(s)}
            {s ? (
              <span className="public-figures__note">
                {t('public.satisfactionShares', {
                  solved: text.format.percent(s.solved),
                  partly: text.format.percent(s.partlySolved),
                  not: text.format.percent(s.notSolved),
                  ratings: text.format.n(s.ratings),
                })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('public.reviewsChanged')}</dt>
          <dd>
            {text.rate(period.reviewsChanged)}
            {period.reviewsChanged ? (
              <span className="public-figures__note">{t('public.opinions', { n: text.format.n(period.reviewsChanged.cases) })}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('measures.received')}</dt>
          <dd>{text.count(period.received)}</dd>
        </div>
      </dl>
      <Breakdown
        id="public-channels"
        title={t('public.byChannel')}
        rows={period.byChannel.map((row) => ({ key: row.channel, label: t(`channels.${row.channel}`), value: row.received }))}
        text={text}
      />
      <Breakdown
        id="public-categories"
        title={t('public.byCategory')}
        rows={period.byCategory.map((row) => ({
          key: row.category,
          label: categoryLabel(figures, row.category, text),
          value: row.received,
        }))}
        text={text}
      />
      <OutcomesTable period={period} text={text} />
      <h3 id="public-units">{t('public.units.title')}</h3>
      <p>{t('public.units.note')}</p>
      <SimpleTable
        labelledBy="public-units"
        className="stats-table"
        region
        items={period.units}
        itemKey={(row) => row.unit}
        empty={<p>{t('noneInPeriod')}</p>}
        testId="public-units-table"
        columns={[
          { label: t('public.columns.unit'), isRowHeader: true, cell: (row) => text.name(figures.units[row.unit]?.name) },
          { label: t('measures.received'), className: 'num', cell: (row) => text.count(row.received) },
          { label: t('measures.repliedOnTime'), className: 'num', cell: (row) => text.rate(row.repliedOnTime) },
          { label: t('public.columns.satisfaction'), className: 'num', cell: (row) => text.mean(row.satisfaction) },
        ]}
      />
    </>
  );
}

export function PublicTrends({ figures }: { figures: PublicFigures }) {
  const text = usePublicText();
  return (
    <>
      <RatesByMonth months={figures.months} text={text} />
      <ReceivedByMonth months={figures.months} text={text} />
    </>
  );
}

export function PublicYears({ figures }: { figures: PublicFigures }) {
  const text = usePublicText();
  return <YearsTable years={figures.years} text={text} />;
}

export function usePublicPeriodName(): (p: PublicPeriod) => string {
  return usePublicText().periodName;
}
