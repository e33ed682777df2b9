// The citizen's side of a case: opening it with receipt number and access code (the /track
// form, rate-limited per address), and what they may see of it once open.
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { pickLocalized } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { accessCodeOpens } from './access-code.server.ts';
import { parseAccessCode } from './access-code.ts';
import { citizenDeadline } from './citizen-deadline.ts';
import { isWrittenAnswer } from './events.ts';
import { followUpChoices } from './follow-up.ts';
import { parseReceiptNo } from './receipt.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { CaseStatus } from './lifecycle.ts';
import type { Submission } from './submission.ts';

/** Returns the case id when the pair matches; null otherwise, without saying which part was wrong. */
export async function findCaseByReceiptAndCode(receiptNo: string, accessCode: string): Promise<string | null> {
  const found = await db().case.findUnique({ where: { receiptNo }, select: { id: true, accessCodeHash: true } });
  // Compared even when there is no such case, so both failures take as long.
  const opens = accessCodeOpens(found?.accessCodeHash ?? null, accessCode);
  return found && opens ? found.id : null;
}

// What was typed, cut short: no receipt number or code is longer, and a huge post is not echoed.
const Typed = z
  .string()
  .transform((value) => value.slice(0, 64))
  .catch('');
const LookupForm = z.object({ receiptNo: Typed, accessCode: Typed });

/** Why a lookup failed: a key under common:track.errors, always shown at the receipt number. */
export type LookupRefusal = 'missing' | 'noMatch' | 'tooMany';

/**
 * The /track form: the case the pair opens. Every attempt is counted per address, well-formed or
 * not, so guessing is slow whatever is typed; and one answer serves every failure, so it never
 * says which of the two was wrong. The access code is never sent back to the page.
 */
export async function lookUpCase(form: URLSearchParams, clientIp: string): Promise<Outcome<'receiptNo', { caseId: string }>> {
  const parsed = parseForm(form, LookupForm);
  const { receiptNo, accessCode } = parsed.ok ? parsed.value : { receiptNo: '', accessCode: '' };
  const refuse = (code: LookupRefusal, status: 400 | 429 = 400) => refused({ errors: { receiptNo: code }, values: { receiptNo } }, status);
  if (!receiptNo.trim() || !accessCode.trim()) return refuse('missing');
  const limit = await consumeRateLimit(`lookup:${clientIp}`, env().LOOKUP_RATE_LIMIT, env().LOOKUP_RATE_WINDOW_SECONDS);
  if (!limit.allowed) return refuse('tooMany', 429);
  const receipt = parseReceiptNo(receiptNo);
  const code = parseAccessCode(accessCode);
  const caseId = receipt && code ? await findCaseByReceiptAndCode(receipt, code) : null;
  return caseId ? { ok: true, caseId } : refuse('noMatch');
}

export interface PublicTimelineEntry {
  type: string;
  toStatus: CaseStatus | null;
  message: string | null;
  at: Date;
}

export interface PublicCaseView {
  receiptNo: string;
  kind: Submission['kind'];
  status: CaseStatus;
  subject: string;
  categoryCode: string;
  category: { zhHans: string; zhHant: string; en: string };
  receivedAt: Date;
  acceptDueAt: Date;
  replyDueAt: Date | null;
  extensionDays: number | null;
  extensionReason: string | null;
  reviewRequestDueAt: Date | null;
  reReviewRequestDueAt: Date | null;
  timeline: PublicTimelineEntry[];
  /** The latest written answer: the reply, or a review or re-review opinion. */
  reply: { message: string; at: Date; type: string } | null;
  rating: { rating: number; solved: 'YES' | 'PARTLY' | 'NO'; comment: string | null } | null;
}

/** What the citizen may see of their case: public events only, never internal notes or staff names. */
export async function publicCaseView(caseId: string): Promise<PublicCaseView | null> {
  const found = await db().case.findUnique({
    where: { id: caseId },
    include: {
      category: { select: { code: true, nameZhHans: true, nameZhHant: true, nameEn: true } },
      events: { where: { visibility: 'PUBLIC' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      rating: { select: { rating: true, solved: true, comment: true } },
    },
  });
  if (!found) return null;
  const replies = found.events.filter((event) => isWrittenAnswer(event.type) && event.message);
  const lastReply = replies.at(-1);
  return {
    receiptNo: found.receiptNo,
    kind: found.kind,
    status: found.status,
    subject: found.subject,
    categoryCode: found.category.code,
    category: { zhHans: found.category.nameZhHans, zhHant: found.category.nameZhHant, en: found.category.nameEn },
    receivedAt: found.receivedAt,
    acceptDueAt: found.acceptDueAt,
    replyDueAt: found.replyDueAt,
    extensionDays: found.extensionDays,
    extensionReason: found.extensionReason,
    reviewRequestDueAt: found.reviewRequestDueAt,
    reReviewRequestDueAt: found.reReviewRequestDueAt,
    rating: found.rating,
    timeline: found.events.map((event) => ({
      type: event.type,
      toStatus: event.toStatus,
      message: event.message,
      at: event.createdAt,
    })),
    reply: lastReply?.message ? { message: lastReply.message, at: lastReply.createdAt, type: lastReply.type } : null,
  };
}

/** The track page: the case as the citizen sees it, its deadline, what they may do about it now, and its files. */
export async function citizenCasePage(caseId: string, locale: Locale, now = new Date()) {
  const view = await publicCaseView(caseId);
  if (!view) return null;
  const { attachments } = await caseFiles({ citizenOf: caseId }, caseId);
  return {
    view: { ...view, categoryName: pickLocalized(view.category, locale) },
    deadline: citizenDeadline(view),
    followUp: followUpChoices(view, now),
    attachments,
  };
}
