// /office/reception/:dayId: one reception day. Administrators and supervisors publish or
// unpublish it; clerks and supervisors see each slot's bookings, record attendance, and open a
// booking to record the visit on its case or register it as a new case.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import {
  receptionDayForOffice,
  recordAttendance,
  setReceptionDayPublished,
  type OfficeAppointment,
} from '#app/features/reception/days.server.ts';
import { ATTENDANCE_STATUSES } from '#app/features/reception/rules.ts';
import { canHandleReceptionDays, canManageReceptionDays, canViewReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { DEFAULT_LOCALE, isLocale } from '#app/i18n/config.ts';
import { pickLocalized, type Localized } from '#app/i18n/localized.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDay } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;
export const headers = privatePageHeaders;

const DONE = ['created', 'published', 'unpublished', 'attendance'] as const;
const notFound = () => new Response('Not Found', { status: 404 });
const forbidden = () => new Response('Forbidden', { status: 403 });

const Action = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish') }),
  z.object({ intent: z.literal('unpublish') }),
  z.object({ intent: z.literal('attendance'), appointmentId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }),
]);

function dayIdFrom(params: LoaderFunctionArgs['params']): string {
  const id = z.uuid().safeParse(params.dayId);
  if (!id.success) throw notFound();
  return id.data;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canViewReceptionDays);
  const dayId = dayIdFrom(params);
  const { locale, t } = await translatorFor(request);
  const day = await receptionDayForOffice(actor, dayId, locale, { ipAddress: context.clientIp });
  if (!day) throw notFound();
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    {
      title: t('visits:office.day.title'),
      day,
      done: done ?? null,
      canManage: canManageReceptionDays(actor),
      canHandle: canHandleReceptionDays(actor),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canViewReceptionDays);
  const dayId = dayIdFrom(params);
  const parsed = Action.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  const input = parsed.data;
  if (input.intent === 'publish' || input.intent === 'unpublish') {
    if (!canManageReceptionDays(actor)) throw forbidden();
    if (!(await setReceptionDayPublished(actor, dayId, input.intent === 'publish'))) throw notFound();
    return redirect(`/office/reception/${dayId}?done=${input.intent}ed`, { status: 303 });
  }
  if (!canHandleReceptionDays(actor)) throw forbidden();
  const result = await recordAttendance(actor, dayId, input.appointmentId, input.status);
  if (result === 'notFound') throw notFound();
  if (result !== 'ok') return data({ error: result }, { status: 409, headers: PRIVATE_PAGE_HEADERS });
  return redirect(`/office/reception/${dayId}?done=attendance`, { status: 303 });
}

export default function ReceptionDayPage() {
  const { day, done, canManage, canHandle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('visits');
  const format = useFormatDay();
  const busy = navigation.state === 'submitting';
  const inLanguage = (text: Localized) => pickLocalized(text, isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);

  return (
    <>
      <p>
        <Link to="/office/reception">{t('office.back')}</Link>
      </p>
      <ErrorSummary errors={actionData?.error ? [{ message: t(`office.day.errors.${actionData.error}`) }] : []} />
      <p className="caption">{t('office.day.title')}</p>
      <h1>{format.day(day.date)}</h1>
      <div role="status">{done ? <p className="notice notice--success">{t(`office.day.done.${done}`)}</p> : null}</div>
      <dl className="summary-list">
        <div>
          <dt>{t('office.columns.status')}</dt>
          <dd data-testid="day-status">{day.published ? t('office.published') : t('office.draft')}</dd>
        </div>
        <div>
          <dt>{t('office.columns.place')}</dt>
          <dd>{inLanguage(day.place)}</dd>
        </div>
        <div>
          <dt>{t('office.columns.official')}</dt>
          <dd>{inLanguage(day.official)}</dd>
        </div>
        <div>
          <dt>{t('list.covers')}</dt>
          <dd>{day.covers.length > 0 ? day.covers.join(t('list.separator')) : t('list.allTopics')}</dd>
        </div>
      </dl>

      {canManage ? (
        <section aria-labelledby="publishing-title">
          <h2 id="publishing-title">{t('office.day.publishing')}</h2>
          <p>{day.published ? t('office.day.publishedBody') : t('office.day.draftBody')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value={day.published ? 'unpublish' : 'publish'} />
            <Button variant={day.published ? 'secondary' : 'primary'} isDisabled={busy}>
              {day.published ? t('office.day.unpublish') : t('office.day.publish')}
            </Button>
          </Form>
        </section>
      ) : null}

      <h2>{t('office.day.slotsTitle')}</h2>
      {canHandle && !day.attendanceOpen ? <p>{t('office.day.attendanceLater')}</p> : null}
      {!canHandle ? <p>{t('office.day.namesHidden')}</p> : null}
      {day.slots.map((slot) => {
        const time = format.timeRange(slot.startsAt, slot.endsAt);
        const headingId = `slot-${slot.id}`;
        return (
          <section key={slot.id} aria-labelledby={headingId} data-testid="office-slot">
            <h3 id={headingId}>{time}</h3>
            <p>{t('office.slotBooked', { booked: slot.booked, capacity: slot.capacity })}</p>
            {slot.appointments === null ? null : slot.appointments.length === 0 ? (
              <p>{t('office.day.noBookings')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table" aria-labelledby={headingId}>
                  <thead>
                    <tr>
                      <th scope="col">{t('office.columns.reference')}</th>
                      <th scope="col">{t('office.columns.who')}</th>
                      <th scope="col">{t('office.columns.people')}</th>
                      <th scope="col">{t('office.columns.status')}</th>
                      {day.attendanceOpen ? <th scope="col">{t('office.columns.attendance')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {slot.appointments.map((appointment) => (
                      <AppointmentRow
                        key={appointment.id}
                        dayId={day.id}
                        appointment={appointment}
                        attendanceOpen={day.attendanceOpen}
                        busy={busy}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}

interface AppointmentRowProps {
  dayId: string;
  appointment: OfficeAppointment;
  attendanceOpen: boolean;
  busy: boolean;
}

function AppointmentRow({ dayId, appointment, attendanceOpen, busy }: AppointmentRowProps) {
  const { t } = useTranslation('visits');
  return (
    <tr data-testid="appointment-row">
      <th scope="row">
        <Link to={`/office/reception/${dayId}/appointments/${appointment.id}`}>{appointment.reference}</Link>
      </th>
      <td>
        {appointment.case ? (
          t('office.forCase', { receiptNo: appointment.case.receiptNo })
        ) : (
          <>
            {appointment.name}
            <br />
            {appointment.phone}
          </>
        )}
      </td>
      <td>{appointment.representatives}</td>
      <td data-testid="appointment-status">{t(`status.${appointment.status}`)}</td>
      {attendanceOpen ? (
        <td>
          {appointment.status === 'CANCELLED' ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="attendance" />
              <input type="hidden" name="appointmentId" value={appointment.id} />
              {ATTENDANCE_STATUSES.filter((status) => status !== appointment.status).map((status) => (
                <Button key={status} name="status" value={status} variant="secondary" isDisabled={busy}>
                  {t(`office.mark.${status}`)}
                  <span className="visually-hidden"> {appointment.reference}</span>
                </Button>
              ))}
            </Form>
          )}
        </td>
      ) : null}
    </tr>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
