// /track/case/withdraw: the citizen withdraws a case that has not been answered yet. Nothing is
// deleted; the case stays in the record as withdrawn, and the staff working it are told.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpPage, sendFollowUp } from '#app/features/cases/follow-up-forms.server.ts';
import { WITHDRAW_REASON_MAX } from '#app/features/cases/follow-up.ts';
import { requireTrackedCaseId } from '#app/features/cases/track-session.server.ts';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { answerRefusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const headers = noStoreHeaders;

export const loader = route(async ({ request }: LoaderFunctionArgs) => {
  const caseId = requireTrackedCaseId(request);
  const { t } = await translatorFor(request);
  return { title: t('follow-up:withdraw.title'), ...(await followUpPage(caseId)) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = route(async ({ request }: ActionFunctionArgs) => {
  const outcome = await sendFollowUp('withdraw', requireTrackedCaseId(request), await readForm(request));
  return outcome.ok ? redirect('/track/case', { status: 303 }) : answerRefusal(outcome);
});

const FIELDS = ['reason', 'confirm'] as const;

export default function WithdrawPage() {
  const { title, receiptNo, choices } = useLoaderData<typeof loader>();
  const { t } = useTranslation('follow-up');
  return (
    <FollowUpPage
      title={title}
      receiptNo={receiptNo}
      notNow={choices.withdraw ? null : 'withdraw.notNow'}
      problem={useActionData<typeof action>()}
      fields={FIELDS}
      intro={<p>{t('withdraw.intro')}</p>}
      submit={t('withdraw.submit')}
    >
      {(form) => (
        <>
          <TextField
            name="reason"
            label={t('withdraw.reason')}
            error={form.error('reason')}
            defaultValue={form.value('reason') ?? ''}
            multiline={{ maxLength: WITHDRAW_REASON_MAX, rows: 4 }}
          />
          <Checkbox name="confirm" value="yes" error={form.error('confirm')}>
            {t('withdraw.confirm')}
          </Checkbox>
        </>
      )}
    </FollowUpPage>
  );
}
