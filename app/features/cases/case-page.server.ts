// What the back-office case page shows, and the form posts it accepts.
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { mayChangeWarning, warningChanges } from '#app/features/early-warning/changes.ts';
import { responseWording, targetStatuses } from '#app/features/early-warning/levels.ts';
import { canTakeAction, canViewClusters, canViewContact, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { DEADLINE_ARTICLE } from './deadlines.ts';
import { allowedActions } from './lifecycle.ts';
import { parseReceiptNo } from './receipt.ts';
import { caseForActor, scopeOf, type ActionInput } from './staff-actions.server.ts';
import type { Locale } from '#app/i18n/config.ts';

export async function casePageData(actor: Actor, caseId: string, locale: Locale) {
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
    deadlines: [
      { kind: 'acceptance', dueAt: row.acceptDueAt, article: DEADLINE_ARTICLE.acceptance, active: row.status === 'SUBMITTED' },
      {
        kind: 'reply',
        dueAt: row.replyDueAt,
        article: DEADLINE_ARTICLE.reply,
        active: row.status === 'ACCEPTED' || row.status === 'IN_PROGRESS',
      },
      { kind: 'reviewRequest', dueAt: row.reviewRequestDueAt, article: DEADLINE_ARTICLE.reviewRequest, active: row.status === 'REPLIED' },
      { kind: 'reviewOpinion', dueAt: row.reviewDueAt, article: DEADLINE_ARTICLE.reviewOpinion, active: row.status === 'REVIEW_REQUESTED' },
      {
        kind: 'reReviewOpinion',
        dueAt: row.reReviewDueAt,
        article: DEADLINE_ARTICLE.reReviewOpinion,
        active: row.status === 'RE_REVIEW_REQUESTED',
      },
    ].filter((d): d is { kind: string; dueAt: Date; article: string; active: boolean } => d.dueAt !== null),
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
      targets: targetStatuses(row, row, new Date()),
      clusterId: row.clusterId && canViewClusters(actor) ? row.clusterId : null,
      clusterSize: row.clusterId ? await db().case.count({ where: { clusterId: row.clusterId } }) : 0,
      canChange: mayChangeWarning(warningChanges(actor, scope, row.status)),
    },
    templates: templates.map((tpl) => ({ id: tpl.id, title: tpl.title, body: tpl.body })),
    /** The case's files (downloads go through /office/cases/:caseId/attachments/:id, audited). */
    attachments,
    attachmentsWithheld,
  };
}

const text = (max: number) => z.string().trim().max(max).default('');
const version = z.coerce.number().int().min(0);

/** The case page's form posts, by intent. Parsed here so the route stays thin. */
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
    assigneeId: z.union([z.uuid(), z.literal('')]).transform((v) => v || null),
  }),
  z.object({ intent: z.literal('extend'), version, days: z.coerce.number().int(), reason: text(2000) }),
  z.object({ intent: z.literal('reply'), version, message: text(20_000) }),
  z.object({ intent: z.literal('note'), version, message: text(5000) }),
  z.object({ intent: z.literal('merge'), version, intoReceiptNo: text(40) }),
  z.object({ intent: z.literal('close'), version, message: text(2000) }),
  z.object({ intent: z.literal('issueReview'), version, message: text(20_000) }),
  z.object({ intent: z.literal('issueReReview'), version, message: text(20_000) }),
]);
export type CasePagePost = z.infer<typeof CasePagePost>;

export function toActionInput(post: Exclude<CasePagePost, { intent: 'showContact' }>): { version: number; input: ActionInput } {
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
