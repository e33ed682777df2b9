// The case page's actions, one panel each: what a staff member may do to the case now (the role
// and the lifecycle decide, in case-page.server.ts). The shared frame is case-action-frame.tsx; the
// actions whose forms are only text fields are described by TEXT_FORMS and drawn by one panel.
import { Link } from '@remix-run/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, AGREEMENT_TERMS_MAX, maySettle } from '#app/features/cases/agreements.ts';
import {
  CLAIM_MAX_LENGTH,
  CLAIM_REASONS_MAX_LENGTH,
  claimOutcomeField,
  claimReasonsField,
  claimsAsText,
  LEGAL_BASIS_MAX_LENGTH,
  MAX_CLAIMS,
  needsLegalBasis,
  outcomesFor,
} from '#app/features/cases/claims.ts';
import { STATUTORY_LIMITS } from '#app/features/cases/deadlines.ts';
import { DECLINE_REASON_ARTICLE, DECLINE_REASONS, declineReasonKey } from '#app/features/cases/decline-reasons.ts';
import { LEGAL_REFERENCES_TEXT_MAX_LENGTH } from '#app/features/cases/legal-references.ts';
import { OPINION_OUTCOMES } from '#app/features/cases/opinions.ts';
import { UNKNOWN_REPORTED_UNIT } from '#app/features/cases/submission-fields.ts';
import { Checkbox, RadioGroup } from '#app/ui/choice-fields.tsx';
import { ComboBoxField } from '#app/ui/combo-box-field.tsx';
import { TextField } from '#app/ui/text-field.tsx';
import { useHydrated } from '#app/ui/use-hydrated.ts';
import { ActionForm, ActionPanel, useActionField } from './case-action-frame.tsx';
import type { CaseActionField } from '#app/features/cases/action-fields.ts';
import type { CaseKind } from '#app/features/cases/kinds.ts';
import type { CaseAction } from '#app/features/cases/lifecycle.ts';
import type { Option } from '#app/features/reference-data/office-options.server.ts';

interface Template {
  id: string;
  title: string;
  body: string;
}

/** A handler, with the unit they work in. */
type HandlerOption = Option & { unitId: string | null };

export interface CaseActionsProps {
  caseId: string;
  actions: CaseAction[];
  /** The case's unit, the assignment's starting choice. */
  unitId: string | null;
  options: { units: Option[]; handlers: HandlerOption[] } | null;
  /** The case workers a supervisor may name in a conflict of interest (art. 28). */
  staffOptions: Option[];
  templates: Template[];
  /** For a report of misconduct: the unit it is about now (the correction starts from it). */
  reportedUnitId: string | null;
  kind: CaseKind;
  /** The letter's subject: the first claim the acceptance offers. */
  subject: string;
  /** The claims listed so far, in order. */
  claims: { position: number; text: string }[];
}

export function CaseActions({
  caseId,
  actions,
  unitId,
  options,
  staffOptions,
  templates,
  reportedUnitId,
  kind,
  subject,
  claims,
}: CaseActionsProps) {
  const { t } = useTranslation('office');
  const has = (action: CaseAction) => actions.includes(action);
  return (
    <>
      <h2>{t('case.actions')}</h2>
      {actions.length === 0 ? <p>{t('case.noActions')}</p> : null}
      {/* Triage first, open: accepting and assigning in one submission, each step also on its own below. */}
      {has('accept') && has('assign') && options ? <AcceptAssignPanel subject={subject} options={options} unitId={unitId} /> : null}
      {has('accept') ? <AcceptPanel subject={subject} /> : null}
      {has('startWork') ? <ActionForm intent="startWork" /> : null}
      {has('decline') ? <DeclinePanel /> : null}
      {has('forward') ? <TextPanel intent="forward" /> : null}
      {has('assign') && options ? <AssignPanel options={options} unitId={unitId} /> : null}
      {has('extend') ? <TextPanel intent="extend" /> : null}
      {has('setClaims') ? <ClaimsPanel claims={claims} /> : null}
      {has('reply') ? <ReplyPanel templates={templates} kind={kind} claims={claims} /> : null}
      {has('settle') && maySettle(kind) ? <SettlePanel /> : null}
      {has('startHearing') ? <TextPanel intent="startHearing" /> : null}
      {has('recordHearing') ? <TextPanel intent="recordHearing" /> : null}
      {has('issueReview') ? <OpinionPanel intent="issueReview" /> : null}
      {has('issueReReview') ? <OpinionPanel intent="issueReReview" /> : null}
      {has('object') ? <TextPanel intent="object" /> : null}
      {has('decideObjection') && options ? <DecideObjectionPanel units={options.units} /> : null}
      {has('fileReport') ? (
        // It carries files, so it has its own page (a multipart form with upload progress).
        <p data-action="fileReport">
          <Link to={`/office/cases/${caseId}/report`}>{t('case.action.fileReport')}</Link>
        </p>
      ) : null}
      {has('decideReport') ? <DecideReportPanel /> : null}
      {has('correctReport') && options ? <CorrectReportPanel units={options.units} reportedUnitId={reportedUnitId} /> : null}
      {has('merge') ? <TextPanel intent="merge" /> : null}
      {has('unmerge') ? <TextPanel intent="unmerge" /> : null}
      {has('close') ? <TextPanel intent="close" /> : null}
      {has('recuse') ? <TextPanel intent="recuse" /> : null}
      {has('recordConflict') && staffOptions.length > 0 ? <RecordConflictPanel staff={staffOptions} /> : null}
      {has('note') ? <TextPanel intent="note" /> : null}
    </>
  );
}

