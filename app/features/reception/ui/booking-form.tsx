// The portal's booking form of one slot: with a receipt number and access code the booking is
// linked to that case; otherwise it is a new visit with a name, a phone number and a topic.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { BOOKING_FIELDS, BOOKING_MODES, MAX_REPRESENTATIVES, TOPIC_MAX, type BookingField } from '#app/features/reception/rules.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextFieldList, type TextFieldSpec } from '#app/ui/text-field-list.tsx';
import { useFormErrors, type FormErrors } from '#app/ui/use-form-errors.ts';
import type { BookingFormField } from '#app/features/reception/booking.server.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';

const SECTIONS: { id: string; title: string; fields: TextFieldSpec<BookingField>[] }[] = [
  {
    id: 'case-section-title',
    title: 'book.caseSection',
    fields: [
      { name: 'receiptNo', hint: true, autoComplete: 'off', spellCheck: false, width: 'medium' },
      { name: 'accessCode', hint: true, autoComplete: 'off', spellCheck: false, width: 'medium' },
    ],
  },
  {
    id: 'new-section-title',
    title: 'book.newSection',
    fields: [
      { name: 'name', autoComplete: 'name', width: 'medium' },
      { name: 'phone', type: 'tel', hint: true, autoComplete: 'tel', inputMode: 'tel', width: 'medium' },
      { name: 'topic', hint: true, multiline: { maxLength: TOPIC_MAX, rows: 3 } },
    ],
  },
  {
    id: 'people-section-title',
    title: 'book.peopleSection',
    fields: [{ name: 'representatives', hint: true, inputMode: 'numeric', width: 'short' }],
  },
];

/** Field errors are codes with their field ("mode.required") under visits:book.errors. */
export function useBookingFormErrors(problem: FormProblem<BookingFormField> | null | undefined): FormErrors<BookingFormField> {
  return useFormErrors<BookingFormField>(problem, {
    fields: BOOKING_FIELDS,
    prefix: () => 'visits:book.errors',
    formPrefix: 'visits:book.errors.form',
    messageValues: { max: MAX_REPRESENTATIVES, topicMax: TOPIC_MAX },
  });
}

interface BookingFormProps {
  form: FormErrors<BookingFormField>;
  /** This form's key: a retry of its post finds the same booking. */
  idempotencyKey: string;
  honeypotField: string;
  busy: boolean;
}

export function BookingForm({ form, idempotencyKey, honeypotField, busy }: BookingFormProps) {
  const { t } = useTranslation('visits');
  return (
    <Form method="post" noValidate className="form" aria-describedby="booking-required-note">
      <p id="booking-required-note" className="field__hint">
        {t('book.required')}
      </p>
      <input type="hidden" name="idempotencyKey" value={form.value('idempotencyKey') ?? idempotencyKey} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={honeypotField}>{t('book.honeypot')}</label>
        <input id={honeypotField} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <RadioGroup
        name="mode"
        label={t('book.fields.mode.label')}
        error={form.error('mode')}
        defaultValue={form.value('mode')}
        options={BOOKING_MODES.map((mode) => ({
          value: mode,
          label: t(`book.fields.mode.${mode}.label`),
          hint: t(`book.fields.mode.${mode}.hint`),
        }))}
      />

      {SECTIONS.map((section) => (
        <section key={section.id} className="choice-section" aria-labelledby={section.id}>
          <h2 id={section.id}>{t(section.title)}</h2>
          <TextFieldList
            fields={section.fields}
            form={form}
            label={(field) => t(`book.fields.${field}.label`)}
            hint={(field) => t(`book.fields.${field}.hint`, { max: field === 'topic' ? TOPIC_MAX : MAX_REPRESENTATIVES })}
            initial={{ representatives: '1' }}
          />
        </section>
      ))}

      <Button isDisabled={busy}>{busy ? t('book.sending') : t('book.submit')}</Button>
    </Form>
  );
}
