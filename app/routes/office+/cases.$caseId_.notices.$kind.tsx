// /office/cases/:caseId/notices/:kind: one written notice of a case (受理告知书, 信访处理意见书, …),
// printable on A4 in the citizen's language, for anyone who may see the case (each reading is
// audited: the notice carries the citizen's name and postal address); below it, on screen only, how
// it reached the citizen, and the form that records a delivery. A step the case has not reached
// has no notice here (404).
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_FIELDS } from '#app/features/cases/written-notices/notice-kinds.ts';
import { noticeKindParam, recordDelivery, staffNoticePage } from '#app/features/cases/written-notices/notices.server.ts';
import { DeliveryPanel } from '#app/features/cases/written-notices/ui/delivery-form.tsx';
import { WrittenNotice } from '#app/features/cases/written-notices/ui/written-notice.tsx';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { isoDate, civilDateIn } from '#app/platform/time/civil-date.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { PrintButton } from '#app/ui/print-button.tsx';
import { under, useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const kind = noticeKindParam(params.kind);
  const { t } = await translatorFor(request);
  const page = await staffNoticePage(actor, caseId, kind, context.clientIp);
  return {
    ...page,
    today: isoDate(civilDateIn(new Date(), serviceTimeZone())),
    title: t('office:writtenNotices.pageTitle', { notice: page.document.title, receiptNo: page.document.receiptNo }),
  };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const kind = noticeKindParam(params.kind);
  const outcome = await recordDelivery(actor, caseId, kind, await readForm(request));
  return respond(outcome, `/office/cases/${caseId}/notices/${kind}`);
});

export default function WrittenNoticeRoute() {
  const page = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const form = useFormErrors(useActionData<typeof action>(), {
    fields: DELIVERY_FIELDS,
    prefix: under('office:writtenNotices.errors'),
    formPrefix: 'office:writtenNotices.errors',
  });
  const { t } = useTranslation('office');
  return (
    <>
      <div className="no-print">
        <p className="caption">
          <Link to={`/office/cases/${page.caseId}`}>{t('transfer.back', { receiptNo: page.document.receiptNo })}</Link>
        </p>
        <ErrorSummary errors={form.summary} />
        <h1>{page.title}</h1>
        <p className="lead">{t('writtenNotices.lead')}</p>
        <div className="actions">
          <PrintButton />
          {page.pdf ? (
            // A file, not a page: the browser saves it without leaving this one.
            <a href={`/office/cases/${page.caseId}/notices/${page.document.kind}/pdf`} download className="button button--secondary">
              {t('writtenNotices.downloadPdf')}
            </a>
          ) : null}
        </div>
      </div>
      <WrittenNotice document={page.document} />
      <DeliveryPanel state={page} form={form} today={page.today} busy={navigation.state !== 'idle'} />
    </>
  );
}