/** Accepting lists the claims (逐条确认诉求), starting from the letter's subject. */
function AcceptPanel({ subject }: { subject: string }) {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="accept">
      <p>{t('case.acceptHint', { days: STATUTORY_LIMITS.replyDays })}</p>
      <ClaimsField intent="accept" initial={[subject]} />
    </ActionPanel>
  );
}

/** The claims, one per line, editable until the reply. */
function ClaimsPanel({ claims }: { claims: { text: string }[] }) {
  return (
    <ActionPanel intent="setClaims">
      <ClaimsField intent="setClaims" initial={claims.map((claim) => claim.text)} />
    </ActionPanel>
  );
}

function ClaimsField({ intent, initial }: { intent: 'accept' | 'acceptAssign' | 'setClaims'; initial: string[] }) {
  const { t } = useTranslation('office');
  const field = useActionField(intent, 'claims');
  return (
    <TextField
      {...field}
      label={t('case.fields.claims')}
      hint={t('case.fields.claimsHint', { max: MAX_CLAIMS })}
      multiline={{ maxLength: MAX_CLAIMS * (CLAIM_MAX_LENGTH + 1), rows: 4 }}
      defaultValue={field.defaultValue ?? claimsAsText(initial)}
    />
  );
}

/**
 * Not accepting a case: a standard reason (each says what the citizen is told and where to go
 * instead, art. 21), staff's own words when the reason needs them, and where to go instead when
 * the standard text does not fit. The citizen reads it all in their own language.
 */
function DeclinePanel() {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  return (
    <ActionPanel intent="decline">
      <RadioGroup
        {...useActionField('decline', 'reason')}
        label={t('case.fields.declineReason')}
        hint={t(CITIZEN_SEES)}
        options={DECLINE_REASONS.map((value) => ({
          value,
          label: tc(declineReasonKey(value, 'label')),
          hint: t('case.fields.declineArticle', { article: DECLINE_REASON_ARTICLE[value] }),
        }))}
      />
      <ActionText
        intent="decline"
        spec={{
          name: 'detail',
          label: 'case.fields.declineDetail',
          hint: 'case.fields.declineDetailHint',
          multiline: { maxLength: 2000, rows: 3 },
        }}
      />
      <ActionText
        intent="decline"
        spec={{
          name: 'referral',
          label: 'case.fields.referral',
          hint: 'case.fields.referralHint',
          multiline: { maxLength: 1000, rows: 3 },
        }}
      />
    </ActionPanel>
  );
}

/**
 * Accepting and assigning in one submission (art. 22), the usual triage of a new case: the claims,
 * starting from the letter's subject, and the unit with one of its handlers. Open from the start,
 * and the "a" key brings the focus to it (the case page's shortcuts).
 */
