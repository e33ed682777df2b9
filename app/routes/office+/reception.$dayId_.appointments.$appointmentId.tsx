// /office/reception/:dayId/appointments/:appointmentId: one booking, for the clerk or supervisor
// receiving the visitor. Record attendance; for a booking made with a receipt number, record the
// visit on that case; for a new visit, register it as a case with channel "visit", linked to the
// booking, and hand over the receipt number and access code shown once on this page.
import { randomBytes } from 'node:crypto';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CASE_KINDS, REPLY_CHANNELS } from '#app/features/cases/kinds.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { LIMITS } from '#app/features/cases/submission-fields.ts';
import { ReceiptPanel } from '#app/features/cases/ui/receipt-panel.tsx';
import { appointmentForOffice, recordAttendance, recordVisit, registerVisitAsCase } from '#app/features/reception/days.server.ts';
import { ATTENDANCE_STATUSES, VISIT_NOTE_MAX } from '#app/features/reception/rules.ts';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canHandleReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate, useFormatDay } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';
import type { RegistrationErrors } from '#app/features/cases/registration.server.ts';

export const links = officeLinks;
export const headers = privatePageHeaders;

const DONE = ['attendance', 'visitRecorded'] as const;
const Intent = z.enum(['attendance', 'recordVisit', 'register']);
const notFound = () => new Response('Not Found', { status: 404 });

function idsFrom(params: LoaderFunctionArgs['params']): { dayId: string; appointmentId: string } {
  const dayId = z.uuid().safeParse(params.dayId);
  const appointmentId = z.uuid().safeParse(params.appointmentId);
  if (!dayId.success || !appointmentId.success) throw notFound();
  return { dayId: dayId.data, appointmentId: appointmentId.data };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canHandleReceptionDays);
  const { dayId, appointmentId } = idsFrom(params);
  const { locale, t } = await translatorFor(request);
  const appointment = await appointmentForOffice(actor, dayId, appointmentId, locale, { ipAddress: context.clientIp });
  if (!appointment) throw notFound();
  const categories = appointment.case ? [] : (await officeOptions(locale)).categories;
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    {
      title: t('visits:office.appointment.title', { reference: appointment.reference }),
      appointment,
      categories,
      done: done ?? null,
      // A fresh key per form: a retried registration finds the case it made.
      idempotencyKey: randomBytes(18).toString('base64url'),
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canHandleReceptionDays);
  const { dayId, appointmentId } = idsFrom(params);
  const { locale } = await translatorFor(request);
  const form = await request.formData();
  const intent = Intent.safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Bad Request', { status: 400 });
  const here = `/office/reception/${dayId}/appointments/${appointmentId}`;
  const refused = (error: string) => data({ kind: 'refused' as const, error }, { status: 409, headers: PRIVATE_PAGE_HEADERS });

  if (intent.data === 'attendance') {
    const status = z.enum(ATTENDANCE_STATUSES).safeParse(form.get('status'));
    if (!status.success) throw new Response('Bad Request', { status: 400 });
    const result = await recordAttendance(actor, dayId, appointmentId, status.data);
    if (result === 'notFound') throw notFound();
    if (result !== 'ok') return refused(result);
    return redirect(`${here}?done=attendance`, { status: 303 });
  }
  if (intent.data === 'recordVisit') {
    const result = await recordVisit(actor, dayId, appointmentId, form);
    if (result.ok) return redirect(`${here}?done=visitRecorded`, { status: 303 });
    if (result.error === 'notFound') throw notFound();
    if (result.error === 'invalid') {
      return data(
        { kind: 'visitInvalid' as const, fieldError: result.fieldError, values: result.values },
        { status: 400, headers: PRIVATE_PAGE_HEADERS },
      );
    }
    return refused(result.error);
  }
  const result = await registerVisitAsCase(actor, dayId, appointmentId, form, locale);
  if (result.ok) {
    return data(
      {
        kind: 'registered' as const,
        receiptNo: result.receipt.receiptNo,
        accessCode: result.receipt.accessCode,
        acceptDueAt: result.receipt.acceptDueAt.toISOString(),
        linked: result.linked,
      },
      { headers: PRIVATE_PAGE_HEADERS },
    );
  }
  if (result.error === 'notFound') throw notFound();
  if (result.error === 'invalid') {
    return data(
      { kind: 'registerInvalid' as const, errors: result.errors, values: result.values },
      { status: 400, headers: PRIVATE_PAGE_HEADERS },
    );
  }
  return refused(result.error);
}

