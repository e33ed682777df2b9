// /office/reception/new: set up a reception day (date, place and receiving official's role in
// the three languages, the units and categories it covers, and its time slots). It is saved as
// a draft; its page publishes it. Administrators and supervisors.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PRIVATE_PAGE_HEADERS } from '#app/features/cases/portal-cookies.server.ts';
import {
  createReceptionDay,
  receptionDayFormOptions,
  type DayErrors,
  type DayValues,
  type Option,
} from '#app/features/reception/days.server.ts';
import { DAY_FIELDS, MAX_SLOT_CAPACITY, MAX_SLOTS_PER_DAY, type DayField } from '#app/features/reception/rules.ts';
import { canManageReceptionDays } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { privatePageHeaders } from '#app/platform/http/private-page-headers.ts';
import { Button } from '#app/ui/button.tsx';
import { Checkbox } from '#app/ui/choice-fields.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { fieldId } from '#app/ui/field-ids.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageReceptionDays);
  const { locale, t } = await translatorFor(request);
  return data({ title: t('visits:office.new.title'), ...(await receptionDayFormOptions(locale)) }, { headers: PRIVATE_PAGE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReceptionDays);
  const outcome = await createReceptionDay(actor, await request.formData());
  if (!outcome.ok) {
    return data(
      { errors: outcome.errors, values: outcome.values, slotLine: outcome.slotLine },
      { status: 400, headers: PRIVATE_PAGE_HEADERS },
    );
  }
  return redirect(`/office/reception/${outcome.id}?done=created`, { status: 303 });
}

const TEXT_FIELDS = [
  ['placeZhHans', 'placeZhHant', 'placeEn'],
  ['officialZhHans', 'officialZhHant', 'officialEn'],
] as const;

export default function NewReceptionDayPage() {
  const { units, categories, defaultSlots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('visits');
  const errors: DayErrors = actionData?.errors ?? {};
  const values: DayValues = actionData?.values ?? {};
  const error = (field: DayField) => {
    const code = errors[field];
    if (!code) return undefined;
    const text = t(`office.new.errors.${field.replace(/(ZhHans|ZhHant|En)$/, '')}.${code}`, {
      language: t(`office.languages.${field.match(/(ZhHans|ZhHant|En)$/)?.[1] ?? 'En'}`),
      max: field === 'slots' && code === 'tooMany' ? MAX_SLOTS_PER_DAY : MAX_SLOT_CAPACITY,
    });
    return field === 'slots' && actionData?.slotLine ? t('office.new.errors.slotLine', { line: actionData.slotLine, message: text }) : text;
  };
  const summary = DAY_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));

  return (
    <>
      <p>
        <Link to="/office/reception">{t('office.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('office.new.title')}</h1>
      <p>{t('office.new.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="date"
          label={t('office.new.fields.date.label')}
          hint={t('office.new.fields.date.hint')}
          error={error('date')}
          defaultValue={values.date}
          autoComplete="off"
          width="short"
        />
        {TEXT_FIELDS.map((group) =>
          group.map((field) => {
            const kind = field.startsWith('place') ? 'place' : 'official';
            const language = t(`office.languages.${field.replace(/^(place|official)/, '')}`);
            return (
              <TextField
                key={field}
                name={field}
                label={t(`office.new.fields.${kind}.label`, { language })}
                hint={t(`office.new.fields.${kind}.hint`)}
                error={error(field)}
                defaultValue={values[field]}
                autoComplete="off"
              />
            );
          }),
        )}
        <CheckboxList
          name="unitIds"
          legend={t('office.new.fields.unitIds.legend')}
          hint={t('office.new.fields.unitIds.hint')}
          options={units}
          selected={values.unitIds ?? []}
          error={error('unitIds')}
        />
        <CheckboxList
          name="categoryIds"
          legend={t('office.new.fields.categoryIds.legend')}
          hint={t('office.new.fields.categoryIds.hint')}
          options={categories}
          selected={values.categoryIds ?? []}
          error={error('categoryIds')}
        />
        <TextField
          name="slots"
          label={t('office.new.fields.slots.label')}
          hint={t('office.new.fields.slots.hint', { max: MAX_SLOT_CAPACITY })}
          error={error('slots')}
          defaultValue={values.slots ?? defaultSlots}
          multiline={{ maxLength: 5000, rows: 8 }}
          spellCheck={false}
        />
        <Button isDisabled={navigation.state === 'submitting'}>{t('office.new.submit')}</Button>
      </Form>
    </>
  );
}

interface CheckboxListProps {
  name: 'unitIds' | 'categoryIds';
  legend: string;
  hint: string;
  options: Option[];
  selected: string[];
  error?: string;
}

/** A group of checkboxes with one name; the first carries the field's id for the error summary. */
function CheckboxList({ name, legend, hint, options, selected, error }: CheckboxListProps) {
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-group-error`;
  return (
    <fieldset className={`field fieldset${error ? ' field--error' : ''}`} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="field__label fieldset__legend">{legend}</legend>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option, index) => (
          <Checkbox
            key={option.value}
            name={name}
            id={index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`}
            value={option.value}
            defaultSelected={selected.includes(option.value)}
          >
            {option.label}
          </Checkbox>
        ))}
      </div>
    </fieldset>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
