// /office/categories/:categoryId: one category. Change its names, default unit and place in the
// portal's list, deactivate or reactivate it. Admins only; the rules and audit entries live in
// app/features/reference-data/categories.server.ts, which also makes the portal see each change at once.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { idParam } from '#app/features/reference-data/admin-forms.server.ts';
import {
  CategoryAdminError,
  categoryDetail,
  deactivateCategory,
  reactivateCategory,
  updateCategoryFromForm,
  type CategoryEditField,
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
import { OfficeErrorBoundary } from '#app/ui/office-error-boundary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

const DONE = ['created', 'updated', 'unchanged', 'deactivated', 'alreadyInactive', 'reactivated', 'alreadyActive'] as const;
type Done = (typeof DONE)[number];
const Intent = z.enum(['update', 'deactivate', 'reactivate']);

const notFound = () => new Response('Not Found', { status: 404 });

function categoryIdFrom(params: LoaderFunctionArgs['params']): string {
  const id = idParam(params.categoryId);
  if (!id) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageReferenceData);
  const categoryId = categoryIdFrom(params);
  const { locale, t } = await translatorFor(request);
  const category = await categoryDetail(categoryId, locale);
  if (!category) throw notFound();
  const units = await unitOptions(locale, { keep: category.defaultUnitId });
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    { title: t('office-admin:categories.detail.title', { name: category.name }), category, units, done: done ?? null },
    { headers: NO_STORE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const categoryId = categoryIdFrom(params);
  const form = await request.formData();
  const intent = Intent.safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Bad Request', { status: 400 });
  const ctx = { ipAddress: context.clientIp, locale: localeFromRequest(request) };
  const back = (done: Done) => redirect(`/office/categories/${categoryId}?done=${done}`, { status: 303, headers: NO_STORE_HEADERS });
  try {
    switch (intent.data) {
      case 'update': {
        const outcome = await updateCategoryFromForm(form, actor, categoryId, ctx);
        if (!outcome.ok)
          return data({ errors: outcome.errors, values: outcome.values, refused: null }, { status: 400, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'updated' : 'unchanged');
      }
      case 'deactivate': {
        const outcome = await deactivateCategory(actor, categoryId, ctx);
        if (!outcome.ok) return data({ errors: {}, values: {}, refused: outcome.reason }, { status: 409, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'deactivated' : 'alreadyInactive');
      }
      case 'reactivate': {
        const outcome = await reactivateCategory(actor, categoryId, ctx);
        if (!outcome.ok) return data({ errors: {}, values: {}, refused: outcome.reason }, { status: 409, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'reactivated' : 'alreadyActive');
      }
    }
  } catch (error) {
    if (error instanceof CategoryAdminError && error.code === 'notFound') throw notFound();
    throw error;
  }
}

const EDIT_FIELDS: readonly CategoryEditField[] = ['nameZhHans', 'nameZhHant', 'nameEn', 'defaultUnitId', 'sortOrder'];

/** Where a field's error message is: names share the wording of the unit pages. */
function categoryErrorKey(field: CategoryEditField, code: string): string {
  return field === 'defaultUnitId' || field === 'sortOrder'
    ? `categories.errors.${field}.${code}`
    : `referenceData.errors.${field}.${code}`;
}

export default function CategoryPage() {
  const { category, units, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  const number = new Intl.NumberFormat(i18n.language);
  const errors: Partial<Record<CategoryEditField, string>> = actionData?.errors ?? {};
  const values: CategoryValues = actionData?.values ?? {};
  const error = (field: CategoryEditField) => {
    const code = errors[field];
    return code ? t(categoryErrorKey(field, code)) : undefined;
  };
  const summary = [
    ...(actionData?.refused ? [{ message: t(`categories.detail.refused.${actionData.refused}`) }] : []),
    ...EDIT_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' })),
  ];
  const busy = navigation.state === 'submitting';
  const current = (field: 'nameZhHans' | 'nameZhHant' | 'nameEn') => values[field] ?? category[field];

  return (
    <>
      <p>
        <Link to="/office/categories">{t('categories.detail.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('categories.detail.title', { name: category.name })}</h1>
      <div role="status">
        {done ? <p className="notice notice--success">{t(`categories.detail.done.${done}`, { name: category.name })}</p> : null}
      </div>

      <dl className="summary-list">
        <div>
          <dt>{t('referenceData.fields.code.label')}</dt>
          <dd>
            <code>{category.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('categories.columns.defaultUnit')}</dt>
          <dd>
            {category.defaultUnit ? (
              <>
                <Link to={`/office/units/${category.defaultUnit.id}`}>{category.defaultUnit.name}</Link>
                {category.defaultUnit.active ? null : ` · ${t('status.inactive')}`}
              </>
            ) : (
              t('common.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('categories.columns.sortOrder')}</dt>
          <dd>{number.format(category.sortOrder)}</dd>
        </div>
        <div>
          <dt>{t('categories.columns.status')}</dt>
          <dd>{category.active ? t('status.active') : t('status.inactive')}</dd>
        </div>
        <div>
          <dt>{t('categories.detail.cases')}</dt>
          <dd>{number.format(category.cases)}</dd>
        </div>
      </dl>

      <h2>{t('categories.detail.edit.title')}</h2>
      <p>{t('categories.detail.edit.lead')}</p>
      <Form
        method="post"
        noValidate
        className="form"
        key={`${category.nameZhHans}|${category.nameZhHant}|${category.nameEn}|${category.defaultUnitId ?? ''}|${category.sortOrder}`}
      >
        <input type="hidden" name="intent" value="update" />
        <LocalizedNameFields form={{ error, value: current }} />
        <SelectField
          name="defaultUnitId"
          label={t('categories.fields.defaultUnitId.label')}
          hint={t('categories.fields.defaultUnitId.editHint')}
          placeholder={t('categories.fields.defaultUnitId.placeholder')}
          error={error('defaultUnitId')}
          defaultValue={values.defaultUnitId ?? category.defaultUnitId ?? ''}
          options={units.map((unit) => ({ value: unit.id, label: unit.active ? unit.label : `${unit.label} · ${t('status.inactive')}` }))}
        />
        <TextField
          name="sortOrder"
          label={t('categories.fields.sortOrder.label')}
          hint={t('categories.fields.sortOrder.hint')}
          error={error('sortOrder')}
          defaultValue={values.sortOrder ?? String(category.sortOrder)}
          inputMode="numeric"
          autoComplete="off"
          width="short"
        />
        <Button isDisabled={busy}>{t('categories.detail.edit.submit')}</Button>
      </Form>

      <h2>{t('categories.detail.statusSection.title')}</h2>
      {category.active ? (
        category.lastActive ? (
          <p>{t('categories.detail.statusSection.lastActive')}</p>
        ) : (
          <>
            <p>{t('categories.detail.statusSection.activeBody')}</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="deactivate" />
              <Button variant="secondary" className="button--warning" isDisabled={busy}>
                {t('categories.detail.statusSection.deactivate')}
              </Button>
            </Form>
          </>
        )
      ) : !category.defaultUnit?.active ? (
        <p>{t('categories.detail.statusSection.unitInactive')}</p>
      ) : (
        <>
          <p>{t('categories.detail.statusSection.inactiveBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reactivate" />
            <Button variant="secondary" isDisabled={busy}>
              {t('categories.detail.statusSection.reactivate')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation('office-admin');
  return <OfficeErrorBoundary back={{ to: '/office/categories', label: t('categories.detail.back') }} />;
}
