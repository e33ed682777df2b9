// The fields of a reply template (kind of case, language, title, text), for the admin pages that
// create and edit templates. Each error is tied to its own field.
import { useTranslation } from 'react-i18next';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFieldProps, type FieldsForm } from './reference-fields.tsx';
import type { ReplyTemplateField } from '#app/features/reference-data/reply-templates.server.ts';

interface ReplyTemplateFieldsProps {
  form: FieldsForm<ReplyTemplateField>;
  /** The saved template on its page, shown until something else was typed; none when creating one. */
  saved?: Record<ReplyTemplateField, string>;
  bodyMax: number;
}

export function ReplyTemplateFields({ form, saved, bodyMax }: ReplyTemplateFieldsProps) {
  const { t } = useTranslation('office-admin');
  const field = useFieldProps('replyTemplates.fields', form, saved);
  return (
    <>
      <SelectField
        {...field('kind')}
        placeholder={t('replyTemplates.fields.kind.placeholder')}
        options={CASE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}.label`, { ns: 'common' }) }))}
      />
      <RadioGroup {...field('locale')} options={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))} inline />
      <TextField {...field('title')} autoComplete="off" />
      <TextField {...field('body')} multiline={{ maxLength: bodyMax, rows: 12 }} />
    </>
  );
}
