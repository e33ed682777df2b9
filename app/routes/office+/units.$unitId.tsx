// /office/units/:unitId: one unit. Rename it, move it in the tree, deactivate or reactivate it.
// Admins only; the rules (no cycles, nothing routed to a closed unit) and the audit entries live
// in app/features/reference-data/units.server.ts.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { idParam } from '#app/features/reference-data/admin-forms.server.ts';
import { LocalizedNameFields } from '#app/features/reference-data/ui/localized-name-fields.tsx';
import {
  UnitAdminError,
  UnitIntent,
  deactivateUnit,
  reactivateUnit,
  unitDetail,
  unitOptions,
  updateUnitFromForm,
  type UnitEditField,
  type UnitValues,
} from '#app/features/reference-data/units.server.ts';
import { NO_STORE_HEADERS } from '#app/features/staff/admin.server.ts';
import { canManageReferenceData } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { Button } from '#app/ui/button.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { OfficeErrorBoundary } from '#app/ui/office-error-boundary.tsx';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

const DONE = ['created', 'updated', 'unchanged', 'deactivated', 'alreadyInactive', 'reactivated', 'alreadyActive'] as const;
type Done = (typeof DONE)[number];

const notFound = () => new Response('Not Found', { status: 404 });

function unitIdFrom(params: LoaderFunctionArgs['params']): string {
  const id = idParam(params.unitId);
  if (!id) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageReferenceData);
  const unitId = unitIdFrom(params);
  const { locale, t } = await translatorFor(request);
  const unit = await unitDetail(unitId, locale);
  if (!unit) throw notFound();
  const parents = await unitOptions(locale, { keep: unit.parentId, excludeSubtreeOf: unit.id });
  const done = z
    .enum(DONE)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('done') ?? undefined);
  return data(
    { title: t('office-admin:units.detail.title', { name: unit.name }), unit, parents, done: done ?? null },
    { headers: NO_STORE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageReferenceData);
  const unitId = unitIdFrom(params);
  const form = await request.formData();
  const intent = UnitIntent.safeParse(form.get('intent'));
  if (!intent.success) throw new Response('Bad Request', { status: 400 });
  const ctx = { ipAddress: context.clientIp };
  const back = (done: Done) => redirect(`/office/units/${unitId}?done=${done}`, { status: 303, headers: NO_STORE_HEADERS });
  try {
    switch (intent.data) {
      case 'update': {
        const outcome = await updateUnitFromForm(form, actor, unitId, ctx);
        if (!outcome.ok)
          return data({ errors: outcome.errors, values: outcome.values, refused: null }, { status: 400, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'updated' : 'unchanged');
      }
      case 'deactivate': {
        const outcome = await deactivateUnit(actor, unitId, ctx);
        if (!outcome.ok) return data({ errors: {}, values: {}, refused: outcome.reason }, { status: 409, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'deactivated' : 'alreadyInactive');
      }
      case 'reactivate': {
        const outcome = await reactivateUnit(actor, unitId, ctx);
        if (!outcome.ok) return data({ errors: {}, values: {}, refused: outcome.reason }, { status: 409, headers: NO_STORE_HEADERS });
        return back(outcome.changed ? 'reactivated' : 'alreadyActive');
      }
    }
  } catch (error) {
    if (error instanceof UnitAdminError && error.code === 'notFound') throw notFound();
    throw error;
  }
}

const EDIT_FIELDS: readonly UnitEditField[] = ['nameZhHans', 'nameZhHant', 'nameEn', 'parentId'];

export default function UnitPage() {
  const { unit, parents, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const number = new Intl.NumberFormat(i18n.language);
  const errors: Partial<Record<UnitEditField, string>> = actionData?.errors ?? {};
  const values: UnitValues = actionData?.values ?? {};
  const error = (field: UnitEditField) => {
    const code = errors[field];
    if (!code) return undefined;
    return field === 'parentId' ? t(`units.errors.parentId.${code}`) : t(`referenceData.errors.${field}.${code}`);
  };
  const summary = [
    ...(actionData?.refused ? [{ message: t(`units.detail.refused.${actionData.refused}`) }] : []),
    ...EDIT_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' })),
  ];
  const busy = navigation.state === 'submitting';
  const current = (field: 'nameZhHans' | 'nameZhHant' | 'nameEn') => values[field] ?? unit[field];
  const blocked = unit.active
    ? unit.activeChildren > 0
      ? 'hasActiveChildren'
      : unit.activeCategories > 0
        ? 'usedByCategories'
        : null
    : unit.parent && !unit.parent.active
      ? 'parentInactive'
      : null;

  return (
    <>
      <p>
        <Link to="/office/units">{t('units.detail.back')}</Link>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{t('units.detail.title', { name: unit.name })}</h1>
      <div role="status">
        {done ? <p className="notice notice--success">{t(`units.detail.done.${done}`, { name: unit.name })}</p> : null}
      </div>

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
        <LocalizedNameFields
          errors={{ nameZhHans: error('nameZhHans'), nameZhHant: error('nameZhHant'), nameEn: error('nameEn') }}
          values={{ nameZhHans: current('nameZhHans'), nameZhHant: current('nameZhHant'), nameEn: current('nameEn') }}
        />
        <SelectField
          name="parentId"
          label={t('units.fields.parentId.label')}
          hint={t('units.fields.parentId.editHint')}
          placeholder={t('units.fields.parentId.placeholder')}
          error={error('parentId')}
          defaultValue={values.parentId ?? unit.parentId ?? ''}
          options={parents.map((option) => ({
            value: option.id,
            label: option.active ? option.label : `${option.label} · ${t('status.inactive')}`,
          }))}
        />
        <Button isDisabled={busy}>{t('units.detail.edit.submit')}</Button>
      </Form>

      <h2>{t('units.detail.statusSection.title')}</h2>
      {blocked ? (
        // The server would refuse: say why, and offer nothing to press.
        <p>{t(`units.detail.statusSection.blocked.${blocked}`)}</p>
      ) : unit.active ? (
        <>
          <p>{t('units.detail.statusSection.activeBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="deactivate" />
            <Button variant="secondary" className="button--warning" isDisabled={busy}>
              {t('units.detail.statusSection.deactivate')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <p>{t('units.detail.statusSection.inactiveBody')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="reactivate" />
            <Button variant="secondary" isDisabled={busy}>
              {t('units.detail.statusSection.reactivate')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation('office-admin');
  return <OfficeErrorBoundary back={{ to: '/office/units', label: t('units.detail.back') }} />;
}
