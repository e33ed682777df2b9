// /track/case/withdraw: the citizen withdraws a case that has not been answered yet. Nothing is
// deleted; the case stays in the record as withdrawn, and the staff working it are told.
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpAction, followUpLoader } from '#app/features/cases/follow-up-forms.server.ts';
import { WITHDRAW_REASON_MAX } from '#app/features/cases/follow-up.ts';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => await followUpLoader(request, 'withdraw'));

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => await followUpAction(request, 'withdraw'));

const FIELDS = ['reason', 'confirm'] as const;

export default function WithdrawPage() {
  const page = useLoaderData<typeof loader>();
  const { choices } = page;
  const { t } = useTranslation('follow-up');
  return (
    <FollowUpPage
      page={page}
      notNow={choices.withdraw ? null : 'withdraw.notNow'}
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
