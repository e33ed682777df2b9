// The case page's actions, one panel each: what a staff member may do to the case now (the role
// and the lifecycle decide, in case-page.server.ts). The shared frame is case-action-frame.tsx.
import { useTranslation } from 'react-i18next';
import { STATUTORY_LIMITS } from '#app/features/cases/deadlines.ts';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { ActionForm, ActionPanel, useActionField } from './case-action-frame.tsx';
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
      {has('decline') ? <DeclinePanel /> : null}
      {has('forward') ? <ForwardPanel /> : null}
      {has('assign') && options ? <AssignPanel options={options} unitId={unitId} /> : null}
      {has('extend') ? <ExtendPanel /> : null}
      {has('reply') ? <ReplyPanel templates={templates} /> : null}
      {has('issueReview') ? <OpinionPanel intent="issueReview" /> : null}
      {has('issueReReview') ? <OpinionPanel intent="issueReReview" /> : null}
      {has('merge') ? <MergePanel /> : null}
      {has('close') ? <ClosePanel /> : null}
      {has('note') ? <NotePanel /> : null}
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

/** Declining says why and where the citizen can go instead (art. 21): both reach the citizen. */
function DeclinePanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="decline">
      <TextField {...useActionField('decline', 'reason')} label={t('case.fields.declineReason')} multiline={{ maxLength: 2000, rows: 4 }} />
      <TextField
        {...useActionField('decline', 'referral')}
        label={t('case.fields.referral')}
        hint={t('case.fields.referralHint')}
        multiline={{ maxLength: 1000, rows: 3 }}
      />
    </ActionPanel>
  );
}

function ForwardPanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="forward">
      <TextField {...useActionField('forward', 'agency')} label={t('case.fields.agency')} />
      <TextField
        {...useActionField('forward', 'message')}
        label={t('case.fields.forwardMessage')}
        multiline={{ maxLength: 2000, rows: 3 }}
      />
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

function ExtendPanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="extend">
      <TextField
        {...useActionField('extend', 'days')}
        label={t('case.fields.extensionDays')}
        hint={t('case.fields.extensionHint', { max: STATUTORY_LIMITS.maxExtensionDays })}
        inputMode="numeric"
        width="short"
      />
      <TextField
        {...useActionField('extend', 'reason')}
        label={t('case.fields.extensionReason')}
        hint={t('case.fields.citizenSees')}
        multiline={{ maxLength: 2000, rows: 3 }}
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

/** The review (art. 35) and re-review (art. 36) opinions, in writing, for the citizen. */
function OpinionPanel({ intent }: { intent: 'issueReview' | 'issueReReview' }) {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent={intent}>
      <TextField
        {...useActionField(intent, 'message')}
        label={t(intent === 'issueReview' ? 'case.fields.reviewOpinion' : 'case.fields.reReviewOpinion')}
        hint={t('case.fields.citizenSees')}
        multiline={{ maxLength: 20_000, rows: 8 }}
      />
    </ActionPanel>
  );
}

function MergePanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="merge">
      <TextField {...useActionField('merge', 'intoReceiptNo')} label={t('case.fields.mergeInto')} />
    </ActionPanel>
  );
}

function ClosePanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="close">
      <TextField {...useActionField('close', 'message')} label={t('case.fields.closeMessage')} multiline={{ maxLength: 2000, rows: 3 }} />
    </ActionPanel>
  );
}

/** A note for colleagues: never shown to the citizen. */
function NotePanel() {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="note">
      <TextField
        {...useActionField('note', 'message')}
        label={t('case.fields.note')}
        hint={t('case.fields.internalOnly')}
        multiline={{ maxLength: 5000, rows: 4 }}
      />
    </ActionPanel>
  );
}
