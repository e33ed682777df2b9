// /office/cases/:caseId/check-in: 回访 by phone. The citizen agreed to be called after the reply;
// once the call falls due, the clerk who made it records the answer and the citizen's words here.
// Not solved, or only partly, reaches the supervisors.
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { recordCheckInCallForm, staffCheckInPage } from '#app/features/cases/check-in.server.ts';
import { SOLVED } from '#app/features/cases/follow-up.ts';
import { CheckInWords } from '#app/features/cases/ui/check-in-panel.tsx';
import { CheckInSummary } from '#app/features/cases/ui/check-in-summary.tsx';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { under, useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const { t } = await translatorFor(request);
  const page = await staffCheckInPage(actor, caseId);
  return { ...page, title: t('office:checkIn.pageTitle', { receiptNo: page.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  return respond(await recordCheckInCallForm(actor, caseId, await readForm(request)), `/office/cases/${caseId}`);
});

const FIELDS = ['answer', 'words'] as const;

export default function CheckInCallPage() {
  const page = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const form = useFormErrors(useActionData<typeof action>(), {
    fields: FIELDS,
    prefix: under('office:checkIn.errors'),
    formPrefix: 'office:checkIn.errors',
  });
  const { t } = useTranslation('office');
  return (
    <>
      <p className="caption">
        <Link to={`/office/cases/${page.caseId}`}>{t('transfer.back', { receiptNo: page.receiptNo })}</Link>
      </p>
      <ErrorSummary errors={form.summary} />
      <h1>{page.title}</h1>
      <CheckInSummary caseId={page.caseId} checkIn={page.checkIn} linkToCall={false} />
      {page.canRecordCall ? (
        <Form method="post" noValidate className="form">
          <p>{t('checkIn.callLead')}</p>
          <RadioGroup
            name="answer"
            label={t('checkIn.question')}
            error={form.error('answer')}
            defaultValue={form.value('answer')}
            options={SOLVED.map((answer) => ({ value: answer, label: t(`follow-up:solved.answers.${answer}`) }))}
          />
          <CheckInWords by="clerk" error={form.error('words')} defaultValue={form.value('words')} />
          <Button isDisabled={navigation.state !== 'idle'}>{t('checkIn.record')}</Button>
        </Form>
      ) : (
        <p>{t('checkIn.noCall')}</p>
      )}
    </>
  );
}
