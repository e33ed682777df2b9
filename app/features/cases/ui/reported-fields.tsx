// Whom a report of misconduct is about (arts. 22, 30): a body from the unit tree, or "I don't know /
// another body", and the official's name if the reporter wants to give it. Nobody in the body named,
// or under it, can then open the report. Citizens choose from a list; clerks type to filter, with
// the office's combo box, which the clerk's page passes in so the portal's page never loads it. The
// page hides the fields for other kinds of letter once its scripts run (they are ignored for those).
import { useTranslation } from 'react-i18next';
import { UNKNOWN_REPORTED_UNIT, type ReportedField } from '#app/features/cases/submission-fields.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { ComboBoxField } from '#app/ui/combo-box-field.tsx';

interface ReportedFieldsProps {
  form: { error: (field: ReportedField) => string | undefined; value: (field: ReportedField) => string | undefined };
  units: { value: string; label: string }[];
  by: 'citizen' | { clerk: typeof ComboBoxField };
  /** Hidden while another kind of letter is chosen (with scripts only: without, it always shows). */
  hidden?: boolean;
}

export function ReportedFields({ form, units, by, hidden }: ReportedFieldsProps) {
  const { t } = useTranslation('common');
  const options = [{ value: UNKNOWN_REPORTED_UNIT, label: t('submit.fields.reportedUnit.unknown') }, ...units];
  const unit = {
    name: 'reportedUnit',
    label: t('submit.fields.reportedUnit.label'),
    hint: t('submit.fields.reportedUnit.hint'),
    placeholder: t('submit.fields.reportedUnit.placeholder'),
    error: form.error('reportedUnit'),
    defaultValue: form.value('reportedUnit'),
    options,
  };
  return (
    <div className="reported-fields" hidden={hidden} data-testid="reported-fields">
      {by === 'citizen' ? <SelectField {...unit} /> : <by.clerk {...unit} noMatches={t('submit.fields.reportedUnit.noMatches')} />}
      <TextField
        name="reportedOfficial"
        label={t('submit.fields.reportedOfficial.label')}
        hint={by === 'citizen' ? t('submit.fields.reportedOfficial.hint') : undefined}
        error={form.error('reportedOfficial')}
        defaultValue={form.value('reportedOfficial')}
        width="medium"
      />
    </div>
  );
}
