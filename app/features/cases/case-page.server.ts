// What the back-office case page shows, and the form posts it accepts: each post is parsed here,
// taken through staff-actions.server.ts and answered as one Outcome (a flash notice, or the
// refusal with its field codes and what was typed, the intent among them).
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { mayChangeWarning, warningChanges } from '#app/features/early-warning/changes.ts';
import { responseWording, targetStatuses } from '#app/features/early-warning/levels.ts';
import { officeOptions } from '#app/features/reference-data/office-options.server.ts';
import { canTakeAction, canViewClusters, canViewContact, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { CASE_ACTION_FIELDS, type CaseActionField } from './action-fields.ts';
import { DEADLINE_ARTICLE, type DeadlineKind } from './deadlines.ts';
import { activeDeadlineField, allowedActions } from './lifecycle.ts';
import { parseReceiptNo } from './receipt.ts';
import { caseForActor, performCaseAction, scopeOf, viewContact, type ActionInput } from './staff-actions.server.ts';
import type { Locale } from '#app/i18n/config.ts';

/** The statutory deadlines the page lists, in the order they fall, and where each is stored. */
const DEADLINE_FIELDS = [
  ['acceptance', 'acceptDueAt'],
  ['reply', 'replyDueAt'],
  ['reviewRequest', 'reviewRequestDueAt'],
  ['reviewOpinion', 'reviewDueAt'],
  ['reReviewOpinion', 'reReviewDueAt'],
] as const satisfies readonly (readonly [DeadlineKind, string])[];

export async function casePageData(actor: Actor, caseId: string, locale: Locale, now = new Date()) {
  const row = await caseForActor(actor, caseId);
  const [category, unit, assignee, events, templates, mergedInto, rating] = await Promise.all([
    db().category.findUniqueOrThrow({ where: { id: row.categoryId } }),
    row.unitId ? db().unit.findUnique({ where: { id: row.unitId } }) : null,
    row.assigneeId ? db().staffUser.findUnique({ where: { id: row.assigneeId }, select: { name: true } }) : null,
    db().caseEvent.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db().replyTemplate.findMany({ where: { kind: row.kind, locale, active: true }, orderBy: { title: 'asc' } }),
    row.mergedIntoId ? db().case.findUnique({ where: { id: row.mergedIntoId }, select: { receiptNo: true } }) : null,
    db().satisfactionRating.findUnique({ where: { caseId }, select: { rating: true, solved: true, comment: true, updatedAt: true } }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = new Map(
    (await db().staffUser.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  );
  const scope = scopeOf(row);
  const { withheld: attachmentsWithheld, attachments } = await caseFiles(actor, row.id);
  const actions = allowedActions(row.status).filter((action) => canTakeAction(actor, action, scope));
  return {
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
      mergedInto: mergedInto?.receiptNo ?? null,
      receivedAt: row.receivedAt,
      extensionDays: row.extensionDays,
      extensionReason: row.extensionReason,
    },
    deadlines: DEADLINE_FIELDS.flatMap(([kind, field]) => {
      const dueAt = row[field];
      // Staff's own deadline runs in its status (lifecycle.ts); the citizen's window to ask for a
      // review runs while the reply stands.
      const active = field === activeDeadlineField(row.status) || (field === 'reviewRequestDueAt' && row.status === 'REPLIED');
      return dueAt ? [{ kind, dueAt, article: DEADLINE_ARTICLE[kind], active }] : [];
    }),
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
    /** The units and handlers to assign to, for whoever may assign. */
    options: actions.includes('assign') ? await officeOptions(locale) : null,
    now,
    /** The case's files (downloads go through /office/cases/:caseId/attachments/:id, audited). */
    attachments,
    attachmentsWithheld,
  };
}

// Too long for its field: the form was not sent by the page, whose fields stop short of this.
const text = (max: number) => z.string().trim().max(max, { error: 'invalid' }).default('');
const version = z.coerce.number().int().min(0);

/** The case page's form posts, by intent. */
export const CasePagePost = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('showContact') }),
  z.object({ intent: z.literal('accept'), version }),
  z.object({ intent: z.literal('startWork'), version }),
  z.object({ intent: z.literal('decline'), version, reason: text(2000), referral: text(1000) }),
  z.object({ intent: z.literal('forward'), version, agency: text(200), message: text(2000) }),
  z.object({
    intent: z.literal('assign'),
    version,
    unitId: z.uuid({ error: 'unitRequired' }),
    assigneeId: z
      .union([z.uuid(), z.literal('')])
      .default('')
      .transform((v) => v || null),
  }),
  z.object({
    intent: z.literal('extend'),
    version,
    days: z.coerce.number({ error: 'extensionDays' }).int({ error: 'extensionDays' }),
    reason: text(2000),
  }),
  z.object({ intent: z.literal('reply'), version, message: text(20_000) }),
  z.object({ intent: z.literal('note'), version, message: text(5000) }),
  z.object({ intent: z.literal('merge'), version, intoReceiptNo: text(40) }),
  z.object({ intent: z.literal('close'), version, message: text(2000) }),
  z.object({ intent: z.literal('issueReview'), version, message: text(20_000) }),
  z.object({ intent: z.literal('issueReReview'), version, message: text(20_000) }),
]);
export type CasePagePost = z.infer<typeof CasePagePost>;

