// Bulk triage on the queue: the rows ticked (Shift extends, "select all" takes the page) and the
// form that applies one action to them. Without JavaScript every action's fields are shown, each
// group under its action; with it, only the chosen action's. The server decides, case by case,
// and the result lists what was done and what was skipped, with why.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { STANDARD_DECLINE_REASONS } from '#app/features/cases/decline-reasons.ts';
import { Button } from '#app/ui/button.tsx';
import { SelectField } from '#app/ui/select-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useHydrated } from '#app/ui/use-hydrated.ts';
import type { BulkAction, BulkField, BulkResult } from '#app/features/cases/bulk-actions.ts';
import type { Option } from '#app/features/reference-data/office-options.server.ts';
import type { FormErrors } from '#app/ui/use-form-errors.ts';

export interface BulkOptions {
  actions: BulkAction[];
  units: Option[];
  handlers: (Option & { unitId: string | null })[];
  clusters: { id: string; title: string; size: number }[];
}

/** Which rows are ticked, in the page's order; Shift-click ticks the range since the last one. */
export function useRowSelection(ids: string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const set = (id: string, on: boolean, extend: boolean) => {
    const next = new Set(selected);
    const from = anchor ? ids.indexOf(anchor) : -1;
    const to = ids.indexOf(id);
    const range = extend && from !== -1 && to !== -1 ? ids.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    for (const each of range) {
      if (on) next.add(each);
      else next.delete(each);
    }
    setSelected(next);
    setAnchor(id);
  };
  const visible = ids.filter((id) => selected.has(id));
  return {
    isSelected: (id: string) => selected.has(id),
    set,
    toggle: (id: string) => set(id, !selected.has(id), false),
    count: visible.length,
    all: ids.length > 0 && visible.length === ids.length,
    some: visible.length > 0 && visible.length < ids.length,
    setAll: (on: boolean) => setSelected(on ? new Set(ids) : new Set()),
  };
}

interface BulkFormProps {
  options: BulkOptions;
  form: FormErrors<BulkField>;
  action: BulkAction | '';
  onAction: (action: BulkAction | '') => void;
  selectedCount: number;
  busy: boolean;
}

/** The fields each action needs, in the order they are shown. */
const ACTION_FIELDS: Record<BulkAction, BulkField[]> = {
  acceptAssign: ['unitId', 'assigneeId'],
  accept: [],
  assign: ['unitId', 'assigneeId'],
  decline: ['declineReason'],
  cluster: ['clusterId'],
  warning: ['level', 'reason'],
};

