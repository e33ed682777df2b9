// What staff do to a case. Each action is checked against the role (app/features/staff/permissions.ts)
// and the lifecycle (app/features/cases/lifecycle.ts), writes the case with optimistic concurrency
// (the version the staff member read must still be current) and appends a CaseEvent. A case the
// actor may not see is a NotFoundError, an action their role never takes a ForbiddenError (so is a
// review decided by someone who is not independent of the decision, arts. 35, 36); an action that
// does not apply now, incomplete input or a stale version is a refusal (a value).
import { insertAttachmentRows, type StoredAttachment } from '#app/features/attachments/stored-files.server.ts';
import { audit } from '#app/features/audit/audit.server.ts';
import { reassessWarnings } from '#app/features/early-warning/reassessment.server.ts';
import {
  caseWorkerRecipients,
  queueCitizenMessage,
  queueStaffMessages,
  supervisorRecipients,
  type Tx,
} from '#app/features/notifications/outbox.server.ts';
import { unitParents } from '#app/features/reference-data/unit-tree.server.ts';
import { subtreeIn } from '#app/features/reference-data/unit-tree.ts';
import {
  belongsUnder,
  canTakeAction,
  canViewContact,
  canViewCase,
  independenceRefusal,
  type Actor,
  type CaseScope,
} from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db, type Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { civilDateIn, compareCivilDates, endOfCivilDay, isoDate, parseIsoDate, startOfCivilDay } from '#app/platform/time/civil-date.ts';
import { AGREEMENT_EVENT, agreementProblems, isAgreementKind, maySettle } from './agreements.ts';
import { SCOPE_SELECT, scopeFrom } from './case-scope.server.ts';
import { stepBlocker, type StepState } from './case-steps.ts';
import { claimsOf, recordAnswers, replaceClaims } from './claims.server.ts';
import { answerProblems, CLAIM_ANSWER_FIELDS, claimsProblem, needsLegalBasis, type ClaimAnswer } from './claims.ts';
import { serviceClock, workingDayClock } from './clock.server.ts';
import {
  hearingPauseDays,
  postponedDeadline,
  reReviewRequestDeadline,
  replyDeadline,
  reviewRequestDeadline,
  STATUTORY_LIMITS,
  unitObjectionDeadline,
} from './deadlines.ts';
import { declineMessage, needsDetail, type DeclineReason } from './decline-reasons.ts';
import { declineTexts } from './decline-texts.server.ts';
import { parseLegalReferences, type LegalReferencesCode } from './legal-references.ts';
import { activeDeadlineField, isOpenStatus, nextStatus, type CaseAction, type CaseStatus } from './lifecycle.ts';
import { followMainCase, ownNextDue, ownStatus, type MainCaseStep } from './merged-cases.server.ts';
import { decisionUnderReview, type ReviewStage } from './review-stage.server.ts';
import { routingTargets } from './routing.server.ts';
import type { CitizenTemplate } from '#app/features/notifications/topics.ts';
import type { CaseActionField } from './action-fields.ts';
import type { CaseEventType } from './events.ts';
import type { OpinionOutcome } from './opinions.ts';

export type ActionInput =
  /** With the case's claims, one per entry; null takes the letter's subject as its one claim (a bulk acceptance). */
  | { action: 'accept'; claims?: string[] | null }
  | { action: 'setClaims'; claims: string[] }
  | { action: 'startWork' }
  /** A standard reason; staff's own words (what is missing, or the reason for "other"); where to go instead, or '' for the standard text. */
  | { action: 'decline'; reason: DeclineReason | null; detail: string; referral: string }
  | { action: 'forward'; agency: string; message: string }
  /** With a day for the unit's completion report (交办, art. 22(3)), or none. */
  | { action: 'assign'; unitId: string; assigneeId: string | null; reportDueOn?: string | null }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'reply'; message: string; legalBasis: string; legalReferences: string; answers: ClaimAnswer[] }
  /** Art. 33: the kind of agreement, the other party, the terms, and both parties' consent. */
  | { action: 'settle'; agreement: string; party: string; terms: string; citizenConsent: boolean; partyConsent: boolean }
  | { action: 'note'; message: string }
  | { action: 'merge'; intoReceiptNo: string }
  | { action: 'unmerge'; reason: string }
  | { action: 'close'; message: string | null }
  | { action: 'issueReview'; message: string; outcome: OpinionOutcome | null }
  | { action: 'issueReReview'; message: string; outcome: OpinionOutcome | null; publish?: boolean }
  | { action: 'startHearing'; hearingOn: string }
  | { action: 'recordHearing'; heldOn: string; hearingResult: string }
  | { action: 'object'; reason: string }
  | { action: 'decideObjection'; decision: 'accept' | 'reject' | null; unitId: string | null; reason: string }
  /** With the documents it attaches, already checked and stored (completion-report.server.ts). */
  | { action: 'fileReport'; findings: string; documents?: readonly StoredAttachment[] }
  | { action: 'decideReport'; decision: 'accept' | 'return' | null; reason: string }
  | { action: 'recuse'; reason: string }
  | { action: 'recordConflict'; staffId: string; reason: string }
  /** The unit's id, or 'unknown' for a body outside the tree or one the reporter does not know. */
  | { action: 'correctReport'; reportedUnit: string; official: string };

export const EVENT_TYPE: Record<CaseAction, CaseEventType> = {
  accept: 'ACCEPTED',
  setClaims: 'CLAIMS_SET',
  decline: 'DECLINED',
  forward: 'FORWARDED',
  merge: 'MERGED',
  unmerge: 'UNMERGED',
  withdraw: 'WITHDRAWN',
  assign: 'ASSIGNED',
  startWork: 'WORK_STARTED',
  extend: 'EXTENDED',
  reply: 'REPLY_PUBLISHED',
  // A mediation is MEDIATED (planSettle names it); a settlement is SETTLED.
  settle: 'SETTLED',
  note: 'NOTE',
  requestReview: 'REVIEW_REQUESTED',
  issueReview: 'REVIEW_ISSUED',
  requestReReview: 'RE_REVIEW_REQUESTED',
  issueReReview: 'RE_REVIEW_ISSUED',
  close: 'CLOSED',
  startHearing: 'HEARING_STARTED',
  recordHearing: 'HEARING_HELD',
  object: 'OBJECTED',
  decideObjection: 'OBJECTION_ACCEPTED',
  fileReport: 'REPORT_FILED',
  decideReport: 'REPORT_ACCEPTED',
  recuse: 'STAFF_RECUSED',
  recordConflict: 'STAFF_RECUSED',
  correctReport: 'REPORTED_PARTY_CHANGED',
};

