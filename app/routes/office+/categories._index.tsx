// /office/categories: every category in the order the portal lists them, and the form that
// creates one. Admins only; the rules and the audit entries live in app/features/reference-data/categories.server.ts.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { createAction } from '#app/features/reference-data/admin-actions.server.ts';
import { createCategory, listCategories, nextSortOrder } from '#app/features/reference-data/categories.server.ts';
import { CreateSection, ListIntro, RecordTable, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { CategoryFields } from '#app/features/reference-data/ui/category-fields.tsx';
import { CATEGORY_FORM } from '#app/features/reference-data/ui/form-errors.ts';
import { CodeField } from '#app/features/reference-data/ui/reference-fields.tsx';
import { unitOptions } from '#app/features/reference-data/units.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { locale, t } = await translatorFor(request);
  const [categories, units, sortOrder] = await Promise.all([listCategories(actor, locale), unitOptions(locale), nextSortOrder()]);
  return { title: t('office-admin:categories.list.title'), categories, units, sortOrder };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ createAction(createCategory, '/office/categories');

export default function CategoriesPage() {
  const { categories, units, sortOrder } = useLoaderData<typeof loader>();
  const { form, busy, t, number } = useAdminPage(useActionData<typeof action>(), CATEGORY_FORM);

  return (
    <>
      <ListIntro texts="categories.list" createId="create-category" summary={form.summary} />

      <RecordTable
        list="categories"
        items={categories}
        columns={[
          {
            label: t('categories.columns.name'),
            isRowHeader: true,
            cell: (category) => <Link to={`/office/categories/${category.id}`}>{category.name}</Link>,
          },
          { label: t('referenceData.fields.code.label'), cell: (category) => <code>{category.code}</code> },
          {
            label: t('categories.columns.defaultUnit'),
            cell: (category) => (
              <>
                {category.defaultUnitName ?? t('common.none')}
                {category.defaultUnitName && !category.defaultUnitActive ? ` · ${t('status.inactive')}` : null}
              </>
            ),
          },
          { label: t('categories.columns.sortOrder'), className: 'num', cell: (category) => number.format(category.sortOrder) },
          { label: t('categories.columns.status'), cell: (category) => (category.active ? t('status.active') : t('status.inactive')) },
        ]}
      />

      <CreateSection id="create-category" texts="categories.create" busy={busy}>
        <CodeField form={form} hint={t('categories.fields.code.hint')} />
        <CategoryFields form={form} units={units} nextSortOrder={sortOrder} />
      </CreateSection>
    </>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
