// /office/reception/:dayId/appointments/:appointmentId: one booking, for the clerk or supervisor
// receiving the visitor. Record attendance; for a booking made with a receipt number, record the
// visit on that case; for a new visit, register it as a case with channel "visit", linked to the
// booking, and hand over the receipt number and access code shown once on this page.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_FIELDS } from '#app/features/cases/submission-fields.ts';
import { VISIT_NOTE_MAX } from '#app/features/reception/rules.ts';
import { AttendanceForm } from '#app/features/reception/ui/attendance-form.tsx';
import { RegisterVisitPanel } from '#app/features/reception/ui/register-visit-panel.tsx';
import { AppointmentFacts, RecordVisitPanel, RegisteredVisitView } from '#app/features/reception/ui/visit-panels.tsx';
import { appointmentForOffice, appointmentPost } from '#app/features/reception/visits.server.ts';
import { canHandleReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

const PARAMS = { dayId: 'uuid', appointmentId: 'uuid' } as const;
/** The summary lists the note's problem, then the registration form's in the order of its fields. */
const FIELDS = ['note', ...SUBMISSION_FIELDS];

export const loader = /* @__PURE__ */ route(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canHandleReceptionDays);
  const booking = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const appointment = await appointmentForOffice(actor, booking, { locale, ipAddress: context.clientIp });
  return { title: t('visits:office.appointment.title', { reference: appointment.reference }), appointment };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canHandleReceptionDays);
  const booking = parseParams(params, PARAMS);
  const { locale } = await translatorFor(request);
  const outcome = await appointmentPost(actor, booking, await readForm(request), locale);
  // A registered visit's receipt is shown on this page, once, rather than after a redirect.
  if ('registered' in outcome) return data({ registered: outcome.registered }, { headers: NO_STORE });
  return respond(outcome, `/office/reception/${booking.dayId}/appointments/${booking.appointmentId}`);
});

export default function AppointmentPage() {
  const { appointment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useFormErrors<string>(result && 'errors' in result ? result : null, {
    fields: FIELDS,
    prefix: (field) => (field === 'note' ? 'visits:office.appointment.errors.note' : 'common:submit.errors'),
    formPrefix: 'visits:office.appointment.errors',
    messageValues: { max: VISIT_NOTE_MAX },
  });
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  const busy = navigation.state === 'submitting';
  const dayLink = `/office/reception/${appointment.day.id}`;

  if (result && 'registered' in result) return <RegisteredVisitView registered={result.registered} dayLink={dayLink} />;

  // Attendance, the visit and its registration are recorded from the start of the day, and never for a cancelled booking.
  const open = appointment.day.attendanceOpen && appointment.status !== 'CANCELLED';
  return (
    <>
      <PageHeader
        back={{ to: dayLink, label: t('office.appointment.backToDay') }}
        errors={form.summary}
        caption={t('office.appointment.caption')}
        title={t('office.appointment.title', { reference: appointment.reference })}
      />
      <AppointmentFacts appointment={appointment} />
      {!appointment.day.attendanceOpen ? <p>{t('office.day.attendanceLater')}</p> : null}
      {open ? (
        <section aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('office.columns.attendance')}</h2>
          <AttendanceForm status={appointment.status} busy={busy} />
        </section>
      ) : null}
      {open && appointment.case ? <RecordVisitPanel form={form} recordedAt={appointment.visitRecordedAt} busy={busy} /> : null}
      {open && appointment.registration ? (
        <RegisterVisitPanel appointment={appointment} registration={appointment.registration} form={form} busy={busy} />
      ) : null}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