/** Reworks after which a case goes to the supervisors (提级督办, art. 22(3)). */
export const ESCALATE_AFTER_REWORKS = 3;

const CASE_INCLUDE = {
  reportedParty: { select: { unitId: true, officialName: true } },
  recusals: { select: { staffId: true } },
} as const;

async function loadForAction(caseId: string) {
  return await db().case.findUnique({ where: { id: caseId }, include: CASE_INCLUDE });
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof loadForAction>>>;

export function scopeOf(row: CaseRow): CaseScope {
  return scopeFrom(row);
}

export { SCOPE_SELECT };

/** Loads a case the actor may see, or throws NotFoundError (never revealing that it exists). */
export async function caseForActor(actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await loadForAction(caseId);
  if (!row || !canViewCase(actor, scopeOf(row))) throw new NotFoundError('case');
  return row;
}

/** A step taken (the case's new version and status; `left` when the actor may no longer see it), or why not. */
export type CaseActionOutcome = Outcome<CaseActionField, { version: number; caseStatus: CaseStatus; left: boolean }>;

/** The step being written: the case's new version and status, the case as read, who, and when. */
interface StepContext {
  version: number;
  to: CaseStatus;
  row: CaseRow;
  actor: Actor;
  now: Date;
}

interface Planned {
  data: Prisma.CaseUncheckedUpdateManyInput;
  event: { visibility: 'PUBLIC' | 'INTERNAL'; message: string | null; data: Prisma.InputJsonObject; type?: CaseEventType };
  /** A status other than the lifecycle table's (unmerge: ACCEPTED when the main case's acceptance reached it). */
  status?: CaseStatus;
  /** Everything else the step writes, in its transaction: records, audit, messages, merged cases. */
  write?: (tx: Tx, step: StepContext) => Promise<void>;
  /** The actor may no longer see the case afterwards (they withdrew from it, or it now accuses their unit). */
  leaves?: boolean;
}

/** Why the action does not apply to the case or its input: a field's code, or the whole form's. */
interface NotApplicable {
  field: CaseActionField | null;
  code: string;
  /** Every field's problem, when the form has several (the reply's answers). */
  more?: Partial<Record<CaseActionField, string>>;
}

const notApplicable = (field: CaseActionField | null, code: string): NotApplicable => ({ field, code });
const isNotApplicable = (value: Planned | NotApplicable): value is NotApplicable => 'code' in value;

/** The end of a day typed as YYYY-MM-DD in the service's zone, or null for no such day. */
function endOfTypedDay(day: string): Date | null {
  const date = parseIsoDate(day.trim());
  return date ? endOfCivilDay(date, serviceClock().timeZone) : null;
}

/** The day typed, compared with today in the service's zone (negative: before today), or null for no such day. */
function dayFromToday(day: string, now: Date): number | null {
  const date = parseIsoDate(day.trim());
  return date ? compareCivilDates(date, civilDateIn(now, serviceClock().timeZone)) : null;
}

/** The units a report of misconduct accuses: nobody there may receive it (arts. 30, 46(5)). */
async function barredUnits(row: CaseRow): Promise<Set<string>> {
  const reported = row.reportedParty?.unitId ?? null;
  return reported ? subtreeIn(await unitParents(), reported) : new Set();
}

/** A unit the case may be sent to now: active, not accused by it, not the one whose decision is under review. */
async function checkDestination(row: CaseRow, unitId: string | null): Promise<NotApplicable | { id: string }> {
  const unit = unitId ? await db().unit.findFirst({ where: { id: unitId, active: true }, select: { id: true } }) : null;
  if (!unit) return notApplicable('unitId', 'unitRequired');
  if ((await barredUnits(row)).has(unit.id)) return notApplicable('unitId', 'reportedUnit');
  const stage = reviewStageOf(row.status);
  if (stage) {
    const decidedBy = stage === 'review' ? row.repliedByUnitId : row.reviewedByUnitId;
    if (decidedBy && subtreeIn(await unitParents(), decidedBy).has(unit.id)) return notApplicable('unitId', 'reviewedUnit');
  }
  return unit;
}

/** The review a case is waiting for, if any. */
function reviewStageOf(status: CaseStatus): ReviewStage | null {
  if (status === 'REVIEW_REQUESTED') return 'review';
  return status === 'RE_REVIEW_REQUESTED' ? 'reReview' : null;
}

/** Arts. 35, 36: throws when the actor took part in the decision under review, or is in the unit that made it. */
async function requireIndependent(actor: Actor, row: CaseRow, stage: ReviewStage): Promise<void> {
  const refusal = independenceRefusal(actor, await decisionUnderReview(row, stage));
  if (refusal) throw new ForbiddenError(`not independent of the decision under review (${refusal})`);
}

async function plan(actor: Actor, row: CaseRow, input: ActionInput, now: Date): Promise<Planned | NotApplicable> {
  // Working-day limits (art. 23's objection) read a current holiday calendar.
  const c = await workingDayClock();
  switch (input.action) {
    case 'accept': {
      const claims = input.claims ?? [row.subject];
      const problem = claimsProblem(claims);
      if (problem) return notApplicable('claims', problem);
      const replyDueAt = replyDeadline(now, null, c);
      const follow = followed({
        event: { type: 'ACCEPTED', message: null, data: { replyDueAt: replyDueAt.toISOString() } },
        data: { acceptedAt: now, replyDueAt },
        toStatus: 'stay',
        reaches: 'following',
        template: 'case.accepted',
      });
      return {
        data: { acceptedAt: now, replyDueAt },
        event: { visibility: 'PUBLIC', message: numbered(claims), data: { replyDueAt: replyDueAt.toISOString(), claims } },
        write: async (tx, step) => {
          await replaceClaims(tx, row.id, claims);
          await follow?.(tx, step);
        },
      };
    }
    case 'setClaims': {
      const problem = claimsProblem(input.claims);
      if (problem) return notApplicable('claims', problem);
      const before = (await claimsOf(row.id)).map((claim) => claim.text);
      if (before.length === input.claims.length && before.every((text, i) => text === input.claims[i]))
        return notApplicable('claims', 'claimsUnchanged');
      return {
        data: {},
        // The citizen sees the requests the office has recorded, so they can say when one is missing.
        event: { visibility: 'PUBLIC', message: numbered(input.claims), data: { before, claims: input.claims } },
        write: async (tx) => await replaceClaims(tx, row.id, input.claims),
      };
    }
    case 'startWork':
      return { data: {}, event: { visibility: 'INTERNAL', message: null, data: {} } };
    case 'decline': {
      if (!input.reason) return notApplicable('reason', 'declineReasonRequired');
      const detail = input.detail.trim();
      if (needsDetail(input.reason) && !detail) return notApplicable('detail', 'detailRequired');
      // The citizen reads it in their own language; the standard referral unless staff wrote their own.
      const standard = await declineTexts(input.reason, row.citizenLocale);
      const referral = input.referral.trim() || standard.referral;
      const reasonText = standard.reason;
      const message = declineMessage({ reason: reasonText, detail, referral });
      const reason = input.reason;
      return {
        data: { closedAt: now, objectionDueAt: null, declineReason: reason },
        event: { visibility: 'PUBLIC', message, data: { reason, reasonText, detail, referral } },
        write: followed({
          event: { type: 'DECLINED', message, data: { reason, reasonText, detail, referral } },
          data: { closedAt: now, declineReason: reason },
          toStatus: 'NOT_ACCEPTED',
          reaches: 'following',
          template: 'case.declined',
        }),
      };
    }
    case 'forward': {
      const agency = input.agency.trim();
      if (!agency) return notApplicable('agency', 'agencyRequired');
      // A report never goes to the body it accuses, by name either.
      if (await namesBarredUnit(row, agency)) return notApplicable('agency', 'reportedUnit');
      const message = input.message.trim() || null;
      return {
        data: { transferredTo: agency, closedAt: now, objectionDueAt: null },
        event: { visibility: 'PUBLIC', message, data: { agency } },
        write: followed({
          event: { type: 'FORWARDED', message, data: { agency } },
          data: { transferredTo: agency, closedAt: now },
          toStatus: 'TRANSFERRED',
          reaches: 'following',
          template: 'case.forwarded',
        }),
      };
    }
    case 'assign': {
      const unit = await checkDestination(row, input.unitId);
      if ('code' in unit) return unit;
      if (input.assigneeId) {
        const assignee = await db().staffUser.findFirst({
          where: { id: input.assigneeId, active: true, unitId: unit.id, role: 'HANDLER' },
        });
        if (!assignee) return notApplicable('assigneeId', 'assigneeNotInUnit');
        if (scopeOf(row).recusedStaffIds.includes(assignee.id)) return notApplicable('assigneeId', 'assigneeRecused');
        const stage = reviewStageOf(row.status);
        if (stage && (await decisionUnderReview(row, stage)).participantIds.includes(assignee.id))
          return notApplicable('assigneeId', 'assigneeTookPart');
      }
      let reportDueAt: Date | null = null;
      if (input.reportDueOn?.trim()) {
        const ahead = dayFromToday(input.reportDueOn, now);
        reportDueAt = endOfTypedDay(input.reportDueOn);
        if (ahead === null || ahead <= 0 || !reportDueAt) return notApplicable('reportDueOn', 'reportDueOn');
      }
      // Art. 23: a unit that newly receives a case before its reply may object within 5 working days.
      const newUnit = unit.id !== row.unitId;
      const objectionDueAt =
        newUnit && ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'].includes(row.status) ? unitObjectionDeadline(now, c) : undefined;
      return {
        data: { unitId: unit.id, assigneeId: input.assigneeId, reportDueAt, ...(objectionDueAt ? { objectionDueAt } : {}) },
        event: {
          visibility: 'PUBLIC',
          message: null,
          data: { unitId: unit.id, assigneeId: input.assigneeId, ...(reportDueAt ? { reportDueAt: reportDueAt.toISOString() } : {}) },
        },
      };
    }
    case 'extend': {
      if (row.extensionDays) return notApplicable(null, 'alreadyExtended');
      if (!Number.isInteger(input.days) || input.days < 1 || input.days > STATUTORY_LIMITS.maxExtensionDays)
        return notApplicable('days', 'extensionDays');
      if (!row.acceptedAt) return notApplicable(null, 'notAccepted');
      const reason = input.reason.trim();
      if (!reason) return notApplicable('reason', 'reasonRequired');
      const replyDueAt = replyDeadline(row.acceptedAt, input.days, c);
      const data = { days: input.days, replyDueAt: replyDueAt.toISOString() };
      return {
        data: { extensionDays: input.days, extensionReason: reason, replyDueAt },
        event: { visibility: 'PUBLIC', message: reason, data },
        write: followed({
          event: { type: 'EXTENDED', message: reason, data },
          data: { extensionDays: input.days, extensionReason: reason, replyDueAt },
          toStatus: 'stay',
          reaches: 'following',
          template: 'case.extended',
        }),
      };
    }
    case 'reply':
      return await planReply(row, input, now);
    case 'settle':
      return await planSettle(row, input, now);
    case 'note': {
      const message = input.message.trim();
      if (!message) return notApplicable('message', 'messageRequired');
      return { data: {}, event: { visibility: 'INTERNAL', message, data: {} } };
    }
    case 'merge':
      return await planMerge(actor, row, input.intoReceiptNo);
    case 'unmerge': {
      const reason = input.reason.trim();
      if (!reason) return notApplicable('reason', 'reasonRequired');
      const to = ownStatus(row);
      return {
        status: to,
        data: { mergedIntoId: null, nextDueAt: ownNextDue(row) },
        // The citizen is told their case is handled on its own again; the reason is staff's.
        event: { visibility: 'PUBLIC', message: null, data: { reason, from: row.mergedIntoId } },
        write: async (tx) => {
          await note(tx, row.id, actor, reason, now);
        },
      };
    }
    case 'close':
      return { data: { closedAt: now }, event: { visibility: 'PUBLIC', message: input.message?.trim() || null, data: {} } };
    case 'issueReview':
    case 'issueReReview': {
      const stage: ReviewStage = input.action === 'issueReview' ? 'review' : 'reReview';
      const publish = input.action === 'issueReReview' && input.publish === true;
      await requireIndependent(actor, row, stage);
      const message = input.message.trim();
      if (!input.outcome) return notApplicable('outcome', 'outcomeRequired');
      if (!message) return notApplicable('message', 'messageRequired');
      if (stage === 'review') {
        // Art. 35: the review opinion, in writing; the citizen may then ask for re-review within 30 days.
        const reReviewRequestDueAt = reReviewRequestDeadline(now, c);
        const data = { outcome: input.outcome, reReviewRequestDueAt: reReviewRequestDueAt.toISOString() };
        return {
          data: { reReviewRequestDueAt, reviewedByUnitId: row.unitId },
          event: { visibility: 'PUBLIC', message, data },
          write: followed(joinedOutcome(stage, input.outcome, message)),
        };
      }
      // Art. 36: the re-review opinion is final; a hearing must be over first, and only an opinion
      // that followed a hearing may be published.
      if (publish && !row.hearingHeld) return notApplicable('publish', 'publishWithoutHearing');
      return {
        data: { closedAt: now },
        event: { visibility: 'PUBLIC', message, data: { outcome: input.outcome, published: publish } },
        write: followed(joinedOutcome(stage, input.outcome, message)),
      };
    }
    case 'startHearing': {
      await requireIndependent(actor, row, 'reReview');
      // Art. 36: the hearing's time does not count towards the re-review's 30 days. It is arranged
      // for a day from today to the day the opinion is due (a clock is never stopped backwards),
      // and may be moved until that day comes. The clock runs until then; the deadline sweep
      // stops it on the day (app/jobs/deadline-sweep.server.ts).
      const day = parseIsoDate(input.hearingOn.trim());
      if (!day || !row.reReviewDueAt) return notApplicable('hearingOn', 'hearingOn');
      if (
        compareCivilDates(day, civilDateIn(now, c.timeZone)) < 0 ||
        compareCivilDates(day, civilDateIn(row.reReviewDueAt, c.timeZone)) > 0
      )
        return notApplicable('hearingOn', 'hearingOn');
      const hearingSince = startOfCivilDay(day, c.timeZone);
      const begun = hearingSince.getTime() <= now.getTime();
      return {
        data: { hearingSince, nextDueAt: begun ? null : row.reReviewDueAt },
        event: { visibility: 'PUBLIC', message: null, data: { hearingOn: isoDate(day) } },
      };
    }
    case 'recordHearing': {
      await requireIndependent(actor, row, 'reReview');
      if (!row.hearingSince || !row.reReviewDueAt) return notApplicable(null, 'noHearing');
      const held = parseIsoDate(input.heldOn.trim());
      const since = civilDateIn(row.hearingSince, c.timeZone);
      if (!held || compareCivilDates(held, since) < 0 || compareCivilDates(held, civilDateIn(now, c.timeZone)) > 0)
        return notApplicable('heldOn', 'heldOn');
      const result = input.hearingResult.trim();
      if (!result) return notApplicable('hearingResult', 'hearingResultRequired');
      const pausedDays = hearingPauseDays(row.hearingSince, held, c);
      const reReviewDueAt = postponedDeadline(row.reReviewDueAt, pausedDays, c);
      return {
        data: { hearingSince: null, hearingHeld: true, reReviewDueAt, nextDueAt: reReviewDueAt },
        event: {
          visibility: 'PUBLIC',
          message: result,
          data: { heldOn: input.heldOn.trim(), pausedDays, reReviewDueAt: reReviewDueAt.toISOString() },
        },
      };
    }
    case 'object': {
      // Art. 23: within 5 working days of receiving the case (stepBlocker), with a detailed reason.
      const reason = input.reason.trim();
      if (reason.length < OBJECTION_REASON_MIN) return notApplicable('reason', 'objectionReason');
      const unitId = row.unitId;
      return {
        // Back to the office that routed it, marked as objected.
        data: { objectingUnitId: unitId, unitId: null, assigneeId: null },
        event: { visibility: 'INTERNAL', message: reason, data: { unitId } },
        leaves: actor.role === 'HANDLER',
        write: async (tx, step) => {
          await queueStaffMessages(
            tx,
            await supervisorRecipients(tx),
            'assignment',
            'staff.assigned',
            `${row.id}:objected:v${step.version}`,
            {
              caseId: row.id,
            },
          );
        },
      };
    }
    case 'decideObjection': {
      if (!row.objectingUnitId) return notApplicable(null, 'noObjection');
      const reason = input.reason.trim();
      if (input.decision === 'accept') {
        if (input.unitId === row.objectingUnitId) return notApplicable('unitId', 'sameUnit');
        const unit = await checkDestination(row, input.unitId);
        if ('code' in unit) return unit;
        return {
          data: { unitId: unit.id, assigneeId: null, objectingUnitId: null, objectionDueAt: unitObjectionDeadline(now, c) },
          event: { visibility: 'INTERNAL', message: reason || null, data: { from: row.objectingUnitId, to: unit.id } },
        };
      }
      if (input.decision !== 'reject') return notApplicable('decision', 'decisionRequired');
      if (!reason) return notApplicable('reason', 'reasonRequired');
      const unitId = row.objectingUnitId;
      return {
        // The unit keeps the case, and the chance to object is spent.
        data: { unitId, objectingUnitId: null, objectionDueAt: null },
        event: { type: 'OBJECTION_REJECTED', visibility: 'INTERNAL', message: reason, data: { unitId } },
        write: async (tx, step) => {
          await queueStaffMessages(
            tx,
            await caseWorkerRecipients(tx, null, unitId),
            'assignment',
            'staff.assigned',
            `${row.id}:objectionRejected:v${step.version}`,
            { caseId: row.id },
          );
        },
      };
    }
    case 'fileReport': {
      const findings = input.findings.trim();
      if (!findings) return notApplicable('findings', 'findingsRequired');
      return {
        data: {},
        event: { visibility: 'INTERNAL', message: findings, data: {} },
        write: async (tx, step) => {
          const report = await tx.completionReport.create({
            data: { caseId: row.id, unitId: row.unitId, authorId: actor.id, findings, createdAt: now },
          });
          await insertAttachmentRows(tx, row.id, input.documents ?? [], { type: 'STAFF', id: actor.id }, 'completionReport', now, {
            completionReportId: report.id,
          });
          await queueStaffMessages(
            tx,
            await assignerRecipients(tx, row.id),
            'assignment',
            'staff.assigned',
            `${row.id}:report:v${step.version}`,
            {
              caseId: row.id,
              data: { reportId: report.id },
            },
          );
        },
      };
    }
    case 'decideReport': {
      const report = await db().completionReport.findFirst({
        where: { caseId: row.id, status: 'PENDING' },
        orderBy: { createdAt: 'desc' },
      });
      if (!report) return notApplicable(null, 'noReportPending');
      const reason = input.reason.trim();
      if (input.decision === 'accept') {
        return {
          data: { reportDueAt: null },
          event: { visibility: 'INTERNAL', message: reason || null, data: { reportId: report.id } },
          write: async (tx) => {
            await tx.completionReport.update({
              where: { id: report.id },
              data: { status: 'ACCEPTED', decidedById: actor.id, decisionReason: reason || null, decidedAt: now },
            });
          },
        };
      }
      if (input.decision !== 'return') return notApplicable('decision', 'decisionRequired');
      if (!reason) return notApplicable('reason', 'reasonRequired');
      const reworks = row.reworkCount + 1;
      const escalate = reworks >= ESCALATE_AFTER_REWORKS && !row.escalatedAt;
      return {
        data: { reworkCount: reworks, ...(escalate ? { escalatedAt: now } : {}) },
        event: { type: 'REPORT_RETURNED', visibility: 'INTERNAL', message: reason, data: { reportId: report.id, reworks } },
        write: async (tx, step) => {
          await tx.completionReport.update({
            where: { id: report.id },
            data: { status: 'RETURNED', decidedById: actor.id, decisionReason: reason, decidedAt: now },
          });
          await queueStaffMessages(
            tx,
            await caseWorkerRecipients(tx, row.assigneeId, row.unitId),
            'assignment',
            'staff.assigned',
            `${row.id}:reportReturned:v${step.version}`,
            { caseId: row.id },
          );
          if (escalate) {
            // Three reworks: the supervisors take the case in hand (提级督办).
            await tx.caseEvent.create({
              data: {
                caseId: row.id,
                type: 'ESCALATED' satisfies CaseEventType,
                visibility: 'INTERNAL',
                actorType: 'SYSTEM',
                data: { reworks },
                createdAt: now,
              },
            });
            await queueStaffMessages(tx, await supervisorRecipients(tx), 'assignment', 'staff.assigned', `${row.id}:escalated`, {
              caseId: row.id,
            });
          }
        },
      };
    }
    case 'recuse':
    case 'recordConflict': {
      const staffId = input.action === 'recuse' ? actor.id : input.staffId;
      const reason = input.reason.trim();
      if (input.action === 'recordConflict') {
        const person = await db().staffUser.findFirst({
          where: { id: staffId, active: true, role: { in: ['CLERK', 'HANDLER', 'SUPERVISOR'] } },
          select: { id: true },
        });
        if (!person || staffId === actor.id) return notApplicable('staffId', 'staffRequired');
      }
      if (scopeOf(row).recusedStaffIds.includes(staffId)) return notApplicable('staffId', 'alreadyRecused');
      if (!reason) return notApplicable('reason', 'reasonRequired');
      return {
        data: row.assigneeId === staffId ? { assigneeId: null } : {},
        // The citizen is told that someone withdrew (art. 28), never who; staff see who in the record.
        event: { visibility: 'PUBLIC', message: null, data: { staffId, declaredBy: actor.id } },
        leaves: staffId === actor.id,
        write: async (tx) => {
          await tx.recusal.create({ data: { caseId: row.id, staffId, reason, recordedById: actor.id, createdAt: now } });
          await audit(
            {
              action: 'case.recused',
              actorId: actor.id,
              targetType: 'Case',
              targetId: row.id,
              details: { staffId, reason, receiptNo: row.receiptNo, self: staffId === actor.id },
            },
            tx,
          );
        },
      };
    }
    case 'correctReport':
      return await planReportCorrection(actor, row, input, now);
  }
}

/** Art. 23 asks for a detailed reason: more than a word or two. */
export const OBJECTION_REASON_MIN = 10;

/** A list as the citizen's timeline shows it: "1. …" one per line. */
const numbered = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

/**
 * The written reply (信访处理意见书, art. 32): every claim answered with an outcome of the case's
 * class and its reasons, the legal and policy basis (not for an inquiry), and the answer itself.
 */
const LEGAL_REFERENCES_ERRORS: Record<LegalReferencesCode, string> = {
  format: 'legalReferencesFormat',
  tooMany: 'legalReferencesTooMany',
  lawTooLong: 'legalReferencesLawTooLong',
};

async function planReply(row: CaseRow, input: Extract<ActionInput, { action: 'reply' }>, now: Date): Promise<Planned | NotApplicable> {
  const claims = await claimsOf(row.id);
  if (claims.length === 0) return notApplicable(null, 'claimsFirst');
  const problems = answerProblems(
    row.kind,
    claims.map((claim) => claim.position),
    input.answers,
  );
  const first = CLAIM_ANSWER_FIELDS.find((field) => problems[field]);
  if (first) return { field: first, code: problems[first]!, more: problems };
  const legalBasis = input.legalBasis.trim();
  if (!legalBasis && needsLegalBasis(row.kind)) return notApplicable('legalBasis', 'legalBasisRequired');
  const references = parseLegalReferences(input.legalReferences);
  if (!references.ok) return notApplicable('legalReferences', LEGAL_REFERENCES_ERRORS[references.code]);
  const legalReferences = references.references;
  const message = input.message.trim();
  if (!message) return notApplicable('message', 'messageRequired');
  const answers = claims.map((claim) => {
    const answer = input.answers.find((a) => a.position === claim.position)!;
    return { position: claim.position, text: claim.text, outcome: answer.outcome, reasons: answer.reasons.trim() };
  });
  const reviewRequestDueAt = reviewRequestDeadline(now, serviceClock());
  // The reply's unit is the one whose decision a review looks at (art. 35).
  const replied = { repliedAt: now, reviewRequestDueAt, repliedByUnitId: row.unitId };
  const follow = followed({
    // Merged citizens get the answer, masked; not the claims, which were another citizen's words.
    event: { type: 'REPLY_PUBLISHED', message, data: {} },
    // Each merged citizen gets the answer as their own, with their own window to ask for review.
    data: { ...replied, nextDueAt: null },
    toStatus: 'REPLIED',
    reaches: 'following',
    template: 'case.replied',
  });
  return {
    data: { ...replied, objectionDueAt: null, legalBasis: legalBasis || null, legalReferences },
    event: { visibility: 'PUBLIC', message, data: { answers, legalBasis, legalReferences } },
    write: async (tx, step) => {
      await recordAnswers(tx, row.id, answers, now);
      await follow?.(tx, step);
    },
  };
}

/**
 * Art. 33: the case ends in a mediation or settlement agreement instead of a decision. The terms are
 * the written answer (the 调解协议书 / 和解协议书 is built from them), and the citizen keeps the 30
 * days to ask for review. Cases merged into this one are other citizens, who were no party to it:
 * they must be answered by a decision (or unmerged) first.
 */
async function planSettle(row: CaseRow, input: Extract<ActionInput, { action: 'settle' }>, now: Date): Promise<Planned | NotApplicable> {
  if (!maySettle(row.kind)) return notApplicable(null, 'settleOnlyRequests');
  const problems = agreementProblems(input);
  const agreement = input.agreement;
  if (problems.length > 0 || !isAgreementKind(agreement))
    return { field: problems[0]!.field, code: problems[0]!.code, more: Object.fromEntries(problems.map((p) => [p.field, p.code])) };
  if ((await db().case.count({ where: { mergedIntoId: row.id, status: 'MERGED' } })) > 0) return notApplicable(null, 'settleMerged');
  const party = input.party.trim();
  const terms = input.terms.trim();
  const reviewRequestDueAt = reviewRequestDeadline(now, serviceClock());
  return {
    data: {
      repliedAt: now,
      reviewRequestDueAt,
      repliedByUnitId: row.unitId,
      objectionDueAt: null,
      agreementKind: agreement,
      agreementParty: party,
    },
    event: { type: AGREEMENT_EVENT[agreement], visibility: 'PUBLIC', message: terms, data: { agreement, party } },
  };
}

type Followed = Omit<MainCaseStep, 'mainId' | 'actorId' | 'cause' | 'now'>;

/** A step of a main case that its merged cases follow (merged-cases.server.ts), written with it. */
function followed(step: Followed): Planned['write'] {
  return async (tx, ctx) => {
    await followMainCase(tx, { ...step, mainId: ctx.row.id, actorId: ctx.actor.id, cause: `${ctx.row.id}:v${ctx.version}`, now: ctx.now });
  };
}

/** A review's outcome on a main case reaches every case joined to it, as news about their matter. */
function joinedOutcome(stage: ReviewStage, outcome: OpinionOutcome, message: string): Followed {
  return {
    event: { type: 'JOINED_CASE_REVIEWED', message, data: { stage, outcome } },
    data: {},
    toStatus: 'stay',
    reaches: 'joined',
    template: 'case.replied',
  };
}

async function note(tx: Tx, caseId: string, actor: Actor, message: string, now: Date): Promise<void> {
  await tx.caseEvent.create({
    data: {
      caseId,
      type: 'NOTE' satisfies CaseEventType,
      visibility: 'INTERNAL',
      actorType: 'STAFF',
      actorId: actor.id,
      message,
      createdAt: now,
    },
  });
}

/** Whoever assigned the case (the last assignment's author), for the unit's completion report. */
async function assignerRecipients(tx: Tx, caseId: string) {
  const assigned = await tx.caseEvent.findFirst({
    where: { caseId, type: 'ASSIGNED' },
    orderBy: { id: 'desc' },
    select: { actorId: true },
  });
  if (!assigned?.actorId) return await supervisorRecipients(tx);
  return await tx.staffUser.findMany({ where: { id: assigned.actorId, active: true }, select: { id: true, mutedNotifications: true } });
}

/** Whether an agency's name is that of a unit the report accuses (in any of its languages). */
async function namesBarredUnit(row: CaseRow, agency: string): Promise<boolean> {
  const barred = await barredUnits(row);
  if (barred.size === 0) return false;
  const units = await db().unit.findMany({
    where: { id: { in: [...barred] } },
    select: { nameZhHans: true, nameZhHant: true, nameEn: true },
  });
  const typed = normalizeName(agency);
  return units.some((u) => [u.nameZhHans, u.nameZhHant, u.nameEn].some((name) => normalizeName(name) === typed));
}

const normalizeName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * A merge joins a case to another on the same matter that is still being handled (its main case):
 * one the actor may see, not itself merged, not answered yet; a case others follow cannot follow
 * another; a report of misconduct joins only a report about the same unit.
 */
async function planMerge(actor: Actor, row: CaseRow, intoReceiptNo: string): Promise<Planned | NotApplicable> {
  const target = intoReceiptNo ? await db().case.findUnique({ where: { receiptNo: intoReceiptNo }, include: CASE_INCLUDE }) : null;
  if (!target || target.id === row.id || !canViewCase(actor, scopeOf(target))) return notApplicable('intoReceiptNo', 'mergeTarget');
  if (target.mergedIntoId || !['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'].includes(target.status))
    return notApplicable('intoReceiptNo', 'mergeTargetNotOpen');
  if ((await db().case.count({ where: { mergedIntoId: row.id, status: 'MERGED' } })) > 0) return notApplicable(null, 'hasMergedCases');
  const report = row.kind === 'MISCONDUCT_REPORT';
  if (report !== (target.kind === 'MISCONDUCT_REPORT') || (row.reportedParty?.unitId ?? null) !== (target.reportedParty?.unitId ?? null))
    return notApplicable('intoReceiptNo', 'mergeReport');
  // The main case's acceptance and deadlines are the merged case's from now on.
  const follow = target.acceptedAt
    ? {
        acceptedAt: target.acceptedAt,
        replyDueAt: target.replyDueAt,
        extensionDays: target.extensionDays,
        extensionReason: target.extensionReason,
      }
    : {};
  return {
    data: { mergedIntoId: target.id, objectionDueAt: null, ...follow },
    event: { visibility: 'PUBLIC', message: null, data: { into: target.receiptNo } },
  };
}

/**
 * The office corrects whom a report of misconduct is about (audited). The bar moves with it: a case
 * now with a unit it accuses goes to the discipline body (or back to the office), and the actor
 * loses the case if it now accuses their own unit.
 */
async function planReportCorrection(
  actor: Actor,
  row: CaseRow,
  input: Extract<ActionInput, { action: 'correctReport' }>,
  now: Date,
): Promise<Planned | NotApplicable> {
  const choice = input.reportedUnit.trim();
  const unit =
    choice === 'unknown'
      ? null
      : await db().unit.findFirst({ where: { id: choice }, select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true } });
  if (choice !== 'unknown' && !unit) return notApplicable('reportedUnit', 'reportedUnitRequired');
  const official = input.official.trim();
  if (official.length > 200) return notApplicable('reportedOfficial', 'tooLong');
  const before = { unitId: row.reportedParty?.unitId ?? null, officialName: row.reportedParty?.officialName ?? null };
  const after = { unitId: unit?.id ?? null, officialName: official || null };
  if (before.unitId === after.unitId && before.officialName === after.officialName) return notApplicable(null, 'unchanged');
  const parents = await unitParents();
  const barred = subtreeIn(parents, after.unitId);
  const data: Prisma.CaseUncheckedUpdateManyInput = {};
  if (row.unitId && barred.has(row.unitId)) {
    const discipline = (await routingTargets()).disciplineUnitId;
    data.unitId = discipline && !barred.has(discipline) ? discipline : null;
    data.assigneeId = null;
    data.objectingUnitId = null;
  } else if (row.assigneeId) {
    const assignee = await db().staffUser.findUnique({ where: { id: row.assigneeId }, select: { unitId: true } });
    if (assignee?.unitId && barred.has(assignee.unitId)) data.assigneeId = null;
  }
  const leaves = belongsUnder(actor, after.unitId);
  return {
    data,
    event: { visibility: 'INTERNAL', message: null, data: { before, after } },
    leaves,
    write: async (tx) => {
      await tx.reportedParty.upsert({
        where: { caseId: row.id },
        create: { caseId: row.id, ...after, createdAt: now },
        update: after,
      });
      await audit(
        {
          action: 'report.partyCorrected',
          actorId: actor.id,
          targetType: 'Case',
          targetId: row.id,
          details: { receiptNo: row.receiptNo, before, after, unitName: unit ? localizedName(unit, 'zh-Hans') : null },
        },
        tx,
      );
    },
  };
}

