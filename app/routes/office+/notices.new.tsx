// /office/notices/new: write a notice in all three languages, with its publish day and an
// optional last day. Supervisors and administrators.
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { createNotice } from '#app/features/notices/notices.server.ts';
import { NoticeForm, useNoticeFormErrors } from '#app/features/notices/ui/notice-form.tsx';
import { canManageNotices } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  await requireStaffAllowed(request, canManageNotices);
  const { t } = await translatorFor(request);
  return { title: t('notices:office.new.title'), today: serviceToday() };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const outcome = await createNotice(actor, await readForm(request));
  return respond(outcome, outcome.ok ? `/office/notices/${outcome.id}` : '/office/notices/new');
});

export default function NewNoticePage() {
  const { today } = useLoaderData<typeof loader>();
  const form = useNoticeFormErrors(useActionData<typeof action>());
  const navigation = useNavigation();
  const { t } = useTranslation('notices');
  return (
    <>
      <PageHeader back={{ to: '/office/notices', label: t('office.back') }} errors={form.summary} title={t('office.new.title')} />
      <p>{t('office.new.lead')}</p>
      <NoticeForm form={form} today={today} submitLabel={t('office.new.submit')} busy={navigation.state === 'submitting'} />
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
