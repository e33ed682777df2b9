// /track/case/withdraw: the citizen withdraws a case that has not been answered yet. Nothing is
// deleted; the case stays in the record as withdrawn, and the staff working it are told.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { publicCaseView } from '#app/features/cases/cases.server.ts';
import { withdrawCase, WithdrawForm } from '#app/features/cases/citizen-actions.server.ts';
import { handleFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { canWithdraw, WITHDRAW_REASON_MAX } from '#app/features/cases/follow-up.ts';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import { requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const caseId = requireTrackedCaseId(request);
  const { t } = await translatorFor(request);
  const view = await publicCaseView(caseId);
  if (!view) throw new Response('Not found', { status: 404 });
  return data(
    { title: t('follow-up:withdraw.title'), receiptNo: view.receiptNo, allowed: canWithdraw(view.status) },
    { headers: PRIVATE_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export async function action({ request }: ActionFunctionArgs) {
  const caseId = requireTrackedCaseId(request);
  const outcome = await handleFollowUp(await request.formData(), WithdrawForm, ({ reason }) => withdrawCase(caseId, reason));
  return data(outcome, { status: outcome.status, headers: PRIVATE_PAGE_HEADERS });
}

export default function WithdrawPage() {
  const { title, receiptNo, allowed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('follow-up');
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
      {!allowed ? (
        <p>{t('withdraw.notNow')}</p>
      ) : (
        <>
          <p>{t('withdraw.intro')}</p>
          <Form method="post">
            <TextField
              name="reason"
              label={t('withdraw.reason')}
              error={errors.reason ? t(`errors.${errors.reason}`) : undefined}
              defaultValue={result?.values.reason ?? ''}
              multiline={{ maxLength: WITHDRAW_REASON_MAX, rows: 4 }}
            />
            <Checkbox name="confirm" value="yes" error={errors.confirm ? t(`errors.${errors.confirm}`) : undefined}>
              {t('withdraw.confirm')}
            </Checkbox>
            <Button>{t('withdraw.submit')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