/** The case as the steps that depend on its state see it (case-steps.ts). */
export async function stepState(row: CaseRow): Promise<StepState> {
  const pending = await db().completionReport.count({ where: { caseId: row.id, status: 'PENDING' } });
  return { ...row, reportPending: pending > 0 };
}

/** The stored deadline staff now work against, for the queue's order. */
function nextDueFor(status: CaseStatus, row: CaseRow, data: Prisma.CaseUncheckedUpdateManyInput): Date | null {
  if ('nextDueAt' in data) {
    const planned = data.nextDueAt;
    return planned instanceof Date ? planned : null;
  }
  const field = activeDeadlineField(status);
  if (!field) return null;
  const updated = data[field];
  return updated instanceof Date ? updated : row[field];
}

/** A step checked against the role, the lifecycle and the case, and planned: ready to write. */
interface PreparedStep {
  input: ActionInput;
  planned: Planned;
  from: CaseStatus;
  to: CaseStatus;
}

type Refused = Extract<CaseActionOutcome, { ok: false }>;

/**
 * Checks one step on the case as it stands (or would stand, in status `from`, after an earlier step
 * of the same submission) and plans it. The role is a ForbiddenError; the rest is a refusal.
 */
async function prepareStep(
  actor: Actor,
  row: CaseRow,
  input: ActionInput,
  now: Date,
  from: CaseStatus = row.status,
): Promise<PreparedStep | Refused> {
  if (!canTakeAction(actor, input.action, scopeOf(row))) throw new ForbiddenError(`case action ${input.action}`);
  const listed = nextStatus(from, input.action);
  if (!listed) return refusedFor('notAllowedNow', 422);
  const blocker = stepBlocker(input.action, await stepState(row), now);
  if (blocker) return refusedFor(blocker, 422);
  const planned = await plan(actor, row, input, now);
  if (isNotApplicable(planned)) {
    const { field, code, more } = planned;
    return field ? refused<CaseActionField>({ errors: more ?? { [field]: code }, values: {} }, 422) : refusedFor(code, 422);
  }
  return { input, planned, from, to: planned.status ?? listed };
}

