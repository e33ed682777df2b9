// The panels of one booking's back-office page: what the booking is, the visit recorded on its
// case, and the receipt handed over once a new visit is registered as a case.
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ReceiptPanel } from '#app/features/cases/ui/receipt-panel.tsx';
import { VISIT_NOTE_MAX } from '#app/features/reception/rules.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { TextFieldList } from '#app/ui/text-field-list.tsx';
import { useDayFacts } from './day-facts.tsx';
import type { OfficeAppointmentDetail, RegisteredVisit } from '#app/features/reception/visits.server.ts';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

export function AppointmentFacts({ appointment }: { appointment: OfficeAppointmentDetail }) {
  const { t } = useTranslation('visits');
  const facts = useDayFacts();
  const formatDate = useFormatDate();
  const { day } = appointment;
  const who = appointment.case
    ? [
        {
          label: t('office.appointment.case'),
          value: <Link to={`/office/cases/${appointment.case.id}`}>{appointment.case.receiptNo}</Link>,
        },
      ]
    : appointment.caseKept
      ? [{ label: t('office.appointment.case'), value: t('office.forKeptCase') }]
      : [
          { label: t('book.fields.name.label'), value: appointment.name },
          { label: t('book.fields.phone.label'), value: appointment.phone },
          { label: t('office.appointment.topic'), value: appointment.topic },
        ];
  return (
    <SummaryList
      items={[
        facts.when(day.date, appointment.slot),
        ...facts.about({ place: day.place }),
        { label: t('office.columns.status'), value: t(`status.${appointment.status}`), testId: 'appointment-status' },
        { label: t('office.columns.people'), value: appointment.representatives },
        ...who,
        { label: t('office.appointment.bookedAt'), value: formatDate(appointment.createdAt, true) },
      ]}
    />
  );
}

const NOTE = [{ name: 'note', hint: true, multiline: { maxLength: VISIT_NOTE_MAX, rows: 5 } }] as const;

interface RecordVisitPanelProps {
  form: Pick<FormErrors<string>, 'error' | 'value'>;
  /** When the visit was recorded already: the panel says so instead of offering the form. */
  recordedAt: string | null;
  busy: boolean;
}

export function RecordVisitPanel({ form, recordedAt, busy }: RecordVisitPanelProps) {
  const { t } = useTranslation('visits');
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="record-visit-title">
      <h2 id="record-visit-title">{t('office.appointment.recordTitle')}</h2>
      {recordedAt ? (
        <p data-testid="visit-recorded">{t('office.appointment.recordedOn', { date: formatDate(recordedAt, true) })}</p>
      ) : (
        <Form method="post" noValidate className="form">
          <input type="hidden" name="intent" value="recordVisit" />
          <TextFieldList
            fields={NOTE}
            form={form}
            label={() => t('office.appointment.note.label')}
            hint={() => t('office.appointment.note.hint')}
          />
          <Checkbox name="public" defaultSelected={form.value('public') === 'yes'}>
            {t('office.appointment.public')}
          </Checkbox>
          <Button isDisabled={busy}>{t('office.appointment.record')}</Button>
        </Form>
      )}
    </section>
  );
}

/** The receipt number and the access code, shown once, to hand over to the visitor now. */
export function RegisteredVisitView({ registered, dayLink }: { registered: RegisteredVisit; dayLink: string }) {
  const { t } = useTranslation('visits');
  const formatDate = useFormatDate();
  return (
    <>
      <ReceiptPanel
        title={t('office.appointment.registeredTitle')}
        receiptNo={registered.receiptNo}
        accessCode={registered.accessCode}
        accessCodeNote={t('office.appointment.handOver')}
      />
      {registered.linked ? null : <p className="warning-text">{t('office.appointment.notLinked')}</p>}
      <p>
        {t('office.appointment.decisionBy')} <strong>{formatDate(registered.acceptDueAt)}</strong>
      </p>
      <p>
        <Link to={dayLink}>{t('office.appointment.backToDay')}</Link>
      </p>
    </>
  );
}
