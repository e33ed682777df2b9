// /office/reception/new: set up a reception day (date, place and receiving official's role in
// the three languages, the units and categories it covers, and its time slots). It is saved as
// a draft; its page publishes it. Administrators and supervisors.
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { createReceptionDay, receptionDayFormOptions } from '#app/features/reception/day-setup.server.ts';
import { ReceptionDayForm, useDayFormErrors } from '#app/features/reception/ui/day-form.tsx';
import { canManageReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  await requireStaffAllowed(request, canManageReceptionDays);
  const { locale, t } = await translatorFor(request);
  return { title: t('visits:office.new.title'), ...(await receptionDayFormOptions(locale)) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReceptionDays);
  const outcome = await createReceptionDay(actor, await readForm(request));
  return respond(outcome, outcome.ok ? `/office/reception/${outcome.id}` : '/office/reception/new');
});

export default function NewReceptionDayPage() {
  const { units, categories, defaultSlots } = useLoaderData<typeof loader>();
  const form = useDayFormErrors(useActionData<typeof action>());
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  return (
    <>
      <PageHeader back={{ to: '/office/reception', label: t('office.back') }} errors={form.summary} title={t('office.new.title')} />
      <p>{t('office.new.lead')}</p>
      <ReceptionDayForm
        form={form}
        units={units}
        categories={categories}
        defaultSlots={defaultSlots}
        busy={navigation.state === 'submitting'}
      />
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
