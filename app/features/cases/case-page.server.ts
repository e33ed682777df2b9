// What the back-office case page shows, and the form posts it accepts: each post is parsed here,
// taken through staff-actions.server.ts and answered as one Outcome (a flash notice, or the
// refusal with its field codes and what was typed, the intent among them).
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { maySeeFiles } from '#app/features/attachments/access.ts';
import { noticesOf } from '#app/features/cases/written-notices/notices.server.ts';
import { mayChangeWarning, warningChanges } from '#app/features/early-warning/changes.ts';
import { responseWording, targetStatuses } from '#app/features/early-warning/levels.ts';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import {
  canTakeAction,
  canViewCase,
  canViewClusters,
  canViewContact,
  independenceRefusal,
  type Actor,
  type IndependenceRefusal,
} from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { formFields, parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { CASE_ACTION_FIELDS, type CaseActionField } from './action-fields.ts';
import { AGREEMENT_PARTY_MAX, AGREEMENT_TERMS_MAX } from './agreements.ts';
import { SCOPE_SELECT, scopeFrom } from './case-scope.server.ts';
import { stepBlocker } from './case-steps.ts';
import { checkInOf } from './check-in.server.ts';
import { claimsOf } from './claims.server.ts';
import {
  CLAIM_MAX_LENGTH,
  CLAIM_REASONS_MAX_LENGTH,
  claimOutcomeField,
  claimReasonsField,
  claimsFromText,
  isClaimOutcome,
  LEGAL_BASIS_MAX_LENGTH,
  MAX_CLAIMS,
  type ClaimAnswer,
  type ClaimAnswerField,
} from './claims.ts';
import { DEADLINE_ARTICLE, type DeadlineKind } from './deadlines.ts';
import { DECLINE_REASONS } from './decline-reasons.ts';
import { LEGAL_REFERENCES_TEXT_MAX_LENGTH, storedLegalReferences } from './legal-references.ts';
import { activeDeadlineField, allowedActions, type CaseAction } from './lifecycle.ts';
import { isOpinionOutcome } from './opinions.ts';
import { nextInQueue, queuePlace } from './queue.server.ts';
import { parseReceiptNo } from './receipt.ts';
import { decisionUnderReview } from './review-stage.server.ts';
import {
  acceptAndAssign,
  caseForActor,
  performCaseAction,
  scopeOf,
  stepState,
  viewContact,
  type ActionInput,
  type CaseRow,
} from './staff-actions.server.ts';
import { caseHref, offersSaveAndNext, queueHref, queueSearch, SAVE_AND_NEXT } from './triage.ts';
import type { Locale } from '#app/i18n/config.ts';

/** The deadlines the page lists, in the order they fall, and where each is stored. */
const DEADLINE_FIELDS = [
  ['acceptance', 'acceptDueAt'],
  ['unitObjection', 'objectionDueAt'],
  ['completionReport', 'reportDueAt'],
  ['reply', 'replyDueAt'],
  ['reviewRequest', 'reviewRequestDueAt'],
  ['reviewOpinion', 'reviewDueAt'],
  ['reReviewRequest', 'reReviewRequestDueAt'],
  ['reReviewOpinion', 'reReviewDueAt'],
  ['supervision', 'supervisionDueAt'],
] as const satisfies readonly (readonly [DeadlineKind, string])[];

/** Steps that decide a review or re-review: only someone independent of the decision under review (arts. 35, 36). */
const REVIEW_STEPS: ReadonlySet<CaseAction> = new Set(['issueReview', 'issueReReview', 'startHearing', 'recordHearing']);

/** Whether the deadline in `field` is the one running now, for its countdown. */
function isRunning(field: string, row: CaseRow, now: Date): boolean {
  if (field === 'objectionDueAt') return row.objectingUnitId === null && row.objectionDueAt !== null && now <= row.objectionDueAt;
  if (field === 'reportDueAt' || field === 'supervisionDueAt') return true;
  // Staff's own deadline runs in its status (lifecycle.ts), except from a hearing's day until it is held; the
  // citizen's windows to ask for a review or re-review run while the answer stands.
  if (field === 'reviewRequestDueAt') return row.status === 'REPLIED';
  if (field === 'reReviewRequestDueAt') return row.status === 'REVIEWED';
  return field === activeDeadlineField(row.status) && !(row.hearingSince && row.hearingSince <= now);
}

/**
 * A report of misconduct being opened: the reporter sees on the track page which units opened it,
 * and when (never who), so they can check that the unit they reported never did (arts. 30, 46(5)).
 */
export async function recordOpening(actor: Actor, row: CaseRow, now: Date): Promise<void> {
  if (row.kind !== 'MISCONDUCT_REPORT') return;
  await db().caseOpening.create({ data: { caseId: row.id, staffId: actor.id, unitId: actor.unitId, openedAt: now } });
}

/** Steps whose form chooses a unit (or a handler of one); accepting and assigning at once is offered with assign. */
const UNIT_CHOICES: ReadonlySet<CaseAction> = new Set(['assign', 'decideObjection', 'correctReport']);

/** The staff a supervisor may name in a conflict of interest (art. 28): case workers who have not withdrawn. */
async function caseWorkerOptions(actor: Actor, row: CaseRow) {
  const people = await db().staffUser.findMany({
    where: { active: true, role: { in: ['CLERK', 'HANDLER', 'SUPERVISOR'] }, id: { notIn: [actor.id, ...scopeOf(row).recusedStaffIds] } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true },
  });
  return people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
}

/**
 * What the page shows besides the case itself: whom a report is about, a unit's objection, the
 * completion reports, the cases merged into this one, and an earlier case on the same matter
 * decided on re-review (art. 36). Other cases are named only when the actor may see them.
 */
async function caseExtras(actor: Actor, row: CaseRow, locale: Locale) {
  const unitIds = [row.reportedParty?.unitId, row.objectingUnitId].filter((id): id is string => Boolean(id));
  const [units, reports, merged, decided] = await Promise.all([
    db().unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } }),
    db().completionReport.findMany({
      where: { caseId: row.id },
      orderBy: { createdAt: 'asc' },
      include: {
        attachments: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true, fileName: true, contentType: true, sizeBytes: true, purpose: true, uploadedBy: true, createdAt: true },
        },
      },
    }),
    db().case.findMany({
      where: { mergedIntoId: row.id },
      orderBy: { receivedAt: 'asc' },
      select: { id: true, receiptNo: true, status: true, ...SCOPE_SELECT },
    }),
    row.decidedMatterOfId
      ? db().case.findUnique({
          where: { id: row.decidedMatterOfId },
          select: { id: true, receiptNo: true, closedAt: true, ...SCOPE_SELECT },
        })
      : null,
  ]);
  // The documents a report attaches are the case's files: listed to whoever may see those (access.ts).
  const filesShown = maySeeFiles(actor, { id: row.id, ...scopeOf(row) });
  const unitName = (id: string | null | undefined) => {
    const unit = id ? units.find((u) => u.id === id) : undefined;
    return unit ? localizedName(unit, locale) : null;
  };
  const people = new Map(
    (
      await db().staffUser.findMany({
        where: { id: { in: reports.flatMap((r) => [r.authorId, r.decidedById].filter((id): id is string => id !== null)) } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  return {
    reportedParty:
      row.kind === 'MISCONDUCT_REPORT'
        ? {
            unitId: row.reportedParty?.unitId ?? null,
            unit: unitName(row.reportedParty?.unitId),
            official: row.reportedParty?.officialName ?? null,
          }
        : null,
    objection: { pendingFrom: unitName(row.objectingUnitId) },
    completion: {
      dueAt: row.reportDueAt,
      reworkCount: row.reworkCount,
      escalatedAt: row.escalatedAt,
      reports: reports.map((r) => ({
        id: r.id,
        findings: r.findings,
        status: r.status,
        author: people.get(r.authorId) ?? null,
        decidedBy: r.decidedById ? (people.get(r.decidedById) ?? null) : null,
        decisionReason: r.decisionReason,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        attachments: filesShown ? r.attachments : [],
      })),
    },
    mergedCases: merged
      .filter((m) => canViewCase(actor, scopeFrom(m)))
      .map((m) => ({ id: m.id, receiptNo: m.receiptNo, status: m.status })),
    decidedMatter:
      decided && canViewCase(actor, scopeFrom(decided))
        ? { id: decided.id, receiptNo: decided.receiptNo, closedAt: decided.closedAt }
        : null,
  };
}

/** How recently another person must have opened a case for the page to say they are working on it. */
const WORKING_NOW_MINUTES = 10;

/**
 * "Someone else is working on this": records that the actor opened the case (one row a person and
 * case, its time renewed), and returns the others who opened it in the last few minutes, latest
 * first. No live presence: a person counts until their last opening is that old.
 */
async function othersWorkingOn(actor: Actor, caseId: string, now: Date) {
  await db().caseView.upsert({
    where: { caseId_staffId: { caseId, staffId: actor.id } },
    create: { caseId, staffId: actor.id, viewedAt: now },
    update: { viewedAt: now },
  });
  const since = new Date(now.getTime() - WORKING_NOW_MINUTES * 60_000);
  const views = await db().caseView.findMany({
    where: { caseId, staffId: { not: actor.id }, viewedAt: { gte: since } },
    orderBy: { viewedAt: 'desc' },
    select: { viewedAt: true, staff: { select: { name: true } } },
  });
  return { minutes: WORKING_NOW_MINUTES, people: views.map((view) => ({ name: view.staff.name, openedAt: view.viewedAt })) };
}

export async function casePageData(actor: Actor, caseId: string, locale: Locale, now = new Date()) {
  const row = await caseForActor(actor, caseId);
  await recordOpening(actor, row, now);
  const [workingNow, category, unit, assignee, events, templates, mergedInto, rating] = await Promise.all([
    othersWorkingOn(actor, row.id, now),
    db().category.findUniqueOrThrow({ where: { id: row.categoryId } }),
    row.unitId ? db().unit.findUnique({ where: { id: row.unitId } }) : null,
    row.assigneeId ? db().staffUser.findUnique({ where: { id: row.assigneeId }, select: { name: true } }) : null,
    db().caseEvent.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db().replyTemplate.findMany({ where: { kind: row.kind, locale, active: true }, orderBy: { title: 'asc' } }),
    row.mergedIntoId
      ? db().case.findUnique({ where: { id: row.mergedIntoId }, select: { id: true, receiptNo: true, ...SCOPE_SELECT } })
      : null,
    db().satisfactionRating.findUnique({ where: { caseId }, select: { rating: true, solved: true, comment: true, updatedAt: true } }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = new Map(
    (await db().staffUser.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  );
  const scope = scopeOf(row);
  const { withheld: attachmentsWithheld, attachments } = await caseFiles(actor, row.id);
  const state = await stepState(row);
  const stage = row.status === 'REVIEW_REQUESTED' ? 'review' : row.status === 'RE_REVIEW_REQUESTED' ? 'reReview' : null;
  const decision = stage ? await decisionUnderReview(row, stage) : null;
  // Arts. 35, 36: someone not independent of the decision under review is told why, and offered none of its steps.
  const notIndependent: IndependenceRefusal | null = decision ? independenceRefusal(actor, decision) : null;
  const actions = allowedActions(row.status).filter(
    (action) =>
      canTakeAction(actor, action, scope) && stepBlocker(action, state, now) === null && !(notIndependent && REVIEW_STEPS.has(action)),
  );
  const [extra, claims, notices, checkIn] = await Promise.all([
    caseExtras(actor, row, locale),
    claimsOf(row.id),
    noticesOf(row.id),
    checkInOf(row.id),
  ]);
  return {
    /** Others who opened this case in the last WORKING_NOW_MINUTES, by name (staff only see staff). */
    workingNow,
    case: {
      id: row.id,
      receiptNo: row.receiptNo,
      version: row.version,
      kind: row.kind,
      channel: row.channel,
      status: row.status,
      warningLevel: row.warningLevel,
      subject: row.subject,
      body: row.body,
      area: row.area,
      coSignerCount: row.coSignerCount,
      anonymous: row.anonymous,
      citizenLocale: row.citizenLocale,
      preferredReplyChannel: row.preferredReplyChannel,
      category: localizedName(category, locale),
      unit: unit ? localizedName(unit, locale) : null,
      unitId: row.unitId,
      assignee: assignee?.name ?? null,
      transferredTo: row.transferredTo,
      // Staff who may not see the main case (a report about their unit) are not given its number.
      mergedInto: mergedInto && canViewCase(actor, scopeFrom(mergedInto)) ? mergedInto.receiptNo : null,
      receivedAt: row.receivedAt,
      extensionDays: row.extensionDays,
      extensionReason: row.extensionReason,
      routeReason: row.routeReason,
    },
    deadlines: DEADLINE_FIELDS.flatMap(([kind, field]) => {
      const dueAt = row[field];
      return dueAt ? [{ kind, dueAt, article: DEADLINE_ARTICLE[kind], active: isRunning(field, row, now) }] : [];
    }),
    hearing: { since: row.hearingSince, begun: row.hearingSince !== null && row.hearingSince <= now, held: row.hearingHeld },
    /** 逐条确认诉求: the claims, with the reply's answer to each once given. */
    claims,
    legalBasis: row.legalBasis,
    legalReferences: storedLegalReferences(row.legalReferences),
    /** The written notices issued, each with how it reached the citizen (a "to post" task until then). */
    notices,
    /** 回访: the citizen's consent to be asked after the reply, and their answer. */
    checkIn,
    review: stage ? { stage, notIndependent } : null,
    ...extra,
    events: events.map((e) => ({
      id: String(e.id),
      type: e.type,
      visibility: e.visibility,
      actor: e.actorId ? (actors.get(e.actorId) ?? null) : null,
      actorType: e.actorType,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.message,
      at: e.createdAt,
    })),
    actions,
    canViewContact: canViewContact(actor, scope) && !row.anonymous,
    rating,
    warning: {
      level: row.warningLevel,
      reasons: row.warningReasons,
      override: row.warningOverride ? { level: row.warningOverride, reason: row.warningOverrideReason ?? '' } : null,
      wording: responseWording(row.warningLevel),
      targets: targetStatuses(row, row, now),
      clusterId: row.clusterId && canViewClusters(actor) ? row.clusterId : null,
      clusterSize: row.clusterId ? await db().case.count({ where: { clusterId: row.clusterId } }) : 0,
      canChange: mayChangeWarning(warningChanges(actor, scope, row.status)),
    },
    templates: templates.map((tpl) => ({ id: tpl.id, title: tpl.title, body: tpl.body })),
    /** The units and handlers to assign to, and the staff to name in a conflict, for whoever may. */
    options: actions.some((a) => UNIT_CHOICES.has(a)) ? await officeOptions(locale) : null,
    staffOptions: actions.includes('recordConflict') ? await caseWorkerOptions(actor, row) : [],
    now,
    /** The case's files (downloads go through /office/cases/:caseId/attachments/:id, audited). */
    attachments,
    attachmentsWithheld,
  };
}

// Too long for its field: the form was not sent by the page, whose fields stop short of this.
const text = (max: number) => z.string().trim().max(max, { error: 'invalid' }).default('');
const version = z.coerce.number().int().min(0);
/** A radio the form may post without a choice: the service says which is missing. */
const choice = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((v): T | null => ((values as readonly string[]).includes(v ?? '') ? (v as T) : null));
const optionalId = z
  .union([z.uuid(), z.literal('')])
  .default('')
  .transform((v) => v || null);

/** One claim per line, each at most CLAIM_MAX_LENGTH: the field stops a little above, so the service can say which is too long. */
const CLAIMS_TEXT_MAX = MAX_CLAIMS * (CLAIM_MAX_LENGTH + 10) * 2;

/** The reply form's answer to each claim: an outcome (checked by the service) and its reasons. */
const CLAIM_ANSWER_SHAPE = Object.fromEntries(
  Array.from({ length: MAX_CLAIMS }, (_, i) => [
    [claimOutcomeField(i + 1), z.string().optional()],
    [claimReasonsField(i + 1), text(CLAIM_REASONS_MAX_LENGTH + 100)],
  ]).flat(),
) as Record<ClaimAnswerField, z.ZodType<string | undefined>>;

/** The case page's form posts, by intent. The completion report, which carries files, has its own page (completion-report.server.ts). */
export const CasePagePost = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('showContact') }),
  // A form without the list (not the page's own) takes the letter's subject as the one claim.
  z.object({ intent: z.literal('accept'), version, claims: z.string().trim().max(CLAIMS_TEXT_MAX, { error: 'invalid' }).optional() }),
  z.object({ intent: z.literal('setClaims'), version, claims: text(CLAIMS_TEXT_MAX) }),
  // Triage in one submission: the acceptance's claims, and the unit with a handler of it (or none).
  z.object({
    intent: z.literal('acceptAssign'),
    version,
    claims: z.string().trim().max(CLAIMS_TEXT_MAX, { error: 'invalid' }).optional(),
    unitId: z.uuid({ error: 'unitRequired' }),
    assigneeId: optionalId,
    reportDueOn: text(20),
  }),
  z.object({ intent: z.literal('startWork'), version }),
  z.object({ intent: z.literal('decline'), version, reason: choice(DECLINE_REASONS), detail: text(2000), referral: text(1000) }),
  z.object({ intent: z.literal('forward'), version, agency: text(200), message: text(2000) }),
  z.object({
    intent: z.literal('assign'),
    version,
    unitId: z.uuid({ error: 'unitRequired' }),
    assigneeId: optionalId,
    reportDueOn: text(20),
  }),
  z.object({
    intent: z.literal('extend'),
    version,
    days: z.coerce.number({ error: 'extensionDays' }).int({ error: 'extensionDays' }),
    reason: text(2000),
  }),
  z
    .object({
      intent: z.literal('reply'),
      version,
      legalBasis: text(LEGAL_BASIS_MAX_LENGTH),
      legalReferences: text(LEGAL_REFERENCES_TEXT_MAX_LENGTH),
      message: text(20_000),
    })
    .extend(CLAIM_ANSWER_SHAPE),
  z.object({
    intent: z.literal('settle'),
    version,
    agreement: text(20),
    party: text(AGREEMENT_PARTY_MAX),
    terms: text(AGREEMENT_TERMS_MAX),
    citizenConsent: z.literal('yes').optional().catch(undefined),
    partyConsent: z.literal('yes').optional().catch(undefined),
  }),
  z.object({ intent: z.literal('note'), version, message: text(5000) }),
  z.object({ intent: z.literal('merge'), version, intoReceiptNo: text(40) }),
  z.object({ intent: z.literal('close'), version, message: text(2000) }),
  z.object({ intent: z.literal('unmerge'), version, reason: text(2000) }),
  z.object({ intent: z.literal('issueReview'), version, outcome: z.string().optional(), message: text(20_000) }),
  z.object({
    intent: z.literal('issueReReview'),
    version,
    outcome: z.string().optional(),
    message: text(20_000),
    publish: z.literal('yes').optional().catch(undefined),
  }),
  z.object({ intent: z.literal('startHearing'), version, hearingOn: text(20) }),
  z.object({ intent: z.literal('recordHearing'), version, heldOn: text(20), hearingResult: text(5000) }),
  z.object({ intent: z.literal('object'), version, reason: text(5000) }),
  z.object({
    intent: z.literal('decideObjection'),
    version,
    decision: choice(['accept', 'reject'] as const),
    unitId: optionalId,
    reason: text(2000),
  }),
  z.object({ intent: z.literal('decideReport'), version, decision: choice(['accept', 'return'] as const), reason: text(2000) }),
  z.object({ intent: z.literal('recuse'), version, reason: text(2000) }),
  z.object({ intent: z.literal('recordConflict'), version, staffId: z.union([z.uuid(), z.literal('')]).default(''), reason: text(2000) }),
  z.object({ intent: z.literal('correctReport'), version, reportedUnit: text(40), reportedOfficial: text(200) }),
]);
export type CasePagePost = z.infer<typeof CasePagePost>;

function toActionInput(post: Exclude<CasePagePost, { intent: 'showContact' | 'acceptAssign' }>): { version: number; input: ActionInput } {
  switch (post.intent) {
    case 'accept':
      return { version: post.version, input: { action: 'accept', claims: post.claims === undefined ? null : claimsFromText(post.claims) } };
    case 'setClaims':
      return { version: post.version, input: { action: 'setClaims', claims: claimsFromText(post.claims) } };
    case 'startWork':
      return { version: post.version, input: { action: post.intent } };
    case 'decline':
      return {
        version: post.version,
        input: { action: 'decline', reason: post.reason, detail: post.detail, referral: post.referral },
      };
    case 'forward':
      return { version: post.version, input: { action: 'forward', agency: post.agency, message: post.message } };
    case 'assign':
      return {
        version: post.version,
        input: { action: 'assign', unitId: post.unitId, assigneeId: post.assigneeId, reportDueOn: post.reportDueOn || null },
      };
    case 'extend':
      return { version: post.version, input: { action: 'extend', days: post.days, reason: post.reason } };
    case 'reply':
      return {
        version: post.version,
        input: {
          action: 'reply',
          message: post.message,
          legalBasis: post.legalBasis,
          legalReferences: post.legalReferences,
          answers: claimAnswers(post),
        },
      };
    case 'settle':
      return {
        version: post.version,
        input: {
          action: 'settle',
          agreement: post.agreement,
          party: post.party,
          terms: post.terms,
          citizenConsent: post.citizenConsent === 'yes',
          partyConsent: post.partyConsent === 'yes',
        },
      };
    case 'note':
      return { version: post.version, input: { action: 'note', message: post.message } };
    case 'merge':
      return { version: post.version, input: { action: 'merge', intoReceiptNo: parseReceiptNo(post.intoReceiptNo) ?? '' } };
    case 'close':
      return { version: post.version, input: { action: 'close', message: post.message || null } };
    case 'unmerge':
      return { version: post.version, input: { action: 'unmerge', reason: post.reason } };
    case 'issueReview':
      return { version: post.version, input: { action: 'issueReview', message: post.message, outcome: opinion(post.outcome) } };
    case 'issueReReview':
      return {
        version: post.version,
        input: { action: 'issueReReview', message: post.message, outcome: opinion(post.outcome), publish: post.publish === 'yes' },
      };
    case 'startHearing':
      return { version: post.version, input: { action: 'startHearing', hearingOn: post.hearingOn } };
    case 'recordHearing':
      return { version: post.version, input: { action: 'recordHearing', heldOn: post.heldOn, hearingResult: post.hearingResult } };
    case 'object':
      return { version: post.version, input: { action: 'object', reason: post.reason } };
    case 'decideObjection':
      return {
        version: post.version,
        input: { action: 'decideObjection', decision: post.decision, unitId: post.unitId, reason: post.reason },
      };
    case 'decideReport':
      return { version: post.version, input: { action: 'decideReport', decision: post.decision, reason: post.reason } };
    case 'recuse':
      return { version: post.version, input: { action: 'recuse', reason: post.reason } };
    case 'recordConflict':
      return { version: post.version, input: { action: 'recordConflict', staffId: post.staffId, reason: post.reason } };
    case 'correctReport':
      return {
        version: post.version,
        input: { action: 'correctReport', reportedUnit: post.reportedUnit, official: post.reportedOfficial },
      };
  }
}

/** The step a post asks for: one action, or accepting and assigning at once. */
async function takeStep(actor: Actor, caseId: string, post: Exclude<CasePagePost, { intent: 'showContact' }>) {
  if (post.intent !== 'acceptAssign') {
    const { version, input } = toActionInput(post);
    return await performCaseAction(actor, caseId, version, input);
  }
  const claims = post.claims === undefined ? null : claimsFromText(post.claims);
  const input = { claims, unitId: post.unitId, assigneeId: post.assigneeId, reportDueOn: post.reportDueOn || null };
  return await acceptAndAssign(actor, caseId, post.version, input);
}

const opinion = (value: string | undefined) => (isOpinionOutcome(value) ? value : null);

/** The reply's answer to each claim, as posted (the service checks them against the case's claims). */
function claimAnswers(post: Record<string, unknown>): ClaimAnswer[] {
  return Array.from({ length: MAX_CLAIMS }, (_, i) => {
    const position = i + 1;
    const outcome = post[claimOutcomeField(position)];
    const reasons = post[claimReasonsField(position)];
    return { position, outcome: isClaimOutcome(outcome) ? outcome : null, reasons: typeof reasons === 'string' ? reasons : '' };
  });
}

/** A citizen's contact details, as the page shows them after the logged "show" action. */
export interface CaseContactView {
  name: string;
  phone: string | null;
  email: string | null;
  postalAddress: string | null;
}

/** What a refused post of the case page sends back: its fields' codes, and what was typed, the intent among it. */
export type CasePageField = CaseActionField | 'intent';

/**
 * A post of the case page: the contact details shown, or a change to the case (done, with its
 * notice and the page to go to; or refused). After a step the page reloads, keeping the queue it was
 * opened from; "Save and next" goes on to the next case of that queue, or back to it when there is
 * none; a step that takes the case away from the actor (they withdrew) goes back to the queue.
 */
export type CasePagePostResult = { contact: CaseContactView | null } | { outcome: Outcome<CasePageField>; redirectTo: string };

export async function postCasePage(
  actor: Actor,
  caseId: string,
  form: URLSearchParams | RawForm,
  context: { ipAddress: string; queue?: string | null },
): Promise<CasePagePostResult> {
  const queue = queueSearch(context.queue);
  const parsed = parseForm(form, CasePagePost);
  if (!parsed.ok) {
    const errors = Object.fromEntries(CASE_ACTION_FIELDS.flatMap((field) => (parsed.errors[field] ? [[field, parsed.errors[field]]] : [])));
    const redirectTo = caseHref(caseId, queue);
    // No field of the page to point at (no known intent, no version): the form was not the page's.
    if (Object.keys(errors).length === 0) return { outcome: { ...refusedFor('invalid', 400), values: parsed.values }, redirectTo };
    return { outcome: refused<CasePageField>({ errors, values: parsed.values }), redirectTo };
  }
  const post = parsed.value;
  if (post.intent === 'showContact') {
    const contact = await viewContact(actor, caseId, context.ipAddress);
    return { contact: contact && { name: contact.name, phone: contact.phone, email: contact.email, postalAddress: contact.postalAddress } };
  }
  const andNext = offersSaveAndNext(post.intent) && formFields(form).then === SAVE_AND_NEXT;
  // Where the case stood in the queue before the step moves it (a new deadline, another level).
  const place = andNext ? await queuePlace(caseId) : null;
  const done = await takeStep(actor, caseId, post);
  // A refusal comes back with what was typed, the intent among it, so the page reopens that form.
  if (!done.ok) return { outcome: { ...done, values: parsed.values }, redirectTo: caseHref(caseId, queue) };
  const notice = { key: `office:case.done.${post.intent}` };
  if (done.left) return { outcome: { ok: true, notice }, redirectTo: queueHref(queue) };
  if (!place) return { outcome: { ok: true, notice }, redirectTo: caseHref(caseId, queue) };
  const next = await nextInQueue(actor, new URLSearchParams(queue), place);
  return next
    ? {
        outcome: { ok: true, notice: { key: 'office:case.doneNext', values: { receiptNo: place.receiptNo } } },
        redirectTo: caseHref(next, queue),
      }
    : {
        outcome: { ok: true, notice: { key: 'office:case.doneLast', values: { receiptNo: place.receiptNo } } },
        redirectTo: queueHref(queue),
      };
}
