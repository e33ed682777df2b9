// /office/staff: every staff account, and the form that creates one. Admins only. A new account's
// one-time password is shown once, in the response to the POST that created it, never in a URL.
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  NO_STORE_HEADERS,
  createStaffFromForm,
  listActiveUnits,
  listStaff,
  type CreateStaffField,
  type StaffListRow,
  type CreateStaffValues,
  type FieldErrors,
} from '#app/features/staff/admin.server.ts';
import {
  DEFAULT_STAFF_SORT,
  STAFF_SORTS,
  STAFF_SORT_DEFAULT_DIRECTION,
  sortStaffRows,
  type StaffSort,
} from '#app/features/staff/list-order.ts';
import { STAFF_ROLES, canManageStaff } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { SORT_DIRECTIONS, resolveOrder } from '#app/platform/http/list-order.ts';
import { Button } from '#app/ui/button.tsx';
import { RadioGroup } from '#app/ui/choice-fields.tsx';
import { DataTable, type DataColumn } from '#app/ui/data-table.tsx';
import { ErrorSummary } from '#app/ui/error-summary.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { officeLinks } from '#app/ui/office-styles.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';

export const links = officeLinks;

export const headers: HeadersFunction = () => NO_STORE_HEADERS;

/** The list's order, from the URL (`?sort=…&dir=…`); anything malformed means the default. */
const StaffOrderParams = z.object({
  sort: z.enum(STAFF_SORTS).optional().catch(undefined),
  dir: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffAllowed(request, canManageStaff);
  const { locale, t } = await translatorFor(request);
  const params = StaffOrderParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const order = resolveOrder(params.sort, params.dir, DEFAULT_STAFF_SORT, STAFF_SORT_DEFAULT_DIRECTION);
  const [staff, units] = await Promise.all([listStaff(locale), listActiveUnits(locale)]);
  // A short list: sorted here, by the names as the reader sees them.
  const sorted = sortStaffRows(staff, order, locale, (role) => t(`office:roles.${role}`));
  return data({ title: t('office-admin:staff.list.title'), staff: sorted, units, order, params }, { headers: NO_STORE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => (loaderData ? [{ title: loaderData.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffAllowed(request, canManageStaff);
  const outcome = await createStaffFromForm(await request.formData(), actor, { ipAddress: context.clientIp });
  if (!outcome.ok) {
    return data({ created: null, errors: outcome.errors, values: outcome.values }, { status: 400, headers: NO_STORE_HEADERS });
  }
  return data({ created: outcome.created, errors: {}, values: {} }, { headers: NO_STORE_HEADERS });
}

const CREATE_FIELDS: readonly CreateStaffField[] = ['email', 'name', 'role', 'unitId'];

export default function StaffListPage() {
  const { staff, units, order, params } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('office-admin');
  const formatDate = useFormatDate();
  const created = actionData?.created ?? null;
  const errors: FieldErrors<CreateStaffField> = actionData?.errors ?? {};
  const values: CreateStaffValues = actionData?.values ?? {};
  const error = (field: CreateStaffField) => {
    const code = errors[field];
    return code ? t(`staff.create.errors.${field}.${code}`) : undefined;
  };
  const summary = CREATE_FIELDS.filter((field) => errors[field]).map((field) => ({ field, message: error(field) ?? '' }));
  const submitting = navigation.state === 'submitting';
  const roleName = (role: string) => t(`roles.${role}`, { ns: 'office' });
  const o = (key: string, options?: Record<string, string>) => t(key, { ns: 'office', ...options });
  const columns: DataColumn<StaffListRow, StaffSort>[] = [
    {
      id: 'name',
      sort: 'name',
      label: t('staff.columns.name'),
      isRowHeader: true,
      cell: (person) => <Link to={`/office/staff/${person.id}`}>{person.name}</Link>,
    },
    { id: 'email', label: t('staff.columns.email'), cell: (person) => person.email },
    { id: 'role', sort: 'role', label: t('staff.columns.role'), cell: (person) => roleName(person.role) },
    { id: 'unit', sort: 'unit', label: t('staff.columns.unit'), cell: (person) => person.unitName ?? t('common.none') },
    {
      id: 'status',
      label: t('staff.columns.status'),
      cell: (person) => (
        <>
          {person.active ? (person.locked ? t('staff.status.locked') : t('staff.status.active')) : t('staff.status.inactive')}
          {person.active && person.mustChangePassword ? (
            <>
              <br />
              {t('staff.status.mustChangePassword')}
            </>
          ) : null}
        </>
      ),
    },
    {
      id: 'twoFactor',
      label: t('staff.columns.twoFactor'),
      cell: (person) => (person.totpEnabled ? t('staff.twoFactor.on') : t('staff.twoFactor.off')),
    },
    {
      id: 'lastSignIn',
      sort: 'lastSignIn',
      label: t('staff.columns.lastSignIn'),
      cell: (person) => (person.lastSignInAt ? formatDate(person.lastSignInAt, true) : t('staff.list.neverSignedIn')),
    },
  ];

  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('staff.list.title')}</h1>
      {created ? <CreatedNotice created={created} roleName={roleName(created.role)} /> : null}
      <p>{t('staff.list.lead')}</p>
      <p>
        <a href="#create-account">{t('staff.list.createLink')}</a>
      </p>

      <h2 id="staff-table-title">{t('staff.list.tableTitle')}</h2>
      {staff.length === 0 ? (
        <p>{t('staff.list.empty')}</p>
      ) : (
        <>
          {/* Without JavaScript the order is chosen here; with it, also by the column headers. */}
          <Form method="get" className="filters filters--compact" aria-label={o('staffList.sortForm')}>
            <SelectField
              name="sort"
              label={o('staffList.sortBy')}
              placeholder={o('staffList.sortDefault')}
              defaultValue={params.sort === 'name' ? undefined : params.sort}
              options={(['role', 'unit', 'lastSignIn'] as const).map((sort) => ({ value: sort, label: o(`staffList.sorts.${sort}`) }))}
            />
            <SelectField
              name="dir"
              label={o('sorting.direction')}
              placeholder={o('sorting.directionDefault')}
              defaultValue={params.dir}
              options={SORT_DIRECTIONS.map((dir) => ({ value: dir, label: o(`sorting.${dir}`) }))}
            />
            <div className="filters__actions">
              <Button variant="secondary">{o('sorting.apply')}</Button>
            </div>
          </Form>
          <DataTable
            label={o('staffList.caption', { order: o(`staffList.order.${order.sort}.${order.dir}`) })}
            columns={columns}
            items={staff}
            itemId={(person) => person.id}
            order={order}
            sortDefaults={STAFF_SORT_DEFAULT_DIRECTION}
          />
        </>
      )}

      <h2 id="create-account" tabIndex={-1}>
        {t('staff.create.title')}
      </h2>
      <p>{t('staff.create.lead')}</p>
      {/* A new key after each account created empties the form for the next one. */}
      <Form method="post" noValidate className="form" key={created?.id ?? 'new'}>
        <TextField
          name="email"
          type="email"
          label={t('staff.create.fields.email.label')}
          hint={t('staff.create.fields.email.hint')}
          error={error('email')}
          defaultValue={values.email}
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="name"
          label={t('staff.create.fields.name.label')}
          error={error('name')}
          defaultValue={values.name}
          autoComplete="off"
          width="medium"
        />
        <RadioGroup
          name="role"
          label={t('staff.create.fields.role.label')}
          error={error('role')}
          defaultValue={values.role}
          options={STAFF_ROLES.map((role) => ({ value: role, label: roleName(role), hint: t(`roleHints.${role}`) }))}
        />
        <SelectField
          name="unitId"
          label={t('staff.create.fields.unitId.label')}
          hint={t('staff.create.fields.unitId.hint')}
          placeholder={t('staff.create.fields.unitId.placeholder')}
          error={error('unitId')}
          defaultValue={values.unitId}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <Button isDisabled={submitting}>{submitting ? t('staff.create.submitting') : t('staff.create.submit')}</Button>
      </Form>
    </>
  );
}

interface CreatedNoticeProps {
  created: { id: string; name: string; email: string; oneTimePassword: string };
  roleName: string;
}

/** The one-time password, once. Focused when it appears so nobody misses it. */
function CreatedNotice({ created, roleName }: CreatedNoticeProps) {
  const { t } = useTranslation('office-admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [created.id]);
  return (
    <div className="notice notice--success" tabIndex={-1} ref={ref} aria-labelledby="created-title">
      <h2 id="created-title">{t('staff.create.created.title')}</h2>
      <p>{t('staff.create.created.body', { name: created.name, email: created.email, role: roleName })}</p>
      <p>
        {t('staff.create.created.passwordLabel')}
        <br />
        <span className="secret" data-testid="one-time-password">
          {created.oneTimePassword}
        </span>
      </p>
      <p className="warning-text">{t('staff.create.created.warning')}</p>
      <p>{t('staff.create.created.firstSignIn')}</p>
      <p>
        <Link to={`/office/staff/${created.id}`}>{t('staff.create.created.view', { name: created.name })}</Link>
      </p>
    </div>
  );
}

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';
