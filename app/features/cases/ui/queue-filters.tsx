// The queue's filters folded into one bar: the search, the order, and the other filters behind
// "More filters". It is a GET form, so a filtered queue is a link that can be kept and shared. The
// filters in force show as chips, each a link to the same queue without it. The handler filter
// lists the handlers of the chosen unit only (of the page's unit without JavaScript, as sent).
import { Form, Link } from '@remix-run/react';
import { useState } from 'react';
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

type HandlerOption = Option & { unitId: string | null };

interface QueueFilterBarProps {
  view: SavedView | null;
  filters: QueueFilters;
  options: { categories: Option[]; units: Option[]; handlers: HandlerOption[] };
  /** Whether to offer the unit filter (a handler's queue is their own unit's). */
  unitFilter: boolean;
  /** The current query string, for the chips' links. */
  search: string;
}

/** The filters folded away: each a select whose empty choice is "any", or a day. */
const FOLDED = [
  'status',
  'kind',
  'categoryId',
  'unitId',
  'assigneeId',
  'warningLevel',
  'channel',
  'due',
  'receivedFrom',
  'receivedTo',
] as const;
type Folded = (typeof FOLDED)[number];

function useChoices(options: QueueFilterBarProps['options'], unitId: string | undefined) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const labelled = <T extends string>(values: readonly T[], label: (value: T) => string): Option[] =>
    values.map((value) => ({ value, label: label(value) }));
  const handlers = unitId ? options.handlers.filter((h) => h.unitId === unitId) : options.handlers;
  return {
    status: labelled(CASE_STATUSES, (s) => tc(`status.${s}.title`)),
    kind: labelled(CASE_KINDS, (k) => tc(`kinds.${k}.label`)),
    categoryId: options.categories,
    unitId: options.units,
    assigneeId: handlers,
    warningLevel: labelled(WARNING_LEVELS, (w) => t(`warning.${w}`)),
    channel: labelled(CHANNELS, (c) => t(`channels.${c}`)),
    due: [
      { value: 'soon', label: t('queue.dueSoon') },
      { value: 'overdue', label: t('queue.overdue') },
    ],
  } satisfies Record<Exclude<Folded, 'receivedFrom' | 'receivedTo'>, Option[]>;
}

const LABEL_KEY: Record<Folded, string> = {
  status: 'queue.status',
  kind: 'queue.kind',
  categoryId: 'queue.category',
  unitId: 'queue.unit',
  assigneeId: 'queue.assignee',
  warningLevel: 'queue.warningLevel',
  channel: 'queue.channel',
  due: 'queue.due',
  receivedFrom: 'queue.receivedFrom',
  receivedTo: 'queue.receivedTo',
};

export function QueueFilterBar({ view, filters, options, unitFilter, search }: QueueFilterBarProps) {
  const { t } = useTranslation('office');
  const [unitId, setUnitId] = useState(filters.unitId);
  const choices = useChoices(options, unitId);
  const folded = FOLDED.filter((name) => name !== 'unitId' || unitFilter);
  const active = folded.filter((name) => filters[name]);

  return (
    <>
      <Form method="get" className="filter-bar" aria-label={t('queue.filters')}>
        {view ? <input type="hidden" name="view" value={view} /> : null}
        <TextField
          name="q"
          label={t('queue.search')}
          hint={t('queue.searchHint')}
          defaultValue={filters.q}
          className="filter-bar__search"
        />
        {/* Without JavaScript the order is chosen here; with it, also by the column headers. */}
        <SelectField
          name="sort"
          label={t('queue.sortBy')}
          placeholder={filters.q ? t('queue.sortRelevance') : t('queue.sortDefault')}
          defaultValue={filters.sort === 'due' && !filters.q ? undefined : filters.sort === 'relevance' ? undefined : filters.sort}
          options={[
            ...(filters.q ? [{ value: 'due', label: t('queue.sorts.due') }] : []),
            { value: 'received', label: t('queue.sorts.received') },
            { value: 'warning', label: t('queue.sorts.warning') },
          ]}
        />
        <SelectField
          name="dir"
          label={t('sorting.direction')}
          placeholder={t('sorting.directionDefault')}
          defaultValue={filters.dir}
          options={SORT_DIRECTIONS.map((d) => ({ value: d, label: t(`sorting.${d}`) }))}
        />
        <div className="filter-bar__actions">
          <Button>{t('queue.apply')}</Button>
        </div>
        <details className="filter-bar__more">
          <summary>{active.length > 0 ? t('queue.moreFiltersActive', { count: active.length }) : t('queue.moreFilters')}</summary>
          <div className="filter-bar__fields">
            {folded.map((name) =>
              name === 'receivedFrom' || name === 'receivedTo' ? (
                <TextField key={name} name={name} label={t(LABEL_KEY[name])} hint="YYYY-MM-DD" defaultValue={filters[name]} width="short" />
              ) : name === 'unitId' ? (
                <UnitSelect
                  key={name}
                  label={t(LABEL_KEY[name])}
                  placeholder={t('queue.any')}
                  options={choices.unitId}
                  value={unitId}
                  onChange={setUnitId}
                />
              ) : (
                <SelectField
                  key={name === 'assigneeId' ? `assignee-${unitId ?? ''}` : name}
                  name={name}
                  label={t(LABEL_KEY[name])}
                  placeholder={name === 'status' ? t('queue.openCases') : t('queue.any')}
                  defaultValue={filters[name]}
                  options={choices[name]}
                />
              ),
            )}
          </div>
        </details>
      </Form>
      <FilterChips filters={filters} active={active} choices={choices} search={search} />
    </>
  );
}

/** The unit select: choosing a unit narrows the handler list to its handlers at once. */
function UnitSelect(props: {
  label: string;
  placeholder: string;
  options: Option[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor="field-unitId">
        {props.label}
      </label>
      <select
        id="field-unitId"
        name="unitId"
        className="field__input field__select"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.target.value || undefined)}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Each filter in force as a chip that removes it; "Clear all" removes them all. */
function FilterChips(props: { filters: QueueFilters; active: Folded[]; choices: ReturnType<typeof useChoices>; search: string }) {
  const { t } = useTranslation('office');
  const chips: { name: string; label: string; value: string }[] = props.active.map((name) => {
    const value = props.filters[name] ?? '';
    const shown =
      name === 'receivedFrom' || name === 'receivedTo' ? value : (props.choices[name].find((o) => o.value === value)?.label ?? value);
    return { name, label: t(LABEL_KEY[name]), value: shown };
  });
  if (props.filters.q) chips.unshift({ name: 'q', label: t('queue.searchChip'), value: props.filters.q });
  if (chips.length === 0) return null;
  const without = (name: string) => {
    const params = new URLSearchParams(props.search);
    params.delete(name);
    params.delete('after');
    if (name === 'q' && params.get('sort') === 'relevance') params.delete('sort');
    const query = params.toString();
    return query ? `/office?${query}` : '/office';
  };
  return (
    <ul className="chips" aria-label={t('queue.activeFilters')}>
      {chips.map((chip) => (
        <li key={chip.name}>
          <Link to={without(chip.name)} className="chip" aria-label={t('queue.removeFilter', { filter: chip.label, value: chip.value })}>
            <span className="chip__label">{t('queue.chipLabel', { label: chip.label })}</span> {chip.value}
            <span className="chip__remove" aria-hidden="true">
              ×
            </span>
          </Link>
        </li>
      ))}
      <li>
        <Link to="/office" className="chips__clear">
          {t('queue.clear')}
        </Link>
      </li>
    </ul>
  );
}
