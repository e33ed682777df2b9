// /visits: the published reception days to come, with the places left in each slot and a link
// to book each open one.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { upcomingReceptionDays, type PublicDay } from '#app/features/reception/portal-days.server.ts';
import { MAX_REPRESENTATIVES } from '#app/features/reception/rules.ts';
import { useDayFacts } from '#app/features/reception/ui/day-facts.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDay } from '#app/ui/format.ts';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { visitsLinks } from '#app/ui/visits-styles.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const links = visitsLinks;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const { locale, t } = await translatorFor(request);
  return { title: t('visits:list.title'), days: await upcomingReceptionDays(locale) };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export default function VisitsPage() {
  const { days } = useLoaderData<typeof loader>();
  const { t } = useTranslation('visits');
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <p className="group-note">{t('list.groupNote', { max: MAX_REPRESENTATIVES })}</p>
      <p>
        {t('list.cancelIntro')} <Link to="/visits/cancel">{t('list.cancelLink')}</Link>
      </p>
      {days.length === 0 ? (
        <p data-testid="no-reception-days">{t('list.none')}</p>
      ) : (
        days.map((day) => <ReceptionDay key={day.id} day={day} />)
      )}
    </>
  );
}

function ReceptionDay({ day }: { day: PublicDay }) {
  const { t } = useTranslation('visits');
  const format = useFormatDay();
  const facts = useDayFacts();
  const date = format.day(day.date);
  const headingId = `day-${day.id}`;
  return (
    <section className="reception-day" aria-labelledby={headingId} data-testid="reception-day">
      <h2 id={headingId}>{date}</h2>
      <SummaryList items={facts.about(day)} />
      <h3>{t('list.times')}</h3>
      <ul className="slot-list">
        {day.slots.map((slot) => {
          const time = format.timeRange(slot.startsAt, slot.endsAt);
          return (
            <li key={slot.id} data-testid="slot">
              <span className="slot-list__time">{time}</span>
              <span className="slot-list__places" data-testid="slot-state">
                {facts.places(slot)}
              </span>
              {slot.state === 'open' ? (
                <Link to={`/visits/book/${slot.id}`} className="button button--secondary">
                  {t('list.book')}
                  <span className="visually-hidden"> {t('list.bookHidden', { time, date })}</span>
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
