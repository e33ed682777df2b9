// Registering a new visit as a case: the clerks' registration form, filled in from what the
// visitor told us when they booked. The channel ("visit") and the day received are set by the server.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, REPLY_CHANNELS } from '#app/features/cases/kinds.ts';
import { LIMITS, type SubmissionField } from '#app/features/cases/submission-fields.ts';
import { CheckInField } from '#app/features/cases/ui/check-in-field.tsx';
import { ReportedFields } from '#app/features/cases/ui/reported-fields.tsx';
import { Button } from '#app/ui/button.tsx';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { TextFieldList, type TextFieldSpec } from '#app/ui/text-field-list.tsx';
import type { OfficeAppointmentDetail } from '#app/features/reception/visits.server.ts';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

const ABOUT: TextFieldSpec<SubmissionField>[] = [
  { name: 'area', width: 'medium' },
  { name: 'subject' },
  { name: 'body', multiline: { maxLength: LIMITS.bodyMax, rows: 8 } },
  { name: 'coSignerCount', inputMode: 'numeric', width: 'short' },
];
const CONTACT: TextFieldSpec<SubmissionField>[] = [
  { name: 'name', width: 'medium' },
  { name: 'phone', type: 'tel', hint: true, width: 'medium' },
  { name: 'email', type: 'email', width: 'medium' },
  { name: 'postalAddress' },
];

interface RegisterVisitPanelProps {
  appointment: Pick<OfficeAppointmentDetail, 'name' | 'phone' | 'topic' | 'representatives'>;
  registration: NonNullable<OfficeAppointmentDetail['registration']>;
  form: Pick<FormErrors<string>, 'error' | 'value'>;
  busy: boolean;
}

export function RegisterVisitPanel({ appointment, registration, form, busy }: RegisterVisitPanelProps) {
  const { t } = useTranslation('visits');
  const { t: tc } = useTranslation('common');
  const text = {
    form,
    label: (field: SubmissionField) => tc(`submit.fields.${field}.label`),
    hint: (field: SubmissionField) => tc(`submit.fields.${field}.hint`),
    initial: {
      name: appointment.name ?? undefined,
      phone: appointment.phone ?? undefined,
      subject: appointment.topic ?? undefined,
      coSignerCount: String(appointment.representatives),
    },
  };
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">{t('office.appointment.registerTitle')}</h2>
      <p>{t('office.appointment.registerLead')}</p>
      <Form method="post" noValidate className="form">
        <input type="hidden" name="intent" value="register" />
        <input type="hidden" name="idempotencyKey" value={form.value('idempotencyKey') ?? registration.idempotencyKey} />
        <RadioGroup
          name="kind"
          label={tc('submit.fields.kind.label')}
          error={form.error('kind')}
          defaultValue={form.value('kind')}
          options={CASE_KINDS.map((kind) => ({ value: kind, label: tc(`kinds.${kind}.label`) }))}
        />
        <ReportedFields form={form} units={registration.units} by={{ clerk: ComboBoxField }} />
        <ComboBoxField
          name="categoryId"
          label={tc('submit.fields.categoryId.label')}
          placeholder={tc('submit.fields.categoryId.placeholder')}
          error={form.error('categoryId')}
          defaultValue={form.value('categoryId')}
          options={registration.categories}
          noMatches={t('office.appointment.noMatches')}
        />
        <TextFieldList fields={ABOUT} {...text} />
        <h3>{tc('submit.sections.contact')}</h3>
        <Checkbox name="anonymous" error={form.error('anonymous')} defaultSelected={form.value('anonymous') === 'yes'}>
          {tc('submit.fields.anonymous.label')}
        </Checkbox>
        <TextFieldList fields={CONTACT} {...text} />
        <RadioGroup
          name="preferredReplyChannel"
          label={tc('submit.fields.preferredReplyChannel.label')}
          error={form.error('preferredReplyChannel')}
          defaultValue={form.value('preferredReplyChannel') ?? 'POST'}
          options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: tc(`replyChannels.${channel}`) }))}
        />
        <CheckInField by="clerk" error={form.error('checkIn')} defaultValue={form.value('checkIn')} />
        <Checkbox name="consent" error={form.error('consent')} defaultSelected={form.value('consent') === 'yes'}>
          {t('office.appointment.consent')}
        </Checkbox>
        <Button isDisabled={busy}>{t('office.appointment.register')}</Button>
      </Form>
    </section>
  );
}
