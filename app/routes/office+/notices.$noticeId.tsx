// /office/notices/:noticeId: change a notice (any language, its days), or take it down now.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { noticeForOffice, takeDownNotice, updateNotice } from '#app/features/notices/notices.server.ts';
import { NoticeFields, useNoticeErrors } from '#app/features/notices/ui/notice-fields.tsx';
import { canManageNotices } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { serviceToday } from '#app/platform/time/service-time-zone.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ConfirmSubmitButton } from '#app/ui/confirm-submit-button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';

export const links = officeLinks;
export const headers = privatePageHeaders;

const DONE = ['created', 'updated', 'takenDown'] as const;
const Intent = z.enum(['update', 'takeDown']);
const notFound = () => new Response('Not Found', { status: 404 });

function noticeIdFrom(params: LoaderFunctionArgs['params']): string {
  const id = z.uuid().safeParse(params.noticeId);
  if (!id.success) throw notFound();
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const id = noticeIdFrom(params);
  const { t } = await translatorFor(request);
  const notice = await noticeForOffice(actor, id);
  if (!notice) throw notFound();
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    { title: t('notices:office.edit.title'), notice, done: done ?? null, today: serviceToday() },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageNotices);
  const id = noticeIdFrom(params);
  const form = await request.formData();
  const intent = Intent.safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Bad Request', { status: 400 });
  if (intent.data === 'takeDown') {
    await takeDownNotice(actor, id);
    return redirect(`/office/notices/${id}?done=takenDown`, { status: 303 });
  }
  const outcome = await updateNotice(actor, id, form);
  if (!outcome) throw notFound();
  if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: 400, headers: PRIVATE_PAGE_HEADERS });
  return redirect(`/office/notices/${id}?done=updated`, { status: 303 });
}

export default function EditNoticePage() {
  const { notice, done, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('notices');
  const formatDate = useFormatDate();
  const { message, summary } = useNoticeErrors(actionData?.errors ?? {});
  const busy = navigation.state === 'submitting';
  return (
    <>
      <p>
        <Link to="/office/notices">{t('office.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('office.edit.title')}</h1>
      <div role="status">{done ? <p className="notice notice--success">{t(`office.edit.done.${done}`)}</p> : null}</div>
      <dl className="summary-list">
        <div>
          <dt>{t('office.columns.state')}</dt>
          <dd data-testid="notice-state">{t(`office.state.${notice.state}`)}</dd>
        </div>
        <div>
          <dt>{t('office.columns.publishedAt')}</dt>
          <dd>{formatDate(notice.publishedAt, true)}</dd>
        </div>
        <div>
          <dt>{t('office.edit.expiresAt')}</dt>
          <dd>{notice.expiresAt ? formatDate(notice.expiresAt, true) : t('office.list.noLastDay')}</dd>
        </div>
        <div>
          <dt>{t('office.edit.updatedAt')}</dt>
          <dd>{formatDate(notice.updatedAt, true)}</dd>
        </div>
      </dl>
      {notice.state === 'CURRENT' ? (
        <p>
          <Link to={`/notices/${notice.id}`}>{t('office.edit.view')}</Link>
        </p>
      ) : null}

      <h2>{t('office.edit.formTitle')}</h2>
      {/* Remounted when the stored notice changes, so the fields show what is saved now. */}
      <Form method="post" noValidate className="form" key={notice.updatedAt}>
        <input type="hidden" name="intent" value="update" />
        <NoticeFields values={actionData?.values ?? notice.values} error={message} today={today} />
        <Button isDisabled={busy}>{t('office.edit.submit')}</Button>
      </Form>

      {notice.state !== 'EXPIRED' ? (
        <>
          <h2>{t('office.edit.takeDownTitle')}</h2>
          <p>{t('office.edit.takeDownBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="takeDown" />
            <ConfirmSubmitButton
              variant="secondary"
              title={t('office.edit.takeDownConfirm.title')}
              description={t('office.edit.takeDownConfirm.body')}
              confirmLabel={t('office.edit.takeDownConfirm.confirm')}
              cancelLabel={t('office.edit.takeDownConfirm.cancel')}
              isDisabled={busy}
            >
              {t('office.edit.takeDown')}
            </ConfirmSubmitButton>
          </Form>
        </>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
