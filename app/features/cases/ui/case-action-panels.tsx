// The case page's actions, one panel each: what a staff member may do to the case now (the role
// and the lifecycle decide, in case-page.server.ts). The shared frame is case-action-frame.tsx; the
// actions whose forms are only text fields are described by TEXT_FORMS and drawn by one panel.
import { useTranslation } from 'react-i18next';
import { STATUTORY_LIMITS } from '#app/features/cases/deadlines.ts';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { ActionForm, ActionPanel, useActionField } from './case-action-frame.tsx';
import type { CaseActionField } from '#app/features/cases/action-fields.ts';
import type { CaseAction } from '#app/features/cases/lifecycle.ts';
import type { Option } from '#app/features/reference-data/office-options.server.ts';

interface Template {
  id: string;
  title: string;
  body: string;
}

export interface CaseActionsProps {
  actions: CaseAction[];
  /** The case's unit, the assignment's starting choice. */
  unitId: string | null;
  options: { units: Option[]; handlers: Option[] } | null;
  templates: Template[];
}

export function CaseActions({ actions, unitId, options, templates }: CaseActionsProps) {
  const { t } = useTranslation('office');
  const has = (action: CaseAction) => actions.includes(action);
  return (
    <>
      <h2>{t('case.actions')}</h2>
      {actions.length === 0 ? <p>{t('case.noActions')}</p> : null}
      {has('accept') ? <AcceptPanel /> : null}
      {has('startWork') ? <ActionForm intent="startWork" /> : null}
      {has('decline') ? <TextPanel intent="decline" /> : null}
      {has('forward') ? <TextPanel intent="forward" /> : null}
      {has('assign') && options ? <AssignPanel options={options} unitId={unitId} /> : null}
      {has('extend') ? <TextPanel intent="extend" /> : null}
      {has('reply') ? <ReplyPanel templates={templates} /> : null}
      {has('issueReview') ? <TextPanel intent="issueReview" /> : null}
      {has('issueReReview') ? <TextPanel intent="issueReReview" /> : null}
      {has('merge') ? <TextPanel intent="merge" /> : null}
      {has('close') ? <TextPanel intent="close" /> : null}
      {has('note') ? <TextPanel intent="note" /> : null}
    </>
  );
}

function AcceptPanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="accept">
      <p>{t('case.acceptHint', { days: STATUTORY_LIMITS.replyDays })}</p>
    </ActionPanel>
  );
}

/** A unit and, if chosen, one of its handlers: a handler of another unit is refused on that field. */
function AssignPanel({ options, unitId }: { options: NonNullable<CaseActionsProps['options']>; unitId: string | null }) {
  const { t } = useTranslation('office');
  const unit = useActionField('assign', 'unitId');
  return (
    <ActionPanel intent="assign">
      <ComboBoxField
        {...unit}
        label={t('queue.unit')}
        placeholder={t('case.fields.chooseUnit')}
        options={options.units}
        defaultValue={unit.defaultValue ?? unitId ?? undefined}
        noMatches={t('combobox.noMatches')}
      />
      <ComboBoxField
        {...useActionField('assign', 'assigneeId')}
        label={t('queue.assignee')}
        placeholder={t('case.fields.noAssignee')}
        options={options.handlers}
        noMatches={t('combobox.noMatches')}
      />
    </ActionPanel>
  );
}

/** The reply starts from the first template of the case's kind; the others are shown above it. */
function ReplyPanel({ templates }: { templates: Template[] }) {
  const { t } = useTranslation('office');
  const message = useActionField('reply', 'message');
  const shown =
    templates.length > 0 ? (
      <details>
        <summary>{t('case.templates')}</summary>
        {templates.map((tpl) => (
          <div key={tpl.id}>
            <h4>{tpl.title}</h4>
            <p className="case-body">{tpl.body}</p>
          </div>
        ))}
      </details>
    ) : null;
  return (
    <ActionPanel intent="reply" before={shown}>
      <TextField
        {...message}
        label={t('case.fields.reply')}
        hint={t('case.fields.citizenSees')}
        multiline={{ maxLength: 20_000, rows: 8 }}
        defaultValue={message.defaultValue ?? templates[0]?.body}
      />
    </ActionPanel>
  );
}

interface TextSpec {
  name: CaseActionField;
  /** Keys in office.json. */
  label: string;
  hint?: string;
  hintValues?: Record<string, number>;
  /** A text area and its limit; without, a one-line field. */
  multiline?: { maxLength: number; rows: number };
  numeric?: true;
}

const CITIZEN_SEES = 'case.fields.citizenSees';
const opinion = (label: string): TextSpec[] => [{ name: 'message', label, hint: CITIZEN_SEES, multiline: { maxLength: 20_000, rows: 8 } }];

/** The actions whose forms are text fields only, and their fields in order. */
const TEXT_FORMS = {
  // Declining says why and where the citizen can go instead (art. 21): both reach the citizen.
  decline: [
    { name: 'reason', label: 'case.fields.declineReason', multiline: { maxLength: 2000, rows: 4 } },
    { name: 'referral', label: 'case.fields.referral', hint: 'case.fields.referralHint', multiline: { maxLength: 1000, rows: 3 } },
  ],
  forward: [
    { name: 'agency', label: 'case.fields.agency' },
    { name: 'message', label: 'case.fields.forwardMessage', multiline: { maxLength: 2000, rows: 3 } },
  ],
  extend: [
    {
      name: 'days',
      label: 'case.fields.extensionDays',
      hint: 'case.fields.extensionHint',
      hintValues: { max: STATUTORY_LIMITS.maxExtensionDays },
      numeric: true,
    },
    { name: 'reason', label: 'case.fields.extensionReason', hint: CITIZEN_SEES, multiline: { maxLength: 2000, rows: 3 } },
  ],
  // The review (art. 35) and re-review (art. 36) opinions, in writing, for the citizen.
  issueReview: opinion('case.fields.reviewOpinion'),
  issueReReview: opinion('case.fields.reReviewOpinion'),
  merge: [{ name: 'intoReceiptNo', label: 'case.fields.mergeInto' }],
  close: [{ name: 'message', label: 'case.fields.closeMessage', multiline: { maxLength: 2000, rows: 3 } }],
  // A note for colleagues: never shown to the citizen.
  note: [{ name: 'message', label: 'case.fields.note', hint: 'case.fields.internalOnly', multiline: { maxLength: 5000, rows: 4 } }],
} satisfies Partial<Record<CaseAction, TextSpec[]>>;

function TextPanel({ intent }: { intent: keyof typeof TEXT_FORMS }) {
  return (
    <ActionPanel intent={intent}>
      {TEXT_FORMS[intent].map((spec: TextSpec) => (
        <ActionText key={spec.name} intent={intent} spec={spec} />
      ))}
    </ActionPanel>
  );
}

function ActionText({ intent, spec }: { intent: CaseAction; spec: TextSpec }) {
  const { t } = useTranslation('office');
  return (
    <TextField
      {...useActionField(intent, spec.name)}
      label={t(spec.label)}
      hint={spec.hint ? t(spec.hint, spec.hintValues) : undefined}
      multiline={spec.multiline}
      {...(spec.numeric ? { inputMode: 'numeric', width: 'short' } : {})}
    />
  );
}