function AcceptAssignPanel({
  subject,
  options,
  unitId,
}: {
  subject: string;
  options: NonNullable<CaseActionsProps['options']>;
  unitId: string | null;
}) {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="acceptAssign" open>
      <p>{t('case.acceptAssignHint', { days: STATUTORY_LIMITS.replyDays })}</p>
      <ClaimsField intent="acceptAssign" initial={[subject]} />
      <UnitAndHandler intent="acceptAssign" options={options} unitId={unitId} />
    </ActionPanel>
  );
}

/** A unit and, if chosen, one of its handlers: a handler of another unit is refused on that field. */
function AssignPanel({ options, unitId }: { options: NonNullable<CaseActionsProps['options']>; unitId: string | null }) {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="assign">
      <UnitAndHandler intent="assign" options={options} unitId={unitId} />
      <TextField
        {...useActionField('assign', 'reportDueOn')}
        label={t('case.fields.reportDueOn')}
        hint={t('case.fields.reportDueOnHint')}
        inputMode="numeric"
        width="medium"
      />
    </ActionPanel>
  );
}

/**
 * The unit (starting from the case's own) and a handler of it. With JavaScript the handlers listed
 * are those of the unit chosen, following each change; without it, every handler, named with their
 * unit, and the server refuses one of another unit on its field.
 */
function UnitAndHandler({
  intent,
  options,
  unitId,
}: {
  intent: 'assign' | 'acceptAssign';
  options: NonNullable<CaseActionsProps['options']>;
  unitId: string | null;
}) {
  const { t } = useTranslation('office');
  const hydrated = useHydrated();
  const unit = useActionField(intent, 'unitId');
  const assignee = useActionField(intent, 'assigneeId');
  const [chosen, setChosen] = useState(unit.defaultValue ?? unitId ?? '');
  const handlers = hydrated ? options.handlers.filter((handler) => handler.unitId === chosen) : options.handlers;
  return (
    <>
      <ComboBoxField
        {...unit}
        label={t('queue.unit')}
        placeholder={t('case.fields.chooseUnit')}
        options={options.units}
        defaultValue={unit.defaultValue ?? unitId ?? undefined}
        noMatches={t('combobox.noMatches')}
        onChange={setChosen}
      />
      <ComboBoxField
        // A new unit starts a new choice of handler, from its own.
        key={hydrated ? chosen : 'all'}
        {...assignee}
        label={t('queue.assignee')}
        hint={hydrated ? undefined : t('case.fields.assigneeOfUnit')}
        placeholder={t('case.fields.noAssignee')}
        options={handlers}
        defaultValue={handlers.some((handler) => handler.value === assignee.defaultValue) ? assignee.defaultValue : undefined}
        noMatches={handlers.length > 0 ? t('combobox.noMatches') : chosen ? t('case.fields.noHandlers') : t('case.fields.chooseUnitFirst')}
      />
    </>
  );
}

/** A review (art. 35) or re-review (art. 36) opinion: its outcome and its reasons, both for the citizen. */
function OpinionPanel({ intent }: { intent: 'issueReview' | 'issueReReview' }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const outcome = useActionField(intent, 'outcome');
  return (
    <ActionPanel intent={intent}>
      <RadioGroup
        {...outcome}
        label={t('case.fields.outcome')}
        hint={t(CITIZEN_SEES)}
        options={OPINION_OUTCOMES.map((value) => ({ value, label: tc(`outcomes.${value}`) }))}
      />
      <ActionText intent={intent} spec={TEXT_FORMS[intent][0]!} />
      {intent === 'issueReReview' ? (
        <ActionCheckbox intent={intent} name="publish">
          {t('case.fields.publish')}
        </ActionCheckbox>
      ) : null}
    </ActionPanel>
  );
}

