// /office/units: the tree of responsible units, and the form that creates one. Admins only; the
// rules and the audit entries live in app/features/reference-data/units.server.ts.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LocalizedNameFields } from '#app/features/reference-data/ui/localized-name-fields.tsx';
import {
  createUnitFromForm,
  unitOptions,
  unitTree,
  type UnitField,
  type UnitTreeRow,
  type UnitValues,
} from '#app/features/reference-data/units.server.ts';
import { NO_STORE_HEADERS } from '#app/features/staff/admin.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
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
  const [tree, parents] = await Promise.all([unitTree(locale), unitOptions(locale)]);
  return data({ title: t('office-admin:units.list.title'), tree, parents }, { headers: NO_STORE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const outcome = await createUnitFromForm(await request.formData(), actor, { ipAddress: context.clientIp });
  if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: 400, headers: NO_STORE_HEADERS });
  return redirect(`/office/units/${outcome.id}?done=created`, { status: 303, headers: NO_STORE_HEADERS });
}

const FIELDS: readonly UnitField[] = ['code', 'nameZhHans', 'nameZhHant', 'nameEn', 'parentId'];

export default function UnitsPage() {
  const { tree, parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-admin');
  const errors: Partial<Record<UnitField, string>> = actionData?.errors ?? {};
  const values: UnitValues = actionData?.values ?? {};
  const error = (field: UnitField) => {
    const code = errors[field];
    if (!code) return undefined;
    return field === 'parentId' ? t(`units.errors.parentId.${code}`) : t(`referenceData.errors.${field}.${code}`);
  };
  const summary = FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('units.list.title')}</h1>
      <p>{t('units.list.lead')}</p>
      <p>
        <a href="#create-unit">{t('units.list.createLink')}</a>
      </p>

      <h2 id="unit-tree-title">{t('units.list.treeTitle')}</h2>
      {tree.length === 0 ? <p>{t('units.list.empty')}</p> : <UnitList rows={tree} parentId={null} labelledBy="unit-tree-title" />}

      <h2 id="create-unit" tabIndex={-1}>
        {t('units.create.title')}
      </h2>
      <p>{t('units.create.lead')}</p>
      <Form method="post" noValidate className="form">
        <TextField
          name="code"
          label={t('referenceData.fields.code.label')}
          hint={t('referenceData.fields.code.hint')}
          error={error('code')}
          defaultValue={values.code}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <LocalizedNameFields
          errors={{ nameZhHans: error('nameZhHans'), nameZhHant: error('nameZhHant'), nameEn: error('nameEn') }}
          values={values}
        />
        <SelectField
          name="parentId"
          label={t('units.fields.parentId.label')}
          hint={t('units.fields.parentId.hint')}
          placeholder={t('units.fields.parentId.placeholder')}
          error={error('parentId')}
          defaultValue={values.parentId}
          options={parents.map((unit) => ({ value: unit.id, label: unit.label }))}
        />
        <Button isDisabled={submitting}>{submitting ? t('units.create.submitting') : t('units.create.submit')}</Button>
      </Form>
    </>
  );
}

/** One level of the tree as a nested list, so screen readers announce each level and its size. */
function UnitList({ rows, parentId, labelledBy }: { rows: UnitTreeRow[]; parentId: string | null; labelledBy?: string }) {
  const { t } = useTranslation('office-admin');
  const children = rows.filter((row) => row.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul aria-labelledby={labelledBy} data-testid={labelledBy ? 'unit-tree' : undefined}>
      {children.map((unit) => (
        <li key={unit.id}>
          <Link to={`/office/units/${unit.id}`} className="action-link">
            {unit.name}
          </Link>{' '}
          <code>{unit.code}</code>
          {unit.active ? null : <strong> · {t('status.inactive')}</strong>}
          <UnitList rows={rows} parentId={unit.id} />
        </li>
      ))}
    </ul>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
