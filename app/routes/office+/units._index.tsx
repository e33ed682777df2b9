// /office/units: the tree of responsible units, and the form that creates one. Admins only; the
// rules and the audit entries live in app/features/reference-data/units.server.ts.
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LocalizedNameFields } from '#app/features/reference-data/ui/localized-name-fields.tsx';
import { unitErrorPrefix } from '#app/features/reference-data/ui/unit-errors.ts';
import { createUnit, unitOptions, unitTree, type UnitField, type UnitTreeRow } from '#app/features/reference-data/units.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { route } from '#app/platform/http/route.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = route(async ({ request }: LoaderFunctionArgs) => {
  await requireStaffAllowed(request, canManageReferenceData);
  const { locale, t } = await translatorFor(request);
  const [tree, parents] = await Promise.all([unitTree(locale), unitOptions(locale)]);
  return { title: t('office-admin:units.list.title'), tree, parents };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { locale } = await translatorFor(request);
  const outcome = await createUnit(actor, await readForm(request), { ipAddress: context.clientIp, locale });
  return respond(outcome, outcome.ok ? `/office/units/${outcome.id}` : '/office/units');
});

const FIELDS: readonly UnitField[] = ['code', 'nameZhHans', 'nameZhHant', 'nameEn', 'parentId'];

export default function UnitsPage() {
  const { tree, parents } = useLoaderData<typeof loader>();
  const form = useFormErrors(useActionData<typeof action>(), { fields: FIELDS, prefix: unitErrorPrefix });
  const navigation = useNavigation();
  const { t } = useTranslation('office-admin');
  const submitting = navigation.state === 'submitting';

  return (
    <>
      <ErrorSummary errors={form.summary} />
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
          error={form.error('code')}
          defaultValue={form.value('code')}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <LocalizedNameFields form={form} />
        <SelectField
          name="parentId"
          label={t('units.fields.parentId.label')}
          hint={t('units.fields.parentId.hint')}
          placeholder={t('units.fields.parentId.placeholder')}
          error={form.error('parentId')}
          defaultValue={form.value('parentId')}
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
