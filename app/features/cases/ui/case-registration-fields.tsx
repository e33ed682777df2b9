// The fields staff register a case with (a letter or call at /office/cases/new, a visit from its
// appointment): the portal's submission fields in the portal's words, and, instead of the
// citizen's consent box, the clerk's confirmation that the citizen was told how their details are
// used. Errors and typed values come from the page's form pipeline.
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, REPLY_CHANNELS } from '#app/features/cases/kinds.ts';
import { LIMITS, type SubmissionField } from '#app/features/cases/submission-fields.ts';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { CheckInField } from './check-in-field.tsx';
import { ReportedFields } from './reported-fields.tsx';
import type { Option } from '#app/features/reference-data/office-options.server.ts';

interface CaseRegistrationFieldsProps {
  form: { error: (field: SubmissionField) => string | undefined; value: (field: SubmissionField) => string | undefined };
  categories: Option[];
  /** The units a report of misconduct may be about. */
  units: Option[];
  /** What the staff member confirms in place of the citizen's consent. */
  consentLabel: string;
  /** Shown in the topic list when nothing matches what was typed. */
  noMatches: string;
  /** What the fields hold before anything was typed (a booking's name and topic, a visit's representatives). */
  defaults?: Partial<Record<SubmissionField, string>>;
  /** The contact section's heading, under the page's own (h2 on a page of its own). */
  contactHeading?: 'h2' | 'h3';
}

export function CaseRegistrationFields({
  form,
  categories,
  units,
  consentLabel,
  noMatches,
  defaults = {},
  contactHeading: ContactHeading = 'h2',
}: CaseRegistrationFieldsProps) {
  const { t } = useTranslation('common');
  const field = (name: SubmissionField) => ({
    name,
    label: t(`submit.fields.${name}.label`),
    error: form.error(name),
    defaultValue: form.value(name) ?? defaults[name],
  });
  return (
    <>
      <RadioGroup {...field('kind')} options={CASE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}.label`) }))} />
      <ReportedFields form={form} units={units} by={{ clerk: ComboBoxField }} />
      <ComboBoxField
        {...field('categoryId')}
        placeholder={t('submit.fields.categoryId.placeholder')}
        options={categories}
        noMatches={noMatches}
      />
      <TextField {...field('area')} width="medium" />
      <TextField {...field('subject')} />
      <TextField {...field('body')} multiline={{ maxLength: LIMITS.bodyMax, rows: 8 }} />
      <TextField
        {...field('coSignerCount')}
        defaultValue={form.value('coSignerCount') ?? defaults.coSignerCount ?? '1'}
        inputMode="numeric"
        width="short"
      />
      <ContactHeading>{t('submit.sections.contact')}</ContactHeading>
      <Checkbox name="anonymous" error={form.error('anonymous')} defaultSelected={form.value('anonymous') === 'yes'}>
        {t('submit.fields.anonymous.label')}
      </Checkbox>
      <TextField {...field('name')} width="medium" />
      <TextField {...field('phone')} type="tel" hint={t('submit.fields.phone.hint')} width="medium" />
      <TextField {...field('email')} type="email" width="medium" />
      <TextField {...field('postalAddress')} />
      <RadioGroup
        {...field('preferredReplyChannel')}
        defaultValue={form.value('preferredReplyChannel') ?? 'POST'}
        options={REPLY_CHANNELS.map((channel) => ({ value: channel, label: t(`replyChannels.${channel}`) }))}
      />
      <CheckInField by="clerk" error={form.error('checkIn')} defaultValue={form.value('checkIn')} />
      <Checkbox name="consent" error={form.error('consent')} defaultSelected={form.value('consent') === 'yes'}>
        {consentLabel}
      </Checkbox>
    </>
  );
}
