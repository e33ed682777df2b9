// The fields of a reply template (kind of case, language, title, text), for the admin pages that
// create and edit templates. Each error is tied to its own field.
import { useTranslation } from 'react-i18next';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const REPLY_TEMPLATE_FIELDS = ['kind', 'locale', 'title', 'body'] as const;
export type ReplyTemplateFieldName = (typeof REPLY_TEMPLATE_FIELDS)[number];

interface ReplyTemplateFieldsProps {
  /** The translated error message of a field, if any. */
  error: (field: ReplyTemplateFieldName) => string | undefined;
  values: Partial<Record<ReplyTemplateFieldName, string>>;
  bodyMax: number;
}

export function ReplyTemplateFields({ error, values, bodyMax }: ReplyTemplateFieldsProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <SelectField
        name="kind"
        label={t('replyTemplates.fields.kind.label')}
        hint={t('replyTemplates.fields.kind.hint')}
        placeholder={t('replyTemplates.fields.kind.placeholder')}
        error={error('kind')}
        defaultValue={values.kind}
        options={CASE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}.label`, { ns: 'common' }) }))}
      />
      <RadioGroup
        name="locale"
        label={t('replyTemplates.fields.locale.label')}
        hint={t('replyTemplates.fields.locale.hint')}
        error={error('locale')}
        defaultValue={values.locale}
        options={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
        inline
      />
      <TextField
        name="title"
        label={t('replyTemplates.fields.title.label')}
        hint={t('replyTemplates.fields.title.hint')}
        error={error('title')}
        defaultValue={values.title}
        autoComplete="off"
      />
      <TextField
        name="body"
        label={t('replyTemplates.fields.body.label')}
        hint={t('replyTemplates.fields.body.hint')}
        error={error('body')}
        defaultValue={values.body}
        multiline={{ maxLength: bodyMax, rows: 12 }}
      />
    </>
  );
}
