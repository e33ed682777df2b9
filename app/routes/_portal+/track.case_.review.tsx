// /track/case/review: ask for a review (复查, within 30 days of the written reply, art. 35) or, after
// the review opinion, a re-review (复核, within 30 days, art. 36). Needs the track session.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpPage, sendFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { REQUEST_REASON_MAX } from '#app/features/cases/follow-up.ts';
import { requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { answerRefusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = noStoreHeaders;

export const loader = route(async ({ request }: LoaderFunctionArgs) => {
  const caseId = requireTrackedCaseId(request);
  const { t } = await translatorFor(request);
  const page = await followUpPage(caseId);
  return { title: t(`follow-up:review.${page.choices.review ?? 'review'}.title`), ...page };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = route(async ({ request }: ActionFunctionArgs) => {
  const outcome = await sendFollowUp('review', requireTrackedCaseId(request), await readForm(request));
  return outcome.ok ? redirect('/track/case', { status: 303 }) : answerRefusal(outcome);
});

const FIELDS = ['reason'] as const;

export default function ReviewRequestPage() {
  const { title, receiptNo, choices } = useLoaderData<typeof loader>();
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  const mode = choices.review;
  return (
    <FollowUpPage
      title={title}
      receiptNo={receiptNo}
      notNow={mode ? null : 'review.notNow'}
      problem={useActionData<typeof action>()}
      fields={FIELDS}
      intro={
        <>
          <p>{t(`review.${mode ?? 'review'}.intro`, { date: choices.reviewDueAt ? formatDate(choices.reviewDueAt) : '' })}</p>
          {mode === 'reReview' ? <p className="warning-text">{t('review.reReview.finalNote')}</p> : null}
        </>
      }
      submit={t(`review.${mode ?? 'review'}.submit`)}
    >
      {(form) => (
        <>
          <TextField
            name="reason"
            label={t('review.reason')}
            hint={t('review.reasonHint')}
            error={form.error('reason')}
            defaultValue={form.value('reason') ?? ''}
            multiline={{ maxLength: REQUEST_REASON_MAX, rows: 8 }}
          />
          <p>
            <Link to="/track/case/attachments">{t('review.attach')}</Link>
          </p>
        </>
      )}
    </FollowUpPage>
  );
}