export function BulkActionForm({ options, form, action, onAction, selectedCount, busy }: BulkFormProps) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const { t: tw } = useTranslation('office-warning');
  const hydrated = useHydrated();
  const [unitId, setUnitId] = useState(form.value('unitId') ?? '');
  const shown = (field: BulkField) => !hydrated || (action !== '' && ACTION_FIELDS[action].includes(field));
  const handlers = unitId ? options.handlers.filter((h) => h.unitId === unitId) : options.handlers;
  const fields: Record<Exclude<BulkField, 'bulkAction' | 'cases'>, () => JSX.Element> = {
    unitId: () => (
      <div className="field" key="unitId">
        <label className="field__label" htmlFor="field-bulk-unitId">
          {t('bulk.unit')}
        </label>
        {form.error('unitId') ? (
          <p className="field__error" id="field-bulk-unitId-error">
            {form.error('unitId')}
          </p>
        ) : null}
        <select
          id="field-bulk-unitId"
          name="unitId"
          className="field__input field__select"
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          aria-invalid={form.error('unitId') ? true : undefined}
          aria-describedby={form.error('unitId') ? 'field-bulk-unitId-error' : undefined}
        >
          <option value="">{t('case.fields.chooseUnit')}</option>
          {options.units.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    ),
    assigneeId: () => (
      <SelectField
        key={`assigneeId-${unitId}`}
        id="field-bulk-assigneeId"
        name="assigneeId"
        label={t('bulk.assignee')}
        placeholder={t('case.fields.noAssignee')}
        error={form.error('assigneeId')}
        defaultValue={form.value('assigneeId')}
        options={handlers}
      />
    ),
    declineReason: () => (
      <SelectField
        key="declineReason"
        id="field-bulk-declineReason"
        name="declineReason"
        label={t('bulk.declineReason')}
        hint={t('bulk.declineReasonHint')}
        placeholder={t('bulk.chooseReason')}
        error={form.error('declineReason')}
        defaultValue={form.value('declineReason')}
        options={STANDARD_DECLINE_REASONS.map((r) => ({ value: r, label: tc(`declineReasons.${r}.label`) }))}
      />
    ),
    clusterId: () => (
      <SelectField
        key="clusterId"
        id="field-bulk-clusterId"
        name="clusterId"
        label={t('bulk.cluster')}
        placeholder={t('bulk.chooseCluster')}
        error={form.error('clusterId')}
        defaultValue={form.value('clusterId')}
        options={[
          { value: 'new', label: t('bulk.newCluster') },
          ...options.clusters.map((k) => ({
            value: k.id,
            label: t('bulk.clusterOption', { title: k.title || tw('cluster.untitled'), count: k.size }),
          })),
        ]}
      />
    ),
    level: () => (
      <SelectField
        key="level"
        id="field-bulk-level"
        name="level"
        label={t('bulk.level')}
        placeholder={t('bulk.chooseLevel')}
        error={form.error('level')}
        defaultValue={form.value('level')}
        options={WARNING_LEVELS.map((w) => ({ value: w, label: t(`warning.${w}`) }))}
      />
    ),
    reason: () => (
      <TextField
        key="reason"
        id="field-bulk-reason"
        name="reason"
        label={t('bulk.reason')}
        hint={t('bulk.reasonHint')}
        error={form.error('reason')}
        defaultValue={form.value('reason')}
      />
    ),
  };

  return (
    <section className={`bulk${hydrated ? ' bulk--scripted' : ''}${selectedCount > 0 ? ' bulk--active' : ''}`} aria-labelledby="bulk-title">
      <h2 id="bulk-title" className="bulk__title">
        {hydrated ? t('bulk.titleCount', { count: selectedCount }) : t('bulk.title')}
      </h2>
      {form.error('cases') ? <p className="field__error">{form.error('cases')}</p> : null}
      <div className="bulk__row">
        <div className="field">
          <label className="field__label" htmlFor="field-bulkAction">
            {t('bulk.action')}
          </label>
          {form.error('bulkAction') ? (
            <p className="field__error" id="field-bulkAction-error">
              {form.error('bulkAction')}
            </p>
          ) : null}
          <select
            id="field-bulkAction"
            name="bulkAction"
            className="field__input field__select"
            value={action}
            onChange={(event) => onAction(event.target.value as BulkAction | '')}
            aria-invalid={form.error('bulkAction') ? true : undefined}
            aria-describedby={form.error('bulkAction') ? 'field-bulkAction-error' : undefined}
          >
            <option value="">{t('bulk.chooseAction')}</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {t(`bulk.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        {hydrated ? (
          (['unitId', 'assigneeId', 'declineReason', 'clusterId', 'level', 'reason'] as const).filter(shown).map((f) => fields[f]())
        ) : (
          // Without scripts the fields cannot follow the choice: each action's fields under its name.
          <div className="bulk__groups">
            {(['assign', 'decline', 'cluster', 'warning'] as const)
              .filter((a) => options.actions.includes(a))
              .map((a) => (
                <fieldset key={a} className="bulk__group">
                  <legend>{t(`bulk.fieldsFor.${a}`)}</legend>
                  {ACTION_FIELDS[a].map((f) => fields[f as Exclude<BulkField, 'bulkAction' | 'cases'>]())}
                </fieldset>
              ))}
          </div>
        )}
        <div className="bulk__submit">
          <Button isDisabled={busy || (hydrated && selectedCount === 0)} name="intent" value="bulk">
            {t('bulk.apply')}
          </Button>
        </div>
      </div>
    </section>
  );
}

/** What the last bulk action did, case by case. */
export function BulkResultNotice({ result }: { result: BulkResult }) {
  const { t } = useTranslation('office');
  return (
    <div className="notice" role="status" data-testid="bulk-result">
      <p>{t('bulk.result', { action: t(`bulk.actions.${result.action}`), done: result.done.length, skipped: result.skipped.length })}</p>
      {result.skipped.length > 0 ? (
        <ul>
          {result.skipped.map((s, i) => (
            <li key={`${s.receiptNo ?? 'hidden'}-${i}`}>
              {s.receiptNo ? t(`bulk.skipped.${s.reason}`, { receiptNo: s.receiptNo }) : t('bulk.skipped.notFound')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