export default function AppointmentPage() {
  const { appointment, categories, done, idempotencyKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation('common');
  const format = useFormatDay();
  const formatDate = useFormatDate();
  const busy = navigation.state === 'submitting';
  const dayLink = `/office/reception/${appointment.day.id}`;

  if (result?.kind === 'registered') {
    return (
      <>
        <ReceiptPanel
          title={t('office.appointment.registeredTitle')}
          receiptNo={result.receiptNo}
          accessCode={result.accessCode}
          accessCodeNote={t('office.appointment.handOver')}
        />
        {result.linked ? null : <p className="warning-text">{t('office.appointment.notLinked')}</p>}
        <p>
          {t('office.appointment.decisionBy')} <strong>{formatDate(result.acceptDueAt)}</strong>
        </p>
        <p>
          <Link to={dayLink}>{t('office.appointment.backToDay')}</Link>
        </p>
      </>
    );
  }

  const registerErrors: RegistrationErrors = result?.kind === 'registerInvalid' ? result.errors : {};
  const registerValues: Partial<Record<string, string>> =
    result?.kind === 'registerInvalid'
      ? result.values
      : { name: appointment.name ?? undefined, phone: appointment.phone ?? undefined, subject: appointment.topic ?? undefined };
  const registerError = (field: keyof RegistrationErrors) => {
    const key = registerErrors[field];
    return key ? tc(`submit.errors.${key}`) : undefined;
  };
  const visitError =
    result?.kind === 'visitInvalid' ? t(`office.appointment.errors.note.${result.fieldError}`, { max: VISIT_NOTE_MAX }) : undefined;
  const summary = [
    ...(result?.kind === 'refused' ? [{ message: t(`office.appointment.errors.${result.error}`) }] : []),
    ...(visitError ? [{ field: 'note', message: visitError }] : []),
    ...Object.keys(registerErrors).map((field) => ({ field, message: registerError(field as keyof RegistrationErrors) ?? '' })),
  ];
  const cancelled = appointment.status === 'CANCELLED';

  return (
    <>
      <p>
        <Link to={dayLink}>{t('office.appointment.backToDay')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <p className="caption">{t('office.appointment.caption')}</p>
      <h1>{t('office.appointment.title', { reference: appointment.reference })}</h1>
      <div role="status">{done ? <p className="notice notice--success">{t(`office.appointment.done.${done}`)}</p> : null}</div>
      <dl className="summary-list">
        <div>
          <dt>{t('book.when')}</dt>
          <dd>
            {t('book.whenValue', {
              date: format.day(appointment.day.date),
              time: format.timeRange(appointment.slot.startsAt, appointment.slot.endsAt),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('office.columns.place')}</dt>
          <dd>{appointment.day.place}</dd>
        </div>
        <div>
          <dt>{t('office.columns.status')}</dt>
          <dd data-testid="appointment-status">{t(`status.${appointment.status}`)}</dd>
        </div>
        <div>
          <dt>{t('office.columns.people')}</dt>
          <dd>{appointment.representatives}</dd>
        </div>
        {appointment.case ? (
          <div>
            <dt>{t('office.appointment.case')}</dt>
            <dd>
              <Link to={`/office/cases/${appointment.case.id}`}>{appointment.case.receiptNo}</Link>
            </dd>
          </div>
        ) : (
          <>
            <div>
              <dt>{t('book.fields.name.label')}</dt>
              <dd>{appointment.name}</dd>
            </div>
            <div>
              <dt>{t('book.fields.phone.label')}</dt>
              <dd>{appointment.phone}</dd>
            </div>
            <div>
              <dt>{t('office.appointment.topic')}</dt>
              <dd>{appointment.topic}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t('office.appointment.bookedAt')}</dt>
          <dd>{formatDate(appointment.createdAt, true)}</dd>
        </div>
      </dl>

      {!appointment.day.attendanceOpen ? <p>{t('office.day.attendanceLater')}</p> : null}

      {appointment.day.attendanceOpen && !cancelled ? (
        <section aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('office.columns.attendance')}</h2>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="attendance" />
            {ATTENDANCE_STATUSES.filter((status) => status !== appointment.status).map((status) => (
              <Button key={status} name="status" value={status} variant="secondary" isDisabled={busy}>
                {t(`office.mark.${status}`)}
              </Button>
            ))}
          </Form>
        </section>
      ) : null}

      {appointment.case && appointment.day.attendanceOpen && !cancelled ? (
        <section aria-labelledby="record-visit-title">
          <h2 id="record-visit-title">{t('office.appointment.recordTitle')}</h2>
          {appointment.visitRecordedAt ? (
            <p data-testid="visit-recorded">
              {t('office.appointment.recordedOn', { date: formatDate(appointment.visitRecordedAt, true) })}
            </p>
          ) : (
            <Form method="post" noValidate className="form">
              <input type="hidden" name="intent" value="recordVisit" />
              <TextField
                name="note"
                label={t('office.appointment.note.label')}
                hint={t('office.appointment.note.hint')}
                error={visitError}
                defaultValue={result?.kind === 'visitInvalid' ? result.values.note : undefined}
                multiline={{ maxLength: VISIT_NOTE_MAX, rows: 5 }}
              />
              <Checkbox name="public" defaultSelected={result?.kind === 'visitInvalid' ? result.values.public : false}>
                {t('office.appointment.public')}
              </Checkbox>
              <Button isDisabled={busy}>{t('office.appointment.record')}</Button>
            </Form>
          )}
        </section>
      ) : null}

      {!appointment.case && appointment.day.attendanceOpen && !cancelled ? (
        <section aria-labelledby="register-title">
          <h2 id="register-title">{t('office.appointment.registerTitle')}</h2>
          <p>{t('office.appointment.registerLead')}</p>
          <Form method="post" noValidate className="form">
            <input type="hidden" name="intent" value="register" />
            <input type="hidden" name="idempotencyKey" value={registerValues.idempotencyKey ?? idempotencyKey} />
            <RadioGroup
              name="kind"
              label={tc('submit.fields.kind.label')}
              error={registerError('kind')}
              defaultValue={registerValues.kind}
              options={CASE_KINDS.map((kind) => ({ value: kind, label: tc(`kinds.${kind}.label`) }))}
            />
            <ComboBoxField
              name="categoryId"
              label={tc('submit.fields.categoryId.label')}
              placeholder={tc('submit.fields.categoryId.placeholder')}
              error={registerError('categoryId')}
              defaultValue={registerValues.categoryId}
              options={categories}
              noMatches={t('office.appointment.noMatches')}
            />
            <TextField
              name="area"
              label={tc('submit.fields.area.label')}
              error={registerError('area')}
              defaultValue={registerValues.area}
              width="medium"
            />
            <TextField
              name="subject"
              label={tc('submit.fields.subject.label')}
              error={registerError('subject')}
              defaultValue={registerValues.subject}
            />
            <TextField
              name="body"
              label={tc('submit.fields.body.label')}
              error={registerError('body')}
              defaultValue={registerValues.body}
              multiline={{ maxLength: LIMITS.bodyMax, rows: 8 }}
            />
            <TextField
              name="coSignerCount"
              label={tc('submit.fields.coSignerCount.label')}
              error={registerError('coSignerCount')}
              defaultValue={registerValues.coSignerCount ?? String(appointment.representatives)}
              inputMode="numeric"
              width="short"
            />
            <h3>{tc('submit.sections.contact')}</h3>
            <Checkbox name="anonymous" error={registerError('anonymous')} defaultSelected={registerValues.anonymous === 'yes'}>
              {tc('submit.fields.anonymous.label')}
            </Checkbox>
            <TextField
              name="name"
              label={tc('submit.fields.name.label')}
              error={registerError('name')}
              defaultValue={registerValues.name}
              width="medium"
            />
            <TextField
              name="phone"
              type="tel"
              label={tc('submit.fields.phone.label')}
              hint={tc('submit.fields.phone.hint')}
              error={registerError('phone')}
              defaultValue={registerValues.phone}
              width="medium"
            />
            <TextField
              name="email"
              type="email"
              label={tc('submit.fields.email.label')}
              error={registerError('email')}
              defaultValue={registerValues.email}
              width="medium"
            />
            <TextField
              name="postalAddress"
              label={tc('submit.fields.postalAddress.label')}
              error={registerError('postalAddress')}
              defaultValue={registerValues.postalAddress}
            />
            <RadioGroup
              name="preferredReplyChannel"
              label={tc('submit.fields.preferredReplyChannel.label')}
              error={registerError('preferredReplyChannel')}
              defaultValue={registerValues.preferredReplyChannel ?? 'POST'}
              options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: tc(`replyChannels.${channel}`) }))}
            />
            <Checkbox name="consent" error={registerError('consent')} defaultSelected={registerValues.consent === 'yes'}>
              {t('office.appointment.consent')}
            </Checkbox>
            <Button isDisabled={busy}>{t('office.appointment.register')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
