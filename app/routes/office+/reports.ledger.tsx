// /office/reports/ledger: the case ledger (台账) of a period and scope as CSV or Excel, one row per
// case, with no personal data unless the subject is asked for with a reason. The form posts to
// this page: the answer is the file (the browser stays on the page), or the page again with the
// form's problems.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { canExportLedger } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { exportLedger, ledgerPage } from '#app/features/statistics/ledger.server.ts';
import { LEDGER_FIELDS, LEDGER_REASON_MAX, type LedgerField } from '#app/features/statistics/ledger.ts';
import { reportSearch } from '#app/features/statistics/report-query.ts';
import { scopeOptions } from '#app/features/statistics/report.server.ts';
import { ReportPeriodFields } from '#app/features/statistics/ui/report-choice.tsx';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { fileResponse } from '#app/platform/http/file-response.ts';
import { refusal } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { PageHeader } from '#app/ui/page-header.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canExportLedger);
  const { locale, t } = await translatorFor(request);
  const page = ledgerPage(actor, new URL(request.url).searchParams);
  return { title: t('reports:ledger.title'), ...page, units: await scopeOptions(actor, locale) };
});

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canExportLedger);
  const { locale, t } = await translatorFor(request);
  const outcome = await exportLedger(actor, await readForm(request), locale, t, { ipAddress: context.clientIp });
  return outcome.ok ? fileResponse(outcome.file) : refusal(outcome);
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

const LEDGER_FORM = {
  fields: LEDGER_FIELDS,
  prefix: (field: LedgerField) =>
    `reports:${field === 'includeSubject' || field === 'reason' || field === 'format' ? 'ledger' : 'form'}.errors.${field}`,
  messageValues: { max: LEDGER_REASON_MAX },
};

export default function LedgerPage() {
  const { title, period, canIncludeSubject, units } = useLoaderData<typeof loader>();
  const problem = useActionData<FormProblem<LedgerField>>();
  const { t } = useTranslation('reports');
  const form = useFormErrors(problem, LEDGER_FORM);
  const unitId = problem?.values.unit ?? null;
  return (
    <>
      <PageHeader
        back={{ to: `/office/reports${period ? reportSearch(period, unitId) : ''}`, label: t('ledger.back') }}
        errors={form.summary}
        title={title}
      />
      <p>{t('ledger.lead')}</p>
      <p>{t('ledger.privacy')}</p>
      {/* A plain form, not Remix's: a success is a file, which the browser saves without leaving the page. */}
      <form method="post" noValidate className="report-choice" aria-labelledby="ledger-form-title">
        <h2 id="ledger-form-title">{t('ledger.formTitle')}</h2>
        <ReportPeriodFields values={problem?.values ?? {}} form={form} units={units} period={period} unitId={unitId} />
        <RadioGroup
          name="format"
          label={t('ledger.format.label')}
          inline
          defaultValue={form.value('format') ?? 'xlsx'}
          error={form.error('format')}
          options={[
            { value: 'xlsx', label: t('ledger.format.xlsx') },
            { value: 'csv', label: t('ledger.format.csv') },
          ]}
        />
        {canIncludeSubject ? (
          <>
            <Checkbox
              name="includeSubject"
              value="yes"
              defaultSelected={form.value('includeSubject') === 'yes'}
              error={form.error('includeSubject')}
            >
              {t('ledger.includeSubject.label')}
            </Checkbox>
            <TextField
              name="reason"
              label={t('ledger.reason.label')}
              hint={t('ledger.reason.hint', { max: LEDGER_REASON_MAX })}
              error={form.error('reason')}
              defaultValue={form.value('reason')}
              multiline={{ maxLength: LEDGER_REASON_MAX, rows: 3 }}
            />
          </>
        ) : null}
        <Button>{t('ledger.submit')}</Button>
      </form>
      <p>
        <Link to="/office/reports">{t('ledger.back')}</Link>
      </p>
    </>
  );
}
