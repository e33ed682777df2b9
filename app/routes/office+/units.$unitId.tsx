// /office/units/:unitId: one unit. Rename it, move it in the tree, deactivate or reactivate it.
// Admins only; the rules (no cycles, nothing routed to a closed unit) and the audit entries live
// in app/features/reference-data/units.server.ts.
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { editRecord } from '#app/features/reference-data/admin-forms.server.ts';
import { LocalizedNameFields } from '#app/features/reference-data/ui/localized-name-fields.tsx';
import { RecordStatusSection } from '#app/features/reference-data/ui/record-status-section.tsx';
import { unitErrorPrefix } from '#app/features/reference-data/ui/unit-errors.ts';
import { unitDetail, unitEditor, unitOptions, type UnitEditField } from '#app/features/reference-data/units.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { OfficeErrorBoundary } from '#app/ui/office-error-boundary.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { useFormErrors } from '#app/ui/use-form-errors.ts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

const PARAMS = { unitId: z.uuid() };

export const loader = route(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { unitId } = parseParams(params, PARAMS);
  const { locale, t } = await translatorFor(request);
  const unit = await unitDetail(actor, unitId, locale);
  const parents = await unitOptions(locale, { keep: unit.parentId, excludeSubtreeOf: unit.id });
  return { title: t('office-admin:units.detail.title', { name: unit.name }), unit, parents };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export const action = route(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const { unitId } = parseParams(params, PARAMS);
  const { locale } = await translatorFor(request);
  const outcome = await editRecord(unitEditor, actor, unitId, await readForm(request), { ipAddress: context.clientIp, locale });
  return respond(outcome, `/office/units/${unitId}`);
});

const EDIT_FIELDS: readonly UnitEditField[] = ['nameZhHans', 'nameZhHant', 'nameEn', 'parentId'];

export default function UnitPage() {
  const { unit, parents } = useLoaderData<typeof loader>();
  const form = useFormErrors(useActionData<typeof action>(), {
    fields: EDIT_FIELDS,
    prefix: unitErrorPrefix,
    formPrefix: 'office-admin:units.detail.refused',
  });
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const number = new Intl.NumberFormat(i18n.language);
  const busy = navigation.state === 'submitting';

  return (
    <>
      <p>
        <Link to="/office/units">{t('units.detail.back')}</Link>
      </p>
      <ErrorSummary errors={form.summary} />
      <h1>{t('units.detail.title', { name: unit.name })}</h1>

      <dl className="summary-list">
        <div>
          <dt>{t('referenceData.fields.code.label')}</dt>
          <dd>
            <code>{unit.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('units.fields.parentId.label')}</dt>
          <dd>
            {unit.parent ? <Link to={`/office/units/${unit.parent.id}`}>{unit.parent.name}</Link> : t('units.fields.parentId.placeholder')}
          </dd>
        </div>
        <div>
          <dt>{t('units.detail.status')}</dt>
          <dd>{unit.active ? t('status.active') : t('status.inactive')}</dd>
        </div>
        <div>
          <dt>{t('units.detail.activeChildren')}</dt>
          <dd>{number.format(unit.activeChildren)}</dd>
        </div>
        <div>
          <dt>{t('units.detail.activeCategories')}</dt>
          <dd>{number.format(unit.activeCategories)}</dd>
        </div>
        <div>
          <dt>{t('units.detail.activeStaff')}</dt>
          <dd>{number.format(unit.activeStaff)}</dd>
        </div>
        <div>
          <dt>{t('units.detail.openCases')}</dt>
          <dd>{number.format(unit.openCases)}</dd>
        </div>
        <div>
          <dt>{t('units.detail.createdAt')}</dt>
          <dd>{formatDate(unit.createdAt, true)}</dd>
        </div>
      </dl>

      <h2>{t('units.detail.edit.title')}</h2>
      <p>{t('units.detail.edit.lead')}</p>
      {/* Remounted when the stored values change, so the fields show what is saved now. */}
      <Form method="post" noValidate className="form" key={`${unit.nameZhHans}|${unit.nameZhHant}|${unit.nameEn}|${unit.parentId ?? ''}`}>
        <input type="hidden" name="intent" value="update" />
        <LocalizedNameFields form={form} saved={unit} />
        <SelectField
          name="parentId"
          label={t('units.fields.parentId.label')}
          hint={t('units.fields.parentId.editHint')}
          placeholder={t('units.fields.parentId.placeholder')}
          error={form.error('parentId')}
          defaultValue={form.value('parentId') ?? unit.parentId ?? ''}
          options={parents.map((option) => ({
            value: option.id,
            label: option.active ? option.label : `${option.label} · ${t('status.inactive')}`,
          }))}
        />
        <Button isDisabled={busy}>{t('units.detail.edit.submit')}</Button>
      </Form>

      <RecordStatusSection active={unit.active} texts="units.detail.statusSection" blocked={unit.statusRefusal} busy={busy} />
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation('office-admin');
  return <OfficeErrorBoundary back={{ to: '/office/units', label: t('units.detail.back') }} />;
}