const isRefused = (step: PreparedStep | Refused): step is Refused => 'ok' in step;

/**
 * Writes a prepared step in `tx`: the case, only if its version is still `expectedVersion` (else
 * null: someone changed it), its event, whatever else it records, and its messages. `earlier` is
 * what an earlier step of the same submission wrote, which the queue's deadline reads with it.
 */
async function writeStep(
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  step: PreparedStep,
  expectedVersion: number,
  now: Date,
  earlier: Prisma.CaseUncheckedUpdateManyInput = {},
): Promise<number | null> {
  const { planned, to } = step;
  const data: Prisma.CaseUncheckedUpdateManyInput = {
    ...planned.data,
    status: to,
    nextDueAt: isOpenStatus(to) ? nextDueFor(to, row, { ...earlier, ...planned.data }) : null,
    version: { increment: 1 },
  };
  // Only if nobody changed the case since it was read: otherwise one update would be lost.
  const updated = await tx.case.updateMany({ where: { id: row.id, version: expectedVersion }, data });
  if (updated.count === 0) return null;
  await tx.caseEvent.create({
    data: {
      caseId: row.id,
      type: planned.event.type ?? EVENT_TYPE[step.input.action],
      visibility: planned.event.visibility,
      actorType: 'STAFF',
      actorId: actor.id,
      fromStatus: step.from,
      toStatus: to,
      message: planned.event.message,
      data: planned.event.data,
      createdAt: now,
    },
  });
  const version = expectedVersion + 1;
  await planned.write?.(tx, { version, to, row, actor, now });
  await notifyAfterAction(tx, row, step.input, version);
  return version;
}

