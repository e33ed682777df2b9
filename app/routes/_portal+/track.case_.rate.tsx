// /track/case/rate: 满意度评价 (art. 21). Once a reply is published the citizen rates it from 1 to 5,
// says whether the problem was solved, and may comment. The rating can change until the case closes.
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpAction, followUpLoader } from '#app/features/cases/follow-up-forms.server.ts';
import { RATING_COMMENT_MAX, RATINGS, SOLVED } from '#app/features/cases/follow-up.ts';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => await followUpLoader(request, 'rate'));

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => await followUpAction(request, 'rate'));

const FIELDS = ['rating', 'solved', 'comment'] as const;

export default function RatePage() {
  const page = useLoaderData<typeof loader>();
  const { choices, rating: current } = page;
  const { t } = useTranslation('follow-up');
  return (
    <FollowUpPage page={page} notNow={choices.rate ? null : 'rate.notNow'} fields={FIELDS} submit={t('rate.submit')}>
      {(form) => (
        <>
          {current ? <p>{t('rate.changing')}</p> : null}
          <RadioGroup
            name="rating"
            label={t('rate.rating')}
            error={form.error('rating')}
            defaultValue={form.value('rating') ?? (current ? String(current.rating) : undefined)}
            options={RATINGS.map((r) => ({ value: String(r), label: t(`rate.scale.${r}`) }))}
          />
          <RadioGroup
            name="solved"
            label={t('rate.solved')}
            error={form.error('solved')}
            defaultValue={form.value('solved') ?? current?.solved}
            inline
            options={SOLVED.map((s) => ({ value: s, label: t(`rate.solvedOptions.${s}`) }))}
          />
          <TextField
            name="comment"
            label={t('rate.comment')}
            error={form.error('comment')}
            defaultValue={form.value('comment') ?? current?.comment ?? ''}
            multiline={{ maxLength: RATING_COMMENT_MAX, rows: 4 }}
          />
        </>
      )}
    </FollowUpPage>
  );
}
