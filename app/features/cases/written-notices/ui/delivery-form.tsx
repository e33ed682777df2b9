// Recording how a written notice reached the citizen (送达): the way, the day, and for post the
// tracking number. Shown on screen only, under the notice.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_METHODS, type DeliveryMethod, type DeliveryField } from '#app/features/cases/written-notices/notice-kinds.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

export interface DeliveryState {
  delivery: { method: DeliveryMethod; deliveredAt: string | Date; trackingNo: string | null } | null;
  toPost: boolean;
  canRecord: boolean;
}

export function DeliveryPanel({
  state,
  form,
  today,
  busy,
}: {
  state: DeliveryState;
  form: FormErrors<DeliveryField>;
  today: string;
  busy: boolean;
}) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const formatDate = useFormatDate();
  return (
    <section className="no-print" aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('writtenNotices.deliveryTitle')}</h2>
      {state.delivery ? (
        <p data-testid="notice-delivery">
          {t('writtenNotices.deliveredOn', {
            method: tc(`writtenNotices.methods.${state.delivery.method}`),
            date: formatDate(state.delivery.deliveredAt),
          })}
          {state.delivery.trackingNo ? ` ${t('writtenNotices.trackingNoShown', { trackingNo: state.delivery.trackingNo })}` : null}
        </p>
      ) : (
        <p data-testid="notice-delivery">
          {state.toPost ? <strong className="tag tag--to-post">{t('writtenNotices.toPost')}</strong> : null}{' '}
          {t('writtenNotices.notDelivered')}
        </p>
      )}
      {state.canRecord ? (
        <Form method="post" noValidate>
          <RadioGroup
            name="method"
            label={t('writtenNotices.fields.method')}
            error={form.error('method')}
            defaultValue={form.value('method') ?? (state.toPost ? 'POST' : undefined)}
            options={DELIVERY_METHODS.map((value) => ({ value, label: tc(`writtenNotices.methods.${value}`) }))}
          />
          <TextField
            name="deliveredOn"
            label={t('writtenNotices.fields.deliveredOn')}
            hint={t('case.fields.dateHint')}
            inputMode="numeric"
            width="medium"
            error={form.error('deliveredOn')}
            defaultValue={form.value('deliveredOn') ?? today}
          />
          <TextField
            name="trackingNo"
            label={t('writtenNotices.fields.trackingNo')}
            hint={t('writtenNotices.fields.trackingNoHint')}
            width="medium"
            error={form.error('trackingNo')}
            defaultValue={form.value('trackingNo')}
          />
          <Button isDisabled={busy}>{t('writtenNotices.record')}</Button>
        </Form>
      ) : null}
    </section>
  );
}
