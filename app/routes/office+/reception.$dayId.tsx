// /office/reception/:dayId: one reception day. Administrators and supervisors publish or
// unpublish it; clerks and supervisors see each slot's bookings, record attendance, and open a
// booking to record the visit on its case or register it as a new case.
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { receptionDayForOffice, receptionDayPost } from '#app/features/reception/desk.server.ts';
import { useDayFacts } from '#app/features/reception/ui/day-facts.tsx';
import { DaySlots } from '#app/features/reception/ui/day-slots.tsx';
import { canHandleReceptionDays, canManageReceptionDays, canViewReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { useFormatDay } from '#app/ui/format.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import { SummaryList } from '#app/ui/summary-list.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { dayId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewReceptionDays);
  const { dayId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const day = await receptionDayForOffice(actor, dayId, { locale, ipAddress: context.clientIp });
  return { title: t('visits:office.day.title'), day, canManage: canManageReceptionDays(actor), canHandle: canHandleReceptionDays(actor) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewReceptionDays);
  const { dayId } = parseParams(params, PARAMS);
  return respond(await receptionDayPost(actor, dayId, await readForm(request)), `/office/reception/${dayId}`);
});

export default function ReceptionDayPage() {
  const { day, canManage, canHandle } = useLoaderData<typeof loader>();
  const form = useFormErrors(useActionData<typeof action>(), { fields: [], prefix: () => '', formPrefix: 'visits:office.day.errors' });
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  const format = useFormatDay();
  const facts = useDayFacts();
  const busy = navigation.state === 'submitting';

  return (
    <>
      <PageHeader
        back={{ to: '/office/reception', label: t('office.back') }}
        errors={form.summary}
        caption={t('office.day.title')}
        title={format.day(day.date)}
      />
      <SummaryList
        items={[
          { label: t('office.columns.status'), value: day.published ? t('office.published') : t('office.draft'), testId: 'day-status' },
          ...facts.about(day),
        ]}
      />

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
      <DaySlots day={day} busy={busy} />
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