/** Art. 33: the case ends in a mediation or settlement agreement: its kind, the other party, the terms, both consents. */
function SettlePanel() {
  const { t } = useTranslation('office');
  const agreement = useActionField('settle', 'agreement');
  return (
    <ActionPanel intent="settle">
      <p>{t('case.fields.settleHint')}</p>
      <RadioGroup
        {...agreement}
        label={t('case.fields.agreement')}
        options={AGREEMENT_KINDS.map((value) => ({ value, label: t(`case.agreements.${value}`) }))}
      />
      <ActionText intent="settle" spec={{ name: 'party', label: 'case.fields.agreementParty', hint: 'case.fields.agreementPartyHint' }} />
      <ActionText
        intent="settle"
        spec={{
          name: 'terms',
          label: 'case.fields.agreementTerms',
          hint: CITIZEN_SEES,
          multiline: { maxLength: AGREEMENT_TERMS_MAX, rows: 6 },
        }}
      />
      <ActionCheckbox intent="settle" name="citizenConsent">
        {t('case.fields.citizenConsent')}
      </ActionCheckbox>
      <ActionCheckbox intent="settle" name="partyConsent">
        {t('case.fields.partyConsent')}
      </ActionCheckbox>
    </ActionPanel>
  );
}

/** Art. 23: the routing office accepts a unit's objection (and routes the case again) or rejects it with a reason. */
function DecideObjectionPanel({ units }: { units: Option[] }) {
  const { t } = useTranslation('office');
  const decision = useActionField('decideObjection', 'decision');
  return (
    <ActionPanel intent="decideObjection">
      <RadioGroup
        {...decision}
        label={t('case.fields.objectionDecision')}
        options={[
          { value: 'accept', label: t('case.fields.objectionAccept') },
          { value: 'reject', label: t('case.fields.objectionReject') },
        ]}
      />
      <ComboBoxField
        {...useActionField('decideObjection', 'unitId')}
        label={t('case.fields.objectionUnit')}
        hint={t('case.fields.objectionUnitHint')}
        placeholder={t('case.fields.chooseUnit')}
        options={units}
        noMatches={t('combobox.noMatches')}
      />
      <ActionText
        intent="decideObjection"
        spec={{ name: 'reason', label: 'case.fields.decisionReason', multiline: { maxLength: 2000, rows: 3 } }}
      />
    </ActionPanel>
  );
}

/** Art. 22(3): the assigning office accepts the unit's completion report or sends it back for rework. */
function DecideReportPanel() {
  const { t } = useTranslation('office');
  const decision = useActionField('decideReport', 'decision');
  return (
    <ActionPanel intent="decideReport">
      <RadioGroup
        {...decision}
        label={t('case.fields.reportDecision')}
        options={[
          { value: 'accept', label: t('case.fields.reportAccept') },
          { value: 'return', label: t('case.fields.reportReturn') },
        ]}
      />
      <ActionText
        intent="decideReport"
        spec={{
          name: 'reason',
          label: 'case.fields.returnReason',
          hint: 'case.fields.returnReasonHint',
          multiline: { maxLength: 2000, rows: 3 },
        }}
      />
    </ActionPanel>
  );
}

/** Whom a report of misconduct is about, corrected by the office (audited; the case leaves that subtree). */
function CorrectReportPanel({ units, reportedUnitId }: { units: Option[]; reportedUnitId: string | null }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const unit = useActionField('correctReport', 'reportedUnit');
  return (
    <ActionPanel intent="correctReport">
      <ComboBoxField
        {...unit}
        label={tc('submit.fields.reportedUnit.label')}
        placeholder={tc('submit.fields.reportedUnit.placeholder')}
        options={[{ value: UNKNOWN_REPORTED_UNIT, label: tc('submit.fields.reportedUnit.unknown') }, ...units]}
        defaultValue={unit.defaultValue ?? reportedUnitId ?? UNKNOWN_REPORTED_UNIT}
        noMatches={t('combobox.noMatches')}
      />
      <ActionText intent="correctReport" spec={{ name: 'reportedOfficial', label: 'case.fields.reportedOfficial' }} />
    </ActionPanel>
  );
}

/** Art. 28: a supervisor records someone else's conflict of interest; that person can no longer open the case. */
function RecordConflictPanel({ staff }: { staff: Option[] }) {
  const { t } = useTranslation('office');
  return (
    <ActionPanel intent="recordConflict">
      <ComboBoxField
        {...useActionField('recordConflict', 'staffId')}
        label={t('case.fields.conflictStaff')}
        placeholder={t('case.fields.chooseStaff')}
        options={staff}
        noMatches={t('combobox.noMatches')}
      />
      <ActionText
        intent="recordConflict"
        spec={{ name: 'reason', label: 'case.fields.conflictReason', multiline: { maxLength: 2000, rows: 3 } }}
      />
    </ActionPanel>
  );
}

