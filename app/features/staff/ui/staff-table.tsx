// The list of staff accounts: sortable by its column headers with JavaScript, and by a "Sort by"
// form without it (both load the same URL, `?sort=…&dir=…`).
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { STAFF_SORT_DEFAULT_DIRECTION, type StaffSort } from '#app/features/staff/list-order.ts';
import { SORT_DIRECTIONS, type ListOrder } from '#app/platform/http/list-order.ts';
import { Button } from '#app/ui/button.tsx';
import { DataTable, type DataColumn } from '#app/ui/data-table.tsx';
import { useFormatDate } from '#app/ui/format.ts';
import { SelectField } from '#app/ui/select-field.tsx';
import type { StaffListRow } from '#app/features/staff/admin.server.ts';

/** An account's state in a word: active, locked after failed sign-ins, or deactivated. */
export function StaffStatus({ person }: { person: Pick<StaffListRow, 'active' | 'locked'> }) {
  const { t } = useTranslation('office-admin');
  return <>{person.active ? (person.locked ? t('staff.status.locked') : t('staff.status.active')) : t('staff.status.inactive')}</>;
}

interface StaffTableProps {
  staff: StaffListRow[];
  order: ListOrder<StaffSort>;
  /** The order as the URL asked for it (the form shows what was chosen, not the defaults). */
  params: { sort?: StaffSort; dir?: (typeof SORT_DIRECTIONS)[number] };
}

export function StaffTable({ staff, order, params }: StaffTableProps) {
  const { t } = useTranslation('office-admin');
  const formatDate = useFormatDate();
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
    { id: 'role', sort: 'role', label: t('staff.columns.role'), cell: (person) => o(`roles.${person.role}`) },
    { id: 'unit', sort: 'unit', label: t('staff.columns.unit'), cell: (person) => person.unitName ?? t('common.none') },
    {
      id: 'status',
      label: t('staff.columns.status'),
      cell: (person) => (
        <>
          <StaffStatus person={person} />
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
  );
}