/**
 * Takes one step on a case. A refusal (422 for a step that does not apply or incomplete input,
 * 409 when someone changed the case since `expectedVersion` was read) changes nothing.
 */
export async function performCaseAction(
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  input: ActionInput,
  now = new Date(),
): Promise<CaseActionOutcome> {
  const row = await caseForActor(actor, caseId);
  const step = await prepareStep(actor, row, input, now);
  if (isRefused(step)) return step;

  return await db().$transaction(async (tx): Promise<CaseActionOutcome> => {
    const version = await writeStep(tx, actor, row, step, expectedVersion, now);
    if (version === null) return refusedFor('conflict', 409);
    // A staff change ends any warning override and may end the response targets (a closed case).
    await reassessWarnings(tx, [caseId], now, { clearOverride: true, actorId: actor.id });
    return { ok: true, version, caseStatus: step.to, left: step.planned.leaves ?? false };
  });
}

/** Triage in one submission: the claims the acceptance lists, and the unit (with a handler of it, or none) it goes to. */
export interface AcceptAndAssignInput {
  /** One per entry; null takes the letter's subject as its one claim. */
  claims: string[] | null;
  unitId: string;
  assigneeId: string | null;
  reportDueOn?: string | null;
}

/**
 * Accepts a case and assigns it in one transaction (art. 22): two steps, each its own event,
 * version and messages as when taken apart, checked for the role and the case as those are. The
 * assignment is checked as the acceptance leaves the case. Both are checked before either is
 * written, so a refusal names every field at fault and changes nothing.
 */
