// The frame that the admin pages for units, categories, reply templates and staff accounts share:
// a list page's introduction, its table and its form that creates a record, and a record page's
// heading, facts and form that changes the record. The words come from `texts`, a path in office-admin.
import { Form, Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { OfficeErrorBoundary } from '#app/ui/office-error-boundary.tsx';
import { SimpleTable, type SimpleColumn } from '#app/ui/simple-table.tsx';
import { SummaryList, type SummaryItem } from '#app/ui/summary-list.tsx';
import { useFormErrors, type FormErrorsOptions, type SummaryEntry } from '#app/ui/use-form-errors.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';
import type { ReactNode } from 'react';

/**
 * What every admin page's component starts with: its form's problems in words
 * (app/ui/use-form-errors.ts), whether a form is being sent, and the page's words and numbers.
 */
export function useAdminPage<Field extends string>(problem: FormProblem<Field> | null | undefined, options: FormErrorsOptions<Field>) {
  const form = useFormErrors(problem, options);
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  return { form, busy: navigation.state === 'submitting', t, number: new Intl.NumberFormat(i18n.language) };
}

interface ListIntroProps {
  /** title, lead and createLink, e.g. "units.list". */
  texts: string;
  /** The id of the create section the page links to. */
  createId: string;
  summary: SummaryEntry[];
  /** Shown under the title (a new account's one-time password). */
  children?: ReactNode;
}

export function ListIntro({ texts, createId, summary, children }: ListIntroProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t(`${texts}.title`)}</h1>
      {children}
      <p>{t(`${texts}.lead`)}</p>
      <p>
        <a href={`#${createId}`}>{t(`${texts}.createLink`)}</a>
      </p>
    </>
  );
}

interface RecordTableProps<Item extends { id: string }> {
  /** The list's key in office-admin, e.g. "categories": its words are under `${list}.list`. */
  list: string;
  items: Item[];
  columns: SimpleColumn<Item>[];
}

/** A list page's records, each linking to its page, or a line that there are none yet. */
export function RecordTable<Item extends { id: string }>({ list, items, columns }: RecordTableProps<Item>) {
  const { t } = useTranslation('office-admin');
  const id = `${list}-table-title`;
  const texts = `${list}.list`;
  const testId = list;
  return (
    <>
      <h2 id={id}>{t(`${texts}.tableTitle`)}</h2>
      <SimpleTable
        labelledBy={id}
        testId={testId}
        region
        items={items}
        itemKey={(item) => item.id}
        empty={<p>{t(`${texts}.empty`)}</p>}
        columns={columns}
      />
    </>
  );
}

interface CreateSectionProps {
  id: string;
  /** title, lead, submit and submitting, e.g. "units.create". */
  texts: string;
  busy: boolean;
  /** A new key empties the form (after an account is created, for the next one). */
  formKey?: string;
  children: ReactNode;
}

export function CreateSection({ id, texts, busy, formKey, children }: CreateSectionProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <h2 id={id} tabIndex={-1}>
        {t(`${texts}.title`)}
      </h2>
      <p>{t(`${texts}.lead`)}</p>
      <Form method="post" noValidate className="form" key={formKey}>
        {children}
        <Button isDisabled={busy}>{busy ? t(`${texts}.submitting`) : t(`${texts}.submit`)}</Button>
      </Form>
    </>
  );
}

interface RecordPageProps {
  /** back and title, e.g. "units.detail". */
  texts: string;
  /** The list page that the back link goes to. */
  list: string;
  /** What the title names, e.g. { name }. */
  titleValues: Record<string, string>;
  summary: SummaryEntry[];
  /** The record's facts, at the top. */
  facts: SummaryItem[];
  /** The page's sections: the form that changes the record, its status. */
  children: ReactNode;
}

/** A record's page: back to the list, the form's problems, the record's name and facts, its sections. */
export function RecordPage({ texts, list, titleValues, summary, facts, children }: RecordPageProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <p>
        <Link to={list}>{t(`${texts}.back`)}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t(`${texts}.title`, titleValues)}</h1>
      <SummaryList items={facts} />
      {children}
    </>
  );
}

/** A record's page that finds nothing (404) links back to the list. */
export function RecordErrorBoundary({ texts, list }: Pick<RecordPageProps, 'texts' | 'list'>) {
  const { t } = useTranslation('office-admin');
  return <OfficeErrorBoundary back={{ to: list, label: t(`${texts}.back`) }} />;
}

interface EditSectionProps {
  /** title, lead and submit, e.g. "units.detail.edit". */
  texts: string;
  /** What the section says before the form, instead of `${texts}.lead`. */
  lead?: ReactNode;
  /** The saved values: a new key remounts the form, so the fields show what is saved now. */
  formKey: string;
  busy: boolean;
  children: ReactNode;
}

export function EditSection({ texts, lead, formKey, busy, children }: EditSectionProps) {
  const { t } = useTranslation('office-admin');
  return (
    <>
      <h2>{t(`${texts}.title`)}</h2>
      {lead === undefined ? <p>{t(`${texts}.lead`)}</p> : lead}
      <Form method="post" noValidate className="form" key={formKey}>
        <input type="hidden" name="intent" value="update" />
        {children}
        <Button isDisabled={busy}>{t(`${texts}.submit`)}</Button>
      </Form>
    </>
  );
}
