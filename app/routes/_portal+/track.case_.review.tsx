// /track/case/review: ask for a review (复查, within 30 days of the written reply, art. 35) or, after
// the review opinion, a re-review (复核, within 30 days, art. 36). Needs the track session.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { publicCaseView } from '#app/features/cases/cases.server.ts';
import { requestReReview, requestReview, ReviewRequestForm } from '#app/features/cases/citizen-actions.server.ts';
import { handleFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { canRequestReReview, canRequestReview, REQUEST_REASON_MAX } from '#app/features/cases/follow-up.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = privatePageHeaders;

async function reviewMode(caseId: string, now = new Date()) {
  const view = await publicCaseView(caseId);
  if (!view) throw new Response('Not found', { status: 404 });
  const mode = canRequestReview(view.status, view.reviewRequestDueAt, now)
    ? ('review' as const)
    : canRequestReReview(view.status, view.reReviewRequestDueAt, now)
      ? ('reReview' as const)
      : null;
  const dueAt = mode === 'review' ? view.reviewRequestDueAt : mode === 'reReview' ? view.reReviewRequestDueAt : null;
  return { view, mode, dueAt };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const caseId = requireTrackedCaseId(request);
  const { t } = await translatorFor(request);
  const { view, mode, dueAt } = await reviewMode(caseId);
  return data(
    { title: t(`follow-up:review.${mode ?? 'review'}.title`), receiptNo: view.receiptNo, mode, dueAt },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request }: ActionFunctionArgs) {
  const caseId = requireTrackedCaseId(request);
  const { mode } = await reviewMode(caseId);
  const outcome = await handleFollowUp(await request.formData(), ReviewRequestForm, ({ reason }) =>
    mode === 'reReview' ? requestReReview(caseId, reason) : requestReview(caseId, reason),
  );
  return data(outcome, { status: outcome.status, headers: PRIVATE_PAGE_HEADERS });
}

export default function ReviewRequestPage() {
  const { title, receiptNo, mode, dueAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  const errors = result?.errors ?? {};
  const summary = [
    ...(result?.formError ? [{ message: t(`errors.${result.formError}`) }] : []),
    ...Object.entries(errors).map(([field, code]) => ({ field, message: t(`errors.${code}`) })),
  ];
  return (
    <>
      <p>
        <Link to="/track/case">{t('back', { receiptNo })}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      {mode === null ? (
        <p>{t('review.notNow')}</p>
      ) : (
        <>
          <p>{t(`review.${mode}.intro`, { date: dueAt ? formatDate(dueAt) : '' })}</p>
          {mode === 'reReview' ? <p className="warning-text">{t('review.reReview.finalNote')}</p> : null}
          <Form method="post">
            <TextField
              name="reason"
              label={t('review.reason')}
              hint={t('review.reasonHint')}
              error={errors.reason ? t(`errors.${errors.reason}`) : undefined}
              defaultValue={result?.values.reason ?? ''}
              multiline={{ maxLength: REQUEST_REASON_MAX, rows: 8 }}
            />
            <p>
              <Link to="/track/case/attachments">{t('review.attach')}</Link>
            </p>
            <Button>{t(`review.${mode}.submit`)}</Button>
          </Form>
        </>
      )}
    </>
  );
}
