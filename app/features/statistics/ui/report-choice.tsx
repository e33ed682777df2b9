// Choosing a report: a GET form (a report is a link to keep or send), and the download buttons,
// which POST (a download is written to the audit log, and the server refuses cross-site POSTs).
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { PERIOD_KINDS, type Period } from '../periods.ts';
import { REPORT_FIELDS, type ReportField } from '../report-query.ts';
import type { FormValues } from '#app/platform/http/forms.ts';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

export const REPORT_FORM = {
  fields: REPORT_FIELDS,
  prefix: (field: ReportField) => `reports:form.errors.${field}`,
};

interface ReportChoiceFormProps {
  values: FormValues<ReportField>;
  form: Pick<FormErrors<ReportField>, 'error' | 'value'>;
  /** Units to choose from; none for people whose scope is fixed. */
  units: { value: string; label: string }[];
  period: Period | null;
  unitId: string | null;
  /** Where the form goes (the report, or the ledger page). */
  action?: string;
}

/** The period, range and unit fields, shared by the report's form and the ledger's. */
export function ReportPeriodFields({ values, form, units, period, unitId }: Omit<ReportChoiceFormProps, 'action'>) {
  const { t } = useTranslation('reports');
  const value = (field: ReportField, fallback?: string) => form.value(field) ?? values[field] ?? fallback;
  return (
    <>
      <RadioGroup
        name="period"
        label={t('form.period.label')}
        inline
        defaultValue={value('period', period?.kind ?? 'month')}
        error={form.error('period')}
        options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`form.period.options.${kind}`) }))}
      />
      <TextField
        name="date"
        label={t('form.date.label')}
        hint={t('form.date.hint')}
        width="medium"
        error={form.error('date')}
        defaultValue={value('date', period && period.kind !== 'range' ? period.start : undefined)}
      />
      <fieldset className="report-choice__range">
        <legend className="fieldset__legend">{t('form.range.legend')}</legend>
        <p className="field__hint">{t('form.range.hint')}</p>
        <TextField
          name="from"
          label={t('form.from.label')}
          hint="YYYY-MM-DD"
          width="medium"
          error={form.error('from')}
          defaultValue={value('from', period?.kind === 'range' ? period.start : undefined)}
        />
        <TextField
          name="to"
          label={t('form.to.label')}
          hint="YYYY-MM-DD"
          width="medium"
          error={form.error('to')}
          defaultValue={value('to', period?.kind === 'range' ? period.end : undefined)}
        />
      </fieldset>
      {units.length > 0 ? (
        <SelectField
          name="unit"
          label={t('form.unit.label')}
          hint={t('form.unit.hint')}
          placeholder={t('scope.office')}
          error={form.error('unit')}
          defaultValue={value('unit', unitId ?? undefined)}
          options={units}
        />
      ) : null}
    </>
  );
}

export function ReportChoiceForm({ action, ...fields }: ReportChoiceFormProps) {
  const { t } = useTranslation('reports');
  return (
    <Form method="get" action={action} className="report-choice no-print" aria-labelledby="report-choice-title">
      <h2 id="report-choice-title">{t('form.title')}</h2>
      <ReportPeriodFields {...fields} />
      <Button>{t('form.submit')}</Button>
    </Form>
  );
}

/** The period and unit as hidden fields, for the forms that post them. */
export function PeriodFields({ period, unitId }: { period: Period; unitId: string | null }) {
  return (
    <>
      <input type="hidden" name="period" value={period.kind} />
      {period.kind === 'range' ? (
        <>
          <input type="hidden" name="from" value={period.start} />
          <input type="hidden" name="to" value={period.end} />
        </>
      ) : (
        <input type="hidden" name="date" value={period.start} />
      )}
      {unitId ? <input type="hidden" name="unit" value={unitId} /> : null}
    </>
  );
}

export function ReportDownloads({ period, unitId }: { period: Period; unitId: string | null }) {
  const { t } = useTranslation('reports');
  return (
    // A plain form, not Remix's: the answer is a file, which the browser saves without leaving the page.
    <form method="post" action="/office/reports/export" className="download-form" aria-labelledby="report-downloads-title">
      <h2 id="report-downloads-title">{t('export.title')}</h2>
      <p>{t('export.body')}</p>
      <PeriodFields period={period} unitId={unitId} />
      <div className="button-group">
        <Button variant="secondary" name="format" value="xlsx">
          {t('export.xlsx')}
        </Button>
        <Button variant="secondary" name="format" value="csv">
          {t('export.csv')}
        </Button>
      </div>
    </form>
  );
}
