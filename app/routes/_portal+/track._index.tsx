// /track: the citizen opens their case with its receipt number and access code. A match opens a
// track session (a sealed cookie, never the code in a URL) and shows the case.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { lookUpCase, receiptFromLink } from '#app/features/cases/lookup.server.ts';
import { openTrackSession } from '#app/features/cases/track-session.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { noStoreHeaders } from '#app/platform/http/headers.ts';
import { refusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { CodeField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';

export const headers = noStoreHeaders;

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  // A GET only fills the receipt field in (from our emails' link); it never looks a case up.
  const { t } = await translatorFor(request);
  return { title: t('track.title'), receiptNo: receiptFromLink(new URL(request.url).searchParams.get('receipt')) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const outcome = await lookUpCase(await readForm(request), context.clientIp);
  if (!outcome.ok) return refusal(outcome);
  return redirect('/track/case', { status: 303, headers: { 'Set-Cookie': openTrackSession(outcome.caseId) } });
});

export default function TrackPage() {
  const { receiptNo: linkedReceiptNo } = useLoaderData<typeof loader>();
  // One message for every failure, at the receipt number: it never says which of the two was wrong.
  const form = useFormErrors(useActionData<typeof action>(), { fields: ['receiptNo'], prefix: () => 'common:track.errors' });
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <>
      <ErrorSummary errors={form.summary} />
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      <Form method="post" noValidate className="form">
        <CodeField
          name="receiptNo"
          label={t('track.fields.receiptNo.label')}
          hint={t('track.fields.receiptNo.hint')}
          error={form.error('receiptNo')}
          defaultValue={form.value('receiptNo') ?? linkedReceiptNo ?? undefined}
        />
        <CodeField name="accessCode" label={t('track.fields.accessCode.label')} hint={t('track.fields.accessCode.hint')} />
        <Button isDisabled={navigation.state === 'submitting'}>{t('track.submit')}</Button>
      </Form>
      <h2>{t('track.lostTitle')}</h2>
      <p>{t('track.lostBody')}</p>
    </>
  );
}
