// /track/case/rate: 满意度评价 (art. 21). Once a reply is published the citizen rates it from 1 to 5,
// says whether the problem was solved, and may comment. The rating can change until the case closes.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { publicCaseView } from '#app/features/cases/cases.server.ts';
import { rateCase, RatingForm } from '#app/features/cases/citizen-actions.server.ts';
import { handleFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { canRate, RATING_COMMENT_MAX, RATINGS, SOLVED } from '#app/features/cases/follow-up.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const caseId = requireTrackedCaseId(request);
  const { t } = await translatorFor(request);
  const view = await publicCaseView(caseId);
  if (!view) throw new Response('Not found', { status: 404 });
  return data(
    {
      title: t('follow-up:rate.title'),
      receiptNo: view.receiptNo,
      allowed: canRate(view.status, view.rating !== null),
      current: view.rating,
    },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request }: ActionFunctionArgs) {
  const caseId = requireTrackedCaseId(request);
  const outcome = await handleFollowUp(await request.formData(), RatingForm, (input) => rateCase(caseId, input));
  return data(outcome, { status: outcome.status, headers: PRIVATE_PAGE_HEADERS });
}

export default function RatePage() {
  const { title, receiptNo, allowed, current } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('follow-up');
  const errors = result?.errors ?? {};
  const values = result?.values;
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
      {!allowed ? (
        <p>{t('rate.notNow')}</p>
      ) : (
        <Form method="post">
          {current ? <p>{t('rate.changing')}</p> : null}
          <RadioGroup
            name="rating"
            label={t('rate.rating')}
            error={errors.rating ? t(`errors.${errors.rating}`) : undefined}
            defaultValue={values?.rating ?? (current ? String(current.rating) : undefined)}
            options={RATINGS.map((r) => ({ value: String(r), label: t(`rate.scale.${r}`) }))}
          />
          <RadioGroup
            name="solved"
            label={t('rate.solved')}
            error={errors.solved ? t(`errors.${errors.solved}`) : undefined}
            defaultValue={values?.solved ?? current?.solved}
            inline
            options={SOLVED.map((s) => ({ value: s, label: t(`rate.solvedOptions.${s}`) }))}
          />
          <TextField
            name="comment"
            label={t('rate.comment')}
            error={errors.comment ? t(`errors.${errors.comment}`) : undefined}
            defaultValue={values?.comment ?? current?.comment ?? ''}
            multiline={{ maxLength: RATING_COMMENT_MAX, rows: 4 }}
          />
          <Button>{t('rate.submit')}</Button>
        </Form>
      )}
    </>
  );
}
