import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { parseAccessCode } from '#app/features/cases/access-code.ts';
import { findCaseByReceiptAndCode } from '#app/features/cases/cases.server.ts';
import { PRIVATE_PAGE_HEADERS, trackCookie } from '#app/features/cases/portal-cookies.server.ts';
import { parseReceiptNo } from '#app/features/cases/receipt.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { env } from '#app/platform/env.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { TextField } from '#app/ui/text-field.tsx';

/** Pages with a case, a code or staff data: browsers and proxies must not keep them. */
export const headers = privatePageHeaders;

/**
 * ?receipt=… (the link in our emails) only fills in the receipt field: a GET reads, never looks a
 * case up or changes anything, and anything that is not a well-formed receipt number is ignored.
 */
const ReceiptParam = z
  .string()
  .max(64)
  .transform((value) => parseReceiptNo(value))
  .nullable()
  .catch(null);

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await translatorFor(request);
  const receiptNo = ReceiptParam.parse(new URL(request.url).searchParams.get('receipt'));
  return data({ title: t('track.title'), receiptNo }, { headers: PRIVATE_PAGE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

type TrackError = 'track.errors.missing' | 'track.errors.noMatch' | 'track.errors.tooMany';

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const receiptInput = String(form.get('receiptNo') ?? '').slice(0, 64);
  const codeInput = String(form.get('accessCode') ?? '').slice(0, 64);
  const fail = (error: TrackError, status: number) => data({ error, receiptNo: receiptInput }, { status, headers: PRIVATE_PAGE_HEADERS });

  if (!receiptInput.trim() || !codeInput.trim()) return fail('track.errors.missing', 400);
  // Count every attempt, well-formed or not, so guessing is slow whatever is typed.
  const limit = await consumeRateLimit(`lookup:${context.clientIp}`, env().LOOKUP_RATE_LIMIT, env().LOOKUP_RATE_WINDOW_SECONDS);
  if (!limit.allowed) return fail('track.errors.tooMany', 429);

  const receiptNo = parseReceiptNo(receiptInput);
  const accessCode = parseAccessCode(codeInput);
  const caseId = receiptNo && accessCode ? await findCaseByReceiptAndCode(receiptNo, accessCode) : null;
  // One message for every failure: it never says which of the two was wrong.
  if (!caseId) return fail('track.errors.noMatch', 400);
  return redirect('/track/case', { status: 303, headers: { 'Set-Cookie': trackCookie.serialize({ caseId }) } });
}

export default function TrackPage() {
  const actionData = useActionData<typeof action>();
  const { receiptNo: linkedReceiptNo } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const error = actionData?.error;
  return (
    <>
      <ErrorSummary errors={error ? [{ field: 'receiptNo', message: t(error) }] : []} />
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="receiptNo"
          label={t('track.fields.receiptNo.label')}
          hint={t('track.fields.receiptNo.hint')}
          error={error ? t(error) : undefined}
          defaultValue={actionData?.receiptNo ?? linkedReceiptNo ?? undefined}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="accessCode"
          label={t('track.fields.accessCode.label')}
          hint={t('track.fields.accessCode.hint')}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <Button isDisabled={navigation.state === 'submitting'}>{t('track.submit')}</Button>
      </Form>
      <h2>{t('track.lostTitle')}</h2>
      <p>{t('track.lostBody')}</p>
    </>
  );
}
