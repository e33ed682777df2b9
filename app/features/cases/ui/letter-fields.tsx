// The letter itself: what kind it is, what it is about, where, its subject and text, and how many
// people sign it. Citizens write it on /submit (with hints); clerks type in a letter, visit or
// call for someone else. The topic field is the page's own (a select or a combo box).
import { useTranslation } from 'react-i18next';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import { LIMITS, type SubmissionField } from '#app/features/cases/submission-fields.ts';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { ReactNode } from 'react';

type LetterField = Extract<SubmissionField, 'kind' | 'area' | 'subject' | 'body' | 'coSignerCount'>;

interface LetterFieldsProps {
  /** Each field's message and what was typed (useFormErrors, or the page's own). */
  form: { error: (field: LetterField) => string | undefined; value: (field: LetterField) => string | undefined };
  /** Who types: the citizen (hints, a larger box for the text) or a clerk. */
  by: 'citizen' | 'clerk';
  /** The topic (categoryId) field, after the kind. */
  topic: ReactNode;
  /** Whom a report of misconduct is about, right after the kind (ReportedFields). */
  afterKind?: ReactNode;
}

/** A typed part of the letter and how it is entered. */
interface LetterText {
  name: Exclude<LetterField, 'kind'>;
  width?: 'medium' | 'short';
  inputMode?: 'numeric';
  /** The text box: rows for the citizen and for a clerk. */
  rows?: { citizen: number; clerk: number };
  defaultValue?: string;
}

const TEXT_FIELDS: readonly LetterText[] = [
  { name: 'area', width: 'medium' },
  { name: 'subject' },
  { name: 'body', rows: { citizen: 10, clerk: 8 } },
  { name: 'coSignerCount', width: 'short', inputMode: 'numeric', defaultValue: '1' },
];

export function LetterFields({ form, by, topic, afterKind }: LetterFieldsProps) {
  const { t } = useTranslation('common');
  const citizen = by === 'citizen';
  return (
    <>
      <RadioGroup
        name="kind"
        label={t('submit.fields.kind.label')}
        error={form.error('kind')}
        defaultValue={form.value('kind')}
        options={CASE_KINDS.map((kind) => ({
          value: kind,
          label: t(`kinds.${kind}.label`),
          hint: citizen ? t(`kinds.${kind}.hint`) : undefined,
        }))}
      />
      {afterKind}
      {topic}
      {TEXT_FIELDS.map(({ name, width, inputMode, rows, defaultValue }) => (
        <TextField
          key={name}
          name={name}
          label={t(`submit.fields.${name}.label`)}
          hint={citizen ? t(`submit.fields.${name}.hint`, { max: LIMITS.subjectMax }) : undefined}
          error={form.error(name)}
          defaultValue={form.value(name) ?? defaultValue}
          width={width}
          inputMode={inputMode}
          multiline={rows ? { maxLength: LIMITS.bodyMax, rows: citizen ? rows.citizen : rows.clerk } : undefined}
          spellCheck={rows && citizen ? true : undefined}
        />
      ))}
    </>
  );
}
