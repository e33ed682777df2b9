// /office/categories: every category in the order the portal lists them, and the form that
// creates one. Admins only; the rules and the audit entries live in app/features/reference-data/categories.server.ts.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  createCategoryFromForm,
  listCategories,
  nextSortOrder,
  type CategoryField,
  type CategoryValues,
} from '#app/features/reference-data/categories.server.ts';
import { LocalizedNameFields } from '#app/features/reference-data/ui/localized-name-fields.tsx';
import { unitOptions } from '#app/features/reference-data/units.server.ts';
import { NO_STORE_HEADERS } from '#app/features/staff/admin.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { localeFromRequest } from '#app/i18n/locale.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageReferenceData);
  const { locale, t } = await translatorFor(request);
  const [categories, units, sortOrder] = await Promise.all([listCategories(locale), unitOptions(locale), nextSortOrder()]);
  return data({ title: t('office-admin:categories.list.title'), categories, units, sortOrder }, { headers: NO_STORE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const outcome = await createCategoryFromForm(await request.formData(), actor, {
    ipAddress: context.clientIp,
    locale: localeFromRequest(request),
  });
  if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: 400, headers: NO_STORE_HEADERS });
  return redirect(`/office/categories/${outcome.id}?done=created`, { status: 303, headers: NO_STORE_HEADERS });
}

const FIELDS: readonly CategoryField[] = ['code', 'nameZhHans', 'nameZhHant', 'nameEn', 'defaultUnitId', 'sortOrder'];

/** Where a field's error message is: names and code share the wording of the unit pages. */
function categoryErrorKey(field: CategoryField, code: string): string {
  return field === 'defaultUnitId' || field === 'sortOrder'
    ? `categories.errors.${field}.${code}`
    : `referenceData.errors.${field}.${code}`;
}

export default function CategoriesPage() {
  const { categories, units, sortOrder } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  const number = new Intl.NumberFormat(i18n.language);
  const errors: Partial<Record<CategoryField, string>> = actionData?.errors ?? {};
  const values: CategoryValues = actionData?.values ?? {};
  const error = (field: CategoryField) => {
    const code = errors[field];
    return code ? t(categoryErrorKey(field, code)) : undefined;
  };
  const summary = FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('categories.list.title')}</h1>
      <p>{t('categories.list.lead')}</p>
      <p>
        <a href="#create-category">{t('categories.list.createLink')}</a>
      </p>

      <h2 id="categories-table-title">{t('categories.list.tableTitle')}</h2>
      {categories.length === 0 ? (
        <p>{t('categories.list.empty')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="categories-table-title" tabIndex={0}>
          <table className="data-table" aria-labelledby="categories-table-title" data-testid="categories">
            <thead>
              <tr>
                <th scope="col">{t('categories.columns.name')}</th>
                <th scope="col">{t('referenceData.fields.code.label')}</th>
                <th scope="col">{t('categories.columns.defaultUnit')}</th>
                <th scope="col" className="num">
                  {t('categories.columns.sortOrder')}
                </th>
                <th scope="col">{t('categories.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.id}>
                  <th scope="row">
                    <Link to={`/office/categories/${category.id}`}>{category.name}</Link>
                  </th>
                  <td>
                    <code>{category.code}</code>
                  </td>
                  <td>
                    {category.defaultUnitName ?? t('common.none')}
                    {category.defaultUnitName && !category.defaultUnitActive ? ` · ${t('status.inactive')}` : null}
                  </td>
                  <td className="num">{number.format(category.sortOrder)}</td>
                  <td>{category.active ? t('status.active') : t('status.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="create-category" tabIndex={-1}>
        {t('categories.create.title')}
      </h2>
      <p>{t('categories.create.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="code"
          label={t('referenceData.fields.code.label')}
          hint={t('categories.fields.code.hint')}
          error={error('code')}
          defaultValue={values.code}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <LocalizedNameFields form={{ error, value: (field) => values[field] }} />
        <SelectField
          name="defaultUnitId"
          label={t('categories.fields.defaultUnitId.label')}
          hint={t('categories.fields.defaultUnitId.hint')}
          placeholder={t('categories.fields.defaultUnitId.placeholder')}
          error={error('defaultUnitId')}
          defaultValue={values.defaultUnitId}
          options={units.map((unit) => ({ value: unit.id, label: unit.label }))}
        />
        <TextField
          name="sortOrder"
          label={t('categories.fields.sortOrder.label')}
          hint={t('categories.fields.sortOrder.hint')}
          error={error('sortOrder')}
          defaultValue={values.sortOrder ?? String(sortOrder)}
          inputMode="numeric"
          autoComplete="off"
          width="short"
        />
        <Button isDisabled={submitting}>{submitting ? t('categories.create.submitting') : t('categories.create.submit')}</Button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
