// /office/reception: the reception days (领导接访日), coming and past, with how full each is.
// Administrators and supervisors set days up; clerks and supervisors receive the visitors.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { listReceptionDaysForOffice, type OfficeDayRow } from '#app/features/reception/day-setup.server.ts';
import { canManageReceptionDays, canViewReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDay } from '#app/ui/format.ts';
import { StaticTable } from '#app/ui/static-table.tsx';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewReceptionDays);
  const { locale, t } = await translatorFor(request);
  const days = await listReceptionDaysForOffice(actor, locale);
  return { title: t('visits:office.list.title'), ...days, canManage: canManageReceptionDays(actor) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export default function ReceptionDaysPage() {
  const { upcoming, past, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation('visits');
  return (
    <>
      <h1>{t('office.list.title')}</h1>
      <p>{t('office.list.lead')}</p>
      {canManage ? (
        <p>
          <Link to="/office/reception/new" className="button button--primary">
            {t('office.list.create')}
          </Link>
        </p>
      ) : null}
      <DayTable id="upcoming-days" title={t('office.list.upcoming')} days={upcoming} />
      <DayTable id="past-days" title={t('office.list.past')} days={past} />
    </>
  );
}

function DayTable({ id, title, days }: { id: string; title: string; days: OfficeDayRow[] }) {
  const { t } = useTranslation('visits');
  const format = useFormatDay();
  return (
    <>
      <h2 id={id}>{title}</h2>
      {days.length === 0 ? (
        <p>{t('office.list.none')}</p>
      ) : (
        <StaticTable
          labelledBy={id}
          testId={id}
          items={days}
          itemId={(day) => day.id}
          columns={[
            {
              label: t('office.columns.date'),
              isRowHeader: true,
              cell: (day) => <Link to={`/office/reception/${day.id}`}>{format.day(day.date)}</Link>,
            },
            { label: t('office.columns.place'), cell: (day) => day.place },
            { label: t('office.columns.official'), cell: (day) => day.official },
            {
              label: t('office.columns.booked'),
              cell: (day) => t('office.bookedOf', { booked: day.booked, capacity: day.capacity, slots: day.slotCount }),
            },
            { label: t('office.columns.status'), cell: (day) => (day.published ? t('office.published') : t('office.draft')) },
          ]}
        />
      )}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
