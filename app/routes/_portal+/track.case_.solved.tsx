// /track/case/solved: the answer to the 回访 question, "Has your problem been solved?". The track
// page asks it with one button per answer; this page is where those buttons post, and where a
// refused answer (too many words) is shown again. Not solved, or only partly, reaches the supervisors.
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { followUpAction, followUpLoader } from '#app/features/cases/follow-up-forms.server.ts';
import { SOLVED } from '#app/features/cases/follow-up.ts';
import { CheckInWords } from '#app/features/cases/ui/check-in-panel.tsx';
import { FollowUpPage } from '#app/features/cases/ui/follow-up-page.tsx';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => await followUpLoader(request, 'solved'));

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request }: ActionFunctionArgs) => await followUpAction(request, 'solved'));

const FIELDS = ['answer', 'words'] as const;

export default function CheckInAnswerPage() {
  const page = useLoaderData<typeof loader>();
  const { checkIn } = page;
  const { t } = useTranslation('follow-up');
  return (
    <FollowUpPage page={page} notNow={checkIn.mayAnswer ? null : 'solved.notNow'} fields={FIELDS} submit={t('solved.submit')}>
      {(form) => (
        <>
          <RadioGroup
            name="answer"
            label={t('solved.question')}
            error={form.error('answer')}
            defaultValue={form.value('answer') ?? checkIn.answer ?? undefined}
            options={SOLVED.map((answer) => ({ value: answer, label: t(`solved.answers.${answer}`) }))}
          />
          <CheckInWords error={form.error('words')} defaultValue={form.value('words')} />
        </>
      )}
    </FollowUpPage>
  );
}
