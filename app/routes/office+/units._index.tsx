// /office/units: the tree of responsible units, and the form that creates one. Admins only; the
// rules and the audit entries live in app/features/reference-data/units.server.ts.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { createAction } from '#app/features/reference-data/admin-actions.server.ts';
import { CreateSection, ListIntro, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { UNIT_FORM } from '#app/features/reference-data/ui/form-errors.ts';
import { CodeField, LocalizedNameFields, UnitSelectField } from '#app/features/reference-data/ui/reference-fields.tsx';
import { createUnit, unitOptions, unitTree, type UnitTreeRow } from '#app/features/reference-data/units.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  await requireStaffAllowed(request, canManageReferenceData);
  const { locale, t } = await translatorFor(request);
  const [tree, parents] = await Promise.all([unitTree(locale), unitOptions(locale)]);
  return { title: t('office-admin:units.list.title'), tree, parents };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ createAction(createUnit, '/office/units');

export default function UnitsPage() {
  const { tree, parents } = useLoaderData<typeof loader>();
  const { form, busy, t } = useAdminPage(useActionData<typeof action>(), UNIT_FORM);

  return (
    <>
      <ListIntro texts="units.list" createId="create-unit" summary={form.summary} />

      <h2 id="unit-tree-title">{t('units.list.treeTitle')}</h2>
      {tree.length === 0 ? <p>{t('units.list.empty')}</p> : <UnitList rows={tree} parentId={null} labelledBy="unit-tree-title" />}

      <CreateSection id="create-unit" texts="units.create" busy={busy}>
        <CodeField form={form} hint={t('referenceData.fields.code.hint')} />
        <LocalizedNameFields form={form} />
        <UnitSelectField name="parentId" texts="units.fields.parentId" hint="hint" form={form} units={parents} />
      </CreateSection>
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
