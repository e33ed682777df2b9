// /office/categories/:categoryId: one category. Change its names, default unit and place in the
// portal's list, deactivate or reactivate it. Admins only; the rules and audit entries live in
// app/features/reference-data/categories.server.ts, which also makes the portal see each change at once.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { editAction } from '#app/features/reference-data/admin-actions.server.ts';
import { categoryDetail, categoryEditor } from '#app/features/reference-data/categories.server.ts';
import { EditSection, RecordErrorBoundary, RecordPage, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { CategoryFields } from '#app/features/reference-data/ui/category-fields.tsx';
import { CATEGORY_EDIT_FORM } from '#app/features/reference-data/ui/form-errors.ts';
import { RecordStatusSection } from '#app/features/reference-data/ui/record-status-section.tsx';
import { unitOptions } from '#app/features/reference-data/units.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { categoryId: 'uuid' } as const;
/** Where the page's words are, and the list it belongs to. */
const PAGE = { texts: 'categories.detail', list: '/office/categories' };

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { categoryId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const category = await categoryDetail(actor, categoryId, locale);
  const units = await unitOptions(locale, { keep: category.defaultUnitId });
  return { title: t('office-admin:categories.detail.title', { name: category.name }), category, units };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ editAction(categoryEditor, '/office/categories', 'categoryId');

export default function CategoryPage() {
  const { category, units } = useLoaderData<typeof loader>();
  const { form, busy, t, number } = useAdminPage(useActionData<typeof action>(), CATEGORY_EDIT_FORM);

  return (
    <RecordPage
      {...PAGE}
      titleValues={{ name: category.name }}
      summary={form.summary}
      facts={[
        { label: t('referenceData.fields.code.label'), value: <code>{category.code}</code> },
        {
          label: t('categories.columns.defaultUnit'),
          value: category.defaultUnit ? (
            <>
              <Link to={`/office/units/${category.defaultUnit.id}`}>{category.defaultUnit.name}</Link>
              {category.defaultUnit.active ? null : ` · ${t('status.inactive')}`}
            </>
          ) : (
            t('common.none')
          ),
        },
        { label: t('categories.columns.sortOrder'), value: number.format(category.sortOrder) },
        { label: t('categories.columns.status'), value: category.active ? t('status.active') : t('status.inactive') },
        { label: t('categories.detail.cases'), value: number.format(category.cases) },
      ]}
    >
      <EditSection
        texts="categories.detail.edit"
        formKey={`${category.nameZhHans}|${category.nameZhHant}|${category.nameEn}|${category.defaultUnitId ?? ''}|${category.sortOrder}`}
        busy={busy}
      >
        <CategoryFields form={form} units={units} saved={category} />
      </EditSection>

      <RecordStatusSection active={category.active} texts="categories.detail.statusSection" blocked={category.statusRefusal} busy={busy} />
    </RecordPage>
  );
}

export const ErrorBoundary = () => <RecordErrorBoundary {...PAGE} />;
