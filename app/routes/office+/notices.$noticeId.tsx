// /office/notices/:noticeId: change a notice (any language, its days), or take it down now.
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { editNotice, noticeForOffice } from '#app/features/notices/notices.server.ts';
import { NoticeForm, useNoticeFormErrors } from '#app/features/notices/ui/notice-form.tsx';
import { canManageNotices } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { ConfirmSubmitButton, confirmTexts } from '#app/ui/confirm-submit-button.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { PageHeader } from '#app/ui/page-header.tsx';
import { SummaryList } from '#app/ui/summary-list.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { noticeId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const { noticeId } = parseParams(params, PARAMS);
  const { t } = await translatorFor(request);
  const notice = await noticeForOffice(actor, noticeId);
  return { title: t('notices:office.edit.title'), notice, today: serviceToday() };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const { noticeId } = parseParams(params, PARAMS);
  return respond(await editNotice(actor, noticeId, await readForm(request)), `/office/notices/${noticeId}`);
});

export default function EditNoticePage() {
  const { notice, today } = useLoaderData<typeof loader>();
  const form = useNoticeFormErrors(useActionData<typeof action>());
  const navigation = useNavigation();
  const { t } = useTranslation('notices');
  const formatDate = useFormatDate();
  const busy = navigation.state === 'submitting';
  return (
    <>
      <PageHeader back={{ to: '/office/notices', label: t('office.back') }} errors={form.summary} title={t('office.edit.title')} />
      <SummaryList
        items={[
          { label: t('office.columns.state'), value: t(`office.state.${notice.state}`), testId: 'notice-state' },
          { label: t('office.columns.publishedAt'), value: formatDate(notice.publishedAt, true) },
          { label: t('office.edit.expiresAt'), value: notice.expiresAt ? formatDate(notice.expiresAt, true) : t('office.list.noLastDay') },
          { label: t('office.edit.updatedAt'), value: formatDate(notice.updatedAt, true) },
        ]}
      />
      {notice.state === 'CURRENT' ? (
        <p>
          <Link to={`/notices/${notice.id}`}>{t('office.edit.view')}</Link>
        </p>
      ) : null}

      <h2>{t('office.edit.formTitle')}</h2>
      {/* Remounted when the stored notice changes, so the fields show what is saved now. */}
      <NoticeForm
        key={notice.updatedAt}
        form={form}
        saved={notice.values}
        today={today}
        intent="update"
        submitLabel={t('office.edit.submit')}
        busy={busy}
      />

      {notice.state !== 'EXPIRED' ? (
        <>
          <h2>{t('office.edit.takeDownTitle')}</h2>
          <p>{t('office.edit.takeDownBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="takeDown" />
            <ConfirmSubmitButton variant="secondary" {...confirmTexts(t, 'office.edit.takeDownConfirm')} isDisabled={busy}>
              {t('office.edit.takeDown')}
            </ConfirmSubmitButton>
          </Form>
        </>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
