// /office/cases/:caseId/transfer: the transfer letter (转送函) of a forwarded case, printable on A4,
// with the citizen's personal data masked by default; whoever may forward the case may show chosen
// spans on it, with a reason (audited). Anyone who may not see the case, or a case not forwarded,
// finds nothing here. Reading and posting go through app/features/cases/transfer-letter.server.ts.
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { transferLetterPage, unmaskForTransfer } from '#app/features/cases/transfer-letter.server.ts';
import { UNMASK_FIELDS } from '#app/features/cases/transfer-letter.ts';
import { MaskedSpans, TransferLetter } from '#app/features/cases/ui/transfer-letter.tsx';
import { requireStaff } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { PrintButton } from '#app/ui/print-button.tsx';
import { under, useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

const PARAMS = { caseId: 'uuid' } as const;

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const letter = await transferLetterPage(actor, caseId, locale);
  return { ...letter, title: t('office:transfer.title', { receiptNo: letter.receiptNo }) };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export const action = /* @__PURE__ */ route(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request);
  const { caseId } = parseParams(params, PARAMS);
  const outcome = await unmaskForTransfer(actor, caseId, await readForm(request), { ipAddress: context.clientIp });
  return respond(outcome, `/office/cases/${caseId}/transfer`);
});

export default function TransferLetterRoute() {
  const letter = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const form = useFormErrors(useActionData<typeof action>(), {
    fields: UNMASK_FIELDS,
    prefix: under('office:transfer.errors'),
    formPrefix: 'office:transfer.errors',
  });
  const { t } = useTranslation('office');
  return (
    <>
      <div className="no-print">
        <p className="caption">
          <Link to={`/office/cases/${letter.caseId}`}>{t('transfer.back', { receiptNo: letter.receiptNo })}</Link>
        </p>
        <ErrorSummary errors={form.summary} />
        <h1>{letter.title}</h1>
        <p className="lead">{t('transfer.lead')}</p>
        <PrintButton />
      </div>
      <TransferLetter letter={letter} />
      <MaskedSpans letter={letter} form={form} busy={navigation.state !== 'idle'} />
    </>
  );
}
