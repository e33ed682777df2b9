// The queue's filter form: a GET form, so a filtered queue is a link that can be kept and shared.
// Without JavaScript the order is chosen here too (with it, also by the column headers).
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import { CASE_STATUSES } from '#app/features/cases/lifecycle.ts';
import { SORT_DIRECTIONS } from '#app/platform/http/list-order.ts';
import { Button } from '#app/ui/button.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import type { SavedView } from '#app/features/cases/queue-order.ts';
import type { QueueFilters } from '#app/features/cases/queue.server.ts';
import type { Option } from '#app/features/reference-data/office-options.server.ts';

interface QueueFilterFormProps {
  view: SavedView | null;
  filters: QueueFilters;
  options: { categories: Option[]; units: Option[]; handlers: Option[] };
  /** Whether to offer the unit filter (a handler's queue is their own unit's). */
  unitFilter: boolean;
}

type Choice = { name: keyof QueueFilters; label: string; options: Option[]; placeholder?: string };

export function QueueFilterForm({ view, filters, options, unitFilter }: QueueFilterFormProps) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const labelled = <T extends string>(values: readonly T[], label: (value: T) => string): Option[] =>
    values.map((value) => ({ value, label: label(value) }));
  // The filters in the order of the form, each a select whose empty choice is "any".
  const choices: Choice[] = [
    {
      name: 'status',
      label: t('queue.status'),
      placeholder: t('queue.openCases'),
      options: labelled(CASE_STATUSES, (s) => tc(`status.${s}.title`)),
    },
    { name: 'kind', label: t('queue.kind'), options: labelled(CASE_KINDS, (k) => tc(`kinds.${k}.label`)) },
    { name: 'categoryId', label: t('queue.category'), options: options.categories },
    ...(unitFilter ? [{ name: 'unitId', label: t('queue.unit'), options: options.units } as const] : []),
    { name: 'assigneeId', label: t('queue.assignee'), options: options.handlers },
    { name: 'warningLevel', label: t('queue.warningLevel'), options: labelled(WARNING_LEVELS, (w) => t(`warning.${w}`)) },
    { name: 'channel', label: t('queue.channel'), options: labelled(CHANNELS, (c) => t(`channels.${c}`)) },
    {
      name: 'due',
      label: t('queue.due'),
      options: [
        { value: 'soon', label: t('queue.dueSoon') },
        { value: 'overdue', label: t('queue.overdue') },
      ],
    },
  ];

  return (
    <Form method="get" className="filters" aria-label={t('queue.filters')}>
      {view ? <input type="hidden" name="view" value={view} /> : null}
      <TextField name="q" label={t('queue.search')} hint={t('queue.searchHint')} defaultValue={filters.q} className="filters__search" />
      {choices.map((choice) => (
        <SelectField
          key={choice.name}
          name={choice.name}
          label={choice.label}
          placeholder={choice.placeholder ?? t('queue.any')}
          defaultValue={filters[choice.name]}
          options={choice.options}
        />
      ))}
      <TextField name="receivedFrom" label={t('queue.receivedFrom')} hint="YYYY-MM-DD" defaultValue={filters.receivedFrom} />
      <TextField name="receivedTo" label={t('queue.receivedTo')} hint="YYYY-MM-DD" defaultValue={filters.receivedTo} />
      {/* Without JavaScript the order is chosen here; with it, also by the column headers. */}
      <SelectField
        name="sort"
        label={t('queue.sortBy')}
        placeholder={t('queue.sortDefault')}
        defaultValue={filters.sort === 'due' ? undefined : filters.sort}
        options={[
          { value: 'received', label: t('queue.sorts.received') },
          { value: 'warning', label: t('queue.sorts.warning') },
        ]}
      />
      <SelectField
        name="dir"
        label={t('sorting.direction')}
        placeholder={t('sorting.directionDefault')}
        defaultValue={filters.dir}
        options={labelled(SORT_DIRECTIONS, (d) => t(`sorting.${d}`))}
      />
      <div className="filters__actions">
        <Button>{t('queue.apply')}</Button>
        <Link to="/office">{t('queue.clear')}</Link>
      </div>
    </Form>
  );
}