export async function acceptAndAssign(
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  input: AcceptAndAssignInput,
  now = new Date(),
): Promise<CaseActionOutcome> {
  const row = await caseForActor(actor, caseId);
  const assignInput: ActionInput = { action: 'assign', unitId: input.unitId, assigneeId: input.assigneeId, reportDueOn: input.reportDueOn };
  // Both roles first: a role that may take only one of the steps may not take them together (403).
  for (const action of ['accept', 'assign'] as const)
    if (!canTakeAction(actor, action, scopeOf(row))) throw new ForbiddenError(`case action ${action}`);
  const accept = await prepareStep(actor, row, { action: 'accept', claims: input.claims }, now);
  const assign = await prepareStep(actor, row, assignInput, now, isRefused(accept) ? 'ACCEPTED' : accept.to);
  if (isRefused(accept) || isRefused(assign)) {
    const refusals = [accept, assign].filter(isRefused);
    const whole = refusals.find((r) => r.formError);
    if (whole) return whole;
    const errors: Partial<Record<CaseActionField, string>> = {};
    for (const refusal of refusals) Object.assign(errors, refusal.errors);
    return refused<CaseActionField>({ errors, values: {} }, 422);
  }

  return await db().$transaction(async (tx): Promise<CaseActionOutcome> => {
    const accepted = await writeStep(tx, actor, row, accept, expectedVersion, now);
    if (accepted === null) return refusedFor('conflict', 409);
    const assigned = await writeStep(tx, actor, row, assign, accepted, now, accept.planned.data);
    // Nobody else can have changed the case between the two steps of this transaction, but say so if it happened.
    if (assigned === null) throw new Error('the case changed between accepting and assigning it');
    await reassessWarnings(tx, [caseId], now, { clearOverride: true, actorId: actor.id });
    return { ok: true, version: assigned, caseStatus: assign.to, left: false };
  });
}

