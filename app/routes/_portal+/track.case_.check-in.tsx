// /track/case/check-in: 回访 consent. The citizen says whether, and how, the office may ask them once
// after the reply whether their problem was solved, or withdraws that consent; until it is asked.
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpAction, followUpLoader } from '#app/features/cases/follow-up-forms.server.ts';
import { CheckInField } from '#app/features/cases/ui/check-in-field.tsx';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => await followUpLoader(request, 'checkIn'));

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => await followUpAction(request, 'checkIn'));

const FIELDS = ['checkIn'] as const;

export default function CheckInConsentPage() {
  const page = useLoaderData<typeof loader>();
  const { checkIn } = page;
  const { t } = useTranslation('follow-up');
  return (
    <FollowUpPage
      page={page}
      notNow={checkIn.mayChangeConsent ? null : 'checkIn.notNow'}
      fields={FIELDS}
      intro={<p>{t('checkIn.intro', { count: checkIn.days })}</p>}
      submit={t('checkIn.submit')}
    >
      {(form) => (
        <CheckInField
          by="citizen"
          choices={['NONE', ...checkIn.channels]}
          error={form.error('checkIn')}
          defaultValue={form.value('checkIn') ?? checkIn.channel ?? 'NONE'}
        />
      )}
    </FollowUpPage>
  );
}