/**
 * The written reply (信访处理意见书, art. 32): each claim answered with an outcome of the case's
 * class and its reasons, the legal and policy basis, then the answer itself, which starts from the
 * first template of the case's kind (the others are shown above it).
 */
function ReplyPanel({ templates, kind, claims }: { templates: Template[]; kind: CaseKind; claims: { position: number; text: string }[] }) {
  const { t } = useTranslation('office');
  const { t: tc } = useTranslation('common');
  const message = useActionField('reply', 'message');
  const outcomes = outcomesFor(kind).map((value) => ({ value, label: tc(`claimOutcomes.${value}`) }));
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
      {claims.length === 0 ? <p>{t('case.fields.claimsFirst')}</p> : null}
      {claims.map((claim) => (
        <ClaimAnswerFields key={claim.position} claim={claim} outcomes={outcomes} />
      ))}
      {needsLegalBasis(kind) ? (
        <ActionText
          intent="reply"
          spec={{
            name: 'legalBasis',
            label: 'case.fields.legalBasis',
            hint: CITIZEN_SEES,
            multiline: { maxLength: LEGAL_BASIS_MAX_LENGTH, rows: 3 },
          }}
        />
      ) : null}
      <ActionText
        intent="reply"
        spec={{
          name: 'legalReferences',
          label: 'case.fields.legalReferences',
          hint: 'case.fields.legalReferencesHint',
          multiline: { maxLength: LEGAL_REFERENCES_TEXT_MAX_LENGTH, rows: 3 },
        }}
      />
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

/** One claim's answer: its outcome and the reasons, both for the citizen. */
function ClaimAnswerFields({
  claim,
  outcomes,
}: {
  claim: { position: number; text: string };
  outcomes: { value: string; label: string }[];
}) {
  const { t } = useTranslation('office');
  return (
    <fieldset className="claim-answer">
      <legend>{t('case.fields.claimLegend', { number: claim.position, claim: claim.text })}</legend>
      <RadioGroup
        {...useActionField('reply', claimOutcomeField(claim.position))}
        label={t('case.fields.claimOutcome')}
        options={outcomes}
        inline
      />
      <TextField
        {...useActionField('reply', claimReasonsField(claim.position))}
        label={t('case.fields.claimReasons')}
        multiline={{ maxLength: CLAIM_REASONS_MAX_LENGTH, rows: 3 }}
      />
    </fieldset>
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
  forward: [
    { name: 'agency', label: 'case.fields.agency', hint: 'case.fields.agencyHint' },
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
  unmerge: [{ name: 'reason', label: 'case.fields.unmergeReason', multiline: { maxLength: 2000, rows: 3 } }],
  // Art. 36: a hearing stops the re-review clock from its day until its outcome is recorded.
  startHearing: [{ name: 'hearingOn', label: 'case.fields.hearingOn', hint: 'case.fields.hearingOnHint' }],
  recordHearing: [
    { name: 'heldOn', label: 'case.fields.heldOn', hint: 'case.fields.dateHint' },
    {
      name: 'hearingResult',
      label: 'case.fields.hearingResult',
      hint: 'case.fields.internalOnly',
      multiline: { maxLength: 5000, rows: 4 },
    },
  ],
  // Art. 23: within 5 working days of receiving it, with a detailed reason.
  object: [
    { name: 'reason', label: 'case.fields.objectionReason', hint: 'case.fields.objectionHint', multiline: { maxLength: 5000, rows: 5 } },
  ],
  // Art. 28: the staff member's own declaration; they leave the case.
  recuse: [{ name: 'reason', label: 'case.fields.recuseReason', hint: 'case.fields.recuseHint', multiline: { maxLength: 2000, rows: 3 } }],
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

/** A box an action's form posts as "yes" when ticked, with its problem and what was posted before. */
function ActionCheckbox({ intent, name, children }: { intent: CaseAction; name: CaseActionField; children: ReactNode }) {
  const field = useActionField(intent, name);
  return (
    <Checkbox id={field.id} name={field.name} error={field.error} value="yes" defaultSelected={field.defaultValue === 'yes'}>
      {children}
    </Checkbox>
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