/** What the citizen is told about, by email when they gave one (never with the access code). */
const CITIZEN_MESSAGE: Partial<Record<CaseAction, CitizenTemplate>> = {
  accept: 'case.accepted',
  decline: 'case.declined',
  forward: 'case.forwarded',
  extend: 'case.extended',
  reply: 'case.replied',
  settle: 'case.replied',
  issueReview: 'case.replied',
  issueReReview: 'case.replied',
};

async function notifyAfterAction(tx: Tx, row: CaseRow, input: ActionInput, version: number): Promise<void> {
  const template = CITIZEN_MESSAGE[input.action];
  // The version names this change, so a message is queued once per change however often it is retried.
  if (template) await queueCitizenMessage(tx, row.id, template, `v${version}`);
  if (input.action === 'assign' && input.assigneeId && input.assigneeId !== row.assigneeId) {
    const assignee = await tx.staffUser.findMany({
      where: { id: input.assigneeId, active: true },
      select: { id: true, mutedNotifications: true },
    });
    await queueStaffMessages(tx, assignee, 'assignment', 'staff.assigned', `${row.id}:v${version}`, { caseId: row.id });
  }
}

/** Shows a citizen's contact details to staff allowed to see them, and records that they did. */
export async function viewContact(actor: Actor, caseId: string, ipAddress: string) {
  const row = await caseForActor(actor, caseId);
  if (!canViewContact(actor, scopeOf(row))) throw new ForbiddenError('contact');
  const contact = await db().caseContact.findUnique({ where: { caseId } });
  await audit({
    action: 'contact.viewed',
    actorId: actor.id,
    targetType: 'Case',
    targetId: caseId,
    ipAddress,
    details: { receiptNo: row.receiptNo },
  });
  return contact;
}
