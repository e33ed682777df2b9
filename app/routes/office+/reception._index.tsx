// /office/reception: the reception days (领导接访日), coming and past, with how full each is.
// Administrators and supervisors set days up; clerks and supervisors receive the visitors.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { listReceptionDaysForOffice, type OfficeDayRow } from '#app/features/reception/days.server.ts';
import { canManageReceptionDays, canViewReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { useFormatDay } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canViewReceptionDays);
  const { locale, t } = await translatorFor(request);
  const days = await listReceptionDaysForOffice(locale);
  return data(
    { title: t('visits:office.list.title'), ...days, canManage: canManageReceptionDays(actor) },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

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
        <div className="table-wrap">
          <table className="data-table" aria-labelledby={id} data-testid={id}>
            <thead>
              <tr>
                <th scope="col">{t('office.columns.date')}</th>
                <th scope="col">{t('office.columns.place')}</th>
                <th scope="col">{t('office.columns.official')}</th>
                <th scope="col">{t('office.columns.booked')}</th>
                <th scope="col">{t('office.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.id}>
                  <th scope="row">
                    <Link to={`/office/reception/${day.id}`}>{format.day(day.date)}</Link>
                  </th>
                  <td>{day.place}</td>
                  <td>{day.official}</td>
                  <td>{t('office.bookedOf', { booked: day.booked, capacity: day.capacity, slots: day.slotCount })}</td>
                  <td>{day.published ? t('office.published') : t('office.draft')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
