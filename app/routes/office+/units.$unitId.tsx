// /office/units/:unitId: one unit. Rename it, move it in the tree, deactivate or reactivate it.
// Admins only; the rules (no cycles, nothing routed to a closed unit) and the audit entries live
// in app/features/reference-data/units.server.ts.
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { editAction } from '#app/features/reference-data/admin-actions.server.ts';
import { EditSection, RecordErrorBoundary, RecordPage, useAdminPage } from '#app/features/reference-data/ui/admin-page.tsx';
import { UNIT_EDIT_FORM } from '#app/features/reference-data/ui/form-errors.ts';
import { RecordStatusSection } from '#app/features/reference-data/ui/record-status-section.tsx';
import { LocalizedNameFields, UnitSelectField } from '#app/features/reference-data/ui/reference-fields.tsx';
import { unitDetail, unitEditor, unitOptions } from '#app/features/reference-data/units.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { useFormatDate } from '#app/ui/format.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { unitId: 'uuid' } as const;
/** Where the page's words are, and the list it belongs to. */
const PAGE = { texts: 'units.detail', list: '/office/units' };

export const loader = /* @__PURE__ */ route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { unitId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const unit = await unitDetail(actor, unitId, locale);
  const parents = await unitOptions(locale, { keep: unit.parentId, excludeSubtreeOf: unit.id });
  return { title: t('office-admin:units.detail.title', { name: unit.name }), unit, parents };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = /* @__PURE__ */ editAction(unitEditor, '/office/units', 'unitId');

export default function UnitPage() {
  const { unit, parents } = useLoaderData<typeof loader>();
  const { form, busy, t, number } = useAdminPage(useActionData<typeof action>(), UNIT_EDIT_FORM);
  const formatDate = useFormatDate();

  return (
    <RecordPage
      {...PAGE}
      titleValues={{ name: unit.name }}
      summary={form.summary}
      facts={[
        { label: t('referenceData.fields.code.label'), value: <code>{unit.code}</code> },
        {
          label: t('units.fields.parentId.label'),
          value: unit.parent ? (
            <Link to={`/office/units/${unit.parent.id}`}>{unit.parent.name}</Link>
          ) : (
            t('units.fields.parentId.placeholder')
          ),
        },
        { label: t('units.detail.status'), value: unit.active ? t('status.active') : t('status.inactive') },
        { label: t('units.detail.activeChildren'), value: number.format(unit.activeChildren) },
        { label: t('units.detail.activeCategories'), value: number.format(unit.activeCategories) },
        { label: t('units.detail.activeStaff'), value: number.format(unit.activeStaff) },
        { label: t('units.detail.openCases'), value: number.format(unit.openCases) },
        { label: t('units.detail.createdAt'), value: formatDate(unit.createdAt, true) },
      ]}
    >
      <EditSection
        texts="units.detail.edit"
        formKey={`${unit.nameZhHans}|${unit.nameZhHant}|${unit.nameEn}|${unit.parentId ?? ''}`}
        busy={busy}
      >
        <LocalizedNameFields form={form} saved={unit} />
        <UnitSelectField name="parentId" texts="units.fields.parentId" hint="editHint" form={form} saved={unit.parentId} units={parents} />
      </EditSection>

      <RecordStatusSection active={unit.active} texts="units.detail.statusSection" blocked={unit.statusRefusal} busy={busy} />
    </RecordPage>
  );
}

export const ErrorBoundary = () => <RecordErrorBoundary {...PAGE} />;
