// The citizen's side of a case: opening it with receipt number and access code (the /track
// form, rate-limited per address), and what they may see of it once open.
import { z } from 'zod';
import { caseFiles } from '#app/features/attachments/access.server.ts';
import { noticesOf } from '#app/features/cases/written-notices/notices.server.ts';
import { localizedName, pickLocalized } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { accessCodeOpens } from './access-code.server.ts';
import { parseAccessCode } from './access-code.ts';
import { checkInOf } from './check-in.server.ts';
import { citizenClockOf } from './citizen-clock.server.ts';
import { claimsOf } from './claims.server.ts';
import { isWrittenAnswer } from './events.ts';
import { followUpChoices } from './follow-up.ts';
import { storedLegalReferences, type LegalReference } from './legal-references.ts';
import { isOpinionOutcome, type OpinionOutcome } from './opinions.ts';
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
/**
 * ?receipt=… (the link in our emails) only fills in the track form's receipt field: anything that
 * is not a well-formed receipt number is ignored.
 */
export function receiptFromLink(value: string | null): string | null {
  return z
    .string()
    .max(64)
    .transform((text) => parseReceiptNo(text))
    .nullable()
    .catch(null)
    .parse(value);
}

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
  reviewDueAt: Date | null;
  reReviewRequestDueAt: Date | null;
  reReviewDueAt: Date | null;
  hearingSince: Date | null;
  /** Why the statute chose where the case went, which the citizen is told (arts. 22, 28, 30). */
  routeReason: 'discipline' | 'courts' | null;
  timeline: PublicTimelineEntry[];
  /** The latest written answer: the reply, or a review or re-review opinion (with its outcome). */
  reply: { message: string; at: Date; type: string; outcome: OpinionOutcome | null } | null;
  /** Art. 32: the legal and policy basis of the written reply, and the articles it rests on. */
  legalBasis: string | null;
  legalReferences: LegalReference[];
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
    reviewDueAt: found.reviewDueAt,
    reReviewRequestDueAt: found.reReviewRequestDueAt,
    reReviewDueAt: found.reReviewDueAt,
    hearingSince: found.hearingSince,
    routeReason: found.routeReason === 'discipline' || found.routeReason === 'courts' ? found.routeReason : null,
    rating: found.rating,
    legalBasis: found.legalBasis,
    legalReferences: storedLegalReferences(found.legalReferences),
    timeline: found.events.map((event) => ({
      type: event.type,
      toStatus: event.toStatus,
      message: event.message,
      at: event.createdAt,
    })),
    reply: lastReply?.message
      ? { message: lastReply.message, at: lastReply.createdAt, type: lastReply.type, outcome: outcomeOf(lastReply.data) }
      : null,
  };
}

function outcomeOf(data: unknown): OpinionOutcome | null {
  const outcome = typeof data === 'object' && data !== null && 'outcome' in data ? data.outcome : null;
  return isOpinionOutcome(outcome) ? outcome : null;
}

/** A unit's name in each language, or null for staff of no unit (the letters and visits office itself). */
type UnitNames = { zhHans: string; zhHant: string; en: string } | null;

/**
 * What the reporter of misconduct may check (arts. 30, 46(5)): whom they reported, and which units
 * opened the report and when (never which people), so they can see the unit they reported never did.
 */
async function reportView(caseId: string) {
  const [party, openings] = await Promise.all([
    db().reportedParty.findUnique({
      where: { caseId },
      select: { officialName: true, unit: { select: { nameZhHans: true, nameZhHant: true, nameEn: true } } },
    }),
    db().caseOpening.groupBy({
      by: ['unitId'],
      where: { caseId },
      _min: { openedAt: true },
      _max: { openedAt: true },
      _count: { _all: true },
    }),
  ]);
  const units = await db().unit.findMany({
    where: { id: { in: openings.map((o) => o.unitId).filter((id): id is string => id !== null) } },
    select: { id: true, nameZhHans: true, nameZhHant: true, nameEn: true },
  });
  const names = (row: { nameZhHans: string; nameZhHant: string; nameEn: string } | null | undefined): UnitNames =>
    row ? { zhHans: row.nameZhHans, zhHant: row.nameZhHant, en: row.nameEn } : null;
  return {
    reportedUnit: names(party?.unit),
    official: party?.officialName ?? null,
    openings: openings
      .map((o) => ({
        unit: names(units.find((u) => u.id === o.unitId)),
        first: o._min.openedAt ?? new Date(0),
        last: o._max.openedAt ?? new Date(0),
        times: o._count._all,
      }))
      .sort((a, b) => a.first.getTime() - b.first.getTime()),
  };
}

/** The track page: the case as the citizen sees it, its deadline, what they may do about it now, and its files. */
export async function citizenCasePage(caseId: string, locale: Locale, now = new Date()) {
  const view = await publicCaseView(caseId);
  if (!view) return null;
  const [{ attachments }, report, clock, routedTo, claims, notices, checkIn] = await Promise.all([
    caseFiles({ citizenOf: caseId }, caseId),
    view.kind === 'MISCONDUCT_REPORT' ? reportView(caseId) : null,
    citizenClockOf(caseId, now),
    // A matter for the courts: the citizen is told where it went, and why (arts. 22, 28).
    view.routeReason === 'courts'
      ? db().case.findUnique({ where: { id: caseId }, select: { unit: { select: { nameZhHans: true, nameZhHant: true, nameEn: true } } } })
      : null,
    claimsOf(caseId),
    noticesOf(caseId),
    checkInOf(caseId),
  ]);
  const pick = (names: UnitNames) => (names ? pickLocalized(names, locale) : null);
  return {
    view: { ...view, categoryName: pickLocalized(view.category, locale) },
    /** Every date of the statute's clock so far, met or not (a merged case shows its main case's). */
    clock: clock ?? [],
    followUp: followUpChoices(view, now),
    /** 回访: the citizen's consent, and the question once it was asked. */
    checkIn,
    /** The written notices issued so far, to open and print. */
    notices: notices.map((notice) => ({ kind: notice.kind, issuedAt: notice.issuedAt })),
    /** The reply's answer to each claim (逐条答复), once it is published; the claims alone are on the timeline. */
    answers: claims.some((claim) => claim.answeredAt)
      ? {
          claims: claims.map(({ position, text, outcome, reasons }) => ({ position, text, outcome, reasons })),
          legalBasis: view.legalBasis,
          legalReferences: view.legalReferences,
        }
      : null,
    attachments,
    routedTo: routedTo?.unit ? localizedName(routedTo.unit, locale) : null,
    report: report && {
      reportedUnit: pick(report.reportedUnit),
      official: report.official,
      openings: report.openings.map((o) => ({ unit: pick(o.unit), first: o.first, last: o.last, times: o.times })),
    },
  };
}
