// /track/case/review: ask for a review (复查, within 30 days of the written reply, art. 35) or, after
// the review opinion, a re-review (复核, within 30 days, art. 36). Needs the track session.
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpAction, followUpLoader } from '#app/features/cases/follow-up-forms.server.ts';
import { REQUEST_REASON_MAX } from '#app/features/cases/follow-up.ts';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import { TextField } from '#app/ui/text-field.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => await followUpLoader(request, 'review'));

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => await followUpAction(request, 'review'));

const FIELDS = ['reason'] as const;

export default function ReviewRequestPage() {
  const page = useLoaderData<typeof loader>();
  const { choices } = page;
  const { t } = useTranslation('follow-up');
  const formatDate = useFormatDate();
  const mode = choices.review;
  return (
    <FollowUpPage
      page={page}
      notNow={mode ? null : 'review.notNow'}
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