function toActionInput(post: Exclude<CasePagePost, { intent: 'showContact' }>): { version: number; input: ActionInput } {
  switch (post.intent) {
    case 'accept':
    case 'startWork':
      return { version: post.version, input: { action: post.intent } };
    case 'decline':
      return { version: post.version, input: { action: 'decline', reason: post.reason, referral: post.referral } };
    case 'forward':
      return { version: post.version, input: { action: 'forward', agency: post.agency, message: post.message } };
    case 'assign':
      return { version: post.version, input: { action: 'assign', unitId: post.unitId, assigneeId: post.assigneeId } };
    case 'extend':
      return { version: post.version, input: { action: 'extend', days: post.days, reason: post.reason } };
    case 'reply':
      return { version: post.version, input: { action: 'reply', message: post.message } };
    case 'note':
      return { version: post.version, input: { action: 'note', message: post.message } };
    case 'merge':
      return { version: post.version, input: { action: 'merge', intoReceiptNo: parseReceiptNo(post.intoReceiptNo) ?? '' } };
    case 'close':
      return { version: post.version, input: { action: 'close', message: post.message || null } };
    case 'issueReview':
    case 'issueReReview':
      return { version: post.version, input: { action: post.intent, message: post.message } };
  }
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

/** A post of the case page: the contact details shown, or a change to the case (done, with its notice, or refused). */
export type CasePagePostResult = { contact: CaseContactView | null } | { outcome: Outcome<CasePageField> };

export async function postCasePage(
  actor: Actor,
  caseId: string,
  form: URLSearchParams | RawForm,
  context: { ipAddress: string },
): Promise<CasePagePostResult> {
  const parsed = parseForm(form, CasePagePost);
  if (!parsed.ok) {
    const errors = Object.fromEntries(CASE_ACTION_FIELDS.flatMap((field) => (parsed.errors[field] ? [[field, parsed.errors[field]]] : [])));
    // No field of the page to point at (no known intent, no version): the form was not the page's.
    if (Object.keys(errors).length === 0) return { outcome: { ...refusedFor('invalid', 400), values: parsed.values } };
    return { outcome: refused<CasePageField>({ errors, values: parsed.values }) };
  }
  const post = parsed.value;
  if (post.intent === 'showContact') {
    const contact = await viewContact(actor, caseId, context.ipAddress);
    return { contact: contact && { name: contact.name, phone: contact.phone, email: contact.email, postalAddress: contact.postalAddress } };
  }
  const { version: expected, input } = toActionInput(post);
  const done = await performCaseAction(actor, caseId, expected, input);
  // A refusal comes back with what was typed, the intent among it, so the page reopens that form.
  if (!done.ok) return { outcome: { ...done, values: parsed.values } };
  return { outcome: { ok: true, notice: { key: `office:case.done.${post.intent}` } } };
}
