// The fields of a notice, for the back office's "new" and "edit" pages: its kind, its title and
// text in each of the portal's languages, the day it goes up and the last day it is shown.
import { useTranslation } from 'react-i18next';
import { NOTICE_BODY_MAX, NOTICE_KINDS } from '#app/features/notices/rules.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const NOTICE_FORM_FIELDS = [
  'kind',
  'titleZhHans',
  'titleZhHant',
  'titleEn',
  'bodyZhHans',
  'bodyZhHant',
  'bodyEn',
  'publishOn',
  'lastDay',
] as const;
export type NoticeFormField = (typeof NOTICE_FORM_FIELDS)[number];

const LANGUAGES = ['ZhHans', 'ZhHant', 'En'] as const;

/** The translated error of each field, and the summary's entries in the form's order. */
export function useNoticeErrors(errors: Partial<Record<NoticeFormField, string>>) {
  const { t } = useTranslation('notices');
  const message = (field: NoticeFormField) => {
    const code = errors[field];
    if (!code) return undefined;
    const group = field.startsWith('title') ? 'title' : field.startsWith('body') ? 'body' : field;
    return t(`office.errors.${group}.${code}`, { language: t(`office.languages.${field.replace(/^(title|body)/, '')}`) });
  };
  const summary = NOTICE_FORM_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: message(field) ?? '' }));
  return { message, summary };
}

interface NoticeFieldsProps {
  values: Partial<Record<NoticeFormField, string>>;
  error: (field: NoticeFormField) => string | undefined;
  today: string;
}

export function NoticeFields({ values, error, today }: NoticeFieldsProps) {
  const { t } = useTranslation('notices');
  return (
    <>
      <RadioGroup
        name="kind"
        label={t('office.fields.kind')}
        error={error('kind')}
        defaultValue={values.kind}
        options={NOTICE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`), hint: t(`office.kindHints.${kind}`) }))}
      />
      {LANGUAGES.map((suffix) => (
        <fieldset key={suffix} className="fieldset">
          <legend className="fieldset__legend">{t(`office.languages.${suffix}`)}</legend>
          <TextField
            name={`title${suffix}`}
            label={t('office.fields.title', { language: t(`office.languages.${suffix}`) })}
            error={error(`title${suffix}`)}
            defaultValue={values[`title${suffix}`]}
            autoComplete="off"
          />
          <TextField
            name={`body${suffix}`}
            label={t('office.fields.body', { language: t(`office.languages.${suffix}`) })}
            hint={t('office.fields.bodyHint')}
            error={error(`body${suffix}`)}
            defaultValue={values[`body${suffix}`]}
            multiline={{ maxLength: NOTICE_BODY_MAX, rows: 8 }}
          />
        </fieldset>
      ))}
      <TextField
        name="publishOn"
        label={t('office.fields.publishOn')}
        hint={t('office.fields.publishOnHint')}
        error={error('publishOn')}
        defaultValue={values.publishOn ?? today}
        autoComplete="off"
        width="short"
      />
      <TextField
        name="lastDay"
        label={t('office.fields.lastDay')}
        hint={t('office.fields.lastDayHint')}
        error={error('lastDay')}
        defaultValue={values.lastDay}
        autoComplete="off"
        width="short"
      />
    </>
  );
}
