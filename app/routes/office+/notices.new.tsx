// /office/notices/new: write a notice in all three languages, with its publish day and an
// optional last day. Supervisors and administrators.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { createNotice } from '#app/features/notices/notices.server.ts';
import { NoticeFields, useNoticeErrors } from '#app/features/notices/ui/notice-fields.tsx';
import { canManageNotices } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageNotices);
  const { t } = await translatorFor(request);
  return data({ title: t('notices:office.new.title'), today: serviceToday() }, { headers: PRIVATE_PAGE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const outcome = await createNotice(actor, await request.formData());
  if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: 400, headers: PRIVATE_PAGE_HEADERS });
  return redirect(`/office/notices/${outcome.id}?done=created`, { status: 303 });
}

export default function NewNoticePage() {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('notices');
  const { message, summary } = useNoticeErrors(actionData?.errors ?? {});
  return (
    <>
      <p>
        <Link to="/office/notices">{t('office.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('office.new.title')}</h1>
      <p>{t('office.new.lead')}</p>
      <Form method="post" noValidate className="form">
        <NoticeFields values={actionData?.values ?? {}} error={message} today={today} />
        <Button isDisabled={navigation.state === 'submitting'}>{t('office.new.submit')}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
